import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../auth/caller';
import type { ConnectionShape } from '../pagination/connection.type';
import { decodeCursor, paginate, type KeysetSort } from '../pagination/keyset';
import type { PageArgs } from '../pagination/page-args';
import {
  verifyChainAgainstCheckpoints,
  type ChainAnchor,
  type ChainVerification,
} from './audit-checkpoint-verification';
import {
  chainHead,
  databaseChainSource,
  insertCheckpoint,
  insertEntry,
  lockChain,
  readCheckpoints,
  readLatestCheckpoint,
} from './audit-chain-store';
import { AuditEntry } from './audit-entry.entity';
import { auditHash, chainOf, genesisHash, toPlainJson, type AuditHashInput } from './audit-hash';
import { AuditKeyring, type AuditCheckpoint } from './audit-signing';

/** What a service records about its change; who and when are filled in by the trail. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  consortiumId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditVerifyOptions {
  /** Re-read the whole chain instead of the segment after the last verified checkpoint. */
  full?: boolean;
  /** Checkpoints the party kept: verified against the whole chain, with the stored ones. */
  kept?: readonly AuditCheckpoint[];
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

/** One chain's entries, newest first, by their place in the chain. */
const CHAIN_NEWEST_FIRST: KeysetSort<AuditEntry> = {
  name: 'CHAIN_SEQ_DESC',
  // The cursor carries seq as a string; PostgreSQL types the parameter as the bigint column's
  // type, so the keyset comparison stays numeric (a test pages across seq 9 → 10).
  column: 'entry.chain_seq',
  direction: 'DESC',
  valueOf: (entry) => entry.seq,
};

/** Every chain (platform admins): newest first in the order of writing. */
const WRITTEN_NEWEST_FIRST: KeysetSort<AuditEntry> = {
  name: 'POSITION_DESC',
  // The property: TypeORM maps `entry.position` to the column seq (and `entry.seq` to chain_seq).
  column: 'entry.position',
  direction: 'DESC',
  valueOf: (entry) => entry.position,
};

/**
 * Several consortia's chains (a member of more than one): newest first by time, so that neither
 * the order nor a cursor reveals the global position, which counts other consortia's entries.
 */
const OCCURRED_NEWEST_FIRST: KeysetSort<AuditEntry> = {
  name: 'OCCURRED_DESC',
  column: 'entry.occurred_at',
  direction: 'DESC',
  valueOf: (entry) => entry.occurredAt.toISOString(),
};

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The append-only audit trail (DOMAIN.md, "Across everything"): one hash chain per consortium and
 * one for the platform, each head signed in the transaction that writes it (a checkpoint).
 */
@Injectable()
export class AuditTrail implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditTrail.name);
  /** Per chain, the latest checkpoint a verification found intact: the next one starts there. */
  private readonly anchors = new Map<string, ChainAnchor>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keyring: AuditKeyring,
  ) {}

  /** After the upgrade to per-consortium chains, each chain's head is signed once (see README). */
  async onApplicationBootstrap(): Promise<void> {
    const signed = await this.signUnsignedHeads();
    if (signed > 0) this.logger.warn(`Signed the head of ${signed} audit chain(s) that had no checkpoint`);
  }

  /**
   * Appends an entry to its consortium's chain (or the platform's) inside the caller's
   * transaction, with a signed checkpoint of the new head, so both commit or roll back with the
   * change. Writers to one chain queue on its lock until they commit: call it last in the
   * transaction to hold it briefly. Writers to different chains do not wait for each other.
   */
  async record(manager: EntityManager, actor: Caller | null, record: AuditRecord): Promise<AuditEntry> {
    const consortiumId = canonicalUuid(record.consortiumId ?? null);
    const chain = chainOf(consortiumId);
    await lockChain(manager, chain);
    const head = await chainHead(manager, chain);
    const content: AuditHashInput = {
      chain,
      seq: head ? (BigInt(head.seq) + 1n).toString() : '1',
      id: randomUUID(),
      occurredAt: new Date(),
      actorUserId: canonicalUuid(actor?.userId ?? null),
      actorOrganizationId: canonicalUuid(actor?.organizationId ?? null),
      consortiumId,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      // Hashed exactly as they will read back from jsonb.
      before: toPlainJson(record.before),
      after: toPlainJson(record.after),
    };
    const previousHash = head?.hash ?? genesisHash(chain);
    const entry = manager.create(AuditEntry, {
      ...content,
      previousHash,
      hash: auditHash(previousHash, content),
    });
    const checkpoint = this.keyring.sign({
      chain,
      seq: entry.seq,
      hash: entry.hash,
      signedAt: entry.occurredAt.toISOString(),
    });
    entry.position = await insertEntry(manager, entry, checkpoint);
    return entry;
  }

  /**
   * Verifies one chain against its signed checkpoints (and the ones a party kept). Without
   * `full` or kept checkpoints, it starts from the latest checkpoint an earlier verification
   * found intact and reads only the entries after it.
   */
  async verify(chain: string, options: AuditVerifyOptions = {}): Promise<ChainVerification> {
    const kept = options.kept ?? [];
    const anchor = options.full || kept.length > 0 ? undefined : this.anchors.get(chain);
    const result = await verifyChainAgainstCheckpoints(
      chain,
      databaseChainSource(this.dataSource, chain),
      this.keyring,
      {
        anchor,
        kept,
        pageSize: AUDIT_VERIFY_PAGE_SIZE,
      },
    );
    if (result.valid && result.anchor) this.anchors.set(chain, result.anchor);
    else if (!result.valid) this.anchors.delete(chain);
    return result;
  }

  /** Every chain that has entries or checkpoints: the platform's first, then by consortium id. */
  async chains(): Promise<string[]> {
    const rows = await this.dataSource.query<{ chain: string }[]>(
      `SELECT chain FROM (SELECT DISTINCT chain FROM audit_entry UNION SELECT DISTINCT chain FROM audit_checkpoint) c
       ORDER BY chain <> 'platform', chain`,
    );
    return rows.map((row) => row.chain);
  }

  /** A chain's stored checkpoints after `afterSeq`, oldest first. */
  async checkpoints(chain: string, afterSeq: string | undefined, first: number): Promise<AuditCheckpoint[]> {
    return readCheckpoints(this.dataSource.manager, chain, afterSeq, undefined, first);
  }

  /** The checkpoint of the chain's head (null: nothing recorded yet). */
  async latestCheckpoint(chain: string): Promise<AuditCheckpoint | null> {
    return readLatestCheckpoint(this.dataSource.manager, chain);
  }

  /** How many entries a chain holds (its head's seq). */
  async length(chain: string): Promise<string> {
    const [row] = await this.dataSource.query<{ n: string | null }[]>(
      'SELECT max(chain_seq)::text AS n FROM audit_entry WHERE chain = $1',
      [chain],
    );
    return row?.n ?? '0';
  }

  publicKeys(): ReturnType<AuditKeyring['list']> {
    return this.keyring.list();
  }

  /** Newest first. Entries without a consortium are platform-wide: only the 'all' scope sees them. */
  async list(scope: AuditScope, filter: AuditFilter, page: PageArgs): Promise<ConnectionShape<AuditEntry>> {
    const sort =
      filter.consortiumId || (scope !== 'all' && scope.consortiumIds.length === 1)
        ? CHAIN_NEWEST_FIRST
        : scope === 'all'
          ? WRITTEN_NEWEST_FIRST
          : OCCURRED_NEWEST_FIRST;
    if (scope !== 'all' && scope.consortiumIds.length === 0) {
      if (page.after) decodeCursor(page.after, sort.name);
      return emptyPage(page);
    }
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry');
    if (scope !== 'all') {
      query.andWhere('entry.consortium_id IN (:...scopeIds)', { scopeIds: scope.consortiumIds });
    }
    applyFilter(query, filter);
    return paginate(query, page, sort);
  }

  /**
   * Signs the head of each chain the upgrade re-chained (every entry written before its
   * `audit.rechain` entry) that has no checkpoint yet. A chain with an entry written since always
   * has checkpoints: if they are deleted, it stays unsigned and verification reports it.
   */
  async signUnsignedHeads(): Promise<number> {
    const unsigned = await this.dataSource.query<{ chain: string }[]>(
      `SELECT e.chain FROM (SELECT chain, max(seq) AS last FROM audit_entry GROUP BY chain) e
       WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint c WHERE c.chain = e.chain)
         AND e.last <= (SELECT max(seq) FROM audit_entry WHERE chain = 'platform' AND action = 'audit.rechain')`,
    );
    for (const { chain } of unsigned) {
      await this.dataSource.transaction(async (manager) => {
        await lockChain(manager, chain);
        const head = await chainHead(manager, chain);
        if (!head) return;
        const checkpoint = this.keyring.sign({
          chain,
          seq: head.seq,
          hash: head.hash,
          signedAt: new Date().toISOString(),
        });
        await insertCheckpoint(manager, checkpoint);
      });
    }
    return unsigned.length;
  }
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
