import type { DataSource, EntityManager } from 'typeorm';
import type { AuditChainEntry, ChainFacts } from './audit-chain';
import type { ChainSource } from './audit-checkpoint-verification';
import { AuditEntry } from './audit-entry.entity';
import { canonicalJson } from './audit-hash';
import type { AuditCheckpoint } from './audit-signing';

/** The SQL of the audit chains: locking a chain, its head, appending, and reading it to verify. */

/**
 * One writer per chain at a time from reading the chain's head to commit, or two entries would
 * claim the same predecessor. The lock is held to the end of the caller's transaction, hence it
 * must be one. Other chains (other consortia) take other locks.
 */
export async function lockChain(manager: EntityManager, chain: string): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('AuditTrail.record must run inside a transaction (dataSource.transaction(manager => …))');
  }
  const [row] = await manager.query<{ isolation: string }[]>(
    `SELECT pg_advisory_xact_lock(hashtext('tetrad.audit-chain:' || $1)), current_setting('transaction_isolation') AS isolation`,
    [chain],
  );
  // A snapshot older than the lock could miss the entry committed just before: a fork.
  if (row?.isolation !== 'read committed') {
    throw new Error(`AuditTrail.record needs a READ COMMITTED transaction (got ${row?.isolation})`);
  }
}

/** The chain's last entry, read under its lock (a fresh snapshot in READ COMMITTED). */
export async function chainHead(
  manager: EntityManager,
  chain: string,
): Promise<{ seq: string; hash: string } | undefined> {
  const [head] = await manager.query<{ seq: string; hash: string }[]>(
    'SELECT chain_seq::text AS seq, hash FROM audit_entry WHERE chain = $1 ORDER BY chain_seq DESC LIMIT 1',
    [chain],
  );
  return head;
}

/** A checkpoint on its own (the head of a chain re-chained by the upgrade); a second one is a no-op. */
export async function insertCheckpoint(manager: EntityManager, checkpoint: AuditCheckpoint): Promise<void> {
  await manager.query(
    `INSERT INTO audit_checkpoint (chain, seq, hash, signed_at, key_id, signature)
     VALUES ($1, $2, $3, $4::timestamptz, $5, $6) ON CONFLICT DO NOTHING`,
    [
      checkpoint.chain,
      checkpoint.seq,
      checkpoint.hash,
      checkpoint.signedAt,
      checkpoint.keyId,
      checkpoint.signature,
    ],
  );
}

export async function readLatestCheckpoint(
  manager: EntityManager,
  chain: string,
): Promise<AuditCheckpoint | null> {
  const rows = await manager.query<CheckpointRow[]>(
    `${CHECKPOINT_SELECT} WHERE chain = $1 ORDER BY seq DESC LIMIT 1`,
    [chain],
  );
  return rows[0] ? checkpointOf(rows[0]) : null;
}

/** A chain as the verifier reads it from the database, a page at a time. */
export function databaseChainSource(dataSource: DataSource, chain: string): ChainSource {
  const entries = () =>
    dataSource.getRepository(AuditEntry).createQueryBuilder('entry').where('entry.chain = :chain', { chain });
  return {
    // No lower bound on the first page: a forged entry may carry seq 0 or below.
    entries: (afterSeq, limit) => {
      const query = entries().orderBy('entry.chain_seq', 'ASC').limit(limit);
      if (afterSeq !== undefined) query.andWhere('entry.chain_seq > :afterSeq', { afterSeq });
      return query.getMany();
    },
    entryAt: async (seq) =>
      (await entries().andWhere('entry.chain_seq = :seq', { seq }).getOne()) ?? undefined,
    checkpoints: (afterSeq, throughSeq) =>
      readCheckpoints(dataSource.manager, chain, afterSeq, throughSeq, undefined),
    facts: ({ entry }) => factsAbout(dataSource, chain, entry),
  };
}

/** What the rest of the chain says about a break: one indexed look-up each. */
async function factsAbout(
  dataSource: DataSource,
  chain: string,
  entry: AuditChainEntry,
): Promise<ChainFacts> {
  const [facts] = await dataSource.query<ChainFacts[]>(
    `SELECT EXISTS (SELECT 1 FROM audit_entry WHERE chain = $4 AND hash = $1 AND chain_seq <> $3) AS "previousHashKnown",
            EXISTS (SELECT 1 FROM audit_entry WHERE chain = $4 AND previous_hash = $2 AND chain_seq <> $3) AS "hashReferenced",
            EXISTS (SELECT 1 FROM audit_entry WHERE chain = $4 AND chain_seq > $3) AS "laterEntries"`,
    [entry.previousHash, entry.hash, entry.seq, chain],
  );
  if (!facts) throw new Error('The audit trail facts query returned no row');
  return facts;
}

interface CheckpointRow {
  chain: string;
  seq: string;
  hash: string;
  signed_at: string;
  key_id: string;
  signature: string;
}

// signed_at printed as JavaScript's toISOString() does, so the signed text reads back exactly.
const CHECKPOINT_SELECT = `SELECT chain, seq::text AS seq, hash,
  to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signed_at, key_id, signature
  FROM audit_checkpoint`;

function checkpointOf(row: CheckpointRow): AuditCheckpoint {
  return {
    chain: row.chain,
    seq: row.seq,
    hash: row.hash,
    signedAt: row.signed_at,
    keyId: row.key_id,
    signature: row.signature,
  };
}

export async function readCheckpoints(
  manager: EntityManager,
  chain: string,
  afterSeq: string | undefined,
  throughSeq: string | undefined,
  limit: number | undefined,
): Promise<AuditCheckpoint[]> {
  const rows = await manager.query<CheckpointRow[]>(
    `${CHECKPOINT_SELECT} WHERE chain = $1 AND ($2::bigint IS NULL OR seq > $2::bigint)
       AND ($3::bigint IS NULL OR seq <= $3::bigint) ORDER BY seq LIMIT $4`,
    [chain, afterSeq ?? null, throughSeq ?? null, limit ?? null],
  );
  return rows.map(checkpointOf);
}

/** The entry and the checkpoint of the head it makes, in one statement; answers the entry's position. */
export async function insertEntry(
  manager: EntityManager,
  entry: AuditEntry,
  checkpoint: AuditCheckpoint,
): Promise<string> {
  const [row] = await manager.query<{ position: string }[]>(
    `WITH entry AS (
       INSERT INTO audit_entry (chain, chain_seq, id, occurred_at, actor_user_id, actor_organization_id,
         consortium_id, action, subject_type, subject_id, before, after, previous_hash, hash)
       VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)
       RETURNING seq),
     checkpoint AS (
       INSERT INTO audit_checkpoint (chain, seq, hash, signed_at, key_id, signature)
       VALUES ($1, $2, $14, $15::timestamptz, $16, $17))
     SELECT seq::text AS position FROM entry`,
    [
      entry.chain,
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
      checkpoint.signedAt,
      checkpoint.keyId,
      checkpoint.signature,
    ],
  );
  if (!row) throw new Error('Inserting an audit entry returned no row');
  return row.position;
}

/** JSON null is stored as SQL NULL: both read back as null, so the hash is the same. */
function jsonbParameter(value: unknown): string | null {
  return value === null ? null : canonicalJson(value);
}
