import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

/** Names a DataLoader and fixes its key and value types. */
export class LoaderKey<K, V> {
  declare private readonly types: [K, V];

  constructor(readonly name: string) {}
}

type AnyFactory = () => DataLoader<unknown, unknown>;

/** One set of DataLoaders per GraphQL request, created lazily: batching and caching never cross requests. */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly factories: ReadonlyMap<string, AnyFactory>) {}

  get<K, V>(key: LoaderKey<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key.name);
    if (!loader) {
      const factory = this.factories.get(key.name);
      if (!factory) throw new Error(`No DataLoader is registered for ${key.name}`);
      loader = factory();
      this.loaders.set(key.name, loader);
    }
    return loader as unknown as DataLoader<K, V>;
  }
}

/** Domain modules register their loader factories here at init; the GraphQL context asks for a fresh set per request. */
@Injectable()
export class LoaderRegistry {
  private readonly factories = new Map<string, AnyFactory>();

  register<K, V>(key: LoaderKey<K, V>, factory: () => DataLoader<K, V>): void {
    if (this.factories.has(key.name)) throw new Error(`DataLoader ${key.name} is registered twice`);
    this.factories.set(key.name, factory);
  }

  forRequest(): RequestLoaders {
    return new RequestLoaders(this.factories);
  }
}

/** Orders batch results as DataLoader expects: one entry per key, null when absent. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row] as const));
  return keys.map((key) => found.get(key) ?? null);
}
