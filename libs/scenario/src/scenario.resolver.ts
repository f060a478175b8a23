import { Args, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorized, Connection, connectionCost, CurrentCaller, UUIDScalar, type Caller } from '@tetrad/core';
import { CreateScenarioInput, ScenarioFields, ScenariosArgs } from './dto/scenario.inputs';
import { KpiMeasure, kpiMeasureOf } from './kpi-measure';
import { KpiDefinition, Scenario } from './scenario.entity';
import { ScenarioService } from './scenario.service';

@ObjectType()
export class ScenarioConnection extends Connection(Scenario) {}

@Resolver(() => Scenario)
export class ScenarioResolver {
  constructor(private readonly scenarioService: ScenarioService) {}

  @Authorized({ by: 'ability', subject: 'Scenario', action: 'read' })
  @Query(() => Scenario)
  scenario(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Scenario> {
    return this.scenarioService.get(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Scenario', action: 'read' })
  @Query(() => ScenarioConnection, {
    description: 'Scenarios of your consortia.',
    complexity: connectionCost,
  })
  scenarios(@CurrentCaller() caller: Caller, @Args() args: ScenariosArgs): Promise<ScenarioConnection> {
    return this.scenarioService.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Scenario', action: 'create' })
  @Mutation(() => Scenario, { description: "A consortium's scenario users add its scenarios." })
  createScenario(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateScenarioInput,
  ): Promise<Scenario> {
    return this.scenarioService.create(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'Scenario', action: 'update' })
  @Mutation(() => Scenario)
  updateScenario(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('input') input: ScenarioFields,
  ): Promise<Scenario> {
    return this.scenarioService.update(caller, id, input);
  }
}

@Resolver(() => KpiDefinition)
export class KpiDefinitionResolver {
  @Authorized({ by: 'parent' })
  @ResolveField(() => KpiMeasure, {
    description:
      'What Tetrad computes it as from a report’s raw counts (its own measure, else the default of its key); DECLARED_ONLY is taken as declared.',
  })
  measure(@Parent() kpi: KpiDefinition): KpiMeasure {
    return kpiMeasureOf(kpi);
  }
}
