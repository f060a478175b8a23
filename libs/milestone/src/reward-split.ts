/**
 * Splitting a milestone's reward pool or risk amount among member organisations
 * (DOMAIN.md, "Risk and reward"): shares in basis points summing to exactly 10,000, amounts in
 * integer minor units (fen, cents), and parts that always add up to the whole, to the unit.
 */

export const TOTAL_BASIS_POINTS = 10_000;

export interface BasisPointShare {
  organizationId: string;
  basisPoints: number;
}

export interface Allocation<Amount extends bigint | number> {
  organizationId: string;
  amountMinor: Amount;
}

/** Every problem with a split, each as a sentence a person can act on; empty when the split is valid. */
export function validateShares(shares: readonly BasisPointShare[]): string[] {
  const problems = shares.flatMap(shareProblems);
  problems.push(...duplicateProblems(shares));
  const sum = shares.reduce((total, share) => total + share.basisPoints, 0);
  if (shares.length === 0) problems.push('No organisation holds a share; the split needs at least one.');
  else if (Number.isFinite(sum) && sum !== TOTAL_BASIS_POINTS) {
    problems.push(`The shares sum to ${grouped(sum)} basis points; they must sum to exactly 10,000.`);
  }
  return problems;
}

function shareProblems(share: BasisPointShare, index: number): string[] {
  const who = share.organizationId ? `The share of ${share.organizationId}` : `Share ${index + 1}`;
  const problems: string[] = [];
  if (!share.organizationId) problems.push(`Share ${index + 1} names no organisation.`);
  if (!Number.isInteger(share.basisPoints)) {
    problems.push(`${who} is ${share.basisPoints} basis points; basis points must be whole numbers.`);
  } else if (share.basisPoints < 0 || share.basisPoints > TOTAL_BASIS_POINTS) {
    problems.push(`${who} is ${grouped(share.basisPoints)} basis points; it must be between 0 and 10,000.`);
  }
  return problems;
}

function duplicateProblems(shares: readonly BasisPointShare[]): string[] {
  const counts = new Map<string, number>();
  for (const { organizationId } of shares) {
    if (organizationId) counts.set(organizationId, (counts.get(organizationId) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count > 1)
    .sort(([a], [b]) => compareText(a, b))
    .map(([id, count]) => `${id} holds ${count} shares; each organisation may hold only one.`);
}

/**
 * Splits `amountMinor` by the shares with the largest-remainder method: each party gets the floor of
 * its exact quota, and the units left over go one each to the largest remainders (ties: organisation
 * id ascending). The parts sum exactly to the amount. Returned sorted by organisation id; the amount
 * comes back in the type it was given (bigint or safe-integer number).
 */
export function allocate(amountMinor: bigint, shares: readonly BasisPointShare[]): Allocation<bigint>[];
export function allocate(amountMinor: number, shares: readonly BasisPointShare[]): Allocation<number>[];
export function allocate(
  amountMinor: bigint | number,
  shares: readonly BasisPointShare[],
): Allocation<bigint>[] | Allocation<number>[] {
  const amount = toMinorUnits(amountMinor);
  const problems = validateShares(shares);
  if (problems.length > 0) throw new RangeError(`The split cannot be used: ${problems.join(' ')}`);
  const parts = largestRemainder(amount, shares);
  if (typeof amountMinor === 'bigint') return parts;
  // Each part is at most the amount, which was a safe integer: the conversion is exact.
  return parts.map((part) => ({ ...part, amountMinor: Number(part.amountMinor) }));
}

function toMinorUnits(amountMinor: bigint | number): bigint {
  if (typeof amountMinor === 'number' && !Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`The amount ${amountMinor} is not a whole number of minor units.`);
  }
  const amount = BigInt(amountMinor);
  if (amount < 0n)
    throw new RangeError(`The amount ${amount} is negative; split a cost as a positive risk amount.`);
  return amount;
}

function largestRemainder(amount: bigint, shares: readonly BasisPointShare[]): Allocation<bigint>[] {
  const total = BigInt(TOTAL_BASIS_POINTS);
  const quotas = shares.map(({ organizationId, basisPoints }) => {
    const exact = amount * BigInt(basisPoints);
    return { organizationId, floor: exact / total, remainder: exact % total };
  });
  const leftover = amount - quotas.reduce((sum, quota) => sum + quota.floor, 0n);
  const byRemainder = [...quotas].sort((a, b) =>
    a.remainder === b.remainder
      ? compareText(a.organizationId, b.organizationId)
      : a.remainder > b.remainder
        ? -1
        : 1,
  );
  // Fewer units are left over than there are shares, so each of the first `leftover` gets one.
  const bonus = new Set(byRemainder.slice(0, Number(leftover)).map((quota) => quota.organizationId));
  return quotas
    .map(({ organizationId, floor }) => ({
      organizationId,
      amountMinor: floor + (bonus.has(organizationId) ? 1n : 0n),
    }))
    .sort((a, b) => compareText(a.organizationId, b.organizationId));
}

/** Code-unit order, not the locale's: the same split gives the same ledger on every server. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function grouped(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(value);
}
