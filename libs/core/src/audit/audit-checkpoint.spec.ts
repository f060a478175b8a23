import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditChainEntry } from './audit-chain';
import {
  memoryChainSource,
  verifyChainAgainstCheckpoints,
  type ChainVerifyOptions,
} from './audit-checkpoint-verification';
import { auditHash, genesisHash } from './audit-hash';
import {
  AuditKeyring,
  loadAuditKeyring,
  loadVerifyingKeyring,
  parsePublicKeys,
  type AuditCheckpoint,
} from './audit-signing';

const CHAIN = '00000000-0000-4000-8000-000000000800';

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A valid chain of `count` entries, each with the checkpoint its write signed. */
function recorded(count: number, keyring: AuditKeyring) {
  const entries: AuditChainEntry[] = [];
  const checkpoints: AuditCheckpoint[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const entry = linked(seq, entries.at(-1)?.hash ?? genesisHash(CHAIN));
    entries.push(entry);
    checkpoints.push(signHead(keyring, entry));
  }
  return { entries, checkpoints };
}

function linked(seq: number, previousHash: string, after: unknown = { n: seq }): AuditChainEntry {
  const content = {
    chain: CHAIN,
    seq: String(seq),
    id: uuid(seq),
    occurredAt: new Date(Date.UTC(2026, 10, 25, 10, 0, seq)),
    actorUserId: uuid(900),
    actorOrganizationId: null,
    consortiumId: CHAIN,
    action: 'ticket.update',
    subjectType: 'Ticket',
    subjectId: `T-${seq}`,
    before: null,
    after,
  };
  return { ...content, previousHash, hash: auditHash(previousHash, content) };
}

function signHead(keyring: AuditKeyring, entry: AuditChainEntry): AuditCheckpoint {
  return keyring.sign({
    chain: CHAIN,
    seq: entry.seq,
    hash: entry.hash,
    signedAt: entry.occurredAt.toISOString(),
  });
}

/** Entries seq..end rewritten and re-hashed from `seq` on: a consistent chain, but not the signed one. */
function rewriteFrom(entries: AuditChainEntry[], seq: number): AuditChainEntry[] {
  const out: AuditChainEntry[] = entries.slice(0, seq - 1);
  for (const entry of entries.slice(seq - 1)) {
    const previousHash = out.at(-1)?.hash ?? genesisHash(CHAIN);
    const after = entry.seq === String(seq) ? { n: 'rewritten' } : entry.after;
    const { hash: _old, ...content } = { ...entry, previousHash, after };
    out.push({ ...content, hash: auditHash(previousHash, content) });
  }
  return out;
}

function verify(
  entries: readonly AuditChainEntry[],
  checkpoints: readonly AuditCheckpoint[],
  keyring: AuditKeyring,
  options: ChainVerifyOptions = {},
) {
  return verifyChainAgainstCheckpoints(CHAIN, memoryChainSource(entries, checkpoints), keyring, {
    pageSize: 4,
    ...options,
  });
}

describe('AuditKeyring', () => {
  const keyring = AuditKeyring.generate();
  const claim = { chain: CHAIN, seq: '3', hash: 'a'.repeat(64), signedAt: '2026-12-03T10:00:00.000Z' };

  it('signs checkpoints that verify, and names the key', () => {
    const checkpoint = keyring.sign(claim);
    expect(checkpoint.keyId).toBe(keyring.keyId);
    expect(checkpoint.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyring.check(checkpoint)).toBe('valid');
  });

  it.each<[string, Partial<AuditCheckpoint>]>([
    ['chain', { chain: 'platform' }],
    ['seq', { seq: '4' }],
    ['hash', { hash: 'b'.repeat(64) }],
    ['signedAt', { signedAt: '2026-12-03T10:00:00.001Z' }],
    ['signature', { signature: 'AAAA' }],
  ])('refuses a checkpoint whose %s was changed', (_field, change) => {
    expect(keyring.check({ ...keyring.sign(claim), ...change })).toBe('invalid');
  });

  it('does not know a key it was not given', () => {
    const stranger = AuditKeyring.generate();
    expect(keyring.check(stranger.sign(claim))).toBe('unknown-key');
  });

  it('keeps verifying checkpoints of an earlier key after a rotation', () => {
    const before = keyring.sign(claim);
    const rotated = AuditKeyring.generate([keyring.publicKey]);
    expect(rotated.keyId).not.toBe(keyring.keyId);
    expect(rotated.check(before)).toBe('valid');
    expect(rotated.check(rotated.sign(claim))).toBe('valid');
    expect(rotated.list().map(({ keyId, current }) => [keyId, current])).toEqual(
      expect.arrayContaining([
        [keyring.keyId, false],
        [rotated.keyId, true],
      ]),
    );
  });

  it('reads public keys as PEM blocks or as base64 DER separated by commas', () => {
    const other = AuditKeyring.generate();
    const pems = [keyring, other].map((ring) =>
      ring.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    const ders = [keyring, other].map((ring) =>
      ring.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    );
    for (const text of [pems.join('\n'), ders.join(',')]) {
      const verifier = new AuditKeyring(undefined, parsePublicKeys(text));
      expect(verifier.check(keyring.sign(claim))).toBe('valid');
      expect(verifier.check(other.sign(claim))).toBe('valid');
      expect(() => verifier.sign(claim)).toThrow(/only verifies/);
    }
  });

  describe('loading', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'tetrad-audit-keys-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('generates a development key once into its file and reuses it', () => {
      const file = join(dir, 'data', 'audit-signing-key.pem');
      const told: string[] = [];
      const first = loadAuditKeyring({ generatedKeyFile: file }, (where) => told.push(where));
      const second = loadAuditKeyring({ generatedKeyFile: file }, (where) => told.push(where));
      expect(told).toEqual([file]);
      expect(second.keyId).toBe(first.keyId);
      expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      // The verifier reads the same file and never generates one.
      expect(loadVerifyingKeyring({ generatedKeyFile: file }).keyId).toBe(first.keyId);
      expect(() => loadVerifyingKeyring({ generatedKeyFile: join(dir, 'none.pem') })).toThrow(
        /No audit keys are configured/,
      );
    });

    it('takes a configured key before a generated one, and refuses a key that is not Ed25519', () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const configured = loadAuditKeyring({
        signingKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        generatedKeyFile: join(dir, 'unused.pem'),
      });
      expect(configured.keyId).toBe(new AuditKeyring(undefined, [publicKey]).list()[0]!.keyId);
      expect(() => readFileSync(join(dir, 'unused.pem'))).toThrow();
      expect(() => loadAuditKeyring({ signingKey: rsaKey() })).toThrow(/must be an Ed25519 key/);
    });
  });
});

function rsaKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

describe('verifyChainAgainstCheckpoints', () => {
  const keyring = AuditKeyring.generate();

  it('accepts a chain whose every head was signed, page after page', async () => {
    const { entries, checkpoints } = recorded(9, keyring);
    expect(await verify(entries, checkpoints, keyring)).toEqual({
      valid: true,
      chain: CHAIN,
      checkedEntries: 9,
      headSeq: '9',
      incremental: false,
      anchor: { seq: '9', hash: entries[8]!.hash },
    });
  });

  it('accepts an empty chain', async () => {
    expect(await verify([], [], keyring)).toMatchObject({ valid: true, checkedEntries: 0, headSeq: null });
  });

  it('is covered by the latest checkpoint alone (chains signed only at their head after the upgrade)', async () => {
    const { entries, checkpoints } = recorded(6, keyring);
    expect(await verify(entries, checkpoints.slice(-1), keyring)).toMatchObject({ valid: true });
  });

  it('catches truncation: the last entries deleted, the signed checkpoint names a head that is gone', async () => {
    const { entries, checkpoints } = recorded(6, keyring);
    expect(await verify(entries.slice(0, 4), checkpoints, keyring)).toMatchObject({
      valid: false,
      firstProblem: { seq: '5', id: null, kind: 'TRUNCATED' },
    });
  });

  it('catches truncation with the checkpoints deleted too, against a kept checkpoint', async () => {
    const { entries, checkpoints } = recorded(6, keyring);
    const kept = [checkpoints[5]!];
    expect(await verify(entries.slice(0, 4), checkpoints.slice(0, 4), keyring)).toMatchObject({
      valid: true,
    });
    expect(await verify(entries.slice(0, 4), checkpoints.slice(0, 4), keyring, { kept })).toMatchObject({
      valid: false,
      firstProblem: { seq: '5', kind: 'TRUNCATED' },
    });
  });

  it('catches a rewrite that re-hashed everything after it, at the rewritten entry', async () => {
    const { entries, checkpoints } = recorded(6, keyring);
    const rewritten = rewriteFrom(entries, 3);
    expect(await verify(rewritten, checkpoints, keyring)).toMatchObject({
      valid: false,
      firstProblem: { seq: '3', id: uuid(3), kind: 'EDITED' },
    });
    // Against the checkpoint a party kept, with the stored ones gone from #3 on.
    expect(
      await verify(rewritten, checkpoints.slice(0, 2), keyring, { kept: [checkpoints[3]!] }),
    ).toMatchObject({
      valid: false,
      firstProblem: { seq: '4', id: uuid(4), kind: 'EDITED' },
    });
  });

  it('catches a correctly hashed entry appended without the key', async () => {
    const { entries, checkpoints } = recorded(5, keyring);
    const forged = linked(6, entries[4]!.hash, { n: 'forged' });
    expect(await verify([...entries, forged], checkpoints, keyring)).toMatchObject({
      valid: false,
      firstProblem: { seq: '6', id: uuid(6), kind: 'FORGED' },
    });
  });

  it('reports a checkpoint signed by an unknown key, and one whose signature does not match', async () => {
    const { entries, checkpoints } = recorded(5, keyring);
    const stranger = AuditKeyring.generate();
    const forgedCheckpoint = signHead(stranger, entries[4]!);
    expect(await verify(entries, [...checkpoints.slice(0, 4), forgedCheckpoint], keyring)).toMatchObject({
      valid: false,
      firstProblem: { seq: '5', id: uuid(5), kind: 'UNKNOWN_KEY' },
    });
    const altered = { ...checkpoints[2]!, signedAt: '2030-01-01T00:00:00.000Z' };
    expect(
      await verify(entries, [checkpoints[0]!, checkpoints[1]!, altered, ...checkpoints.slice(3)], keyring),
    ).toMatchObject({
      valid: false,
      firstProblem: { seq: '3', kind: 'BAD_SIGNATURE' },
    });
  });

  it.each<[string, (entries: AuditChainEntry[]) => AuditChainEntry[], string, string]>([
    ['edited', (e) => e.map((x) => (x.seq === '3' ? { ...x, after: { n: -1 } } : x)), '3', 'EDITED'],
    ['deleted', (e) => e.filter((x) => x.seq !== '3'), '4', 'DELETED'],
    [
      'reordered',
      (e) => e.map((x) => (x.seq === '2' ? { ...x, seq: '5' } : x.seq === '5' ? { ...x, seq: '2' } : x)),
      '2',
      'REORDERED',
    ],
  ])('still names the entry %s', async (_label, attack, seq, kind) => {
    const { entries, checkpoints } = recorded(6, keyring);
    expect(await verify(attack(entries), checkpoints, keyring)).toMatchObject({
      valid: false,
      firstProblem: { seq, kind },
    });
  });

  it('runs from an anchor: only the entries after it are read', async () => {
    const { entries, checkpoints } = recorded(10, keyring);
    const first = await verify(entries.slice(0, 7), checkpoints.slice(0, 7), keyring);
    const next = await verify(entries, checkpoints, keyring, { anchor: first.anchor });
    expect(next).toMatchObject({ valid: true, incremental: true, checkedEntries: 4, headSeq: '10' });
    // An anchor whose entry changed is not trusted: the whole chain is read again.
    const rewritten = rewriteFrom(entries, 2);
    expect(await verify(rewritten, checkpoints, keyring, { anchor: first.anchor })).toMatchObject({
      valid: false,
      incremental: false,
      firstProblem: { seq: '2', kind: 'EDITED' },
    });
  });

  it('keeps reading when an entry commits between the last page and the look for later checkpoints', async () => {
    const { entries, checkpoints } = recorded(5, keyring);
    const source = memoryChainSource(entries.slice(0, 4), checkpoints);
    let reads = 0;
    const racing = {
      ...source,
      // The first read of the end sees 4 entries; by the next, entry 5 has committed.
      entries: (afterSeq: string | undefined, limit: number) =>
        (reads++ === 0 ? source : memoryChainSource(entries, checkpoints)).entries(afterSeq, limit),
    };
    expect(await verifyChainAgainstCheckpoints(CHAIN, racing, keyring)).toMatchObject({
      valid: true,
      headSeq: '5',
    });
  });
});
