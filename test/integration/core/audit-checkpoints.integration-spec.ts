import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AuditEntry,
  AuditKeyring,
  AuditTrail,
  auditHash,
  genesisHash,
  UserRole,
  type AuditCheckpoint,
  type Caller,
} from '@tetrad/core';
import { DEMO_CONSORTIA, DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLClient, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example'; // parcel-sorting
const HUANG_MEI = 'huang.mei@pearl-care.example'; // elder-care
const VERIFY_SCRIPT = join(__dirname, '..', '..', '..', 'dist', 'scripts', 'verify-audit.js');

const ACTOR: Caller = {
  userId: randomUUID(),
  email: 'auditor@members.example',
  organizationId: randomUUID(),
  roles: [UserRole.ORG_ADMIN],
  platformAdmin: false,
  via: 'session',
};

const ENTRY_FIELDS = 'nodes { seq chain hash previousHash consortiumId } totalCount';
const VERIFICATION_FIELDS =
  'valid chain checkedEntries headSeq incremental checkpointSeq firstProblem { seq id kind message }';
const CHECKPOINT_FIELDS = 'chain seq hash signedAt keyId signature';

interface Verification {
  valid: boolean;
  chain: string;
  checkedEntries: number;
  headSeq: string | null;
  incremental: boolean;
  checkpointSeq: string | null;
  firstProblem: { seq: string; id: string | null; kind: string; message: string } | null;
}

interface Checkpoints {
  chain: string;
  consortiumId: string | null;
  length: string;
  latest: AuditCheckpoint | null;
  checkpoints: AuditCheckpoint[];
  publicKeys: { keyId: string; publicKey: string; current: boolean }[];
}

describe('audit chains per consortium, with signed checkpoints (GraphQL)', () => {
  let t: TestApp;
  let trail: AuditTrail;
  let dataSource: DataSource;
  let admin: GraphQLClient;
  let memberOfA: GraphQLClient;
  let memberOfB: GraphQLClient;
  let consortiumA: string;
  let consortiumB: string;

  beforeAll(async () => {
    t = await startTestApp();
    trail = t.app.get(AuditTrail);
    dataSource = t.dataSource;
    admin = t.as(DEMO_PLATFORM_ADMIN_EMAIL);
    memberOfA = t.as(LI_WEI);
    memberOfB = t.as(HUANG_MEI);
    consortiumA = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    consortiumB = await consortiumIdByName(t, DEMO_CONSORTIA[1]!.name);
  });

  afterAll(async () => {
    await t.close();
  });

  async function recordIn(
    consortiumId: string,
    count: number,
    using: AuditTrail = trail,
  ): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (let n = 1; n <= count; n += 1) {
      entries.push(
        await dataSource.transaction((manager) =>
          using.record(manager, ACTOR, {
            action: 'ticket.update',
            subjectType: 'Ticket',
            subjectId: `T-${n}`,
            consortiumId,
            before: { status: 'OPEN' },
            after: { status: 'TRIAGED', n },
          }),
        ),
      );
    }
    return entries;
  }

  async function verifyAs(
    client: GraphQLClient,
    variables: { c?: string; full?: boolean; kept?: unknown },
  ): Promise<Verification> {
    const response = await client<{ verifyAuditChain: Verification }>(
      `query V($c: UUID, $full: Boolean! = false, $kept: JSON) {
         verifyAuditChain(consortiumId: $c, full: $full, checkpoints: $kept) { ${VERIFICATION_FIELDS} }
       }`,
      variables,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.verifyAuditChain;
  }

  async function checkpointsAs(client: GraphQLClient, consortiumId: string): Promise<Checkpoints> {
    const response = await client<{ auditCheckpoints: Checkpoints }>(
      `query K($c: UUID) {
         auditCheckpoints(consortiumId: $c, first: 1000) {
           chain consortiumId length latest { ${CHECKPOINT_FIELDS} } checkpoints { ${CHECKPOINT_FIELDS} }
           publicKeys { keyId publicKey current }
         }
       }`,
      { c: consortiumId },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.auditCheckpoints;
  }

  async function entriesAs(client: GraphQLClient, consortiumId?: string) {
    const response = await client<{
      auditEntries: {
        nodes: { seq: string; chain: string; hash: string; previousHash: string }[];
        totalCount: number;
      };
    }>(`query E($c: UUID) { auditEntries(consortiumId: $c, first: 100) { ${ENTRY_FIELDS} } }`, {
      c: consortiumId,
    });
    expect(response.errors).toBeUndefined();
    return response.data!.auditEntries;
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

  describe('what a member sees', () => {
    it("shows a member only their consortium's chain: its own seqs, hashes and counts", async () => {
      await recordIn(consortiumA, 2);
      const before = await entriesAs(memberOfA, consortiumA);
      const verifiedBefore = await verifyAs(memberOfA, { c: consortiumA });
      expect(verifiedBefore).toMatchObject({ valid: true, chain: consortiumA });

      // Another consortium is busy: nothing the member of A sees changes.
      await recordIn(consortiumB, 7);
      const after = await entriesAs(memberOfA, consortiumA);
      expect(after).toEqual(before);
      const seqs = after.nodes.map((node) => Number(node.seq));
      expect(seqs).toEqual(Array.from({ length: after.totalCount }, (_, n) => after.totalCount - n));
      expect(after.nodes.every((node) => node.chain === consortiumA)).toBe(true);
      // Every previous hash is one of A's own hashes, or A's genesis.
      const ownHashes = new Set([genesisHash(consortiumA), ...after.nodes.map((node) => node.hash)]);
      expect(after.nodes.every((node) => ownHashes.has(node.previousHash))).toBe(true);
      // Without a consortium named, only the member's own consortia.
      expect(await entriesAs(memberOfA)).toEqual(after);

      const verifiedAfter = await verifyAs(memberOfA, { c: consortiumA });
      expect(verifiedAfter).toMatchObject({
        valid: true,
        headSeq: String(after.totalCount),
        checkpointSeq: String(after.totalCount),
        incremental: true,
        // Only the anchor entry is re-read: B's seven entries cost A's verification nothing.
        checkedEntries: 1,
      });
      const kept = await checkpointsAs(memberOfA, consortiumA);
      expect(kept).toMatchObject({
        chain: consortiumA,
        consortiumId: consortiumA,
        length: String(after.totalCount),
      });
      expect(kept.latest).toMatchObject({
        chain: consortiumA,
        seq: String(after.totalCount),
        hash: after.nodes[0]!.hash,
      });
      expect(kept.checkpoints.every((checkpoint) => checkpoint.chain === consortiumA)).toBe(true);
      expect(kept.publicKeys.filter((key) => key.current)).toEqual([
        expect.objectContaining({ keyId: kept.latest!.keyId }),
      ]);
      expect(new AuditKeyring(undefined, []).check(kept.latest!)).toBe('unknown-key');
    });

    it("answers not-found for another consortium's chain and its checkpoints", async () => {
      for (const query of [
        'query Q($c: UUID) { verifyAuditChain(consortiumId: $c) { valid } }',
        'query Q($c: UUID) { auditCheckpoints(consortiumId: $c) { length } }',
      ]) {
        const response = await memberOfA(query, { c: consortiumB });
        expect(response.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
        expect(response.data).toBeNull();
      }
      expect(
        (
          await memberOfB(`query Q($c: UUID) { verifyAuditChain(consortiumId: $c) { valid } }`, {
            c: consortiumB,
          })
        ).errors,
      ).toBeUndefined();
    });

    it('refuses a member the platform chain and a full re-read, in words', async () => {
      const platform = await memberOfA('{ verifyAuditChain { valid } }');
      expect(platform.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(platform.errors?.[0]?.message).toMatch(/Name the consortium/);
      const full = await memberOfA(
        'query Q($c: UUID) { verifyAuditChain(consortiumId: $c, full: true) { valid } }',
        {
          c: consortiumA,
        },
      );
      expect(full.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(full.errors?.[0]?.message).toMatch(/Only platform administrators/);
    });

    it('verifies once per request however many aliases ask', async () => {
      const query = (n: number) =>
        `query Q($c: UUID) { ${Array.from({ length: n }, (_, i) => `v${i}: verifyAuditChain(consortiumId: $c) { valid checkedEntries }`).join(' ')} }`;
      await memberOfA(query(1), { c: consortiumA }); // signs in, warms the anchor
      const statements = async (n: number) => {
        const before = t.sqlStatements();
        const response = await memberOfA(query(n), { c: consortiumA });
        expect(response.errors).toBeUndefined();
        return t.sqlStatements() - before;
      };
      const one = await statements(1);
      expect(await statements(20)).toBe(one);
    });
  });

  describe('tampering, caught against the stored checkpoints and against a kept checkpoint file', () => {
    const rehashFrom = async (manager: EntityManager, chain: string, seq: number) => {
      const rows = await manager.find(AuditEntry, { where: { chain }, order: { seq: 'ASC' } });
      let previousHash = rows[seq - 2]?.hash ?? genesisHash(chain);
      for (const row of rows.slice(seq - 1)) {
        const after = row.seq === String(seq) ? { status: 'REWRITTEN' } : row.after;
        const hash = auditHash(previousHash, { ...row, after });
        await manager.query(
          'UPDATE audit_entry SET after = $1::jsonb, previous_hash = $2, hash = $3 WHERE chain = $4 AND chain_seq = $5',
          [JSON.stringify(after), previousHash, hash, chain, row.seq],
        );
        previousHash = hash;
      }
    };
    const appendForged = async (manager: EntityManager, chain: string, sign?: AuditKeyring) => {
      const [head] = await manager.find(AuditEntry, { where: { chain }, order: { seq: 'DESC' }, take: 1 });
      const content = {
        ...head!,
        seq: String(Number(head!.seq) + 1),
        id: randomUUID(),
        subjectId: 'T-forged',
        after: { status: 'CLOSED' },
      };
      const hash = auditHash(head!.hash, content);
      await manager.query(
        `INSERT INTO audit_entry (chain, chain_seq, id, occurred_at, actor_user_id, actor_organization_id,
           consortium_id, action, subject_type, subject_id, before, after, previous_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)`,
        [
          chain,
          content.seq,
          content.id,
          content.occurredAt.toISOString(),
          content.actorUserId,
          content.actorOrganizationId,
          content.consortiumId,
          content.action,
          content.subjectType,
          content.subjectId,
          JSON.stringify(content.before),
          JSON.stringify(content.after),
          head!.hash,
          hash,
        ],
      );
      if (sign) {
        const checkpoint = sign.sign({ chain, seq: content.seq, hash, signedAt: new Date().toISOString() });
        await manager.query(
          `INSERT INTO audit_checkpoint (chain, seq, hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)`,
          [chain, checkpoint.seq, hash, checkpoint.signedAt, checkpoint.keyId, checkpoint.signature],
        );
      }
    };
    const deleteFrom = (manager: EntityManager, chain: string, seq: number, checkpointsToo: boolean) =>
      Promise.all([
        manager.query('DELETE FROM audit_entry WHERE chain = $1 AND chain_seq >= $2', [chain, seq]),
        checkpointsToo
          ? manager.query('DELETE FROM audit_checkpoint WHERE chain = $1 AND seq >= $2', [chain, seq])
          : undefined,
      ]);

    // [label, attack, problem against the stored checkpoints, problem against the kept file]
    it.each<
      [
        string,
        (manager: EntityManager, chain: string) => Promise<unknown>,
        [string, string] | null,
        [string, string],
      ]
    >([
      [
        'the last two entries deleted',
        (m, c) => deleteFrom(m, c, 5, false),
        ['5', 'TRUNCATED'],
        ['5', 'TRUNCATED'],
      ],
      // With their checkpoints gone too, only a party's kept checkpoint still knows the head.
      [
        'the last two entries and their checkpoints deleted',
        (m, c) => deleteFrom(m, c, 5, true),
        null,
        ['5', 'TRUNCATED'],
      ],
      [
        'entry 3 rewritten and every later entry re-hashed',
        (m, c) => rehashFrom(m, c, 3),
        ['3', 'EDITED'],
        ['3', 'EDITED'],
      ],
      [
        'entry 3 rewritten and re-hashed, the checkpoints from 3 on deleted',
        async (m, c) => {
          await rehashFrom(m, c, 3);
          await m.query('DELETE FROM audit_checkpoint WHERE chain = $1 AND seq >= 3', [c]);
        },
        ['3', 'FORGED'],
        ['3', 'EDITED'],
      ],
      ['a correctly hashed entry appended', (m, c) => appendForged(m, c), ['7', 'FORGED'], ['7', 'FORGED']],
      [
        'an entry appended with a checkpoint signed by an unknown key',
        (m, c) => appendForged(m, c, AuditKeyring.generate()),
        ['7', 'UNKNOWN_KEY'],
        ['7', 'UNKNOWN_KEY'],
      ],
      [
        "entry 3's content edited",
        (m, c) =>
          m.query(`UPDATE audit_entry SET after = '{"n":-1}' WHERE chain = $1 AND chain_seq = 3`, [c]),
        ['3', 'EDITED'],
        ['3', 'EDITED'],
      ],
      [
        'entry 3 deleted',
        (m, c) => m.query('DELETE FROM audit_entry WHERE chain = $1 AND chain_seq = 3', [c]),
        ['4', 'DELETED'],
        ['4', 'DELETED'],
      ],
      [
        'entries 2 and 5 swapped',
        async (m, c) => {
          await m.query('UPDATE audit_entry SET chain_seq = -1 WHERE chain = $1 AND chain_seq = 2', [c]);
          await m.query('UPDATE audit_entry SET chain_seq = 2 WHERE chain = $1 AND chain_seq = 5', [c]);
          await m.query('UPDATE audit_entry SET chain_seq = 5 WHERE chain = $1 AND chain_seq = -1', [c]);
        },
        ['2', 'REORDERED'],
        ['2', 'REORDERED'],
      ],
    ])('%s', async (_label, attack, stored, kept) => {
      const chain = randomUUID();
      const recorded = await recordIn(chain, 6);
      const file = await checkpointsAs(admin, chain);
      expect(await verifyAs(admin, { c: chain, full: true })).toMatchObject({ valid: true, headSeq: '6' });
      expect(await verifyAs(admin, { c: chain, kept: file })).toMatchObject({ valid: true });

      await asAttacker((manager) => attack(manager, chain));

      const againstStored = await verifyAs(admin, { c: chain, full: true });
      if (stored) {
        const [seq, kind] = stored;
        expect(againstStored).toMatchObject({ valid: false, firstProblem: { seq, kind } });
        const original = recorded[Number(seq) - 1];
        if (kind !== 'TRUNCATED' && original && kind !== 'REORDERED') {
          expect(againstStored.firstProblem!.id).toBe(original.id);
        }
      } else {
        expect(againstStored).toMatchObject({ valid: true });
      }
      const againstKept = await verifyAs(admin, { c: chain, kept: file });
      expect(againstKept).toMatchObject({ valid: false, firstProblem: { seq: kept[0], kind: kept[1] } });
      // Only the latest checkpoint needs keeping: it alone catches the same.
      const latestOnly = await verifyAs(admin, { c: chain, kept: [file.latest] });
      expect(latestOnly.valid).toBe(false);
    });

    it('refuses a kept file of another chain or not made of checkpoints, in words', async () => {
      const chain = randomUUID();
      await recordIn(chain, 1);
      const file = await checkpointsAs(admin, chain);
      for (const [kept, message] of [
        [{ ...file, checkpoints: [{ ...file.latest, chain: randomUUID() }] }, /belongs to chain/],
        [[{ seq: 1 }], /is not a checkpoint/],
        [{}, /holds no checkpoint/],
      ] as const) {
        const response = await admin(
          'query V($c: UUID, $kept: JSON) { verifyAuditChain(consortiumId: $c, checkpoints: $kept) { valid } }',
          { c: chain, kept },
        );
        expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0]?.message).toMatch(message);
      }
    });
  });

  describe('key rotation', () => {
    it('keeps verifying checkpoints of the old key after a rotation, and reports a key it does not know', async () => {
      const chain = randomUUID();
      const oldKeyring = t.app.get(AuditKeyring);
      await recordIn(chain, 3);
      const kept = await checkpointsAs(admin, chain);

      // The new key signs from now on; the old public key stays in the keyring.
      const newKeyring = AuditKeyring.generate([oldKeyring.publicKey]);
      const rotated = new AuditTrail(dataSource, newKeyring);
      await recordIn(chain, 2, rotated);
      const keyIds = await dataSource.query<{ key_id: string }[]>(
        'SELECT key_id FROM audit_checkpoint WHERE chain = $1 ORDER BY seq',
        [chain],
      );
      expect(keyIds.map((row) => row.key_id)).toEqual([
        oldKeyring.keyId,
        oldKeyring.keyId,
        oldKeyring.keyId,
        newKeyring.keyId,
        newKeyring.keyId,
      ]);
      expect(await rotated.verify(chain, { full: true })).toMatchObject({ valid: true, checkedEntries: 5 });
      expect(await rotated.verify(chain, { kept: kept.checkpoints })).toMatchObject({ valid: true });

      // A keyring that forgot the old key: the first checkpoint it cannot check is reported.
      const forgetful = new AuditTrail(dataSource, AuditKeyring.generate([newKeyring.publicKey]));
      expect(await forgetful.verify(chain, { full: true })).toMatchObject({
        valid: false,
        firstProblem: { seq: '1', kind: 'UNKNOWN_KEY' },
      });
    });
  });

  describe('npm run audit:verify', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'tetrad-audit-verify-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('checks a chain against a kept checkpoint file and names the first entry that disagrees', async () => {
      const databaseUrl = t.database.env.DATABASE_URL;
      if (!databaseUrl) return; // The embedded database in memory cannot be opened by another process.
      const chain = randomUUID();
      await recordIn(chain, 4);
      const file = join(dir, 'kept.json');
      writeFileSync(file, JSON.stringify(await checkpointsAs(admin, chain)));
      const env = {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: databaseUrl,
        AUDIT_SIGNING_KEY_FILE: t.config.audit.generatedKeyFile ?? t.config.audit.signingKeyFile ?? '',
      };
      const run = promisify(execFile);
      const valid = await run(process.execPath, [VERIFY_SCRIPT, '--checkpoints', file], { env });
      expect(valid.stdout).toMatch(new RegExp(`Audit chain ${chain} valid: 4 entries checked`));

      await asAttacker((manager) => deleteAll(manager, chain));
      const broken = await run(process.execPath, [VERIFY_SCRIPT, '--checkpoints', file], { env }).then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      );
      expect(broken).toMatchObject({ code: 1 });
      expect(broken!.stdout).toMatch(new RegExp(`Audit chain ${chain} broken at entry #3: TRUNCATED`));
    });

    const deleteAll = (manager: EntityManager, chain: string) =>
      Promise.all([
        manager.query('DELETE FROM audit_entry WHERE chain = $1 AND chain_seq >= 3', [chain]),
        manager.query('DELETE FROM audit_checkpoint WHERE chain = $1 AND seq >= 3', [chain]),
      ]);
  });
});
