import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@tetrad/core';
import { OrganizationModule } from '@tetrad/organization';
import { ScenarioModule } from '@tetrad/scenario';
import { Dataset } from './dataset.entity';
import { DatasetResolver } from './dataset.resolver';
import { datasetRules } from './dataset.rules';
import { DatasetService } from './dataset.service';

/** The dataset catalog (access requests and contracts follow). */
@Module({
  imports: [TypeOrmModule.forFeature([Dataset]), ScenarioModule, OrganizationModule],
  providers: [DatasetService, DatasetResolver],
  exports: [DatasetService],
})
export class DatasetModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.register(datasetRules);
  }
}
