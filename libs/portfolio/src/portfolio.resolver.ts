import { Args, Query, Resolver } from '@nestjs/graphql';
import { Authorized, connectionCost, CurrentCaller, UUIDScalar, type Caller } from '@tetrad/core';
import { ScenariosArgs } from '@tetrad/scenario';
import { PortfolioService } from './portfolio.service';
import { Portfolio, PortfolioScenarioConnection } from './portfolio.types';

@Resolver(() => Portfolio)
export class PortfolioResolver {
  constructor(private readonly portfolioService: PortfolioService) {}

  @Authorized({ by: 'caller', check: 'consortiumMember' })
  @Query(() => Portfolio, {
    description:
      'Programme figures computed in SQL: every consortium for the programme office, your consortia (or one of them) for members.',
  })
  portfolio(
    @CurrentCaller() caller: Caller,
    @Args('consortiumId', { type: () => UUIDScalar, nullable: true }) consortiumId?: string,
  ): Promise<Portfolio> {
    return this.portfolioService.portfolio(caller, consortiumId);
  }

  @Authorized({ by: 'ability', subject: 'Scenario', action: 'read' })
  @Query(() => PortfolioScenarioConnection, {
    description:
      'A row per scenario (the programme office: every one; members: their consortia): units, KPIs against the human baseline and target, milestones by state, risk and reward committed and settled.',
    complexity: connectionCost,
  })
  portfolioScenarios(
    @CurrentCaller() caller: Caller,
    @Args() args: ScenariosArgs,
  ): Promise<PortfolioScenarioConnection> {
    return this.portfolioService.scenarioRows(caller, args);
  }
}
