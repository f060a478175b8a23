import { createHash } from 'node:crypto';

/**
 * The audit hash as migration 1764252000000 (one chain per consortium) writes it, frozen here so
 * that the migration never changes when the running code does (a migration imports no library).
 * A unit test keeps it equal to `auditHash` in libs/core for as long as that scheme is current.
 */

export interface FrozenAuditHashInput {
  chain: string;
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

export function frozenGenesisHash(chain: string): string {
  return createHash('sha256').update(`tetrad.audit.genesis\n${chain}`).digest('hex');
}

export function frozenAuditHash(previousHash: string, entry: FrozenAuditHashInput): string {
  const content = sortedJson({
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

/** Keys sorted at every depth (by code unit, integer-like keys too), no whitespace, undefined members dropped. */
function sortedJson(value: unknown): string {
  const plain = JSON.parse(
    JSON.stringify(value ?? null, (_key, member: unknown) =>
      typeof member === 'bigint' ? member.toString() : member,
    ),
  ) as unknown;
  const write = (node: unknown): string => {
    if (Array.isArray(node)) return `[${node.map(write).join(',')}]`;
    if (node === null || typeof node !== 'object') return JSON.stringify(node);
    const object = node as Record<string, unknown>;
    const keys = Object.keys(object).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${write(object[key])}`).join(',')}}`;
  };
  return write(plain);
}
