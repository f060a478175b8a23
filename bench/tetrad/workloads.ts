/**
 * The five workloads of issue 8, as Tetrad serves them. Each is one GraphQL request sent as a
 * member of the large consortium with a Tetrad API token (the way research institutes' scripts
 * call the API); Q5 is Q2 for a caller whose ability has many conditional rules.
 */
export type WorkloadId = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5';

export interface BenchIds {
  largeConsortiumId: string;
  sampleTicketId: string;
}

export interface Workload {
  id: WorkloadId;
  title: string;
  /** Which principal sends it. */
  as: 'trivial' | 'manyRules';
  /** Served by the peers too (reads only). */
  peers: boolean;
  query: (pageSize?: number) => string;
  variables: (ids: BenchIds) => Record<string, unknown>;
  /** The page-size knob, to show statements per request do not depend on it. */
  pageSizes?: [number, number];
}

const Q2 = (first = 50): string => `query Q2($c: UUID!) {
  tickets(first: ${first}, orderBy: UPDATED_DESC, filter: { consortiumId: $c, statuses: [OPEN, TRIAGED, IN_PROGRESS] }) {
    nodes { id number title status labels commentCount raisedBy { id name } assigneeOrganization { id name } } } }`;

export const WORKLOADS: Workload[] = [
  {
    id: 'Q1',
    title: 'one ticket by id',
    as: 'trivial',
    peers: true,
    query: () => `query Q1($id: UUID!) { ticket(id: $id) {
      id number title status severity category labels createdAt raisedByOrganization { id name } } }`,
    variables: (ids) => ({ id: ids.sampleTicketId }),
  },
  {
    id: 'Q2',
    title: 'a filtered page of 50 tickets with raiser, assignee organisation, labels, comment count',
    as: 'trivial',
    peers: true,
    query: Q2,
    variables: (ids) => ({ c: ids.largeConsortiumId }),
    pageSizes: [10, 50],
  },
  {
    id: 'Q3',
    title: '20 datasets, each with owner, active contracts and open linked tickets',
    as: 'trivial',
    peers: true,
    query: (first = 20) => `query Q3($c: UUID!) { datasets(first: ${first}, consortiumId: $c) {
      nodes { id name owner { id name } activeContracts { id title } openTickets { id number title status } } } }`,
    variables: (ids) => ({ c: ids.largeConsortiumId }),
    pageSizes: [5, 20],
  },
  {
    id: 'Q4',
    title: 'create a comment (a mutation: one transaction, audited)',
    as: 'trivial',
    peers: false,
    query: () =>
      `mutation Q4($t: UUID!) { commentOnTicket(ticketId: $t, input: { body: "Measured again on line 3: same slip." }) { id } }`,
    variables: (ids) => ({ t: ids.sampleTicketId }),
  },
  {
    id: 'Q5',
    title: 'Q2 for a caller whose ability has many conditional rules',
    as: 'manyRules',
    peers: false,
    query: Q2,
    variables: (ids) => ({ c: ids.largeConsortiumId }),
    pageSizes: [10, 50],
  },
];

/** What a correct answer must contain, beyond "no errors": enough to catch an empty or wrong page. */
export function checkTetrad(id: WorkloadId, body: unknown): string[] {
  const data = (body as { data?: Record<string, unknown>; errors?: unknown[] }) ?? {};
  if (data.errors) return [`errors: ${JSON.stringify(data.errors).slice(0, 300)}`];
  const root = data.data ?? {};
  switch (id) {
    case 'Q1':
      return (root['ticket'] as { id?: string } | undefined)?.id ? [] : ['no ticket'];
    case 'Q2':
    case 'Q5':
      return nodes(root['tickets']).length === 50
        ? []
        : [`expected 50 tickets, got ${nodes(root['tickets']).length}`];
    case 'Q3':
      return nodes(root['datasets']).length === 20
        ? []
        : [`expected 20 datasets, got ${nodes(root['datasets']).length}`];
    case 'Q4':
      return (root['commentOnTicket'] as { id?: string } | undefined)?.id ? [] : ['no comment created'];
  }
}

export function nodes(connection: unknown): Record<string, unknown>[] {
  return (connection as { nodes?: Record<string, unknown>[] } | undefined)?.nodes ?? [];
}
