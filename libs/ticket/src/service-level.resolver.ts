import { Args, ArgsType, Field, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsInt, IsUUID, Max, Min } from 'class-validator';
import { CurrentCaller, UUIDScalar, type Caller } from '@tetrad/core';
import { TicketServiceLevel } from './service-level.entity';
import { ServiceLevelService, TicketBreachCount } from './service-level.service';
import { TicketSeverity } from './ticket-enums';

@ArgsType()
export class SetServiceLevelArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  consortiumId!: string;

  @Field(() => TicketSeverity)
  @IsEnum(TicketSeverity)
  severity!: TicketSeverity;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'responseHours must be at least 1' })
  @Max(24 * 90)
  responseHours!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'resolutionHours must be at least 1' })
  @Max(24 * 365)
  resolutionHours!: number;
}

@Resolver(() => TicketServiceLevel)
export class ServiceLevelResolver {
  constructor(private readonly levels: ServiceLevelService) {}

  @Query(() => [TicketServiceLevel], { description: "A consortium's ticket service levels per severity." })
  ticketServiceLevels(
    @CurrentCaller() caller: Caller,
    @Args('consortiumId', { type: () => UUIDScalar }) consortiumId: string,
  ): Promise<TicketServiceLevel[]> {
    return this.levels.list(caller, consortiumId);
  }

  @Mutation(() => TicketServiceLevel, {
    description: 'ORG_ADMIN of a member: set the service level of one severity.',
  })
  setTicketServiceLevel(
    @CurrentCaller() caller: Caller,
    @Args() args: SetServiceLevelArgs,
  ): Promise<TicketServiceLevel> {
    return this.levels.set(caller, { ...args });
  }

  @Query(() => [TicketBreachCount], {
    description: 'Overdue tickets per assignee organisation in a consortium.',
  })
  ticketBreaches(
    @CurrentCaller() caller: Caller,
    @Args('consortiumId', { type: () => UUIDScalar }) consortiumId: string,
  ): Promise<TicketBreachCount[]> {
    return this.levels.breaches(caller, consortiumId);
  }
}
