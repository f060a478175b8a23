import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, UUIDScalar, type Caller } from '@tetrad/core';
import { PortfolioService } from './portfolio.service';
import { Portfolio } from './portfolio.types';

@Resolver(() => Portfolio)
export class PortfolioResolver {
  constructor(private readonly portfolioService: PortfolioService) {}

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
}
