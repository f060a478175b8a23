import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@tetrad/core';
import { ConsortiumModule } from '@tetrad/consortium';
import { DatasetModule } from '@tetrad/dataset';
import { IdentityModule } from '@tetrad/identity';
import { OrganizationModule } from '@tetrad/organization';
import { ScenarioModule } from '@tetrad/scenario';
import { TicketCollaborationService } from './ticket-collaboration.service';
import { TicketServiceLevel } from './service-level.entity';
import { TicketLabel } from './ticket-label.entity';
import { TicketLabelService } from './ticket-label.service';
import { ServiceLevelService } from './service-level.service';
import { ServiceLevelResolver } from './service-level.resolver';
import { TicketCommentResolver } from './ticket-comment.resolver';
import { TicketCommentService } from './ticket-comment.service';
import { TicketDatasetLink } from './ticket-dataset-link.entity';
import { DatasetTicketsResolver, TicketDatasetResolver } from './ticket-dataset.resolver';
import { TicketDatasetService } from './ticket-dataset.service';
import { TicketLink, TicketWatcher } from './ticket-link.entity';
import { TicketQueryService } from './ticket-query.service';
import { Ticket, TicketComment } from './ticket.entity';
import { TicketLoaders } from './ticket.loaders';
import { TicketResolver } from './ticket.resolver';
import { ticketRules } from './ticket.rules';
import { TicketService } from './ticket.service';

/** Pain-point tickets: the consortium's shared work queue. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Ticket,
      TicketComment,
      TicketLink,
      TicketWatcher,
      TicketServiceLevel,
      TicketLabel,
      TicketDatasetLink,
    ]),
    ConsortiumModule,
    ScenarioModule,
    DatasetModule,
    IdentityModule,
    OrganizationModule,
  ],
  providers: [
    TicketService,
    TicketQueryService,
    TicketCommentService,
    TicketCollaborationService,
    TicketResolver,
    TicketCommentResolver,
    TicketLoaders,
    ServiceLevelService,
    ServiceLevelResolver,
    TicketLabelService,
    TicketDatasetService,
    TicketDatasetResolver,
    DatasetTicketsResolver,
  ],
  exports: [TicketQueryService],
})
export class TicketModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.register(ticketRules);
  }
}
