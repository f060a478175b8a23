import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { DataSource } from 'typeorm';
import type { SubjectFields, SubjectType } from '../authorization/ability';
import { AuthorizationService } from '../authorization/authorization.service';
import { authorizedRecord, type RecordLookup } from '../authorization/authorized-record';
import { recordChange, type AuditChange, type AuditSubject } from '../audit/audit-change';
import type { AuditEntry } from '../audit/audit-entry.entity';
import { AuditTrail } from '../audit/audit-trail.service';
import type { Caller } from '../auth/caller';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventBus } from '../events/event-bus';
import { writeOutbox, type LiveEventDraft } from '../events/outbox';
import { markCommitted } from '../idempotency/idempotent-requests';
import { COMMIT_OUTCOME_UNKNOWN_MESSAGE } from '../errors/classify-error';
import { UnavailableError } from '../errors/domain-error';
import { isConnectionFailure } from '../errors/postgres-errors';

/** What a change does inside its transaction: lock and check records, write, record, announce. */
export class Work {
  readonly events: LiveEventDraft[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly caller: Caller,
    private readonly authorization: AuthorizationService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * The record, locked for the rest of the transaction, if the caller may do `action` to it; NOT_FOUND
   * (exactly as for a missing id) when they may not even read it, FORBIDDEN when they may read it only.
   */
  lock<T extends SubjectType, E extends SubjectFields[T] & ObjectLiteral>(
    lookup: Omit<RecordLookup<T, E>, 'lock'>,
  ): Promise<E> {
    return authorizedRecord(this.authorization, this.manager, this.caller, { ...lookup, lock: true });
  }

  /** Appends the change to its consortium's audit chain, in this transaction. */
  record(subjectType: string, subject: AuditSubject, change: AuditChange): Promise<AuditEntry> {
    return recordChange(this.audit, this.manager, this.caller, subjectType, subject, change);
  }

  /** Announces the change to live subscribers: written to the outbox, delivered once it commits. */
  publish(topic: string, consortiumId: string | null, payload: Record<string, unknown>): void {
    this.events.push({ topic, consortiumId, payload });
  }
}

/**
 * The one way a mutation changes data: the caller's ability is resolved, one transaction opens, the
 * work locks and asserts its records, applies the change and records it in the audit trail; its
 * live events go to the outbox and the request's idempotency record is marked committed in that
 * same transaction; after commit the events are delivered. Nothing runs after the commit that can
 * fail, so a committed write is never reported as failed.
 *
 * The single-connection rule lives here: the embedded database has one connection, which the open
 * transaction holds, so everything the ability is built from (roles, memberships, contract grants)
 * is read before the transaction opens. Inside, reads go through `work.manager` only.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authorization: AuthorizationService,
    private readonly audit: AuditTrail,
    private readonly events: EventBus,
  ) {}

  async run<T>(caller: Caller, work: (work: Work) => Promise<T>): Promise<T> {
    await this.authorization.abilityFor(caller);
    let announced = false;
    let committing = false;
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const unit = new Work(manager, caller, this.authorization, this.audit);
        const value = await work(unit);
        await writeOutbox(manager, unit.events, this.config.database.kind === 'postgres');
        await markCommitted(manager, caller);
        announced = unit.events.length > 0;
        committing = true;
        return value;
      });
    } catch (error) {
      // Lost during COMMIT: PostgreSQL may have committed. The caller must not be told otherwise.
      if (committing && isConnectionFailure(error)) {
        throw new UnavailableError(COMMIT_OUTCOME_UNKNOWN_MESSAGE, { outcome: 'UNKNOWN' });
      }
      throw error;
    }
    if (announced) this.events.wake();
    return result;
  }
}
