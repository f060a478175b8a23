import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';

/** The idempotent request a caller object was built for (one caller object per HTTP request). */
export interface IdempotentRequestMark {
  scope: string;
  key: string;
}

const marks = new WeakMap<Caller, IdempotentRequestMark>();

export function markIdempotentRequest(caller: Caller, mark: IdempotentRequestMark): void {
  marks.set(caller, mark);
}

/**
 * Inside the change's own transaction: the request's record says its change committed. A retry
 * after a lost answer then learns that the change was made, instead of making it twice.
 */
export async function markCommitted(manager: EntityManager, caller: Caller): Promise<void> {
  const mark = marks.get(caller);
  if (!mark) return;
  await manager.query(
    `UPDATE idempotent_request SET committed_at = coalesce(committed_at, now()) WHERE scope = $1 AND key = $2`,
    [mark.scope, mark.key],
  );
}
