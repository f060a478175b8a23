/**
 * Milestone terms as an agreement, as the web app shows it: who is bound, who still has to accept,
 * whether the signed-in person may accept for their organisation, why a commitment was refused,
 * and the terms as the create form edits them (for an amendment).
 */
import type { ApiProblem } from '../../api/errors';
import type { CreateMilestoneInputValues, CreateValues } from './createMilestone';
import { BINDING_ROLES } from './split';

export interface AgreementView {
  status: string;
  awaitingAcceptanceFrom: readonly { id: string; name: string }[];
}

/** The first 12 hexadecimal digits: enough for a person to compare two copies of the terms. */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : '—';
}

/** An admin or signatory of a party that has not yet accepted these proposed terms. */
export function canAccept(
  milestone: AgreementView,
  organizationId: string | undefined,
  roles: readonly string[],
): boolean {
  if (milestone.status !== 'PROPOSED' || !organizationId) return false;
  if (!roles.some((role) => BINDING_ROLES.includes(role))) return false;
  return milestone.awaitingAcceptanceFrom.some((party) => party.id === organizationId);
}

/** A member admin amends terms while they are only proposed. */
export function canAmend(
  status: string,
  organizationId: string | undefined,
  roles: readonly string[],
): boolean {
  return status === 'PROPOSED' && Boolean(organizationId) && roles.includes('ORG_ADMIN');
}

export type AcceptRefusal = 'windowStarted' | 'stale' | 'alreadyAccepted' | 'notBound' | 'notProposed';

/** Why an acceptance was refused, as far as the web app can explain it in the reader's language. */
export function acceptRefusal(problem: ApiProblem | undefined): AcceptRefusal | undefined {
  if (!problem) return undefined;
  if (problem.code === 'FORBIDDEN') return 'notBound';
  if (problem.code !== 'CONFLICT') return undefined;
  if (/window started/i.test(problem.message)) return 'windowStarted';
  if (/terms changed/i.test(problem.message)) return 'stale';
  if (/accepted these terms already/i.test(problem.message)) return 'alreadyAccepted';
  if (/nothing left to accept/i.test(problem.message)) return 'notProposed';
  return undefined;
}

/** How an evaluation summary reads: the server writes English; the web app names its kind. */
export type SummaryKind = 'proposed' | 'frozen' | 'pastDueWaiting' | 'other';

export function summaryKind(summary: string | null | undefined): SummaryKind {
  if (!summary) return 'other';
  if (summary.startsWith('Proposed')) return 'proposed';
  if (summary.startsWith('Frozen')) return 'frozen';
  if (summary.startsWith('Past due')) return 'pastDueWaiting';
  return 'other';
}

function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface TermsOfMilestone {
  scenarioId: string;
  name: string;
  description: string;
  windowStart: string;
  windowEnd: string;
  dueAt: string;
  currency: string;
  rewardPoolMinor: number;
  riskAmountMinor: number;
  rewardFunderOrganizationId: string;
  riskBeneficiaryOrganizationId: string;
  targets: readonly {
    kpiKey: string;
    comparator: string;
    value: number;
    minOperatingHours?: number | null;
  }[];
  shares: readonly { organizationId: string; basisPoints: number }[];
}

/** The terms as the create form's values: days in the browser's zone, yuan, ratios as percentages. */
export function valuesFromTerms(
  terms: TermsOfMilestone,
  kpis: readonly { key: string; unit: string }[],
): CreateValues {
  const unitOf = (key: string) => kpis.find((kpi) => kpi.key === key)?.unit;
  return {
    scenarioId: terms.scenarioId,
    name: terms.name,
    description: terms.description,
    windowStart: localDay(terms.windowStart),
    windowEnd: localDay(terms.windowEnd),
    dueAt: localDay(terms.dueAt),
    currency: terms.currency,
    rewardPoolYuan: terms.rewardPoolMinor / 100,
    riskAmountYuan: terms.riskAmountMinor / 100,
    rewardFunderOrganizationId: terms.rewardFunderOrganizationId,
    riskBeneficiaryOrganizationId: terms.riskBeneficiaryOrganizationId,
    targets: terms.targets.map((target) => ({
      kpiKey: target.kpiKey,
      comparator: target.comparator === 'LTE' ? 'LTE' : 'GTE',
      value: unitOf(target.kpiKey) === 'ratio' ? Number((target.value * 100).toPrecision(12)) : target.value,
      minOperatingHours: target.minOperatingHours ?? null,
    })),
    split: Object.fromEntries(terms.shares.map((share) => [share.organizationId, share.basisPoints / 100])),
  };
}

/** An amendment sends the whole terms but the scenario (which never changes). */
export function termsChanges(
  input: CreateMilestoneInputValues,
): Omit<CreateMilestoneInputValues, 'scenarioId'> {
  const { scenarioId: _scenario, ...changes } = input;
  return changes;
}
