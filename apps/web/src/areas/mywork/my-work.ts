/** Pure rules of the "my work" page, kept apart from React so that they are tested on their own. */

export interface ContractForWork {
  status: string;
  parties: readonly { organizationId: string; signed: boolean }[];
}

/** A contract waits for my organisation's edit while it is a draft or in negotiation. */
export function awaitsEdit(
  contract: ContractForWork,
  organizationId: string | undefined,
  roles: readonly string[],
): boolean {
  if (!organizationId || !roles.includes('LEGAL')) return false;
  const mine = contract.parties.some((p) => p.organizationId === organizationId);
  return mine && (contract.status === 'DRAFT' || contract.status === 'IN_NEGOTIATION');
}

/** An agreed contract waits for my signature while my organisation has not signed it. */
export function awaitsSignature(
  contract: ContractForWork,
  organizationId: string | undefined,
  roles: readonly string[],
): boolean {
  if (!organizationId || !roles.includes('SIGNATORY') || contract.status !== 'AGREED') return false;
  return contract.parties.some((p) => p.organizationId === organizationId && !p.signed);
}

export interface MilestoneForWork {
  status: string;
  dueAt: string;
  evaluation: { outcome: string };
}

const RISK_WINDOW_DAYS = 30;

/**
 * A milestone is at risk when its terms are committed and not yet decided, its evaluation does not
 * say it is achieved, and it is due within 30 days or already past due.
 */
export function atRisk(milestone: MilestoneForWork, now: Date): boolean {
  if (milestone.status !== 'COMMITTED') return false;
  if (milestone.evaluation.outcome === 'ACHIEVED') return false;
  const due = new Date(milestone.dueAt).getTime();
  return due - now.getTime() <= RISK_WINDOW_DAYS * 86_400_000;
}

/** Proposed milestone terms wait for my acceptance if I may bind my organisation to them. */
export function acceptsMilestoneTerms(roles: readonly string[]): boolean {
  return roles.includes('ORG_ADMIN') || roles.includes('SIGNATORY');
}

export interface ObligationForWork {
  id: string;
  dueAt?: string | null;
  metAt?: string | null;
}

/** Unmet obligations, the soonest due first; those without a due date last. */
export function obligationsDue<T extends ObligationForWork>(obligations: readonly T[]): T[] {
  return obligations
    .filter((o) => !o.metAt)
    .sort((a, b) => (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity));
}
