/** One service-level date: met (done in time or late), still open, due within a day, or past due. */
export type DueMark = 'met' | 'metLate' | 'pending' | 'soon' | 'overdue';

export interface DueFields {
  responseDueAt: string;
  resolutionDueAt: string;
  respondedAt?: string | null;
  resolvedAt?: string | null;
}

const SOON_MS = 24 * 3_600_000;

function mark(dueAt: string, doneAt: string | null | undefined, now: Date): DueMark {
  const due = new Date(dueAt).getTime();
  if (doneAt) return new Date(doneAt).getTime() <= due ? 'met' : 'metLate';
  const left = due - now.getTime();
  if (left < 0) return 'overdue';
  return left <= SOON_MS ? 'soon' : 'pending';
}

/** The same rule as the API's `overdue` (libs/ticket service-levels), per date, for marking each. */
export function dueMarks(ticket: DueFields, now: Date): { response: DueMark; resolution: DueMark } {
  return {
    response: mark(ticket.responseDueAt, ticket.respondedAt, now),
    resolution: mark(ticket.resolutionDueAt, ticket.resolvedAt, now),
  };
}

/** The date a card shows: the response date until someone responded, then the resolution date. */
export function nextDue(
  ticket: DueFields,
  now: Date,
): { kind: 'response' | 'resolution'; at: string; mark: DueMark } | null {
  const marks = dueMarks(ticket, now);
  if (!ticket.respondedAt) return { kind: 'response', at: ticket.responseDueAt, mark: marks.response };
  if (!ticket.resolvedAt) return { kind: 'resolution', at: ticket.resolutionDueAt, mark: marks.resolution };
  return null;
}

export const DUE_MARK_COLOR: Record<DueMark, string> = {
  met: 'success',
  metLate: 'warning',
  pending: 'default',
  soon: 'warning',
  overdue: 'error',
};
