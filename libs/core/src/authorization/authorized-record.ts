import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { Caller } from '../auth/caller';
import { NotFoundError } from '../errors/domain-error';
import type { Action, SubjectFields, SubjectType } from './ability';
import type { AuthorizationService } from './authorization.service';

/** Which record to read, as which subject type, for which action. */
export interface RecordLookup<T extends SubjectType, E> {
  readonly type: T;
  readonly entity: EntityTarget<E>;
  readonly id: string;
  readonly action: Action;
  /** Re-read FOR UPDATE, so that concurrent changes queue: only inside the writing transaction. */
  readonly lock?: boolean;
}

/**
 * Reads one record and asserts the caller may act on it. Missing and out of reach both answer
 * NOT_FOUND, so existence never leaks across tenants.
 */
export async function authorizedRecord<T extends SubjectType, E extends SubjectFields[T] & ObjectLiteral>(
  authorization: Pick<AuthorizationService, 'assertCan'>,
  manager: EntityManager,
  caller: Caller,
  lookup: RecordLookup<T, E>,
): Promise<E> {
  const { type, entity, id, action, lock } = lookup;
  const record = await manager.findOne(entity, {
    // TypeORM cannot see that every subject entity has an id column.
    where: { id } as unknown as FindOptionsWhere<E>,
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!record) throw new NotFoundError(type, id);
  await authorization.assertCan(caller, action, type, { ...record }, id);
  return record;
}

/**
 * Reads the parent a record hangs from (the milestone of a proposal, the contract of an
 * obligation). Out of reach, the record the caller named answers NOT_FOUND under the type and id
 * the caller sent, exactly as a missing one: the parent's id never leaves the server.
 */
export async function throughParent<R>(subject: string, id: string, read: () => Promise<R>): Promise<R> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(subject, id);
    throw error;
  }
}
