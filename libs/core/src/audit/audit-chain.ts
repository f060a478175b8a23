import { auditHash, genesisHash, type AuditHashInput } from './audit-hash';

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

export function factsFromEntries(entries: readonly AuditChainEntry[], at: AuditChainEntry): ChainFacts {
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
