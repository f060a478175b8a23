import { createHash } from 'node:crypto';

/** The chain of entries that concern no consortium (organisations, sign-in, the trail itself). */
export const PLATFORM_CHAIN = 'platform';

/** Which chain an entry belongs to: its consortium's, or the platform's. */
export function chainOf(consortiumId: string | null): string {
  return consortiumId ?? PLATFORM_CHAIN;
}

/**
 * The previous hash of a chain's first entry: nothing came before it. Each chain has its own, so
 * a chain's first entry cannot be moved into another chain unnoticed.
 */
export function genesisHash(chain: string): string {
  return createHash('sha256').update(`tetrad.audit.genesis\n${chain}`).digest('hex');
}

/** What an audit entry's hash covers: everything it says, including its place (chain and seq). */
export interface AuditHashInput {
  /** The consortium's id, or `platform`. */
  chain: string;
  /** Position in its chain, from 1 (a 64-bit integer, as a string). */
  seq: string;
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganizationId: string | null;
  consortiumId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
}

/**
 * JSON with one spelling per value (RFC 8785-like): object keys sorted by UTF-16 code units at
 * every depth, no whitespace, `toJSON` honoured (Dates become ISO strings), undefined members
 * dropped, bigints as strings. jsonb reorders keys, so only a canonical form survives a round trip.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, new Set()) ?? 'null';
}

function encode(value: unknown, ancestors: Set<object>): string | undefined {
  const json = jsonValueOf(value);
  if (json === undefined || typeof json === 'function' || typeof json === 'symbol') return undefined;
  if (typeof json === 'bigint') return JSON.stringify(json.toString());
  if (json === null || typeof json !== 'object') return JSON.stringify(json);
  if (ancestors.has(json)) throw new TypeError('canonicalJson: the value contains a cycle');
  ancestors.add(json);
  try {
    return Array.isArray(json) ? encodeArray(json, ancestors) : encodeObject(json, ancestors);
  } finally {
    ancestors.delete(json);
  }
}

function jsonValueOf(value: unknown): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === 'function' ? (toJSON as () => unknown).call(value) : value;
}

function encodeArray(items: unknown[], ancestors: Set<object>): string {
  // As JSON.stringify does: a hole or an undefined item keeps its place as null.
  return `[${items.map((item) => encode(item, ancestors) ?? 'null').join(',')}]`;
}

function encodeObject(object: object, ancestors: Set<object>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const encoded = encode((object as Record<string, unknown>)[key], ancestors);
    if (encoded !== undefined) members.push(`${JSON.stringify(key)}:${encoded}`);
  }
  return `{${members.join(',')}}`;
}

/** The value as it will read back from jsonb: plain objects, arrays and primitives only. */
export function toPlainJson(value: unknown): unknown {
  return JSON.parse(canonicalJson(value)) as unknown;
}

/** SHA-256 (hex) of the previous entry's hash and this entry's canonical content. */
export function auditHash(previousHash: string, entry: AuditHashInput): string {
  const content = canonicalJson({
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    actorUserId: entry.actorUserId,
    actorOrganizationId: entry.actorOrganizationId,
    consortiumId: entry.consortiumId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    chain: entry.chain,
    seq: entry.seq,
  });
  return createHash('sha256').update(`${previousHash}\n${content}`).digest('hex');
}
