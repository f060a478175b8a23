import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  isUniqueViolation,
  NotFoundError,
  paginate,
  type Caller,
  type ConnectionShape,
  UnitOfWork,
} from '@tetrad/core';
import { OrganizationService } from '@tetrad/organization';
import type { InvitationsArgs, InviteUserInput } from './dto/identity.inputs';
import { AlreadyMemberError, InvitationNotPendingError, PendingInvitationError } from './identity.errors';
import { Invitation, InvitationStatus, INVITATION_PENDING_EMAIL_UNIQUE } from './invitation.entity';
import { managedOrganization } from './organization-scope';
import { User } from './user.entity';

const INVITATION_TTL_DAYS = 14;

@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  async invite(caller: Caller, input: InviteUserInput): Promise<Invitation> {
    const organizationId = managedOrganization(caller, input.organizationId);
    await this.organizations.get(organizationId);
    try {
      return await this.work.run(caller, async ({ manager }) => {
        if (await manager.existsBy(User, { email: input.email })) throw new AlreadyMemberError(input.email);
        const invitation = await manager.save(
          manager.create(Invitation, {
            organizationId,
            email: input.email,
            roles: input.roles,
            invitedByUserId: caller.userId,
            expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
          }),
        );
        await this.audit.record(manager, caller, {
          action: 'invitation.create',
          subjectType: 'Invitation',
          subjectId: invitation.id,
          after: invitation,
        });
        return invitation;
      });
    } catch (error) {
      if (isUniqueViolation(error, INVITATION_PENDING_EMAIL_UNIQUE))
        throw new PendingInvitationError(input.email);
      throw error;
    }
  }

  /**
   * Invitations the platform itself issues (seeding; no caller), audited as the system, in one
   * transaction. An email that already has an account or any invitation is left alone; the
   * number of invitations created.
   */
  async inviteAsSystem(invitations: SystemInvitationSpec[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      let created = 0;
      for (const spec of invitations) {
        const known =
          (await manager.existsBy(User, { email: spec.email })) ||
          (await manager.existsBy(Invitation, { email: spec.email }));
        if (known) continue;
        const invitation = await manager.save(manager.create(Invitation, { ...spec }));
        await this.audit.record(manager, null, {
          action: 'invitation.seed',
          subjectType: 'Invitation',
          subjectId: invitation.id,
          after: invitation,
        });
        created += 1;
      }
      return created;
    });
  }

  list(caller: Caller, args: InvitationsArgs): Promise<ConnectionShape<Invitation>> {
    const organizationId = managedOrganization(caller, args.organizationId);
    const query = this.dataSource
      .getRepository(Invitation)
      .createQueryBuilder('invitation')
      .where('invitation.organization_id = :organizationId', { organizationId });
    if (args.status) query.andWhere('invitation.status = :status', { status: args.status });
    return paginate(query, args, {
      name: 'CREATED_AT_DESC',
      column: 'invitation.created_at',
      direction: 'DESC',
      valueOf: (invitation) => invitation.createdAt.toISOString(),
    });
  }

  revoke(caller: Caller, id: string): Promise<Invitation> {
    return this.work.run(caller, async ({ manager }) => {
      const invitation = await manager.findOne(Invitation, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const allowed =
        invitation && (caller.platformAdmin || invitation.organizationId === caller.organizationId);
      if (!invitation || !allowed) throw new NotFoundError('Invitation', id);
      managedOrganization(caller, invitation.organizationId);
      if (invitation.status !== InvitationStatus.PENDING)
        throw new InvitationNotPendingError(invitation.status);
      const before = { ...invitation };
      invitation.status = InvitationStatus.REVOKED;
      const saved = await manager.save(invitation);
      await this.audit.record(manager, caller, {
        action: 'invitation.revoke',
        subjectType: 'Invitation',
        subjectId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }
}

/** An invitation the platform issues itself. */
export type SystemInvitationSpec = Pick<Invitation, 'organizationId' | 'email' | 'roles' | 'expiresAt'>;
