import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  accessibleBy,
  AuditTrail,
  AuthorizationService,
  callerLoader,
  InvalidInputError,
  type Caller,
  UnitOfWork,
} from '@tetrad/core';
import { DatasetService, type Dataset } from '@tetrad/dataset';
import { TicketDatasetLink } from './ticket-dataset-link.entity';
import { Ticket } from './ticket.entity';
import { TICKET_COLUMNS } from './ticket.rules';
import { TicketService } from './ticket.service';

/** How many open tickets a dataset shows in a list. */
export const OPEN_TICKETS_PER_DATASET = 5;
const OPEN = ['OPEN', 'TRIAGED', 'IN_PROGRESS', 'REOPENED'];

/** Links between tickets and the datasets they concern, both ends checked for the caller. */
@Injectable()
export class TicketDatasetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly tickets: TicketService,
    private readonly datasets: DatasetService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  async link(caller: Caller, ticketId: string, datasetId: string, linked: boolean): Promise<Ticket> {
    const ticket = await this.tickets.get(caller, ticketId);
    await this.authorization.assertCan(caller, 'comment', 'Ticket', { ...ticket }, ticketId);
    const dataset = await this.datasets.get(caller, datasetId);
    if (dataset.consortiumId !== ticket.consortiumId) {
      throw new InvalidInputError('A ticket names datasets of its own consortium only.', [
        { field: 'datasetId', message: 'a dataset of another consortium' },
      ]);
    }
    await this.work.run(caller, async ({ manager }) => {
      if (linked) {
        await manager.upsert(
          TicketDatasetLink,
          { ticketId, datasetId, consortiumId: ticket.consortiumId, createdByUserId: caller.userId },
          ['ticketId', 'datasetId'],
        );
      } else {
        await manager.delete(TicketDatasetLink, { ticketId, datasetId });
      }
      await this.audit.record(manager, caller, {
        action: linked ? 'ticket.linkDataset' : 'ticket.unlinkDataset',
        subjectType: 'Ticket',
        subjectId: ticketId,
        consortiumId: ticket.consortiumId,
        after: { datasetId },
      });
    });
    return ticket;
  }

  /** The datasets a ticket names that the caller may see, first linked first: two statements per page. */
  datasetsOf(caller: Caller, ticketId: string): Promise<Dataset[]> {
    return callerLoader<string, Dataset[]>(
      caller,
      'ticket.datasets',
      (ids) => this.datasetsBatch(caller, ids),
      { cache: false },
    ).load(ticketId);
  }

  private async datasetsBatch(caller: Caller, ticketIds: readonly string[]): Promise<Dataset[][]> {
    const links = await this.dataSource
      .getRepository(TicketDatasetLink)
      .find({ where: { ticketId: In([...ticketIds]) }, order: { createdAt: 'ASC' } });
    // Scoped in SQL by the dataset domain: a dataset out of the caller's reach is left out, as before.
    const visible = await this.datasets.readableByIds(
      caller,
      links.map((link) => link.datasetId),
    );
    const byId = new Map(visible.map((dataset) => [dataset.id, dataset]));
    return ticketIds.map((id) =>
      links.flatMap((link) => {
        const dataset = link.ticketId === id ? byId.get(link.datasetId) : undefined;
        return dataset ? [dataset] : [];
      }),
    );
  }

  /** Up to five open tickets per dataset, newest first, that the caller may see: two statements per page. */
  openTicketsOf(caller: Caller, datasetId: string): Promise<Ticket[]> {
    return callerLoader<string, Ticket[]>(caller, 'dataset.openTickets', (ids) =>
      this.openTicketsBatch(caller, ids),
    ).load(datasetId);
  }

  private async openTicketsBatch(caller: Caller, datasetIds: readonly string[]): Promise<Ticket[][]> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Ticket', TICKET_COLUMNS);
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT wanted.id AS "datasetId", found.id AS "ticketId"
         FROM unnest(CAST(ARRAY[:...datasetIds] AS uuid[])) AS wanted(id)
         CROSS JOIN LATERAL (
           SELECT ticket.id, ticket.created_at FROM ticket_dataset_link link
             JOIN ticket ticket ON ticket.id = link.ticket_id
            WHERE link.dataset_id = wanted.id AND ticket.status IN (:...open) AND ${scope.sql}
            ORDER BY ticket.created_at DESC, ticket.id DESC
            LIMIT ${OPEN_TICKETS_PER_DATASET}) found
        ORDER BY wanted.id, found.created_at DESC, found.id DESC`,
      { ...scope.params, datasetIds: [...datasetIds], open: OPEN },
    );
    const pairs = await this.dataSource.query<{ datasetId: string; ticketId: string }[]>(sql, parameters);
    const tickets = pairs.length
      ? await this.dataSource.getRepository(Ticket).findBy({ id: In(pairs.map((pair) => pair.ticketId)) })
      : [];
    const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
    return datasetIds.map((id) =>
      pairs.filter((pair) => pair.datasetId === id).map((pair) => byId.get(pair.ticketId)!),
    );
  }
}
