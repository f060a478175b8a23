import type { CombinedError } from 'urql';
import type { TicketStatus } from '../../gql/graphql';
import { isStatus, NEEDS_NOTE, STATUSES } from './ticket-meta';

export interface MovableTicket {
  id: string;
  status: TicketStatus;
  /** From the API: the moves this person may make now. */
  allowedTransitions: readonly TicketStatus[];
}

export type DropDecision =
  | { kind: 'stay' }
  | { kind: 'move'; to: TicketStatus; note?: 'resolution' | 'reopen' }
  | { kind: 'refused'; from: TicketStatus; to: TicketStatus; allowed: readonly TicketStatus[] };

/** Columns in board order, each with its tickets in the order the API listed them. */
export function groupByStatus<T extends { status: TicketStatus }>(
  tickets: readonly T[],
): Record<TicketStatus, T[]> {
  const columns = Object.fromEntries(STATUSES.map((s) => [s, [] as T[]])) as Record<TicketStatus, T[]>;
  for (const ticket of tickets) columns[ticket.status].push(ticket);
  return columns;
}

/** What dropping a ticket on a column means: nothing, a move (maybe asking for a note), or a refusal. */
export function dropDecision(ticket: MovableTicket, to: string | null | undefined): DropDecision {
  if (!to || !isStatus(to) || to === ticket.status) return { kind: 'stay' };
  if (!ticket.allowedTransitions.includes(to))
    return { kind: 'refused', from: ticket.status, to, allowed: ticket.allowedTransitions };
  const note = NEEDS_NOTE[to];
  return note ? { kind: 'move', to, note } : { kind: 'move', to };
}

/** Whether a column takes the ticket being dragged (highlighted while dragging). */
export function acceptsDrop(ticket: MovableTicket | undefined, column: TicketStatus): boolean {
  return Boolean(ticket && ticket.allowedTransitions.includes(column));
}

/**
 * The API answers a refused move with CONFLICT and the current and allowed states (someone else
 * moved it first, or the board was stale); read them to say the refusal in words.
 */
export function refusalFromError(
  error: Pick<CombinedError, 'graphQLErrors'> | null | undefined,
): { current: TicketStatus; allowed: TicketStatus[] } | undefined {
  const extensions = error?.graphQLErrors[0]?.extensions;
  const current = extensions?.['currentStatus'];
  const allowed = extensions?.['allowedStatuses'];
  if (typeof current !== 'string' || !isStatus(current) || !Array.isArray(allowed)) return undefined;
  return { current, allowed: allowed.filter((s): s is TicketStatus => typeof s === 'string' && isStatus(s)) };
}
