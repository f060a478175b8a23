import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';

const loaders = new WeakMap<Caller, Map<string, DataLoader<unknown, unknown>>>();

/**
 * A DataLoader per caller and name, for lookups whose answer depends on who asks (a page of
 * datasets, each with the contracts *this caller* may see). The caller object lives as long as
 * its request, so the loader does too; batching never crosses callers. Pass `{ cache: false }`
 * for answers a later mutation of the same request may change: loads still batch, nothing is reused.
 */
export function callerLoader<K, V>(
  caller: Caller,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
  options?: DataLoader.Options<K, V>,
): DataLoader<K, V> {
  let byName = loaders.get(caller);
  if (!byName) {
    byName = new Map();
    loaders.set(caller, byName);
  }
  let loader = byName.get(name);
  if (!loader) {
    loader = new DataLoader<K, V>(batch, options);
    byName.set(name, loader);
  }
  return loader as unknown as DataLoader<K, V>;
}
