import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  accessibleBy,
  AuditTrail,
  AuthorizationService,
  isUniqueViolation,
  NotFoundError,
  paginate,
  recordChange,
  type Caller,
  type ConnectionShape,
  UnitOfWork,
} from '@tetrad/core';
import { OrganizationService } from '@tetrad/organization';
import type { InviteOrganizationInput, MembershipsArgs } from './dto/consortium.inputs';
import { MembershipStatus } from './consortium-enums';
import {
  AlreadyMemberError,
  LastMemberError,
  MembershipTransitionError,
  PartyRoleMismatchError,
} from './consortium.errors';
import { nextMembershipStatus, type MembershipEvent } from './consortium-lifecycle';
import { MEMBERSHIP_COLUMNS } from './consortium.rules';
import { ConsortiumService } from './consortium.service';
import { Membership, MEMBERSHIP_OPEN_UNIQUE } from './membership.entity';

@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly organizations: OrganizationService,
    private readonly consortia: ConsortiumService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  /** An admin of an active member invites another organisation with its party role. */
  async invite(caller: Caller, input: InviteOrganizationInput): Promise<Membership> {
    const organization = await this.organizations.find(input.organizationId);
    try {
      return await this.work.run(caller, async ({ manager }) => {
        const consortium = await this.consortia.lockedConsortium(manager, input.consortiumId);
        await this.authorization.assertCan(caller, 'invite', 'Consortium', { ...consortium }, consortium.id);
        if (!organization) throw new NotFoundError('Organization', input.organizationId);
        if (input.partyRole && input.partyRole !== organization.kind)
          throw new PartyRoleMismatchError(organization.kind);
        const membership = await manager.save(
          manager.create(Membership, {
            consortiumId: consortium.id,
            organizationId: organization.id,
            partyRole: organization.kind,
            invitedByOrganizationId: caller.organizationId,
          }),
        );
        await recordChange(this.audit, manager, caller, 'Membership', membership, {
          action: 'membership.invite',
          after: membership,
        });
        return membership;
      });
    } catch (error) {
      if (isUniqueViolation(error, MEMBERSHIP_OPEN_UNIQUE)) throw new AlreadyMemberError();
      throw error;
    }
  }

  accept(caller: Caller, id: string): Promise<Membership> {
    return this.transition(caller, id, 'accept');
  }

  decline(caller: Caller, id: string): Promise<Membership> {
    return this.transition(caller, id, 'decline');
  }

  withdraw(caller: Caller, id: string): Promise<Membership> {
    return this.transition(caller, id, 'withdraw');
  }

  async list(caller: Caller, args: MembershipsArgs): Promise<ConnectionShape<Membership>> {
    if (args.consortiumId) await this.consortia.get(caller, args.consortiumId);
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Membership', MEMBERSHIP_COLUMNS);
    const query = this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .where(scope.sql, scope.params);
    if (args.consortiumId)
      query.andWhere('membership.consortium_id = :consortiumId', { consortiumId: args.consortiumId });
    else query.andWhere('membership.organization_id = :own', { own: caller.organizationId });
    if (args.statuses?.length)
      query.andWhere('membership.status IN (:...statuses)', { statuses: args.statuses });
    if (args.partyRole) query.andWhere('membership.party_role = :partyRole', { partyRole: args.partyRole });
    return paginate(query, args, {
      name: 'CREATED_AT_ASC',
      column: 'membership.created_at',
      direction: 'ASC',
      valueOf: (membership) => membership.createdAt.toISOString(),
    });
  }

  private async transition(caller: Caller, id: string, event: MembershipEvent): Promise<Membership> {
    return this.work.run(caller, async ({ manager }) => {
      const found = await manager.findOneBy(Membership, { id });
      if (!found) throw new NotFoundError('Membership', id);
      // Lock the consortium first: membership changes of one consortium are serialised.
      await this.consortia.lockedConsortium(manager, found.consortiumId);
      const membership = await manager.findOneByOrFail(Membership, { id });
      await this.authorization.assertCan(caller, 'read', 'Membership', { ...membership }, id);
      const next = nextMembershipStatus(membership.status, event);
      if (!next) throw new MembershipTransitionError(event, membership.status);
      await this.authorization.assertCan(caller, event, 'Membership', { ...membership }, id);
      if (event === 'withdraw') await this.assertNotLast(manager, membership);
      const before = { ...membership };
      membership.status = next;
      if (next === MembershipStatus.ACTIVE) membership.joinedAt = new Date();
      if (next === MembershipStatus.WITHDRAWN) membership.leftAt = new Date();
      const saved = await manager.save(membership);
      await recordChange(this.audit, manager, caller, 'Membership', saved, {
        action: `membership.${event}`,
        before,
        after: saved,
      });
      return saved;
    });
  }

  private async assertNotLast(manager: EntityManager, membership: Membership): Promise<void> {
    const active = await manager.countBy(Membership, {
      consortiumId: membership.consortiumId,
      status: MembershipStatus.ACTIVE,
    });
    if (active <= 1) throw new LastMemberError();
  }
}
