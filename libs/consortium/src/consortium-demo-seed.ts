import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuditTrail, type AppConfig } from '@tetrad/core';
import { DEMO_CONSORTIA, DEMO_ORGANIZATIONS } from '@tetrad/demo-data';
import { OrganizationService, type OrganizationKind } from '@tetrad/organization';
import { ConsortiumStatus, MembershipStatus, type Sector } from './consortium-enums';
import { Consortium } from './consortium.entity';
import { Membership } from './membership.entity';

/** With SEED_DEMO_DATA=true: the demo consortia (one ACTIVE, one FORMING), once, audited as the system. */
@Injectable()
export class ConsortiumDemoSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConsortiumDemoSeed.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationService,
    private readonly audit: AuditTrail,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const { ids } = await this.organizations.ensureDemoOrganizations();
    for (const demo of DEMO_CONSORTIA) {
      const created = await this.dataSource.transaction(async (manager) => {
        if (await manager.existsBy(Consortium, { name: demo.name })) return false;
        const founder = ids.get(demo.members[0]!)!;
        const consortium = await manager.save(
          manager.create(Consortium, {
            name: demo.name,
            sector: demo.sector as Sector,
            region: demo.region,
            status: demo.status as ConsortiumStatus,
            foundedByOrganizationId: founder,
            activatedAt: demo.status === 'ACTIVE' ? new Date() : null,
          }),
        );
        for (const key of demo.members) {
          const kind = DEMO_ORGANIZATIONS.find((organization) => organization.key === key)!
            .kind as OrganizationKind;
          await manager.save(
            manager.create(Membership, {
              consortiumId: consortium.id,
              organizationId: ids.get(key)!,
              partyRole: kind,
              status: MembershipStatus.ACTIVE,
              joinedAt: new Date(),
            }),
          );
        }
        await this.audit.record(manager, null, {
          action: 'consortium.seed',
          subjectType: 'Consortium',
          subjectId: consortium.id,
          consortiumId: consortium.id,
          after: consortium,
        });
        return true;
      });
      if (created) this.logger.log(`Demo data: consortium "${demo.name}" created`);
    }
  }
}
