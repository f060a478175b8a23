import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  frozenAuditHash as auditHash,
  frozenGenesisHash as genesisHash,
  type FrozenAuditHashInput as AuditHashInput,
} from './support/audit-hash-1764252000000';

const PAGE = 1_000;

interface Row {
  position: string;
  chain: string;
  chain_seq: string;
  id: string;
  occurred_ms: string;
  actor_user_id: string | null;
  actor_organization_id: string | null;
  consortium_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  before: unknown;
  after: unknown;
}

/**
 * One audit chain per consortium (issue 16), plus the `platform` chain for entries of no
 * consortium: a party verifies and keeps its own consortium's history and learns nothing of
 * others' activity. Existing entries are re-chained per consortium in their order of writing and
 * re-hashed (their hash now covers the chain and the place in it); the global `seq` stays as the
 * order of writing. Checkpoints of each chain's head, signed with a key outside the database, go
 * to audit_checkpoint; the application signs the head of each re-chained chain at its first start.
 * This rewrite of an append-only log is recorded as an entry of its own (`audit.rechain`).
 */
export class AuditChainPerConsortium1764252000000 implements MigrationInterface {
  name = 'AuditChainPerConsortium1764252000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_entry" DISABLE TRIGGER "audit_entry_append_only"');
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD "chain" character varying(36), ADD "chain_seq" bigint`,
    );
    await queryRunner.query(`UPDATE "audit_entry" SET "chain" = COALESCE("consortium_id"::text, 'platform')`);
    await queryRunner.query(`
      UPDATE "audit_entry" e SET "chain_seq" = r.n
      FROM (SELECT "seq", row_number() OVER (PARTITION BY "chain" ORDER BY "seq") AS n FROM "audit_entry") r
      WHERE r."seq" = e."seq"`);
    // Placeholders first, unique per entry, so that no new previous hash collides with an old one
    // while the pages are rewritten (as on a second run after `down`, which keeps the new hashes).
    await queryRunner.query(`UPDATE "audit_entry" SET "previous_hash" = lpad("seq"::text, 64, '~')`);
    const chains = await rehashAll(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ALTER "chain" SET NOT NULL, ALTER "chain_seq" SET NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "audit_entry_consortium_id_seq_idx"`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_chain_seq_unique" UNIQUE ("chain", "chain_seq")`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_chain_check" CHECK ("chain" = COALESCE("consortium_id"::text, 'platform'))`,
    );
    await queryRunner.query('ALTER TABLE "audit_entry" ENABLE TRIGGER "audit_entry_append_only"');
    await recordRechain(queryRunner, chains);

    await queryRunner.query(`
      CREATE TABLE "audit_checkpoint" (
        "chain" character varying(36) NOT NULL,
        "seq" bigint NOT NULL,
        "hash" character(64) NOT NULL,
        "signed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "key_id" character varying(64) NOT NULL,
        "signature" text NOT NULL,
        CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("chain", "seq")
      )`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_checkpoint_append_only"
        BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_checkpoint"
        FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_refuse_change"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_checkpoint"`);
    await queryRunner.query('ALTER TABLE "audit_entry" DISABLE TRIGGER "audit_entry_append_only"');
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "audit_entry_chain_check"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "audit_entry_chain_seq_unique"`);
    await queryRunner.query(
      `CREATE INDEX "audit_entry_consortium_id_seq_idx" ON "audit_entry" ("consortium_id", "seq")`,
    );
    // The single chain's hashes are not restored: `npm run audit:verify` reports the downgrade.
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "chain", DROP COLUMN "chain_seq"`);
    await queryRunner.query('ALTER TABLE "audit_entry" ENABLE TRIGGER "audit_entry_append_only"');
  }
}

/** Re-hashes every chain in (chain, chain_seq) order, a page at a time; answers the chain count. */
async function rehashAll(queryRunner: QueryRunner): Promise<number> {
  let after: { chain: string; seq: string } | undefined;
  let previous: { chain: string; hash: string } | undefined;
  let chains = 0;
  for (;;) {
    const rows = (await queryRunner.query(
      `SELECT "seq"::text AS position, "chain", "chain_seq"::text AS chain_seq, "id",
         (extract(epoch FROM "occurred_at") * 1000)::bigint::text AS occurred_ms,
         "actor_user_id", "actor_organization_id", "consortium_id", "action", "subject_type", "subject_id",
         "before", "after"
       FROM "audit_entry"
       WHERE $1::text IS NULL OR ("chain", "chain_seq") > ($1::text, $2::bigint)
       ORDER BY "chain", "chain_seq" LIMIT ${PAGE}`,
      [after?.chain ?? null, after?.seq ?? null],
    )) as Row[];
    if (rows.length === 0) return chains;
    const updates = rows.map((row) => {
      const sameChain = previous !== undefined && previous.chain === row.chain;
      const previousHash = sameChain ? previous!.hash : genesisHash(row.chain);
      if (!sameChain) chains += 1;
      const hash = auditHash(previousHash, contentOf(row));
      previous = { chain: row.chain, hash };
      return { position: row.position, previousHash, hash };
    });
    await queryRunner.query(
      `UPDATE "audit_entry" e SET "previous_hash" = r."previousHash", "hash" = r."hash"
       FROM jsonb_to_recordset($1::jsonb) AS r("position" bigint, "previousHash" text, "hash" text)
       WHERE e."seq" = r."position"`,
      [JSON.stringify(updates)],
    );
    const last = rows.at(-1)!;
    after = { chain: last.chain, seq: last.chain_seq };
  }
}

function contentOf(row: Row): AuditHashInput {
  return {
    chain: row.chain,
    seq: row.chain_seq,
    id: row.id,
    occurredAt: new Date(Number(row.occurred_ms)),
    actorUserId: row.actor_user_id,
    actorOrganizationId: row.actor_organization_id,
    consortiumId: row.consortium_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/** The re-chaining, as an entry at the end of the platform chain. */
async function recordRechain(queryRunner: QueryRunner, chains: number): Promise<void> {
  const [head] = (await queryRunner.query(
    `SELECT "chain_seq"::text AS seq, "hash" FROM "audit_entry" WHERE "chain" = 'platform'
     ORDER BY "chain_seq" DESC LIMIT 1`,
  )) as { seq: string; hash: string }[];
  const [count] = (await queryRunner.query('SELECT count(*)::int AS n FROM "audit_entry"')) as {
    n: number;
  }[];
  if (!count?.n) return; // A new installation: nothing was re-chained.
  const content: AuditHashInput = {
    chain: 'platform',
    seq: head ? (BigInt(head.seq) + 1n).toString() : '1',
    id: randomUUID(),
    occurredAt: new Date(),
    actorUserId: null,
    actorOrganizationId: null,
    consortiumId: null,
    action: 'audit.rechain',
    subjectType: 'AuditTrail',
    subjectId: 'audit_entry',
    before: { chains: 1 },
    after: { chains, entries: count.n, hash: 'sha256 per consortium chain, covering chain and seq' },
  };
  const previousHash = head?.hash ?? genesisHash('platform');
  await queryRunner.query(
    `INSERT INTO "audit_entry" ("chain", "chain_seq", "id", "occurred_at", "action", "subject_type",
       "subject_id", "before", "after", "previous_hash", "hash")
     VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
    [
      content.chain,
      content.seq,
      content.id,
      content.occurredAt.toISOString(),
      content.action,
      content.subjectType,
      content.subjectId,
      JSON.stringify(content.before),
      JSON.stringify(content.after),
      previousHash,
      auditHash(previousHash, content),
    ],
  );
}
