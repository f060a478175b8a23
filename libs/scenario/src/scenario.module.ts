import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@tetrad/core';
import { ConsortiumModule } from '@tetrad/consortium';
import { Scenario } from './scenario.entity';
import { ScenarioLoaders } from './scenario.loaders';
import { KpiDefinitionResolver, ScenarioResolver } from './scenario.resolver';
import { scenarioRules } from './scenario.rules';
import { ScenarioService } from './scenario.service';

@Module({
  imports: [TypeOrmModule.forFeature([Scenario]), ConsortiumModule],
  providers: [ScenarioService, ScenarioResolver, KpiDefinitionResolver, ScenarioLoaders],
  exports: [ScenarioService],
})
export class ScenarioModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.register(scenarioRules);
  }
}
