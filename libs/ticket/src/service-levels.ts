import { TicketSeverity } from './ticket-enums';

const HOUR = 3_600_000;

/** Default service levels (hours) per severity: first response and resolution. */
export const SERVICE_LEVELS: Readonly<
  Record<TicketSeverity, { responseHours: number; resolutionHours: number }>
> = {
  [TicketSeverity.CRITICAL]: { responseHours: 4, resolutionHours: 24 },
  [TicketSeverity.HIGH]: { responseHours: 24, resolutionHours: 72 },
  [TicketSeverity.MEDIUM]: { responseHours: 72, resolutionHours: 14 * 24 },
  [TicketSeverity.LOW]: { responseHours: 7 * 24, resolutionHours: 30 * 24 },
};

export const SEVERITY_RANK: Record<TicketSeverity, number> = {
  [TicketSeverity.CRITICAL]: 4,
  [TicketSeverity.HIGH]: 3,
  [TicketSeverity.MEDIUM]: 2,
  [TicketSeverity.LOW]: 1,
};

export type ServiceLevelTable = Record<TicketSeverity, { responseHours: number; resolutionHours: number }>;

export function dueDates(
  severity: TicketSeverity,
  raisedAt: Date,
  levels: ServiceLevelTable = SERVICE_LEVELS,
): { responseDueAt: Date; resolutionDueAt: Date } {
  const level = levels[severity];
  return {
    responseDueAt: new Date(raisedAt.getTime() + level.responseHours * HOUR),
    resolutionDueAt: new Date(raisedAt.getTime() + level.resolutionHours * HOUR),
  };
}

/** Overdue: not responded to (triaged or commented by another organisation) or not resolved in time. */
export function isOverdue(
  ticket: { responseDueAt: Date; resolutionDueAt: Date; respondedAt: Date | null; resolvedAt: Date | null },
  now: Date,
): boolean {
  const responseLate = !ticket.respondedAt && now > ticket.responseDueAt;
  const resolutionLate = !ticket.resolvedAt && now > ticket.resolutionDueAt;
  return responseLate || resolutionLate;
}
