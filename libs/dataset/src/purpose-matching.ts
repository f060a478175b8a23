import type { AnonymisationStatus, DatasetSensitivity, Purpose } from './dataset-enums';

/**
 * Matching a data-access request's purpose against a dataset's offer (DOMAIN.md, "Data"):
 * a pure, versioned function whose answer advises the reviewing data steward, who decides.
 * Every answer carries a rationale a person can read; the version is stored with it, so an
 * answer can always be explained by the rules that produced it.
 */
export const PURPOSE_MATCHER_VERSION = 'purpose-match/1';

/** The same vocabularies as the GraphQL enums, as string unions (the matcher stays plain data in, plain data out). */
export type DataPurpose = `${Purpose}`;
export type Sensitivity = `${DatasetSensitivity}`;
export type Anonymisation = `${AnonymisationStatus}`;
export type MatchDecision = 'APPROVE' | 'DENY' | 'ABSTAIN';

export interface DatasetOffer {
  allowedPurposes: readonly DataPurpose[];
  sensitivity: Sensitivity;
  personalData: boolean;
  anonymisation: Anonymisation;
}

export interface PurposeRequest {
  purpose: DataPurpose;
  durationDays: number;
}

export interface PurposeMatch {
  decision: MatchDecision;
  rationale: string[];
  version: typeof PURPOSE_MATCHER_VERSION;
}

/** Purposes that exploit data beyond research: never inferred from a neighbouring purpose. */
const COMMERCIAL: readonly DataPurpose[] = ['COMMERCIAL_PRODUCT', 'REDISTRIBUTE_DERIVED'];

/** A purpose not offered may still be close to one that is: the steward should look. */
const RELATED: Partial<Record<DataPurpose, readonly DataPurpose[]>> = {
  BENCHMARKING: ['RESEARCH', 'MODEL_TRAINING'],
  SIM_TO_REAL: ['RESEARCH', 'MODEL_TRAINING'],
  MODEL_TRAINING: ['SIM_TO_REAL'],
  SAFETY_CERTIFICATION: ['BENCHMARKING'],
};

const LONG_DURATION_DAYS = 365;

export function matchPurpose(request: PurposeRequest, offer: DatasetOffer): PurposeMatch {
  const rationale: string[] = [];
  const decision =
    request.purpose && offer.allowedPurposes.includes(request.purpose)
      ? offered(request, offer, rationale)
      : notOffered(request, offer, rationale);
  if (decision === 'APPROVE' && request.durationDays > LONG_DURATION_DAYS) {
    rationale.push(
      `The requested ${request.durationDays} days exceed one year; the steward should confirm the duration.`,
    );
    return { decision: 'ABSTAIN', rationale, version: PURPOSE_MATCHER_VERSION };
  }
  return { decision, rationale, version: PURPOSE_MATCHER_VERSION };
}

function offered(request: PurposeRequest, offer: DatasetOffer, rationale: string[]): MatchDecision {
  rationale.push(`The dataset's offer allows ${request.purpose}.`);
  if (offer.sensitivity === 'TRADE_SECRET') {
    rationale.push('It is a trade secret: the owner decides every request case by case.');
    return 'ABSTAIN';
  }
  if (recordsPeople(offer) && COMMERCIAL.includes(request.purpose)) {
    rationale.push(
      'It records identifiable people, and the purpose is commercial: a privacy review is needed first.',
    );
    return 'ABSTAIN';
  }
  return 'APPROVE';
}

function notOffered(request: PurposeRequest, offer: DatasetOffer, rationale: string[]): MatchDecision {
  rationale.push(`The dataset's offer does not include ${request.purpose}.`);
  if (COMMERCIAL.includes(request.purpose)) {
    rationale.push('Commercial use and redistribution are granted only when the offer names them.');
    return 'DENY';
  }
  const related = (RELATED[request.purpose] ?? []).filter((purpose) =>
    offer.allowedPurposes.includes(purpose),
  );
  if (related.length > 0) {
    rationale.push(
      `It offers the related ${related.join(' and ')}; the steward may judge ${request.purpose} close enough.`,
    );
    return 'ABSTAIN';
  }
  return 'DENY';
}

function recordsPeople(offer: DatasetOffer): boolean {
  return offer.personalData && offer.anonymisation !== 'ANONYMISED';
}
