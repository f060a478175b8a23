import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, AuditTrail, recordChange, type AppConfig } from '@tetrad/core';
import { DEMO_DATASETS } from '@tetrad/demo-data';
import { OrganizationService } from '@tetrad/organization';
import { ScenarioService } from '@tetrad/scenario';
import {
  AnonymisationStatus,
  DataModality,
  DatasetFormat,
  DatasetSensitivity,
  Purpose,
} from './dataset-enums';
import { Dataset } from './dataset.entity';
import { withoutLocation } from './dataset.service';

/**
 * With SEED_DEMO_DATA=true: the worked example's datasets (DEMO_DATASETS) in the demo scenario, so
 * that a newcomer's catalog is not empty. Once (by name); audited as the system.
 */
@Injectable()
export class DatasetDemoSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatasetDemoSeed.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationService,
    private readonly scenarios: ScenarioService,
    private readonly audit: AuditTrail,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const scenario = await this.scenarios.ensureDemoScenarioInDemoConsortium();
    if (!scenario) return;
    const { ids } = await this.organizations.ensureDemoOrganizations();
    const created = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.find(Dataset, {
        select: { name: true },
        where: { consortiumId: scenario.consortiumId, name: In(DEMO_DATASETS.map((demo) => demo.name)) },
      });
      const missing = DEMO_DATASETS.filter((demo) => !existing.some((row) => row.name === demo.name));
      for (const { owner, ...demo } of missing) {
        const dataset = await manager.save(
          manager.create(Dataset, {
            ...demo,
            modalities: demo.modalities as DataModality[],
            format: demo.format as DatasetFormat,
            features: demo.features.map((feature) => ({
              ...feature,
              modality: feature.modality as DataModality,
            })),
            anonymisation: demo.anonymisation as AnonymisationStatus,
            sensitivity: demo.sensitivity as DatasetSensitivity,
            allowedPurposes: demo.allowedPurposes as Purpose[],
            consortiumId: scenario.consortiumId,
            scenarioId: scenario.id,
            ownerOrganizationId: ids.get(owner)!,
          }),
        );
        await recordChange(this.audit, manager, null, 'Dataset', dataset, {
          action: 'dataset.seed',
          after: withoutLocation(dataset),
        });
      }
      return missing.length;
    });
    if (created > 0) this.logger.log(`Demo data: ${created} datasets of the parcel-sorting scenario`);
  }
}
