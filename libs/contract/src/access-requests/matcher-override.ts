import type { MatchDecision } from '@tetrad/dataset';

/**
 * Overriding the purpose matcher (issue 14): the matcher advises, the owner's steward decides, but
 * approving against a DENY or ABSTAIN needs a written reason, kept on the request and shown on the
 * contract drafted from it, so that both legal teams know the approval went against the advice.
 */
export const OVERRIDE_REASON_MIN_LENGTH = 10;
export const OVERRIDE_REASON_MAX_LENGTH = 2_000;

/** Whether approving a dataset with this advice overrides the matcher. */
export function overridesMatcher(advice: MatchDecision, approve: boolean): boolean {
  return approve && advice !== 'APPROVE';
}

/** What is wrong with the reason given for a decision, in words a steward can act on; null if nothing. */
export function overrideReasonProblem(
  advice: MatchDecision,
  approve: boolean,
  reason: string | null | undefined,
): string | null {
  if (!overridesMatcher(advice, approve)) return null;
  const written = (reason ?? '').trim();
  const verdict = advice === 'DENY' ? 'advised against this request' : 'could not decide this request';
  if (written.length === 0) {
    return `The purpose matcher ${verdict}: to approve it anyway, write why. Both parties' legal teams will read your reason on the contract.`;
  }
  if ([...written].length < OVERRIDE_REASON_MIN_LENGTH) {
    return `The purpose matcher ${verdict}: explain your approval in at least ${OVERRIDE_REASON_MIN_LENGTH} characters.`;
  }
  if ([...written].length > OVERRIDE_REASON_MAX_LENGTH) {
    return `Keep the reason to at most ${OVERRIDE_REASON_MAX_LENGTH.toLocaleString('en')} characters.`;
  }
  return null;
}

/** An approval against the matcher's advice, as the contract drafted from the request shows it. */
export interface MatcherOverride {
  datasetId: string;
  datasetName: string;
  /** The matcher's advice that was overridden: DENY or ABSTAIN. */
  decision: MatchDecision;
  rationale: string[];
  matcherVersion: string;
  reason: string;
  overriddenByOrganizationId: string;
  overriddenByOrganizationName: string;
  overriddenByUserId: string;
  overriddenByName: string;
  at: Date;
}
