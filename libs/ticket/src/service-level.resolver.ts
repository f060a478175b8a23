import { Args, ArgsType, Field, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { Authorized, CurrentCaller, UUIDScalar, type Caller } from '@tetrad/core';
import { TicketServiceLevel } from './service-level.entity';
import { ServiceLevelService, TicketBreachCount } from './service-level.service';
import { TicketLabel } from './ticket-label.entity';
import { TicketLabelService } from './ticket-label.service';
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

@ArgsType()
export class CreateLabelArgs {
  @Field(() => UUIDScalar)
  @IsUUID()
  consortiumId!: string;

  @Field()
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,39}$/u, {
    message: 'name is 1 to 40 letters, digits, spaces, _ . or -',
  })
  name!: string;
}

@Resolver(() => TicketServiceLevel)
export class ServiceLevelResolver {
  constructor(
    private readonly levels: ServiceLevelService,
    private readonly labels: TicketLabelService,
  ) {}

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'read' })
  @Query(() => [TicketLabel], { description: "A consortium's ticket labels." })
  ticketLabels(
    @CurrentCaller() caller: Caller,
    @Args('consortiumId', { type: () => UUIDScalar }) consortiumId: string,
  ) {
    return this.labels.list(caller, consortiumId);
  }

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'read' })
  @Mutation(() => TicketLabel, { description: 'Any member defines a label for its consortium (idempotent).' })
  createTicketLabel(@CurrentCaller() caller: Caller, @Args() args: CreateLabelArgs): Promise<TicketLabel> {
    return this.labels.create(caller, args.consortiumId, args.name);
  }

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'read' })
  @Query(() => [TicketServiceLevel], { description: "A consortium's ticket service levels per severity." })
  ticketServiceLevels(
    @CurrentCaller() caller: Caller,
    @Args('consortiumId', { type: () => UUIDScalar }) consortiumId: string,
  ): Promise<TicketServiceLevel[]> {
    return this.levels.list(caller, consortiumId);
  }

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'update' })
  @Mutation(() => TicketServiceLevel, {
    description: 'ORG_ADMIN of a member: set the service level of one severity.',
  })
  setTicketServiceLevel(
    @CurrentCaller() caller: Caller,
    @Args() args: SetServiceLevelArgs,
  ): Promise<TicketServiceLevel> {
    return this.levels.set(caller, { ...args });
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
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
