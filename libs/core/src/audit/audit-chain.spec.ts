import {
  chainStart,
  describeVerification,
  verifyChain,
  walkChain,
  type AuditChainEntry,
  type AuditProblemKind,
} from './audit-chain';
import { auditHash, genesisHash } from './audit-hash';

const CHAIN = '00000000-0000-4000-8000-000000000800';
const GENESIS_HASH = genesisHash(CHAIN);
const CHAIN_START = chainStart(CHAIN);

type Chain = AuditChainEntry[];

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A valid chain whose entries carry the given seqs (gaps allowed: rolled-back writes). */
function chain(seqs: number[]): Chain {
  const entries: Chain = [];
  for (const seq of seqs) entries.push(linked(seq, entries.at(-1)?.hash ?? GENESIS_HASH));
  return entries;
}

function linked(seq: number, previousHash: string, after: unknown = { n: seq }): AuditChainEntry {
  const content = {
    chain: CHAIN,
    seq: String(seq),
    id: uuid(seq),
    occurredAt: new Date(Date.UTC(2026, 10, 25, 10, 0, seq)),
    actorUserId: uuid(900),
    actorOrganizationId: null,
    consortiumId: uuid(800),
    action: 'ticket.update',
    subjectType: 'Ticket',
    subjectId: `T-${seq}`,
    before: null,
    after,
  };
  return { ...content, previousHash, hash: auditHash(previousHash, content) };
}

function bySeq(entries: Chain): Chain {
  return [...entries].sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)));
}

function at(entries: Chain, seq: number): AuditChainEntry {
  const found = entries.find((entry) => entry.seq === String(seq));
  if (!found) throw new Error(`no entry #${seq}`);
  return found;
}

/** The tampering an attacker with database access could do, as it leaves the table. */
const tamper = {
  edit: (entries: Chain, seq: number) =>
    entries.map((entry) => (entry.seq === String(seq) ? { ...entry, after: { n: -1 } } : entry)),
  remove: (entries: Chain, seq: number) => entries.filter((entry) => entry.seq !== String(seq)),
  swapSeqs: (entries: Chain, a: number, b: number) =>
    bySeq(
      entries.map((entry) => {
        if (entry.seq === String(a)) return { ...entry, seq: String(b) };
        if (entry.seq === String(b)) return { ...entry, seq: String(a) };
        return entry;
      }),
    ),
  forge: (entries: Chain, seq: number) =>
    bySeq([...entries, { ...linked(seq, 'a'.repeat(64)), hash: 'b'.repeat(64) }]),
  rehash: (entries: Chain, seq: number) =>
    entries.map((entry) =>
      entry.seq === String(seq) ? linked(seq, entry.previousHash, { n: 'rewritten' }) : entry,
    ),
  /** A correctly hashed entry slipped into a seq gap, following the same entry as its successor. */
  slipIn: (entries: Chain, seq: number) => {
    const previous = bySeq(entries)
      .filter((entry) => BigInt(entry.seq) < BigInt(seq))
      .at(-1);
    return bySeq([...entries, linked(seq, previous?.hash ?? GENESIS_HASH, { n: 'slipped in' })]);
  },
};

describe('verifyChain', () => {
  it('accepts an empty chain', () => {
    expect(verifyChain(CHAIN, [])).toEqual({ valid: true, checkedEntries: 0 });
  });

  it.each<[string, number[]]>([
    ['one entry', [1]],
    ['five entries', [1, 2, 3, 4, 5]],
    ['seq gaps left by rolled-back transactions', [2, 3, 7, 8, 20]],
  ])('accepts a valid chain: %s', (_label, seqs) => {
    expect(verifyChain(CHAIN, chain(seqs))).toEqual({ valid: true, checkedEntries: seqs.length });
  });

  it.each<[string, (entries: Chain) => Chain, number, AuditProblemKind]>([
    ["edited: a middle entry's after", (c) => tamper.edit(c, 3), 3, 'EDITED'],
    ['edited: the first entry', (c) => tamper.edit(c, 1), 1, 'EDITED'],
    ['edited: the last entry', (c) => tamper.edit(c, 6), 6, 'EDITED'],
    ['edited and re-hashed: named by its successor', (c) => tamper.rehash(c, 3), 3, 'EDITED'],
    ['deleted: a middle entry (names the entry after the gap)', (c) => tamper.remove(c, 3), 4, 'DELETED'],
    ['deleted: the first entry', (c) => tamper.remove(c, 1), 2, 'DELETED'],
    ['deleted: two entries in a row', (c) => tamper.remove(tamper.remove(c, 3), 4), 5, 'DELETED'],
    ['reordered: seqs of two entries swapped', (c) => tamper.swapSeqs(c, 2, 5), 2, 'REORDERED'],
    ['reordered: neighbours swapped', (c) => tamper.swapSeqs(c, 3, 4), 3, 'REORDERED'],
    ['reordered: the first entry swapped', (c) => tamper.swapSeqs(c, 1, 2), 1, 'REORDERED'],
    ['forged: appended with made-up hashes', (c) => tamper.forge(c, 7), 7, 'FORGED'],
    ['forged: appended after a seq jump', (c) => tamper.forge(c, 50), 50, 'FORGED'],
    ['forged: before the first entry', (c) => tamper.forge(c, 0), 0, 'FORGED'],
  ])('reports %s', (_label, change, seq, kind) => {
    const tampered = change(chain([1, 2, 3, 4, 5, 6]));
    const result = verifyChain(CHAIN, tampered);
    expect(result.valid).toBe(false);
    expect(result.firstProblem).toMatchObject({ seq: String(seq), id: at(tampered, seq).id, kind });
    expect(result.firstProblem?.message).toEqual(expect.any(String));
  });

  it.each<[string, (entries: Chain) => Chain, number, AuditProblemKind]>([
    ['forged with made-up hashes in a seq gap', (c) => tamper.forge(c, 4), 4, 'FORGED'],
    ['forged with a correct hash in a seq gap', (c) => tamper.slipIn(c, 4), 4, 'FORGED'],
    ['deleted next to a seq gap', (c) => tamper.remove(c, 5), 6, 'DELETED'],
  ])('reports %s on a chain with gaps', (_label, change, seq, kind) => {
    const tampered = change(chain([1, 2, 3, 5, 6, 8]));
    expect(verifyChain(CHAIN, tampered).firstProblem).toMatchObject({ seq: String(seq), kind });
  });

  it('reports only the first problem and counts the entries read up to it', () => {
    const tampered = tamper.edit(tamper.edit(chain([1, 2, 3, 4, 5, 6]), 2), 5);
    expect(verifyChain(CHAIN, tampered)).toMatchObject({
      valid: false,
      checkedEntries: 2,
      firstProblem: { seq: '2' },
    });
  });
});

describe('walkChain', () => {
  it('gives the same verdict page by page as over the whole chain', () => {
    const entries = chain([1, 2, 3, 4, 5, 6, 7]);
    let position = CHAIN_START;
    for (const page of [entries.slice(0, 3), entries.slice(3, 6), entries.slice(6)]) {
      const step = walkChain(page, position);
      expect(step.broken).toBeUndefined();
      position = step.position;
    }
    expect(position).toEqual({ chain: CHAIN, last: entries[6], checked: 7 });
  });

  it('finds a break on a page boundary', () => {
    const entries = tamper.remove(chain([1, 2, 3, 4, 5]), 4);
    const first = walkChain(entries.slice(0, 3), CHAIN_START);
    const second = walkChain(entries.slice(3), first.position);
    expect(first.broken).toBeUndefined();
    expect(second.broken).toMatchObject({ entry: { seq: '5' }, contentMatches: true, seqGap: true });
  });
});

describe('describeVerification', () => {
  it.each<[string, Parameters<typeof describeVerification>[0], string]>([
    ['a valid chain', { valid: true, checkedEntries: 42 }, 'Audit chain valid: 42 entries checked'],
    [
      'a broken chain',
      {
        valid: false,
        checkedEntries: 4,
        firstProblem: { seq: '4', id: uuid(4), kind: 'DELETED', message: 'the entry it follows is missing' },
      },
      `Audit chain broken at entry #4 (${uuid(4)}): DELETED — the entry it follows is missing`,
    ],
  ])('says it in one line: %s', (_label, verification, line) => {
    expect(describeVerification(verification)).toBe(line);
  });
});
