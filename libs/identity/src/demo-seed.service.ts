import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuditTrail, type AppConfig, type UserRole } from '@tetrad/core';
import { DEMO_PEOPLE } from '@tetrad/demo-data';
import { OrganizationService } from '@tetrad/organization';
import { Invitation } from './invitation.entity';
import { User } from './user.entity';

const DEMO_INVITATION_DAYS = 365;

/**
 * With SEED_DEMO_DATA=true (npm start): the demo organisations and invitations for the demo
 * people, so that they join through the ordinary first sign-in. Idempotent.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationService,
    private readonly audit: AuditTrail,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const { ids, created: organizations } = await this.organizations.ensureDemoOrganizations();
    let count = organizations;
    const created = await this.dataSource.transaction(async (manager) => {
      for (const person of DEMO_PEOPLE) {
        const organizationId = person.organization ? ids.get(person.organization) : undefined;
        if (!organizationId) continue;
        const known =
          (await manager.existsBy(User, { email: person.email })) ||
          (await manager.existsBy(Invitation, { email: person.email }));
        if (known) continue;
        const invitation = await manager.save(
          manager.create(Invitation, {
            organizationId,
            email: person.email,
            roles: person.roles as UserRole[],
            expiresAt: new Date(Date.now() + DEMO_INVITATION_DAYS * 24 * 3600 * 1000),
          }),
        );
        await this.audit.record(manager, null, {
          action: 'invitation.seed',
          subjectType: 'Invitation',
          subjectId: invitation.id,
          after: invitation,
        });
        count += 1;
      }
      return count;
    });
    if (created > 0) this.logger.log(`Demo data: ${created} organisations and invitations created`);
  }
}
