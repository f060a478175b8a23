import { createHash } from 'node:crypto';
import { canonicalJson } from '@tetrad/core';
import type { Clause, ContractContent, ContractParty, DutyTerm } from './contract-terms';

/** Stored beside every content hash, so a later change of scheme can still verify old signatures. */
export const CONTENT_HASH_ALGORITHM = 'sha-256/canonical-json';

/** Lowercase hex SHA-256 of the canonical JSON of the normalized content: what signatories sign. */
export function contentHash(content: ContractContent): string {
  return createHash('sha256')
    .update(canonicalJson(normalizeContent(content)))
    .digest('hex');
}

/**
 * One spelling per agreement: sets whose order means nothing are sorted, so the same agreement
 * always hashes the same however it was edited. Clauses keep their order, since the order of legal
 * text is part of what is agreed. Only the declared fields are copied, so extra properties carried
 * by an entity or a DTO never leak into what is signed. The input is not modified.
 * The governing language and clause translations are copied only when present, so a version
 * written before they existed hashes exactly as it did when it was signed.
 */
export function normalizeContent(content: ContractContent): ContractContent {
  const { terms } = content;
  const normalized: ContractContent = {
    contractId: content.contractId,
    version: content.version,
    title: content.title,
    parties: content.parties.map(copyParty).sort(compareParties),
    terms: {
      datasetIds: sortedStrings(terms.datasetIds),
      purposes: sortedStrings(terms.purposes),
      prohibitions: sortedStrings(terms.prohibitions),
      duties: terms.duties.map(copyDuty).sort(compareDuties),
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      excludedModalities: sortedStrings(terms.excludedModalities),
    },
    clauses: content.clauses.map(copyClause),
  };
  if (content.governingLanguage) normalized.governingLanguage = content.governingLanguage;
  return normalized;
}

function copyClause({ key, title, text, translation }: Clause): Clause {
  return translation
    ? { key, title, text, translation: { title: translation.title, text: translation.text } }
    : { key, title, text };
}

/** Code-unit order, not localeCompare: the hash must not depend on the server's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedStrings<T extends string>(values: readonly T[]): T[] {
  return [...values].sort(compareStrings);
}

function copyParty({ organizationId, name, role }: ContractParty): ContractParty {
  return { organizationId, name, role };
}

/** Ties (should not happen) are broken on every field, so the order is total and the hash stable. */
function compareParties(a: ContractParty, b: ContractParty): number {
  return (
    compareStrings(a.organizationId, b.organizationId) ||
    compareStrings(a.role, b.role) ||
    compareStrings(a.name, b.name)
  );
}

function copyDuty({ duty, dueInDays }: DutyTerm): DutyTerm {
  return { duty, dueInDays };
}

function compareDuties(a: DutyTerm, b: DutyTerm): number {
  return compareStrings(a.duty, b.duty) || (a.dueInDays ?? -1) - (b.dueInDays ?? -1);
}
