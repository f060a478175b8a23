import { createHash } from 'node:crypto';
import { ContractStatus } from '../../contract-enums';
import type { Clause } from '../contract-terms';
import { ClauseSinceComment } from './dto/clause-comment.types';

/** SHA-256 of what a clause says (title and governing text), to tell later whether it changed. */
export function clauseHash(clause: Pick<Clause, 'title' | 'text'>): string {
  return createHash('sha256')
    .update(JSON.stringify([clause.title, clause.text]))
    .digest('hex');
}

/** How the clause a comment was made on reads in the latest version; null for a comment on the whole version. */
export function clauseSinceComment(
  comment: { clauseKey: string | null; clauseHash: string | null },
  latest: readonly Pick<Clause, 'key' | 'title' | 'text'>[],
): ClauseSinceComment | null {
  if (!comment.clauseKey) return null;
  const clause = latest.find((candidate) => candidate.key === comment.clauseKey);
  if (!clause) return ClauseSinceComment.REMOVED;
  return clauseHash(clause) === comment.clauseHash
    ? ClauseSinceComment.UNCHANGED
    : ClauseSinceComment.CHANGED;
}

/** Whether a quote is a passage of the text, whatever the line breaks and spacing a selection carried. */
export function quoteFound(quote: string, text: string): boolean {
  return squashSpaces(text).includes(squashSpaces(quote));
}

/** A quote as kept: runs of spaces and line breaks (from a selection) as one space. */
export function squashSpaces(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Comments are written while the terms can still change: in negotiation, and once agreed until
 * every party has signed (negotiation may reopen). Afterwards they are kept for the record only.
 */
export function commentsOpenFor(contract: {
  storedStatus: ContractStatus;
  fullySignedAt: Date | null;
}): boolean {
  switch (contract.storedStatus) {
    case ContractStatus.DRAFT:
    case ContractStatus.IN_NEGOTIATION:
      return true;
    case ContractStatus.AGREED:
      return contract.fullySignedAt === null;
    case ContractStatus.ACTIVE:
    case ContractStatus.SUSPENDED:
    case ContractStatus.EXPIRED:
    case ContractStatus.TERMINATED:
      return false;
  }
}
