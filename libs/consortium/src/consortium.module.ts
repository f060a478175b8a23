import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@tetrad/core';
import { OrganizationModule } from '@tetrad/organization';
import { Consortium } from './consortium.entity';
import { ConsortiumLoaders } from './consortium.loaders';
import { ConsortiumResolver, MembershipResolver } from './consortium.resolver';
import { consortiumRules } from './consortium.rules';
import { ConsortiumService } from './consortium.service';
import { Membership } from './membership.entity';
import { MembershipService } from './membership.service';
import { UserConsortiaResolver } from './user-consortia.resolver';

/** Consortia and memberships; contributes its rules and the membership facts to authorization. */
@Module({
  imports: [TypeOrmModule.forFeature([Consortium, Membership]), OrganizationModule],
  providers: [
    ConsortiumService,
    MembershipService,
    ConsortiumResolver,
    MembershipResolver,
    UserConsortiaResolver,
    ConsortiumLoaders,
  ],
  exports: [ConsortiumService],
})
export class ConsortiumModule implements OnModuleInit {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly consortia: ConsortiumService,
  ) {}

  onModuleInit(): void {
    this.authorization.register(consortiumRules);
    this.authorization.useMembershipFacts({
      activeMemberships: (organizationId) => this.consortia.activeMemberships(organizationId),
    });
  }
}
