/** Topics on the event bus; payloads carry ids only, each subscriber reloads what it may see. */
export const TICKET_CHANGED = 'ticket.changed';
export const TICKET_COMMENTED = 'ticket.commented';

export interface TicketEvent {
  ticketId: string;
  consortiumId: string;
  raisedByOrganizationId?: string;
  commentId?: string;
}
