// Correctness before timing: the floor and PostGraphile must return the same data for a workload.
// PostGraphile's answer (the whole GraphQL response `{ data, errors }`, or just `data`) is first
// reshaped into the floor's JSON (rowId -> id, relation names -> Tetrad's names, connections ->
// arrays, totalCount -> commentCount); then both are compared value by value. Timestamps are compared
// as instants (the floor writes `…00.123Z`, PostGraphile `…00.123000+00:00`). The floor's answer is
// its parsed response body (Q1: the ticket, or null when the runner treats a 404 as "no ticket").

export type Workload = 'q1' | 'q2' | 'q3';

type Row = Record<string, unknown>;

const MAX_DIFFERENCES = 50;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `connection.nodes` as an array; anything else is returned unchanged, to show up as a difference. */
function nodes(connection: unknown): unknown {
  const items: unknown = isRow(connection) ? connection.nodes : undefined;
  return isList(items) ? items : connection;
}

function list(value: unknown, each: (row: Row) => Row): unknown {
  return isList(value) ? value.map((item) => (isRow(item) ? each(item) : item)) : value;
}

/** A `{ rowId, name }` relation as `{ id, name }`; null stays null. */
function named(value: unknown): unknown {
  return isRow(value) ? { id: value.rowId, name: value.name } : value;
}

const NORMALISE: Record<Workload, { root: string; shape(value: unknown): unknown }> = {
  q1: {
    root: 'ticketByRowId',
    shape: (ticket) =>
      isRow(ticket)
        ? {
            id: ticket.rowId,
            number: ticket.number,
            title: ticket.title,
            status: ticket.status,
            severity: ticket.severity,
            category: ticket.category,
            labels: ticket.labels,
            createdAt: ticket.createdAt,
            raisedByOrganization: named(ticket.organizationByRaisedByOrganizationId),
          }
        : ticket,
  },
  q2: {
    root: 'allTickets',
    shape: (connection) =>
      list(nodes(connection), (ticket) => ({
        id: ticket.rowId,
        number: ticket.number,
        title: ticket.title,
        status: ticket.status,
        labels: ticket.labels,
        commentCount: isRow(ticket.ticketCommentsByTicketId)
          ? ticket.ticketCommentsByTicketId.totalCount
          : ticket.ticketCommentsByTicketId,
        raisedBy: named(ticket.userByRaisedByUserId),
        assigneeOrganization: named(ticket.organizationByAssigneeOrganizationId),
      })),
  },
  q3: {
    root: 'allDatasets',
    shape: (connection) =>
      list(nodes(connection), (dataset) => ({
        id: dataset.rowId,
        name: dataset.name,
        ownerOrganization: named(dataset.organizationByOwnerOrganizationId),
        activeContracts: list(nodes(dataset.activeContracts), (contract) => ({
          id: contract.rowId,
          title: contract.title,
        })),
        openTickets: list(nodes(dataset.openTickets), (ticket) => ({
          id: ticket.rowId,
          number: ticket.number,
          title: ticket.title,
          status: ticket.status,
        })),
      })),
  },
};

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function compare(floor: unknown, peer: unknown, path: string, out: string[]): void {
  if (out.length > MAX_DIFFERENCES) return;
  if (isList(floor) && isList(peer)) {
    if (floor.length !== peer.length) {
      out.push(`${path}: ${floor.length} items from the floor, ${peer.length} from PostGraphile`);
    }
    for (let i = 0; i < Math.min(floor.length, peer.length); i++)
      compare(floor[i], peer[i], `${path}[${i}]`, out);
    return;
  }
  if (isRow(floor) && isRow(peer)) {
    for (const key of new Set([...Object.keys(floor), ...Object.keys(peer)])) {
      compare(floor[key], peer[key], `${path}.${key}`, out);
    }
    return;
  }
  if (
    typeof floor === 'string' &&
    typeof peer === 'string' &&
    TIMESTAMP.test(floor) &&
    TIMESTAMP.test(peer)
  ) {
    if (Date.parse(floor) !== Date.parse(peer)) out.push(`${path}: floor ${floor}, PostGraphile ${peer}`);
    return;
  }
  if (!Object.is(floor, peer)) out.push(`${path}: floor ${show(floor)}, PostGraphile ${show(peer)}`);
}

/**
 * The differences between the floor's and PostGraphile's answers to `workload` (empty: same data).
 * GraphQL errors in PostGraphile's response are differences too.
 */
export function sameData(workload: Workload, floor: unknown, postgraphile: unknown): string[] {
  const out: string[] = [];
  let data = postgraphile;
  if (isRow(postgraphile) && ('data' in postgraphile || 'errors' in postgraphile)) {
    if (isList(postgraphile.errors) && postgraphile.errors.length > 0) {
      out.push(`${workload}: PostGraphile errors ${JSON.stringify(postgraphile.errors)}`);
    }
    data = postgraphile.data;
  }
  const { root, shape } = NORMALISE[workload];
  if (!isRow(data) || !(root in data)) {
    out.push(`${workload}: no ${root} in PostGraphile's data ${show(data)}`);
    return out;
  }
  compare(floor, shape(data[root]), workload, out);
  if (out.length > MAX_DIFFERENCES) out.splice(MAX_DIFFERENCES, Infinity, '… and more');
  return out;
}
