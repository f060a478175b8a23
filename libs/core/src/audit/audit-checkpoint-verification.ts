import {
  chainStart,
  checkLink,
  classifyBreak,
  factsFromEntries,
  type AuditChainEntry,
  type AuditProblem,
  type AuditVerification,
  type ChainBreak,
  type ChainFacts,
  type ChainPosition,
} from './audit-chain';
import type { AuditCheckpoint, SignatureCheck } from './audit-signing';

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

type Keyring = { check(checkpoint: AuditCheckpoint): SignatureCheck };

/**
 * Verifies one chain against its signed checkpoints, in seq order, and reports the first entry
 * that disagrees: a broken link (see `classifyBreak`), a checkpoint not signed by a known key, a
 * checkpoint whose hash differs from its entry (rewritten and re-hashed), an entry no checkpoint
 * covers (appended without the key), or checkpoints beyond the last entry (truncated).
 */
export async function verifyChainAgainstCheckpoints(
  chain: string,
  source: ChainSource,
  keyring: Keyring,
  options: ChainVerifyOptions = {},
): Promise<ChainVerification> {
  const walk = new CheckpointWalk(chain, source, keyring, options.pageSize ?? 1_000);
  await walk.start(options.anchor, options.kept ?? []);
  return walk.run();
}

class CheckpointWalk {
  private position: ChainPosition;
  private anchor: ChainAnchor | undefined;
  private incremental = false;
  private kept: readonly AuditCheckpoint[] = [];
  /** The first entry after the latest valid checkpoint so far: no signature covers it yet. */
  private uncovered: AuditChainEntry | undefined;

  constructor(
    private readonly chain: string,
    private readonly source: ChainSource,
    private readonly keyring: Keyring,
    private readonly pageSize: number,
  ) {
    this.position = chainStart(chain);
  }

  /** From the anchor when its entry still has the hash it had; otherwise from the first entry. */
  async start(anchor: ChainAnchor | undefined, kept: readonly AuditCheckpoint[]): Promise<void> {
    const at = anchor ? await this.source.entryAt(anchor.seq) : undefined;
    if (anchor && at?.hash === anchor.hash && at.chain === this.chain) {
      this.position = { chain: this.chain, last: at, checked: 1 };
      this.anchor = anchor;
      this.incremental = true;
    }
    this.kept = kept.filter((checkpoint) => !this.anchor || seqAfter(checkpoint.seq, this.anchor.seq));
  }

  async run(): Promise<ChainVerification> {
    for (;;) {
      const page = await this.source.entries(this.position.last?.seq, this.pageSize);
      const problem = await this.walkPage(page);
      if (problem) return this.verdict(problem);
      if (page.length === this.pageSize) continue;
      const end = await this.checkEnd();
      if (end !== 'more') return this.verdict(end);
    }
  }

  private async walkPage(page: readonly AuditChainEntry[]): Promise<AuditProblem | undefined> {
    const through = page.at(-1)?.seq;
    if (through === undefined) return undefined;
    const after = this.position.last?.seq;
    const checkpoints = groupBySeq([
      ...(await this.source.checkpoints(after, through)),
      ...this.kept.filter((checkpoint) => inRange(checkpoint.seq, after, through)),
    ]);
    for (const entry of page) {
      const problem = await this.step(entry, checkpoints.get(entry.seq) ?? []);
      if (problem) return problem;
    }
    return undefined;
  }

  /** One entry: its link, then every checkpoint of its seq (stored and kept). */
  private async step(
    entry: AuditChainEntry,
    checkpoints: AuditCheckpoint[],
  ): Promise<AuditProblem | undefined> {
    const { last, checked } = this.position;
    this.position = { chain: this.chain, last: entry, checked: checked + 1 };
    const broken = checkLink(entry, last, this.chain);
    if (broken) return classifyBreak(broken, await this.source.facts(broken));
    for (const checkpoint of checkpoints) {
      const refused = signatureProblem(checkpoint, this.chain, this.keyring);
      if (refused) return { ...refused, id: entry.id };
      if (checkpoint.hash !== entry.hash) {
        return {
          seq: entry.seq,
          id: entry.id,
          kind: 'EDITED',
          message: `its hash differs from the signed checkpoint #${checkpoint.seq}: it was rewritten and the entries after it re-hashed`,
        };
      }
    }
    if (checkpoints.length > 0) {
      this.uncovered = undefined;
      this.anchor = { seq: entry.seq, hash: entry.hash };
    } else {
      this.uncovered ??= entry;
    }
    return undefined;
  }

  /** The end of the chain: no signed checkpoint may name an entry past it, and each entry is covered. */
  private async checkEnd(): Promise<AuditProblem | undefined | 'more'> {
    const last = this.position.last?.seq;
    const beyond = [
      ...(await this.source.checkpoints(last, undefined)),
      ...this.kept.filter((checkpoint) => inRange(checkpoint.seq, last, undefined)),
    ].sort((a, b) => compareSeqs(a.seq, b.seq));
    if (beyond.length > 0) {
      // An entry and its checkpoint commit together: one committed since the page was read.
      if ((await this.source.entries(last, 1)).length > 0) return 'more';
      const first = beyond[0]!;
      const refused = signatureProblem(first, this.chain, this.keyring);
      if (refused) return refused;
      return {
        seq: last ? (BigInt(last) + 1n).toString() : '1',
        id: null,
        kind: 'TRUNCATED',
        message: `the signed checkpoint #${first.seq} names entries up to #${first.seq}, but the chain ends at ${last ? `#${last}` : 'nothing (it is empty)'}: entries were removed from its end`,
      };
    }
    if (!this.uncovered) return undefined;
    return {
      seq: this.uncovered.seq,
      id: this.uncovered.id,
      kind: 'FORGED',
      message: `no signed checkpoint covers it (the latest is ${this.anchor ? `#${this.anchor.seq}` : 'none'}): it was added without the signing key`,
    };
  }

  private verdict(firstProblem: AuditProblem | undefined): ChainVerification {
    return {
      valid: !firstProblem,
      chain: this.chain,
      checkedEntries: this.position.checked,
      headSeq: this.position.last?.seq ?? null,
      incremental: this.incremental,
      anchor: this.anchor,
      ...(firstProblem ? { firstProblem } : {}),
    };
  }
}

function signatureProblem(
  checkpoint: AuditCheckpoint,
  chain: string,
  keyring: Keyring,
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
