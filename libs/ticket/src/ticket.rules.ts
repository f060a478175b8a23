import type { RuleContributor } from '@tetrad/core';

/**
 * Tickets are the consortium's shared work queue: every active member reads, raises, triages,
 * assigns, moves and comments on them (verification by the raising organisation is checked by the
 * service); a comment is edited or deleted by its author only.
 */
export const ticketRules: RuleContributor = ({ can }, { caller, activeConsortiumIds }) => {
  if (caller.platformAdmin) {
    can('read', 'Ticket');
    can('read', 'TicketComment');
    return;
  }
  const consortiumId = { $in: [...activeConsortiumIds] };
  can(['read', 'create', 'triage', 'assign', 'transition', 'comment'], 'Ticket', { consortiumId });
  can('read', 'TicketComment', { consortiumId });
  can(['update', 'delete'], 'TicketComment', { consortiumId, authorUserId: caller.userId });
};

export const TICKET_COLUMNS = { id: 'ticket.id', consortiumId: 'ticket.consortium_id' } as const;
