import { Module } from '@nestjs/common';
import { ConsortiumModule } from '@tetrad/consortium';
import { ContractModule } from '@tetrad/contract';
import { DatasetModule } from '@tetrad/dataset';
import { MilestoneModule } from '@tetrad/milestone';
import { ScenarioModule } from '@tetrad/scenario';
import { TicketModule } from '@tetrad/ticket';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioService } from './portfolio.service';

/** The programme portfolio: a read model over the domains, each asked for its own aggregate. */
@Module({
  imports: [ConsortiumModule, ScenarioModule, DatasetModule, TicketModule, ContractModule, MilestoneModule],
  providers: [PortfolioService, PortfolioResolver],
})
export class PortfolioModule {}
