import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorized, CurrentCaller, UUIDScalar, type Caller } from '@tetrad/core';
import { Dataset } from '@tetrad/dataset';
import { TicketDatasetService } from './ticket-dataset.service';
import { Ticket } from './ticket.entity';

@Resolver(() => Ticket)
export class TicketDatasetResolver {
  constructor(private readonly links: TicketDatasetService) {}

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'comment' })
  @Mutation(() => Ticket, { description: 'Name a dataset of the same consortium that the ticket concerns.' })
  linkTicketToDataset(
    @CurrentCaller() caller: Caller,
    @Args('ticketId', { type: () => UUIDScalar }) ticketId: string,
    @Args('datasetId', { type: () => UUIDScalar }) datasetId: string,
  ): Promise<Ticket> {
    return this.links.link(caller, ticketId, datasetId, true);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'comment' })
  @Mutation(() => Ticket)
  unlinkTicketFromDataset(
    @CurrentCaller() caller: Caller,
    @Args('ticketId', { type: () => UUIDScalar }) ticketId: string,
    @Args('datasetId', { type: () => UUIDScalar }) datasetId: string,
  ): Promise<Ticket> {
    return this.links.link(caller, ticketId, datasetId, false);
  }

  @Authorized({ by: 'ability', subject: 'Dataset', action: 'read' })
  @ResolveField(() => [Dataset], { description: 'The datasets it concerns that you may see.' })
  datasets(@CurrentCaller() caller: Caller, @Parent() ticket: Ticket): Promise<Dataset[]> {
    return this.links.datasetsOf(caller, ticket.id);
  }
}

@Resolver(() => Dataset)
export class DatasetTicketsResolver {
  constructor(private readonly links: TicketDatasetService) {}

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @ResolveField(() => [Ticket], {
    description: 'Up to five open pain points naming this dataset, newest first (batched per page).',
  })
  openTickets(@CurrentCaller() caller: Caller, @Parent() dataset: Dataset): Promise<Ticket[]> {
    return this.links.openTicketsOf(caller, dataset.id);
  }
}
