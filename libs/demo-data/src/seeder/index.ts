import { Module } from '@nestjs/common';
import { ConsortiumModule } from '@tetrad/consortium';
import { DatasetModule } from '@tetrad/dataset';
import { IdentityModule } from '@tetrad/identity';
import { MilestoneModule } from '@tetrad/milestone';
import { OrganizationModule } from '@tetrad/organization';
import { ScenarioModule } from '@tetrad/scenario';
import { DemoSeeder } from './demo-seeder';

export { DemoSeeder, DEMO_SEED_LOCK } from './demo-seeder';

/**
 * The demo seeder (SEED_DEMO_DATA), kept apart from the demo data itself (`@tetrad/demo-data`),
 * which the identity provider and the tests import without the server's domains.
 */
@Module({
  imports: [
    OrganizationModule,
    IdentityModule,
    ConsortiumModule,
    ScenarioModule,
    DatasetModule,
    MilestoneModule,
  ],
  providers: [DemoSeeder],
})
export class DemoDataModule {}
