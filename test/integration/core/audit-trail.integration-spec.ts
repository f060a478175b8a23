import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AUDIT_VERIFY_PAGE_SIZE,
  AuditEntry,
  AuditKeyring,
  AuditTrail,
  auditHash,
  genesisHash,
  PLATFORM_CHAIN,
  UserRole,
  type AuditProblemKind,
  type AuditRecord,
  type Caller,
} from '@tetrad/core';
import { migrations } from '@tetrad/migrations';
import { startTestApp, type TestApp } from '../../support/test-app';

const ACTOR: Caller = {
  userId: randomUUID(),
  email: 'auditor@members.example',
  organizationId: randomUUID(),
  roles: [UserRole.ORG_ADMIN],
  platformAdmin: false,
  via: 'session',
};

const CONSORTIUM_A = randomUUID();
const CONSORTIUM_B = randomUUID();

class Milestone {
  constructor(
    readonly name: string,
    readonly dueAt: Date,
  ) {}
}

function change(n: number, consortiumId: string | null = CONSORTIUM_A): AuditRecord {
  return {
    action: 'ticket.update',
    subjectType: 'Ticket',
    subjectId: `T-${n}`,
    consortiumId,
    before: { status: 'OPEN', n },
    after: { status: 'TRIAGED', n },
  };
}

describe('audit trail', () => {
  let t: TestApp;
  let trail: AuditTrail;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'false' });
    trail = t.app.get(AuditTrail);
    dataSource = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  function record(entry: AuditRecord, actor: Caller | null = ACTOR): Promise<AuditEntry> {
    return dataSource.transaction((manager) => trail.record(manager, actor, entry));
  }

  async function recordMany(
    count: number,
    consortiumId: string | null = CONSORTIUM_A,
  ): Promise<AuditEntry[]> {
    const recorded: AuditEntry[] = [];
    for (let n = 1; n <= count; n += 1) recorded.push(await record(change(n, consortiumId)));
    return recorded;
  }

  function stored(): Promise<AuditEntry[]> {
    return dataSource.getRepository(AuditEntry).find({ order: { position: 'ASC' } });
  }

  /** What an attacker with database superpowers does: switch the append-only triggers off. */
  async function asAttacker(work: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    await dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
      await manager.query('ALTER TABLE audit_checkpoint DISABLE TRIGGER USER');
      await work(manager);
      await manager.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
      await manager.query('ALTER TABLE audit_checkpoint ENABLE TRIGGER USER');
    });
  }

  /** An empty trail whose positions start again at 1. */
  function freshChain(): Promise<void> {
    return asAttacker((manager) => manager.query('TRUNCATE audit_entry, audit_checkpoint RESTART IDENTITY'));
  }

  /** Chain A, re-read in full. */
  function verifyA() {
    return trail.verify(CONSORTIUM_A, { full: true });
  }

  describe('recording', () => {
    beforeEach(freshChain);

    it("chains entries from their chain's genesis hash and stores them as they were hashed", async () => {
      const first = await record({
        action: 'milestone.plan',
        subjectType: 'Milestone',
        subjectId: 'M-1',
        consortiumId: CONSORTIUM_A.toUpperCase(),
        after: new Milestone('Sort 200 hours', new Date('2027-03-01T00:00:00.000Z')),
      });
      const second = await record(
        {
          action: 'dataset.update',
          subjectType: 'Dataset',
          subjectId: 'D-1',
          before: { z: [3, 2, 1], a: { y: 0.1, x: 1e21 }, name: '深圳 "quoted" \\ \u00e9', big: 2 ** 53 + 2 },
          after: { flag: true, none: null, empty: {}, list: [] },
        },
        null,
      );
      const rows = await stored();
      expect(rows).toEqual([first, second]);
      expect(rows.map((row) => [row.chain, row.seq, row.position])).toEqual([
        [CONSORTIUM_A, '1', '1'],
        [PLATFORM_CHAIN, '1', '2'],
      ]);
      expect(rows[0]).toMatchObject({
        previousHash: genesisHash(CONSORTIUM_A),
        consortiumId: CONSORTIUM_A,
        actorUserId: ACTOR.userId,
        actorOrganizationId: ACTOR.organizationId,
        before: null,
        after: { name: 'Sort 200 hours', dueAt: '2027-03-01T00:00:00.000Z' },
      });
      expect(rows[1]).toMatchObject({
        previousHash: genesisHash(PLATFORM_CHAIN),
        actorUserId: null,
        consortiumId: null,
      });
      expect(rows[1]!.hash).toBe(auditHash(genesisHash(PLATFORM_CHAIN), rows[1]!));
      expect(await verifyA()).toMatchObject({ valid: true, checkedEntries: 1 });
      expect(await trail.verify(PLATFORM_CHAIN)).toMatchObject({ valid: true, checkedEntries: 1 });
      // Each write signed its chain's new head, in the same transaction.
      const checkpoints = await dataSource.query<{ chain: string; seq: string; hash: string }[]>(
        'SELECT chain, seq::text AS seq, hash FROM audit_checkpoint ORDER BY chain',
      );
      expect(checkpoints).toEqual(
        [
          { chain: CONSORTIUM_A, seq: '1', hash: first.hash },
          { chain: PLATFORM_CHAIN, seq: '1', hash: second.hash },
        ].sort((a, b) => (a.chain < b.chain ? -1 : 1)),
      );
    });

    it('rolls an entry back with the transaction that recorded it', async () => {
      await record(change(1));
      let rolledBack: AuditEntry | undefined;
      await expect(
        dataSource.transaction(async (manager) => {
          rolledBack = await trail.record(manager, ACTOR, change(2));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const kept = await record(change(3));
      const rows = await stored();
      expect(rows.map((row) => row.id)).not.toContain(rolledBack!.id);
      expect(rows).toHaveLength(2);
      // The chain's seq is taken under its lock: the rolled-back entry leaves no gap.
      expect(kept.seq).toBe('2');
      expect(await dataSource.query('SELECT seq::text AS seq FROM audit_checkpoint ORDER BY seq')).toEqual([
        { seq: '1' },
        { seq: '2' },
      ]);
      expect(await verifyA()).toMatchObject({ valid: true, checkedEntries: 2 });
    });

    it('refuses to record outside a transaction or in a snapshot older than the lock', async () => {
      await expect(trail.record(dataSource.manager, ACTOR, change(1))).rejects.toThrow(
        /inside a transaction/,
      );
      await expect(
        dataSource.transaction('REPEATABLE READ', (manager) => trail.record(manager, ACTOR, change(1))),
      ).rejects.toThrow(/READ COMMITTED/);
      expect(await stored()).toEqual([]);
    });

    it('keeps one unbroken chain per consortium when 20 transactions record at once in two', async () => {
      // allSettled: a failed writer must not leave the others running into the next test.
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, n) =>
          dataSource.transaction(async (manager) => {
            // Overlap the transactions, so they really compete for the head of the chain.
            await manager.query('SELECT pg_sleep($1)', [Math.random() / 50]);
            return trail.record(manager, ACTOR, change(n, n % 2 === 0 ? CONSORTIUM_A : CONSORTIUM_B));
          }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      for (const chain of [CONSORTIUM_A, CONSORTIUM_B]) {
        const rows = (await stored())
          .filter((row) => row.chain === chain)
          .sort((a, b) => Number(a.seq) - Number(b.seq));
        expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 10 }, (_, n) => String(n + 1)));
        rows.forEach((row, index) => {
          expect(row.previousHash).toBe(index === 0 ? genesisHash(chain) : rows[index - 1]!.hash);
        });
        expect(await trail.verify(chain, { full: true })).toMatchObject({ valid: true, checkedEntries: 10 });
      }
    });
  });

  describe('append-only', () => {
    beforeAll(async () => {
      await freshChain();
      await recordMany(2);
    });

    it.each([
      ['UPDATE', `UPDATE audit_entry SET after = '{"status":"CLOSED"}' WHERE seq = 1`],
      ['DELETE', 'DELETE FROM audit_entry WHERE seq = 1'],
      ['TRUNCATE', 'TRUNCATE audit_entry'],
      ['UPDATE', `UPDATE audit_checkpoint SET hash = repeat('0', 64)`],
      ['DELETE', 'DELETE FROM audit_checkpoint'],
      ['TRUNCATE', 'TRUNCATE audit_checkpoint'],
    ])('the database refuses %s', async (operation, sql) => {
      await expect(dataSource.query(sql)).rejects.toThrow(
        `audit_entry is append-only: ${operation} is refused`,
      );
      expect(await stored()).toHaveLength(2);
      expect(await verifyA()).toMatchObject({ valid: true, checkedEntries: 2 });
    });
  });

  describe('verification after tampering', () => {
    const swapSeqs = async (manager: EntityManager, a: number, b: number) => {
      // (chain, chain_seq) is unique: park one row on a free seq while the other moves.
      await manager.query('UPDATE audit_entry SET chain_seq = -1 WHERE chain_seq = $1', [a]);
      await manager.query('UPDATE audit_entry SET chain_seq = $1 WHERE chain_seq = $2', [a, b]);
      await manager.query('UPDATE audit_entry SET chain_seq = $1 WHERE chain_seq = -1', [b]);
    };
    const rehash = async (manager: EntityManager, seq: number) => {
      const [entry] = await manager.find(AuditEntry, { where: { seq: String(seq) } });
      const edited = { ...entry!, after: { status: 'REWRITTEN' } };
      await manager.query('UPDATE audit_entry SET after = $1::jsonb, hash = $2 WHERE chain_seq = $3', [
        JSON.stringify(edited.after),
        auditHash(edited.previousHash, edited),
        seq,
      ]);
    };

    it.each<[string, (manager: EntityManager) => Promise<unknown>, AuditProblemKind, number, number]>([
      [
        "a row's after edited",
        (m) => m.query(`UPDATE audit_entry SET after = '{"status":"CLOSED"}' WHERE chain_seq = 3`),
        'EDITED',
        3,
        3,
      ],
      ['a row edited and re-hashed', (m) => rehash(m, 3), 'EDITED', 3, 3],
      [
        'a row in the middle deleted',
        (m) => m.query('DELETE FROM audit_entry WHERE chain_seq = 3'),
        'DELETED',
        4,
        4,
      ],
      [
        'the first row deleted',
        (m) => m.query('DELETE FROM audit_entry WHERE chain_seq = 1'),
        'DELETED',
        2,
        2,
      ],
      ['the seqs of two rows swapped', (m) => swapSeqs(m, 2, 5), 'REORDERED', 2, 5],
      [
        'a row inserted with made-up hashes',
        (m) =>
          m.query(
            `INSERT INTO audit_entry (chain, chain_seq, consortium_id, action, subject_type, subject_id,
               previous_hash, hash)
             VALUES ($1::text, 7, $1::uuid, 'contract.sign', 'Contract', 'C-1', repeat('a', 64), repeat('b', 64))`,
            [CONSORTIUM_A],
          ),
        'FORGED',
        7,
        0,
      ],
    ])('names the entry when %s', async (_label, attack, kind, seq, originalSeq) => {
      await freshChain();
      const recorded = await recordMany(6);
      expect(await verifyA()).toMatchObject({ valid: true, checkedEntries: 6 });
      await asAttacker(attack);
      const rows = await stored();
      const named = rows.find((row) => row.seq === String(seq))!;
      // The entry named is the one now stored at that seq: for a swap, the row moved there.
      if (originalSeq > 0) expect(named.id).toBe(recorded[originalSeq - 1]!.id);
      const result = await verifyA();
      expect(result).toMatchObject({ valid: false, firstProblem: { seq: String(seq), id: named.id, kind } });
      expect(result.firstProblem!.message).toEqual(expect.any(String));
    });

    it('walks pages of 1,000 and finds a break just across a page boundary', async () => {
      await freshChain();
      const total = AUDIT_VERIFY_PAGE_SIZE + 5;
      await insertChain(total);
      // Written in bulk without checkpoints: no signature covers it, until its head is signed.
      expect(await verifyA()).toMatchObject({ valid: false, firstProblem: { seq: '1', kind: 'FORGED' } });
      // Not by the start-up signing, which only signs chains the upgrade re-chained.
      expect(await trail.signUnsignedHeads()).toBe(0);
      await signHead(CONSORTIUM_A);
      expect(await verifyA()).toMatchObject({ valid: true, checkedEntries: total });
      await asAttacker((m) =>
        m.query('DELETE FROM audit_entry WHERE chain_seq = $1', [AUDIT_VERIFY_PAGE_SIZE]),
      );
      expect(await verifyA()).toMatchObject({
        valid: false,
        checkedEntries: AUDIT_VERIFY_PAGE_SIZE,
        firstProblem: { seq: String(AUDIT_VERIFY_PAGE_SIZE + 1), kind: 'DELETED' },
      });
    });

    async function signHead(chain: string): Promise<void> {
      const [head] = await dataSource.query<{ seq: string; hash: string }[]>(
        'SELECT chain_seq::text AS seq, hash FROM audit_entry WHERE chain = $1 ORDER BY chain_seq DESC LIMIT 1',
        [chain],
      );
      const checkpoint = t.app
        .get(AuditKeyring)
        .sign({ chain, ...head!, signedAt: new Date().toISOString() });
      await dataSource.query(
        'INSERT INTO audit_checkpoint (chain, seq, hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)',
        [chain, checkpoint.seq, checkpoint.hash, checkpoint.signedAt, checkpoint.keyId, checkpoint.signature],
      );
    }

    /** A long valid chain, written in bulk (recording 1,000 entries one by one is slow on PGlite). */
    async function insertChain(count: number): Promise<void> {
      const rows: Record<string, unknown>[] = [];
      let previousHash = genesisHash(CONSORTIUM_A);
      for (let seq = 1; seq <= count; seq += 1) {
        const { before, after, subjectId } = change(seq);
        const entry = {
          chain: CONSORTIUM_A,
          seq: String(seq),
          id: randomUUID(),
          occurredAt: new Date(),
          actorUserId: null,
          actorOrganizationId: null,
          consortiumId: CONSORTIUM_A,
          action: 'ticket.update',
          subjectType: 'Ticket',
          subjectId,
          before,
          after,
        };
        const hash = auditHash(previousHash, entry);
        rows.push({ ...entry, occurredAt: entry.occurredAt.toISOString(), previousHash, hash });
        previousHash = hash;
      }
      await dataSource.query(
        `INSERT INTO audit_entry (chain, chain_seq, id, occurred_at, action, subject_type, subject_id,
           consortium_id, before, after, previous_hash, hash)
         SELECT r."chain", r."seq", r."id", r."occurredAt", r."action", r."subjectType", r."subjectId",
           r."consortiumId", r."before", r."after", r."previousHash", r."hash"
         FROM jsonb_to_recordset($1::jsonb) AS r("chain" text, "seq" bigint, "id" uuid, "occurredAt" timestamptz,
           "action" text, "subjectType" text, "subjectId" text, "consortiumId" uuid, "before" jsonb,
           "after" jsonb, "previousHash" text, "hash" text)`,
        [JSON.stringify(rows)],
      );
    }
  });

  describe('listing', () => {
    let inA: AuditEntry[];
    let inB: AuditEntry[];
    let platformWide: AuditEntry;

    beforeAll(async () => {
      await freshChain();
      inA = await recordMany(12, CONSORTIUM_A);
      inB = await recordMany(2, CONSORTIUM_B);
      platformWide = await record({
        action: 'organization.create',
        subjectType: 'Organization',
        subjectId: 'O-1',
      });
    });

    async function walk(...args: Parameters<AuditTrail['list']>): Promise<AuditEntry[]> {
      const [scope, filter, page] = args;
      const seen: AuditEntry[] = [];
      let after: string | undefined;
      for (;;) {
        const connection = await trail.list(scope, filter, { ...page, after });
        expect(await connection.totalCount).toBeGreaterThanOrEqual(connection.nodes.length);
        seen.push(...connection.nodes);
        if (!connection.pageInfo.hasNextPage) return seen;
        after = connection.pageInfo.endCursor!;
      }
    }

    const seqs = (entries: AuditEntry[]) => entries.map((entry) => Number(entry.seq));
    const positions = (entries: AuditEntry[]) => entries.map((entry) => Number(entry.position));

    it('walks every page newest first, past seq 10 (numeric, not text, order)', async () => {
      const entries = await walk({ consortiumIds: [CONSORTIUM_A] }, {}, { first: 3 });
      expect(seqs(entries)).toEqual(seqs(inA).reverse());
    });

    it("never returns another consortium's entries", async () => {
      const entries = await walk({ consortiumIds: [CONSORTIUM_B] }, {}, { first: 100 });
      expect(entries.map((entry) => entry.id)).toEqual(inB.map((entry) => entry.id).reverse());
      const filtered = await trail.list(
        { consortiumIds: [CONSORTIUM_B] },
        { consortiumId: CONSORTIUM_A },
        { first: 100 },
      );
      expect(await filtered.totalCount).toBe(0);
      expect(filtered.nodes).toEqual([]);
    });

    it('shows platform-wide entries only to the all scope', async () => {
      const scoped = await walk({ consortiumIds: [CONSORTIUM_A, CONSORTIUM_B] }, {}, { first: 5 });
      expect(scoped).toHaveLength(14);
      expect(scoped.map((entry) => entry.id)).not.toContain(platformWide.id);
      const all = await walk('all', {}, { first: 4 });
      expect(positions(all)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      expect(all[0]!.id).toBe(platformWide.id);
    });

    it('answers an empty scope without querying the entries', async () => {
      const before = t.sqlStatements();
      const connection = await trail.list({ consortiumIds: [] }, {}, { first: 20 });
      expect(t.sqlStatements()).toBe(before);
      expect(await connection.totalCount).toBe(0);
      expect(connection).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false } });
    });

    it('filters by subject, action and actor', async () => {
      const bySubject = await trail.list('all', { subjectType: 'Ticket', subjectId: 'T-2' }, { first: 20 });
      expect(bySubject.nodes.map((entry) => entry.id)).toEqual([inB[1]!.id, inA[1]!.id]);
      const byAction = await trail.list('all', { action: 'organization.create' }, { first: 20 });
      expect(byAction.nodes.map((entry) => entry.id)).toEqual([platformWide.id]);
      const byActor = await trail.list('all', { actorUserId: randomUUID() }, { first: 20 });
      expect(await byActor.totalCount).toBe(0);
    });
  });

  describe('the upgrade to one chain per consortium', () => {
    it('re-chains entries written as one chain per consortium, re-hashed, and records it', async () => {
      await freshChain();
      const Rechain = migrations.find(
        (migration) => migration.name === 'AuditChainPerConsortium1764252000000',
      )!;
      const queryRunner = dataSource.createQueryRunner();
      try {
        await queryRunner.startTransaction();
        await new Rechain().down(queryRunner);
        // Entries as the single chain wrote them: interleaved consortia (their hashes do not matter).
        for (const [n, consortiumId] of [
          CONSORTIUM_A,
          CONSORTIUM_B,
          null,
          CONSORTIUM_A,
          CONSORTIUM_B,
          CONSORTIUM_A,
        ].entries()) {
          await queryRunner.query(
            `INSERT INTO audit_entry (consortium_id, action, subject_type, subject_id, after, previous_hash, hash)
             VALUES ($1, 'ticket.update', 'Ticket', $2, $3::jsonb, $4, $5)`,
            [
              consortiumId,
              `T-${n}`,
              JSON.stringify({ n, at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)) }),
              String(n).repeat(64).slice(0, 64),
              String(n + 1)
                .repeat(64)
                .slice(0, 64),
            ],
          );
        }
        await new Rechain().up(queryRunner);
        await queryRunner.commitTransaction();
      } catch (error) {
        await queryRunner.rollbackTransaction();
        throw error;
      } finally {
        await queryRunner.release();
      }
      const rows = await stored();
      expect(rows.map((row) => [row.chain, row.seq, row.action])).toEqual([
        [CONSORTIUM_A, '1', 'ticket.update'],
        [CONSORTIUM_B, '1', 'ticket.update'],
        [PLATFORM_CHAIN, '1', 'ticket.update'],
        [CONSORTIUM_A, '2', 'ticket.update'],
        [CONSORTIUM_B, '2', 'ticket.update'],
        [CONSORTIUM_A, '3', 'ticket.update'],
        [PLATFORM_CHAIN, '2', 'audit.rechain'],
      ]);
      expect(rows.at(-1)!.after).toMatchObject({ chains: 3, entries: 6 });
      // No checkpoint yet: the application signs each chain's head at its next start.
      expect(await trail.verify(CONSORTIUM_A, { full: true })).toMatchObject({
        valid: false,
        firstProblem: { seq: '1', kind: 'FORGED' },
      });
      expect(await trail.signUnsignedHeads()).toBe(3);
      expect(await trail.signUnsignedHeads()).toBe(0);
      for (const [chain, length] of [
        [CONSORTIUM_A, 3],
        [CONSORTIUM_B, 2],
        [PLATFORM_CHAIN, 2],
      ] as const) {
        expect(await trail.verify(chain, { full: true })).toMatchObject({
          valid: true,
          checkedEntries: length,
        });
      }
      expect(await trail.chains()).toEqual([PLATFORM_CHAIN, ...[CONSORTIUM_A, CONSORTIUM_B].sort()]);
      // Written after the upgrade, then its checkpoints deleted: a restart does not sign it again.
      await record(change(4, CONSORTIUM_B));
      await asAttacker((m) => m.query('DELETE FROM audit_checkpoint WHERE chain = $1', [CONSORTIUM_B]));
      expect(await trail.signUnsignedHeads()).toBe(0);
      expect(await trail.verify(CONSORTIUM_B, { full: true })).toMatchObject({
        valid: false,
        firstProblem: { seq: '1', kind: 'FORGED' },
      });
    });
  });
});
