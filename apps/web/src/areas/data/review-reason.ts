/**
 * When the steward's review form asks for a reason, and why (the API's rule, libs/contract
 * matcher-override.ts): a refusal needs one for the requester; approving against the purpose
 * matcher's DENY or ABSTAIN needs one of at least 10 characters, which both legal teams read on
 * the contract. Checked here first so the steward sees it in their language before submitting.
 */
export const OVERRIDE_REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 2_000;

export type ReasonNeed = 'none' | 'reject' | 'override';

/** What the reason is for, given the matcher's advice and the verdict chosen so far. */
export function reasonNeed(advice: string, approve: boolean | undefined): ReasonNeed {
  if (approve === false) return 'reject';
  if (approve === true && advice !== 'APPROVE') return 'override';
  return 'none';
}

export type ReasonProblem = 'rejectRequired' | 'overrideRequired' | 'overrideTooShort' | 'tooLong';

/** The problem with the reason typed, as a message key of the data area, or null. */
export function reasonProblem(
  advice: string,
  approve: boolean | undefined,
  reason: string | undefined,
): ReasonProblem | null {
  const written = (reason ?? '').trim();
  const length = [...written].length;
  if (length > REASON_MAX_LENGTH) return 'tooLong';
  switch (reasonNeed(advice, approve)) {
    case 'none':
      return null;
    case 'reject':
      return length === 0 ? 'rejectRequired' : null;
    case 'override':
      if (length === 0) return 'overrideRequired';
      return length < OVERRIDE_REASON_MIN_LENGTH ? 'overrideTooShort' : null;
  }
}
