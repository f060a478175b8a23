import { ContractStatus } from '../contract-enums';

export interface ContractClock {
  stored: ContractStatus;
  fullySignedAt: Date | null;
  startsAt: Date | null;
  endsAt: Date | null;
  /** The earliest due date among unmet obligations, if any. */
  earliestUnmetDueAt: Date | null;
}

/**
 * The contract's state as of `now`. Time-driven moves (signed and started → ACTIVE, ended →
 * EXPIRED, duty overdue → SUSPENDED) are read from the clock rather than waiting for a job to
 * write them, so a late scheduler can never extend access. The same rule is written in SQL twice,
 * for lists (EFFECTIVE_STATUS_SQL) and for grants (LIVE_GRANT_SQL); a test checks that all three
 * agree on every combination of state, signatures, dates and obligations.
 */
export function effectiveStatus(contract: ContractClock, now: Date): ContractStatus {
  const { stored } = contract;
  if (stored === ContractStatus.DRAFT || stored === ContractStatus.IN_NEGOTIATION) return stored;
  if (stored === ContractStatus.TERMINATED || stored === ContractStatus.EXPIRED) return stored;
  // Nothing past AGREED without every signature, whatever the stored state says (least privilege).
  if (!contract.fullySignedAt) return ContractStatus.AGREED;
  if (contract.endsAt && now >= contract.endsAt) return ContractStatus.EXPIRED;
  if (stored === ContractStatus.SUSPENDED) return stored;
  if (!contract.startsAt || now < contract.startsAt) return ContractStatus.AGREED;
  if (contract.earliestUnmetDueAt && contract.earliestUnmetDueAt <= now) return ContractStatus.SUSPENDED;
  return ContractStatus.ACTIVE;
}

/** Whether the contract grants access now: only an effectively ACTIVE one does. */
export function grantsAccess(contract: ContractClock, now: Date): boolean {
  return effectiveStatus(contract, now) === ContractStatus.ACTIVE;
}

/** Start of a UTC calendar day, from `YYYY-MM-DD`. */
export function startOfDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

const DAY_MS = 86_400_000;

/**
 * When a duty of an agreed contract falls due, from the instants its period starts and ends (local
 * midnights in the consortium's time zone): whole days after the end for DELETE_ON_EXPIRY, after
 * the start otherwise.
 */
export function obligationDueFrom(
  duty: { duty: string; dueInDays: number | null },
  period: { startsAt: Date; endsAt: Date },
): Date | null {
  if (duty.dueInDays === null) return null;
  const from = duty.duty === 'DELETE_ON_EXPIRY' ? period.endsAt : period.startsAt;
  return new Date(from.getTime() + duty.dueInDays * DAY_MS);
}

/** When a duty falls due: counted from the end for DELETE_ON_EXPIRY, from the start otherwise. */
export function obligationDueAt(
  duty: { duty: string; dueInDays: number | null },
  period: { startsOn: string; endsOn: string },
): Date | null {
  if (duty.dueInDays === null) return null;
  const from = startOfDay(duty.duty === 'DELETE_ON_EXPIRY' ? period.endsOn : period.startsOn);
  return new Date(from.getTime() + duty.dueInDays * DAY_MS);
}
