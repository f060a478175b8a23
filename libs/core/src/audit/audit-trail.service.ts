import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../auth/caller';
import type { ConnectionShape } from '../pagination/connection.type';
import { decodeCursor, paginate, type KeysetSort } from '../pagination/keyset';
import type { PageArgs } from '../pagination/page-args';
import {
  CHAIN_START,
  classifyBreak,
  walkChain,
  type AuditVerification,
  type ChainBreak,
  type ChainFacts,
} from './audit-chain';
import { AuditEntry } from './audit-entry.entity';
import { auditHash, canonicalJson, GENESIS_HASH, toPlainJson, type AuditHashInput } from './audit-hash';

/** What a service records about its change; who and when are filled in by the trail. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  consortiumId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Whose entries a list may show: some consortia's, or everything (platform-wide ones too). */
export type AuditScope = { consortiumIds: readonly string[] } | 'all';

/** Equality filters; absent or null means any. */
export interface AuditFilter {
  consortiumId?: string | null;
  action?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  actorUserId?: string | null;
}

export const AUDIT_VERIFY_PAGE_SIZE = 1_000;

const NEWEST_FIRST: KeysetSort<AuditEntry> = {
  name: 'SEQ_DESC',
  // The cursor carries seq as a string; PostgreSQL types the parameter as the bigint column's
  // type, so the keyset comparison stays numeric (a test pages across seq 9 → 10).
  column: 'entry.seq',
  direction: 'DESC',
  valueOf: (entry) => entry.seq,
};

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The append-only, hash-chained audit trail (DOMAIN.md, "Across everything"). */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the caller's transaction, so it commits or rolls back with the change.
   * Writers queue on one lock until they commit: call it last in the transaction to hold it briefly.
   */
  async record(manager: EntityManager, actor: Caller | null, record: AuditRecord): Promise<AuditEntry> {
    await lockChain(manager);
    const { previousHash, seq } = await chainHead(manager);
    const content: AuditHashInput = {
      seq,
      id: randomUUID(),
      occurredAt: new Date(),
      actorUserId: canonicalUuid(actor?.userId ?? null),
      actorOrganizationId: canonicalUuid(actor?.organizationId ?? null),
      consortiumId: canonicalUuid(record.consortiumId ?? null),
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      // Hashed exactly as they will read back from jsonb.
      before: toPlainJson(record.before),
      after: toPlainJson(record.after),
    };
    const entry = manager.create(AuditEntry, {
      ...content,
      previousHash,
      hash: auditHash(previousHash, content),
    });
    await insertEntry(manager, entry);
    return entry;
  }

  /** Re-reads the whole trail in seq order, a page at a time, and checks every link. */
  async verify(): Promise<AuditVerification> {
    let position = CHAIN_START;
    for (;;) {
      const page = await this.page(position.last?.seq);
      const step = walkChain(page, position);
      if (step.broken) {
        const firstProblem = classifyBreak(step.broken, await this.factsAbout(step.broken));
        return { valid: false, checkedEntries: step.position.checked, firstProblem };
      }
      position = step.position;
      if (page.length < AUDIT_VERIFY_PAGE_SIZE) return { valid: true, checkedEntries: position.checked };
    }
  }

  /** Newest first. Entries without a consortium are platform-wide: only the 'all' scope sees them. */
  async list(scope: AuditScope, filter: AuditFilter, page: PageArgs): Promise<ConnectionShape<AuditEntry>> {
    if (scope !== 'all' && scope.consortiumIds.length === 0) {
      if (page.after) decodeCursor(page.after, NEWEST_FIRST.name);
      return emptyPage(page);
    }
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry');
    if (scope !== 'all') {
      query.andWhere('entry.consortium_id IN (:...scopeIds)', { scopeIds: scope.consortiumIds });
    }
    applyFilter(query, filter);
    return paginate(query, page, NEWEST_FIRST);
  }

  private page(afterSeq: string | undefined): Promise<AuditEntry[]> {
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .orderBy('entry.seq', 'ASC')
      .limit(AUDIT_VERIFY_PAGE_SIZE);
    // No lower bound on the first page: a forged entry may carry seq 0 or below.
    if (afterSeq !== undefined) query.where('entry.seq > :afterSeq', { afterSeq });
    return query.getMany();
  }

  /** What the rest of the table says about a break: one indexed look-up each. */
  private async factsAbout({ entry }: ChainBreak): Promise<ChainFacts> {
    const [facts] = await this.dataSource.query<ChainFacts[]>(
      `SELECT EXISTS (SELECT 1 FROM audit_entry WHERE hash = $1 AND seq <> $3) AS "previousHashKnown",
              EXISTS (SELECT 1 FROM audit_entry WHERE previous_hash = $2 AND seq <> $3) AS "hashReferenced",
              EXISTS (SELECT 1 FROM audit_entry WHERE seq > $3) AS "laterEntries"`,
      [entry.previousHash, entry.hash, entry.seq],
    );
    if (!facts) throw new Error('The audit trail facts query returned no row');
    return facts;
  }
}

/**
 * One writer at a time from reading the chain's head to commit, or two entries would claim the
 * same predecessor. The lock is held to the end of the caller's transaction, hence it must be one.
 */
async function lockChain(manager: EntityManager): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('AuditTrail.record must run inside a transaction (dataSource.transaction(manager => …))');
  }
  const [row] = await manager.query<{ isolation: string }[]>(
    `SELECT pg_advisory_xact_lock(hashtext('tetrad.audit-chain')), current_setting('transaction_isolation') AS isolation`,
  );
  // A snapshot older than the lock could miss the entry committed just before: a fork.
  if (row?.isolation !== 'read committed') {
    throw new Error(`AuditTrail.record needs a READ COMMITTED transaction (got ${row?.isolation})`);
  }
}

/** The hash to follow and the next seq, read under the lock (a fresh snapshot in READ COMMITTED). */
async function chainHead(manager: EntityManager): Promise<{ previousHash: string; seq: string }> {
  const [head] = await manager.query<{ previous_hash: string | null; seq: string }[]>(
    `SELECT (SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1) AS previous_hash,
            nextval(pg_get_serial_sequence('audit_entry', 'seq'))::text AS seq`,
  );
  if (!head) throw new Error('Reading the head of the audit chain returned no row');
  return { previousHash: head.previous_hash ?? GENESIS_HASH, seq: head.seq };
}

async function insertEntry(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_entry (seq, id, occurred_at, actor_user_id, actor_organization_id, consortium_id,
       action, subject_type, subject_id, before, after, previous_hash, hash)
     VALUES ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13)`,
    [
      entry.seq,
      entry.id,
      entry.occurredAt.toISOString(),
      entry.actorUserId,
      entry.actorOrganizationId,
      entry.consortiumId,
      entry.action,
      entry.subjectType,
      entry.subjectId,
      jsonbParameter(entry.before),
      jsonbParameter(entry.after),
      entry.previousHash,
      entry.hash,
    ],
  );
}

/** JSON null is stored as SQL NULL: both read back as null, so the hash is the same. */
function jsonbParameter(value: unknown): string | null {
  return value === null ? null : canonicalJson(value);
}

/** PostgreSQL prints uuids lower-case and hyphenated; hash them as they will read back. */
function canonicalUuid(value: string | null): string | null {
  if (value === null) return null;
  const lower = value.toLowerCase();
  if (!CANONICAL_UUID.test(lower)) throw new Error(`Not a canonical uuid in an audit entry: ${value}`);
  return lower;
}

function applyFilter(query: SelectQueryBuilder<AuditEntry>, filter: AuditFilter): void {
  const columns: [keyof AuditFilter, string][] = [
    ['consortiumId', 'entry.consortium_id'],
    ['action', 'entry.action'],
    ['subjectType', 'entry.subject_type'],
    ['subjectId', 'entry.subject_id'],
    ['actorUserId', 'entry.actor_user_id'],
  ];
  for (const [key, column] of columns) {
    const value = filter[key];
    if (value !== undefined && value !== null) query.andWhere(`${column} = :${key}`, { [key]: value });
  }
}

function emptyPage(page: PageArgs): ConnectionShape<AuditEntry> {
  return {
    edges: [],
    nodes: [],
    totalCount: 0,
    pageInfo: {
      hasNextPage: false,
      hasPreviousPage: Boolean(page.after),
      startCursor: null,
      endCursor: null,
    },
  };
}
