import type { TicketCategory, TicketSeverity, TicketStatus } from '../../gql/graphql';

/** Board columns, in the order work flows (REOPENED sits beside the work it returns to). */
export const STATUSES: readonly TicketStatus[] = [
  'OPEN',
  'TRIAGED',
  'IN_PROGRESS',
  'REOPENED',
  'RESOLVED',
  'VERIFIED',
  'CLOSED',
];

export const SEVERITIES: readonly TicketSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export const CATEGORIES: readonly TicketCategory[] = [
  'MODEL_ALGORITHM',
  'HARDWARE_PERFORMANCE',
  'SCENARIO_ADAPTATION',
  'DATA',
  'SAFETY',
  'OTHER',
];

export const SEVERITY_COLOR: Record<TicketSeverity, string> = {
  CRITICAL: 'red',
  HIGH: 'volcano',
  MEDIUM: 'gold',
  LOW: 'default',
};

export const STATUS_COLOR: Record<TicketStatus, string> = {
  OPEN: 'blue',
  TRIAGED: 'cyan',
  IN_PROGRESS: 'processing',
  REOPENED: 'magenta',
  RESOLVED: 'green',
  VERIFIED: 'success',
  CLOSED: 'default',
};

/**
 * Moves that ask for words first: the API's transition takes none, so the note is posted as a
 * comment right after the move (it then sits in the ticket's timeline for everyone).
 */
export const NEEDS_NOTE: Partial<Record<TicketStatus, 'resolution' | 'reopen'>> = {
  RESOLVED: 'resolution',
  REOPENED: 'reopen',
};

export function isStatus(value: string): value is TicketStatus {
  return (STATUSES as readonly string[]).includes(value);
}
