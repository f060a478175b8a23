import { useMemo } from 'react';
import { useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { graphql } from '../../gql';

const TicketsOptionsDocument = graphql(`
  query TicketsOptions($consortiumId: UUID!) {
    scenarios(consortiumId: $consortiumId, first: 100) {
      nodes {
        id
        name
      }
    }
    ticketLabels(consortiumId: $consortiumId) {
      name
    }
    memberships(consortiumId: $consortiumId, statuses: [ACTIVE], first: 100) {
      nodes {
        id
        organization {
          id
          name
        }
      }
    }
  }
`);

// Apart, so that a refusal here costs only the person picker.
const TicketsPeopleDocument = graphql(`
  query TicketsPeople {
    users(first: 100, status: ACTIVE) {
      nodes {
        id
        name
      }
    }
  }
`);

export interface Option {
  value: string;
  label: string;
}

export interface TicketOptions {
  scenarios: Option[];
  labels: Option[];
  organizations: Option[];
  /** People of the signed-in person's organisation (the API lists no others). */
  people: Option[];
  organizationName: (id: string | null | undefined) => string | undefined;
  fetching: boolean;
  problem: ApiProblem | undefined;
}

/** The choices the filter bar and forms offer: scenarios, labels, member organisations, people. */
export function useTicketOptions(consortiumId: string): TicketOptions {
  const [{ data, fetching, error }] = useQuery({
    query: TicketsOptionsDocument,
    variables: { consortiumId },
  });
  const [people] = useQuery({ query: TicketsPeopleDocument });
  return useMemo(() => {
    const organizations = (data?.memberships.nodes ?? []).map((m) => ({
      value: m.organization.id,
      label: m.organization.name,
    }));
    const names = new Map(organizations.map((o) => [o.value, o.label]));
    return {
      scenarios: (data?.scenarios.nodes ?? []).map((s) => ({ value: s.id, label: s.name })),
      labels: (data?.ticketLabels ?? []).map((l) => ({ value: l.name, label: l.name })),
      organizations,
      people: (people.data?.users.nodes ?? []).map((u) => ({ value: u.id, label: u.name })),
      organizationName: (id) => (id ? names.get(id) : undefined),
      fetching,
      problem: toApiProblem(error),
    };
  }, [data, people.data, fetching, error]);
}
