import { auditHash, genesisHash, type AuditHashInput } from './audit-hash';
import type { AuditCheckpoint, SignatureCheck } from './audit-signing';

/** An entry as stored: its content, the hash it claims to follow, and its own hash. */
export interface AuditChainEntry extends AuditHashInput {
  previousHash: string;
  hash: string;
}

/**
 * EDITED, DELETED, REORDERED, FORGED: what the hash links and the signed checkpoints show about
 * an entry. TRUNCATED: a signed checkpoint names entries that are gone from the end of the chain.
 * UNKNOWN_KEY, BAD_SIGNATURE: a checkpoint not signed by a key of the keyring.
 */
export type AuditProblemKind =
  'EDITED' | 'DELETED' | 'REORDERED' | 'FORGED' | 'TRUNCATED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

export interface AuditProblem {
  /** Position in the chain of the first entry that disagrees. */
  seq: string;
  /** That entry's id; null when it no longer exists (truncation) or only a checkpoint names it. */
  id: string | null;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditVerification {
  valid: boolean;
  /** Entries read before the verdict (all of them when the chain is valid). */
  checkedEntries: number;
  firstProblem?: AuditProblem;
}

/** Where a walk over one chain stands between pages: the last entry read and how many so far. */
export interface ChainPosition {
  chain: string;
  last: AuditChainEntry | undefined;
  checked: number;
}

export function chainStart(chain: string): ChainPosition {
  return { chain, last: undefined, checked: 0 };
}

/** The first entry that does not follow on from the one stored before it, with what was seen. */
export interface ChainBreak {
  entry: AuditChainEntry;
  /** The entry stored just before it in seq order (undefined: it is the first). */
  predecessor: AuditChainEntry | undefined;
  /** Its hash is what its own content and previous_hash produce. */
  contentMatches: boolean;
  /** Its previous_hash is the hash of its predecessor (GENESIS for the first entry). */
  linkMatches: boolean;
  /** Its seq is not its predecessor's + 1 (or not 1 for the first entry). */
  seqGap: boolean;
}

/** What only the whole chain can tell about a break (the verifier may hold one page of it). */
export interface ChainFacts {
  /** Some entry of the chain has the break entry's previous_hash as its hash. */
  previousHashKnown: boolean;
  /** Some entry of the chain records the break entry's hash as its previous_hash. */
  hashReferenced: boolean;
  /** Entries with a higher seq than the break entry exist. */
  laterEntries: boolean;
}

/**
 * Walks entries (one page, in seq order) on from `position`; stops at the first break.
 * Seq gaps alone are not breaks: a rolled-back transaction consumes a seq without an entry.
 */
export function walkChain(
  entries: readonly AuditChainEntry[],
  position: ChainPosition,
): { position: ChainPosition; broken?: ChainBreak } {
  let { last, checked } = position;
  const { chain } = position;
  for (const entry of entries) {
    checked += 1;
    const broken = checkLink(entry, last, chain);
    if (broken) return { position: { chain, last: entry, checked }, broken };
    last = entry;
  }
  return { position: { chain, last, checked } };
}

/** The entry's content matches its hash and its previous hash is its predecessor's (or the genesis). */
export function checkLink(
  entry: AuditChainEntry,
  last: AuditChainEntry | undefined,
  chain: string,
): ChainBreak | undefined {
  const contentMatches = entry.hash === auditHash(entry.previousHash, entry) && entry.chain === chain;
  const linkMatches = entry.previousHash === (last?.hash ?? genesisHash(chain));
  if (contentMatches && linkMatches) return undefined;
  const seqGap = last ? BigInt(entry.seq) !== BigInt(last.seq) + 1n : entry.seq !== '1';
  return { entry, predecessor: last, contentMatches, linkMatches, seqGap };
}

/**
 * Names the tampering behind a break, first rule that matches:
 *
 * Link intact (previous_hash = predecessor's hash), content does not match the hash:
 *  1. FORGED the entry, when nothing follows its hash although later entries exist (a genuine
 *     entry keeps the hash its successor recorded, even when its content is edited);
 *  2. otherwise EDITED the entry: its content changed after it was recorded.
 * Link broken:
 *  3. FORGED the predecessor, when both claim the same previous_hash: a fork, and the
 *     predecessor is the one slipped in;
 *  4. REORDERED the entry, when its previous_hash is the hash of another entry of the chain: it
 *     follows an entry that now sits elsewhere (a swapped seq also fails the content check);
 *  5. DELETED the entry (the one after the gap), when its content matches its hash and seqs are
 *     missing before it: the entry it follows is gone;
 *  6. EDITED the predecessor, when the entry's content matches and no seq is missing: the
 *     predecessor was rewritten and re-hashed, the entry still records its original hash;
 *  7. otherwise FORGED the entry: its previous_hash names no entry and nothing explains it.
 */
export function classifyBreak(broken: ChainBreak, facts: ChainFacts): AuditProblem {
  const { entry, predecessor, contentMatches, linkMatches, seqGap } = broken;
  const storedAfter = predecessor ? `entry #${predecessor.seq}` : 'nothing (it is stored first)';
  if (linkMatches) {
    if (!facts.hashReferenced && facts.laterEntries) {
      return problem(entry, 'FORGED', 'its hash matches neither its content nor what the next entry records');
    }
    return problem(entry, 'EDITED', 'its content no longer matches its hash: it was changed after recording');
  }
  if (predecessor && entry.previousHash === predecessor.previousHash) {
    return problem(predecessor, 'FORGED', `it claims the same predecessor as entry #${entry.seq}`);
  }
  if (facts.previousHashKnown) {
    return problem(
      entry,
      'REORDERED',
      `it follows another entry of the trail, yet is stored after ${storedAfter}`,
    );
  }
  if (contentMatches && seqGap) {
    return problem(entry, 'DELETED', `the entry it follows is missing; it is stored after ${storedAfter}`);
  }
  if (contentMatches && predecessor) {
    return problem(predecessor, 'EDITED', `its hash was rewritten: entry #${entry.seq} records the original`);
  }
  return problem(entry, 'FORGED', 'its previous hash names no entry of the trail');
}

function problem(entry: AuditChainEntry, kind: AuditProblemKind, message: string): AuditProblem {
  return { seq: entry.seq, id: entry.id, kind, message };
}

/** Checks the links of a whole chain held in memory, in seq order (no checkpoints). */
export function verifyChain(chain: string, entries: readonly AuditChainEntry[]): AuditVerification {
  const { position, broken } = walkChain(entries, chainStart(chain));
  if (!broken) return { valid: true, checkedEntries: position.checked };
  return {
    valid: false,
    checkedEntries: position.checked,
    firstProblem: classifyBreak(broken, factsFromEntries(entries, broken.entry)),
  };
}

function factsFromEntries(entries: readonly AuditChainEntry[], at: AuditChainEntry): ChainFacts {
  return {
    previousHashKnown: entries.some((other) => other !== at && other.hash === at.previousHash),
    hashReferenced: entries.some((other) => other !== at && other.previousHash === at.hash),
    laterEntries: entries.some((other) => BigInt(other.seq) > BigInt(at.seq)),
  };
}

/** The verdict in one line, for people and for logs. */
export function describeVerification(
  { valid, checkedEntries, firstProblem }: AuditVerification,
  chain?: string,
): string {
  const which = chain === undefined ? 'Audit chain' : `Audit chain ${chain}`;
  if (valid || !firstProblem) return `${which} valid: ${checkedEntries} entries checked`;
  const { seq, id, kind, message } = firstProblem;
  return `${which} broken at entry #${seq}${id ? ` (${id})` : ''}: ${kind} — ${message}`;
}

/** Where a chain was last seen intact: a signed checkpoint that matched its entry. */
export interface ChainAnchor {
  seq: string;
  hash: string;
}

/** What the verifier reads of one chain: the database, or memory in unit tests. */
export interface ChainSource {
  /** Entries with seq > afterSeq (every seq when undefined), ascending, at most `limit`. */
  entries(afterSeq: string | undefined, limit: number): Promise<AuditChainEntry[]>;
  entryAt(seq: string): Promise<AuditChainEntry | undefined>;
  /** Stored checkpoints with afterSeq < seq ≤ throughSeq (no bound when undefined), ascending. */
  checkpoints(afterSeq: string | undefined, throughSeq: string | undefined): Promise<AuditCheckpoint[]>;
  facts(broken: ChainBreak): Promise<ChainFacts>;
}

export interface ChainVerifyOptions {
  /** Start after this point instead of from the first entry, if its entry still has that hash. */
  anchor?: ChainAnchor | undefined;
  /** Checkpoints a party kept (downloaded earlier); they bind the chain like the stored ones. */
  kept?: readonly AuditCheckpoint[] | undefined;
  pageSize?: number;
}

export interface ChainVerification extends AuditVerification {
  chain: string;
  /** The last entry read (null: the chain is empty). */
  headSeq: string | null;
  /** Started from an anchor: the entries before it were verified by an earlier call. */
  incremental: boolean;
  /** The latest checkpoint that was signed by a known key and matched its entry. */
  anchor: ChainAnchor | undefined;
}

/**
 * Verifies one chain against its signed checkpoints, in seq order, and reports the first entry
 * that disagrees: a broken link (see `classifyBreak`), a checkpoint not signed by a known key, a
 * checkpoint whose hash differs from its entry (rewritten and re-hashed), an entry no checkpoint
 * covers (appended without the key), or checkpoints beyond the last entry (truncated).
 */
export async function verifyChainAgainstCheckpoints(
  chain: string,
  source: ChainSource,
  keyring: { check(checkpoint: AuditCheckpoint): SignatureCheck },
  options: ChainVerifyOptions = {},
): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 1_000;
  let position = chainStart(chain);
  let anchor: ChainAnchor | undefined;
  if (options.anchor) {
    const at = await source.entryAt(options.anchor.seq);
    if (at?.hash === options.anchor.hash && at.chain === chain) {
      position = { chain, last: at, checked: 1 };
      anchor = options.anchor;
    }
  }
  const incremental = anchor !== undefined;
  const kept = (options.kept ?? []).filter((checkpoint) => !anchor || seqAfter(checkpoint.seq, anchor.seq));
  /** The first entry after the latest valid checkpoint so far: no signature covers it yet. */
  let uncovered: AuditChainEntry | undefined;
  const verdict = (firstProblem?: AuditProblem): ChainVerification => ({
    valid: !firstProblem,
    chain,
    checkedEntries: position.checked,
    headSeq: position.last?.seq ?? null,
    incremental,
    anchor,
    ...(firstProblem ? { firstProblem } : {}),
  });

  for (;;) {
    const page = await source.entries(position.last?.seq, pageSize);
    const through = page.at(-1)?.seq;
    const checkpoints = through
      ? groupBySeq([
          ...(await source.checkpoints(position.last?.seq, through)),
          ...kept.filter((checkpoint) => inRange(checkpoint.seq, position.last?.seq, through)),
        ])
      : new Map<string, AuditCheckpoint[]>();
    for (const entry of page) {
      position = { chain, last: position.last, checked: position.checked + 1 };
      const broken = checkLink(entry, position.last, chain);
      if (broken) {
        position = { ...position, last: entry };
        return verdict(classifyBreak(broken, await source.facts(broken)));
      }
      position = { ...position, last: entry };
      let covered = false;
      for (const checkpoint of checkpoints.get(entry.seq) ?? []) {
        const refused = signatureProblem(checkpoint, chain, keyring);
        if (refused) return verdict({ ...refused, id: entry.id });
        if (checkpoint.hash !== entry.hash) {
          return verdict(
            problem(
              entry,
              'EDITED',
              `its hash differs from the signed checkpoint #${checkpoint.seq}: it was rewritten and the entries after it re-hashed`,
            ),
          );
        }
        covered = true;
      }
      if (covered) {
        uncovered = undefined;
        anchor = { seq: entry.seq, hash: entry.hash };
      } else {
        uncovered ??= entry;
      }
    }
    if (page.length === pageSize) continue;

    // The end of the chain: no signed checkpoint may name an entry past it.
    const beyond = [
      ...(await source.checkpoints(position.last?.seq, undefined)),
      ...kept.filter((checkpoint) => inRange(checkpoint.seq, position.last?.seq, undefined)),
    ].sort((a, b) => compareSeqs(a.seq, b.seq));
    if (beyond.length > 0) {
      // An entry and its checkpoint commit together: one committed since the page was read.
      if ((await source.entries(position.last?.seq, 1)).length > 0) continue;
      const first = beyond[0]!;
      const refused = signatureProblem(first, chain, keyring);
      if (refused) return verdict(refused);
      const missing = position.last ? (BigInt(position.last.seq) + 1n).toString() : '1';
      const end = position.last ? `#${position.last.seq}` : 'nothing (it is empty)';
      return verdict({
        seq: missing,
        id: null,
        kind: 'TRUNCATED',
        message: `the signed checkpoint #${first.seq} names entries up to #${first.seq}, but the chain ends at ${end}: entries were removed from its end`,
      });
    }
    if (uncovered) {
      const latest = anchor ? `#${anchor.seq}` : 'none';
      return verdict(
        problem(
          uncovered,
          'FORGED',
          `no signed checkpoint covers it (the latest is ${latest}): it was added without the signing key`,
        ),
      );
    }
    return verdict();
  }
}

function signatureProblem(
  checkpoint: AuditCheckpoint,
  chain: string,
  keyring: { check(checkpoint: AuditCheckpoint): SignatureCheck },
): AuditProblem | undefined {
  const check = checkpoint.chain === chain ? keyring.check(checkpoint) : 'invalid';
  if (check === 'valid') return undefined;
  if (check === 'unknown-key') {
    return {
      seq: checkpoint.seq,
      id: null,
      kind: 'UNKNOWN_KEY',
      message: `its checkpoint is signed by key ${checkpoint.keyId}, which is not one of the audit keys`,
    };
  }
  return {
    seq: checkpoint.seq,
    id: null,
    kind: 'BAD_SIGNATURE',
    message: `its checkpoint's signature does not match what it claims (key ${checkpoint.keyId})`,
  };
}

function groupBySeq(checkpoints: readonly AuditCheckpoint[]): Map<string, AuditCheckpoint[]> {
  const groups = new Map<string, AuditCheckpoint[]>();
  for (const checkpoint of checkpoints) {
    const key = BigInt(checkpoint.seq).toString();
    groups.set(key, [...(groups.get(key) ?? []), checkpoint]);
  }
  return groups;
}

function compareSeqs(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

function seqAfter(seq: string, than: string): boolean {
  return compareSeqs(seq, than) > 0;
}

function inRange(seq: string, after: string | undefined, through: string | undefined): boolean {
  return (after === undefined || seqAfter(seq, after)) && (through === undefined || !seqAfter(seq, through));
}

/** A chain held in memory as a source (unit tests, and checking a downloaded copy). */
export function memoryChainSource(
  entries: readonly AuditChainEntry[],
  checkpoints: readonly AuditCheckpoint[],
): ChainSource {
  const sorted = [...entries].sort((a, b) => compareSeqs(a.seq, b.seq));
  const signed = [...checkpoints].sort((a, b) => compareSeqs(a.seq, b.seq));
  return {
    entries: (afterSeq, limit) =>
      Promise.resolve(
        sorted.filter((entry) => afterSeq === undefined || seqAfter(entry.seq, afterSeq)).slice(0, limit),
      ),
    entryAt: (seq) => Promise.resolve(sorted.find((entry) => compareSeqs(entry.seq, seq) === 0)),
    checkpoints: (afterSeq, throughSeq) =>
      Promise.resolve(signed.filter((checkpoint) => inRange(checkpoint.seq, afterSeq, throughSeq))),
    facts: (broken) => Promise.resolve(factsFromEntries(sorted, broken.entry)),
  };
}
