import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  accessibleBy,
  AuthorizationService,
  paginate,
  searchQuery,
  textMatches,
  type Caller,
  type ConnectionShape,
  type KeysetSort,
} from '@tetrad/core';
import { TicketOrder, type TicketFilter, type TicketsArgs } from './dto/ticket.inputs';
import { TicketStatus } from './ticket-enums';
import { Ticket } from './ticket.entity';
import { TICKET_COLUMNS } from './ticket.rules';

@ObjectType({ description: 'How many tickets are in one status (a board column).' })
export class TicketStatusCount {
  @Field(() => TicketStatus)
  status!: TicketStatus;

  @Field(() => Int)
  count!: number;
}

const SORTS: Record<TicketOrder, KeysetSort<Ticket>> = {
  [TicketOrder.UPDATED_DESC]: sort('UPDATED_DESC', 'ticket.updated_at', 'DESC', (t) =>
    t.updatedAt.toISOString(),
  ),
  [TicketOrder.CREATED_DESC]: sort('CREATED_DESC', 'ticket.created_at', 'DESC', (t) =>
    t.createdAt.toISOString(),
  ),
  [TicketOrder.SEVERITY_DESC]: sort('SEVERITY_DESC', 'ticket.severity_rank', 'DESC', (t) => t.severityRank),
  [TicketOrder.RESOLUTION_DUE_ASC]: sort('RESOLUTION_DUE_ASC', 'ticket.resolution_due_at', 'ASC', (t) =>
    t.resolutionDueAt.toISOString(),
  ),
};
// Title matches weigh most, then the description; a match only in comments ranks last.
const BY_RELEVANCE = sort(
  'RELEVANCE',
  'CAST(ts_rank(ticket.search_vector, CAST(:searchQuery AS tsquery)) AS float8)',
  'DESC',
  'selected',
);

/** Finding work: every filter, the text search and the board counts run in SQL. */
@Injectable()
export class TicketQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
  ) {}

  async list(caller: Caller, args: TicketsArgs): Promise<ConnectionShape<Ticket>> {
    const query = await this.visible(caller);
    applyFilter(query, args.filter);
    const searched = Boolean(searchQuery(args.filter?.search));
    const order = args.orderBy ? SORTS[args.orderBy] : searched ? BY_RELEVANCE : SORTS.UPDATED_DESC;
    const page = await paginate(query, args, order);
    const search = args.filter?.search;
    if (searched && search) {
      for (const ticket of page.nodes) {
        ticket.searchHighlight = textMatches(
          { title: ticket.title, description: ticket.description },
          search,
        );
      }
    }
    return page;
  }

  async countsByStatus(caller: Caller, filter: TicketFilter | undefined): Promise<TicketStatusCount[]> {
    const query = await this.visible(caller);
    applyFilter(query, { ...filter, statuses: undefined });
    const rows = await query
      .select('ticket.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('ticket.status')
      .getRawMany<{ status: TicketStatus; count: number }>();
    const counts = new Map(rows.map((row) => [row.status, row.count]));
    return Object.values(TicketStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  /** Open pain points (not yet resolved) by category (null: every consortium). */
  async openByCategory(
    consortiumIds: readonly string[] | null,
  ): Promise<{ category: string; open: number }[]> {
    return this.dataSource.query<{ category: string; open: number }[]>(
      `SELECT t.category::text AS category, count(*)::int AS open FROM ticket t
        WHERE t.status IN ('OPEN', 'TRIAGED', 'IN_PROGRESS', 'REOPENED')
        ${consortiumIds ? 'AND t.consortium_id = ANY($1::uuid[])' : ''}
        GROUP BY t.category ORDER BY t.category`,
      consortiumIds ? [[...consortiumIds]] : [],
    );
  }

  private async visible(caller: Caller): Promise<SelectQueryBuilder<Ticket>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Ticket', TICKET_COLUMNS);
    return this.dataSource.getRepository(Ticket).createQueryBuilder('ticket').where(scope.sql, scope.params);
  }
}

function applyFilter(query: SelectQueryBuilder<Ticket>, filter: TicketFilter | undefined): void {
  if (!filter) return;
  const equal: [keyof TicketFilter, string][] = [
    ['consortiumId', 'consortium_id'],
    ['scenarioId', 'scenario_id'],
    ['assigneeOrganizationId', 'assignee_organization_id'],
    ['assigneeUserId', 'assignee_user_id'],
    ['raisedByUserId', 'raised_by_user_id'],
  ];
  for (const [field, column] of equal) {
    if (filter[field]) query.andWhere(`ticket.${column} = :${field}`, { [field]: filter[field] });
  }
  if (filter.statuses?.length)
    query.andWhere('ticket.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.categories?.length)
    query.andWhere('ticket.category IN (:...categories)', { categories: filter.categories });
  if (filter.severities?.length)
    query.andWhere('ticket.severity IN (:...severities)', { severities: filter.severities });
  if (filter.label) query.andWhere('ticket.labels @> CAST(ARRAY[:label] AS text[])', { label: filter.label });
  if (filter.overdue !== undefined && filter.overdue !== null) {
    const late =
      '((ticket.responded_at IS NULL AND ticket.response_due_at < now()) OR (ticket.resolved_at IS NULL AND ticket.resolution_due_at < now()))';
    query.andWhere(filter.overdue ? late : `NOT ${late}`);
  }
  if (filter.search?.trim()) {
    const tsQuery = searchQuery(filter.search);
    if (!tsQuery) {
      query.andWhere('false');
      return;
    }
    // Two index scans (tickets, comments) joined by id, rather than a comment lookup per ticket.
    query.andWhere(
      `ticket.id IN (
        SELECT matched.id FROM ticket matched WHERE matched.search_vector @@ CAST(:searchQuery AS tsquery)
        UNION
        SELECT comment.ticket_id FROM ticket_comment comment
         WHERE comment.search_vector @@ CAST(:searchQuery AS tsquery) AND comment.deleted_at IS NULL)`,
      { searchQuery: tsQuery },
    );
  }
}

function sort(
  name: string,
  column: string,
  direction: 'ASC' | 'DESC',
  valueOf: KeysetSort<Ticket>['valueOf'],
): KeysetSort<Ticket> {
  return { name, column, direction, valueOf };
}
