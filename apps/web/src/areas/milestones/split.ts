/**
 * The risk/reward split as people edit it: percentages with two decimals, stored by the API as
 * basis points (1/100 of a percent) that must sum to exactly 10,000.
 */

export const TOTAL_BASIS_POINTS = 10_000;

export interface SplitRow {
  organizationId: string;
  name: string;
  /** As typed; null while the field is empty. */
  percent: number | null;
}

export interface BasisPointShare {
  organizationId: string;
  basisPoints: number;
}

/** 12.5 % → 1250 bp. Rounded to whole basis points: 0.29 * 100 is 28.999… in floating point. */
export function percentToBasisPoints(percent: number | null | undefined): number {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return 0;
  return Math.round(percent * 100);
}

export function basisPointsToPercent(basisPoints: number): number {
  return basisPoints / 100;
}

/** One row per member organisation, in the order given; a member without a share starts at 0 %. */
export function rowsFromShares(
  members: readonly { id: string; name: string }[],
  shares: readonly BasisPointShare[],
): SplitRow[] {
  const byId = new Map(shares.map((share) => [share.organizationId, share.basisPoints]));
  const rows = members.map((member) => ({
    organizationId: member.id,
    name: member.name,
    percent: basisPointsToPercent(byId.get(member.id) ?? 0),
  }));
  // A share held by an organisation no longer listed stays visible, so the total is honest.
  for (const share of shares) {
    if (!members.some((member) => member.id === share.organizationId)) {
      rows.push({
        organizationId: share.organizationId,
        name: share.organizationId,
        percent: basisPointsToPercent(share.basisPoints),
      });
    }
  }
  return rows;
}

export function totalBasisPoints(rows: readonly SplitRow[]): number {
  return rows.reduce((sum, row) => sum + percentToBasisPoints(row.percent), 0);
}

export type SplitProblem =
  { kind: 'total'; totalBasisPoints: number } | { kind: 'range'; organizationId: string } | { kind: 'empty' };

/** What keeps the split from being saved; empty when it may be saved. */
export function splitProblems(rows: readonly SplitRow[]): SplitProblem[] {
  const problems: SplitProblem[] = [];
  for (const row of rows) {
    const bp = percentToBasisPoints(row.percent);
    if (bp < 0 || bp > TOTAL_BASIS_POINTS)
      problems.push({ kind: 'range', organizationId: row.organizationId });
  }
  const total = totalBasisPoints(rows);
  if (rows.every((row) => percentToBasisPoints(row.percent) === 0)) problems.push({ kind: 'empty' });
  else if (total !== TOTAL_BASIS_POINTS) problems.push({ kind: 'total', totalBasisPoints: total });
  return problems;
}

/** The shares to send: parties at 0 % hold no share. */
export function sharesFromRows(rows: readonly SplitRow[]): BasisPointShare[] {
  return rows
    .map((row) => ({ organizationId: row.organizationId, basisPoints: percentToBasisPoints(row.percent) }))
    .filter((share) => share.basisPoints > 0);
}

export type SplitMode = 'direct' | 'propose' | 'readonly';

export const FINAL_STATUSES: readonly string[] = ['ACHIEVED', 'MISSED', 'WAIVED'];

/** Who may bind an organisation to terms or to a change of them. */
export const BINDING_ROLES: readonly string[] = ['ORG_ADMIN', 'SIGNATORY'];

/**
 * Proposed terms: a member admin amends the split directly (every acceptance is void). Committed
 * terms: an admin or signatory proposes the change, which every bound party approves. Decided: none.
 */
export function splitMode(status: string, roles: readonly string[]): SplitMode {
  if (FINAL_STATUSES.includes(status)) return 'readonly';
  if (status === 'PROPOSED') return roles.includes('ORG_ADMIN') ? 'direct' : 'readonly';
  return roles.some((role) => BINDING_ROLES.includes(role)) ? 'propose' : 'readonly';
}
