/**
 * A milestone's terms as a multi-party agreement (DOMAIN.md, "Risk and reward"; issue 14).
 *
 * - The terms are what a party is bound by: scenario, name and description, KPI targets, window and
 *   due date, currency, reward pool and risk, the split, who funds the reward pool and who receives
 *   the risk. Their hash (SHA-256 of canonical JSON) is what each acceptance is bound to, so any
 *   change of any of them voids every earlier acceptance.
 * - The bound parties are every organisation with a non-zero share plus the reward's funder and the
 *   risk's beneficiary: exactly the organisations a ledger entry of this milestone can ever name.
 * - Ledger lines: on ACHIEVED the funder pays each party its share of the reward pool; on MISSED each
 *   party pays the beneficiary its share of the risk. A party's share of money it pays to itself is
 *   still a line (so the lines add up to the amount) but is settled as it is written.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@tetrad/core';
import { allocate, type BasisPointShare } from './reward-split';

export const TERMS_HASH_ALGORITHM = 'sha-256/canonical-json';

export interface TermsTarget {
  kpiKey: string;
  comparator: string;
  value: number;
  minOperatingHours: number | null;
}

export interface MilestoneTerms {
  scenarioId: string;
  name: string;
  description: string;
  targets: readonly TermsTarget[];
  windowStart: Date;
  windowEnd: Date;
  dueAt: Date;
  currency: string;
  rewardPoolMinor: number;
  riskAmountMinor: number;
  shares: readonly BasisPointShare[];
  rewardFunderOrganizationId: string;
  riskBeneficiaryOrganizationId: string;
}

/** Code-unit order: the hash must not depend on the server's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One spelling per set of terms: orderless lists sorted, only the declared fields copied. */
export function normalizeTerms(terms: MilestoneTerms): Record<string, unknown> {
  return {
    scenarioId: terms.scenarioId,
    name: terms.name,
    description: terms.description,
    targets: terms.targets
      .map(({ kpiKey, comparator, value, minOperatingHours }) => ({
        kpiKey,
        comparator,
        value,
        minOperatingHours: minOperatingHours ?? null,
      }))
      .sort(
        (a, b) =>
          compare(a.kpiKey, b.kpiKey) ||
          compare(a.comparator, b.comparator) ||
          a.value - b.value ||
          (a.minOperatingHours ?? -1) - (b.minOperatingHours ?? -1),
      ),
    windowStart: terms.windowStart.toISOString(),
    windowEnd: terms.windowEnd.toISOString(),
    dueAt: terms.dueAt.toISOString(),
    currency: terms.currency,
    rewardPoolMinor: terms.rewardPoolMinor,
    riskAmountMinor: terms.riskAmountMinor,
    shares: terms.shares
      .filter((share) => share.basisPoints !== 0)
      .map(({ organizationId, basisPoints }) => ({ organizationId, basisPoints }))
      .sort((a, b) => compare(a.organizationId, b.organizationId)),
    rewardFunderOrganizationId: terms.rewardFunderOrganizationId,
    riskBeneficiaryOrganizationId: terms.riskBeneficiaryOrganizationId,
  };
}

/** Lowercase hex SHA-256 of the canonical terms: what every acceptance is bound to. */
export function termsHash(terms: MilestoneTerms): string {
  return createHash('sha256')
    .update(canonicalJson(normalizeTerms(terms)))
    .digest('hex');
}

/** Every organisation the terms can make pay or be paid, sorted. */
export function boundParties(
  terms: Pick<MilestoneTerms, 'shares' | 'rewardFunderOrganizationId' | 'riskBeneficiaryOrganizationId'>,
): string[] {
  const parties = new Set(terms.shares.filter((share) => share.basisPoints > 0).map((s) => s.organizationId));
  parties.add(terms.rewardFunderOrganizationId);
  parties.add(terms.riskBeneficiaryOrganizationId);
  return [...parties].sort(compare);
}

/** The bound parties that have not accepted these exact terms yet, sorted. */
export function partiesYetToAccept(
  terms: MilestoneTerms,
  acceptances: readonly { organizationId: string; termsHash: string }[],
): string[] {
  const hash = termsHash(terms);
  const accepted = new Set(
    acceptances.filter((acceptance) => acceptance.termsHash === hash).map((a) => a.organizationId),
  );
  return boundParties(terms).filter((party) => !accepted.has(party));
}

export type LedgerKind = 'REWARD' | 'RISK';

export interface LedgerLine {
  kind: LedgerKind;
  /** The party whose share this is. */
  organizationId: string;
  basisPoints: number;
  payerOrganizationId: string;
  payeeOrganizationId: string;
  amountMinor: number;
}

/** What deciding the milestone owes: one line per party with a non-zero share of a non-zero amount. */
export function ledgerLines(terms: MilestoneTerms, outcome: 'ACHIEVED' | 'MISSED'): LedgerLine[] {
  const reward = outcome === 'ACHIEVED';
  const amount = reward ? terms.rewardPoolMinor : terms.riskAmountMinor;
  const shares = terms.shares.filter((share) => share.basisPoints > 0);
  if (amount === 0 || shares.length === 0) return [];
  const points = new Map(shares.map((share) => [share.organizationId, share.basisPoints]));
  return allocate(amount, shares)
    .filter((part) => part.amountMinor > 0)
    .map((part) => ({
      kind: reward ? 'REWARD' : 'RISK',
      organizationId: part.organizationId,
      basisPoints: points.get(part.organizationId) ?? 0,
      payerOrganizationId: reward ? terms.rewardFunderOrganizationId : part.organizationId,
      payeeOrganizationId: reward ? part.organizationId : terms.riskBeneficiaryOrganizationId,
      amountMinor: part.amountMinor,
    }));
}
