import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import type { AuditEntry } from './audit-entry.entity';
import type { AuditTrail } from './audit-trail.service';

/** A consortium's record an entry is about. */
export interface AuditSubject {
  readonly id: string;
  readonly consortiumId: string;
}

/** What changed: a null or absent `before` reads back as null alike. */
export interface AuditChange {
  readonly action: string;
  readonly before?: unknown;
  readonly after: unknown;
}

/** Records a change to one record: subject and consortium are named by the record itself. */
export function recordChange(
  audit: Pick<AuditTrail, 'record'>,
  manager: EntityManager,
  caller: Caller | null,
  subjectType: string,
  subject: AuditSubject,
  change: AuditChange,
): Promise<AuditEntry> {
  return audit.record(manager, caller, {
    action: change.action,
    subjectType,
    subjectId: subject.id,
    consortiumId: subject.consortiumId,
    before: change.before ?? null,
    after: change.after,
  });
}
