import { useMemo } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../../gql';

const TicketsChangedDocument = graphql(`
  subscription TicketsChanged($consortiumId: UUID!) {
    ticketChanged(consortiumId: $consortiumId) {
      id
      number
      status
      updatedAt
    }
  }
`);

const TicketsCommentedDocument = graphql(`
  subscription TicketsCommented($consortiumId: UUID!) {
    ticketCommented(consortiumId: $consortiumId) {
      id
      ticketId
    }
  }
`);

/**
 * Follows the consortium's tickets while the area is open. urql's document cache refetches every
 * query that returned the typenames named here, so the board, list and ticket page update themselves.
 */
export function useTicketsLive(consortiumId: string): { live: boolean; lastNumber?: number } {
  const variables = useMemo(() => ({ consortiumId }), [consortiumId]);
  const changedContext = useMemo(
    () => ({ additionalTypenames: ['PainPointTicket', 'PainPointTicketConnection', 'TicketStatusCount'] }),
    [],
  );
  const commentedContext = useMemo(() => ({ additionalTypenames: ['TicketComment', 'PainPointTicket'] }), []);
  const [changed] = useSubscription({ query: TicketsChangedDocument, variables, context: changedContext });
  const [commented] = useSubscription({
    query: TicketsCommentedDocument,
    variables,
    context: commentedContext,
  });
  const live = !changed.error && !commented.error;
  const lastNumber = changed.data?.ticketChanged.number;
  return lastNumber === undefined ? { live } : { live, lastNumber };
}
