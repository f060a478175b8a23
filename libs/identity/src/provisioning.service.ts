import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { APP_CONFIG, AuditTrail, type AppConfig, type VerifiedIdentity } from '@tetrad/core';
import {
  DeactivatedUserError,
  IdentityMismatchError,
  NotInvitedError,
  UnverifiedEmailError,
} from './identity.errors';
import { Invitation, InvitationStatus } from './invitation.entity';
import { User, UserStatus } from './user.entity';

/**
 * Who may enter: a known identity, a configured platform admin, or a verified email with a
 * pending invitation (which decides organisation and roles). Anyone else gets a clear refusal.
 */
@Injectable()
export class ProvisioningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * The active user for a verified identity; creates it from an invitation on first sign-in.
   * Idempotent under concurrency, on any number of instances: a person's first requests often
   * arrive together (a web page fires several queries at once). Each takes a transaction-scoped
   * advisory lock on the identity (issuer + subject), then on the email before linking or creating,
   * always in that order; a request that waited re-reads after the winner committed (READ COMMITTED
   * gives each statement a fresh snapshot) and finds the user the winner made.
   */
  userFor(identity: VerifiedIdentity): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      await advisoryLock(manager, `identity:${identity.issuer}\n${identity.subject}`);
      const known = await manager.findOneBy(User, {
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
      });
      if (known) return this.signedIn(manager, known);
      if (!identity.email || !identity.emailVerified) throw new UnverifiedEmailError();
      await advisoryLock(manager, `email:${identity.email.toLowerCase()}`);
      const byEmail = await manager.findOneBy(User, { email: identity.email });
      if (byEmail) {
        if (byEmail.oidcSubject !== null) throw new IdentityMismatchError(identity.email);
        return this.signedIn(
          manager,
          Object.assign(byEmail, { oidcIssuer: identity.issuer, oidcSubject: identity.subject }),
        );
      }
      if (this.config.auth.platformAdminEmails.includes(identity.email)) {
        return this.create(manager, identity, { organizationId: null, roles: [], platformAdmin: true });
      }
      return this.acceptInvitation(manager, identity);
    });
  }

  private async acceptInvitation(manager: EntityManager, identity: VerifiedIdentity): Promise<User> {
    const email = identity.email!;
    const invitation = await manager.findOne(Invitation, {
      where: {
        email,
        status: InvitationStatus.PENDING,
        expiresAt: MoreThan(new Date()),
        acceptedUserId: IsNull(),
      },
      lock: { mode: 'pessimistic_write' },
    });
    if (!invitation) throw new NotInvitedError(email);
    const user = await this.create(manager, identity, {
      organizationId: invitation.organizationId,
      roles: invitation.roles,
      platformAdmin: false,
    });
    await manager.update(
      Invitation,
      { id: invitation.id },
      { status: InvitationStatus.ACCEPTED, acceptedUserId: user.id },
    );
    return user;
  }

  private async create(
    manager: EntityManager,
    identity: VerifiedIdentity,
    membership: Pick<User, 'organizationId' | 'roles' | 'platformAdmin'>,
  ): Promise<User> {
    const user = await manager.save(
      manager.create(User, {
        ...membership,
        email: identity.email!,
        name: identity.name ?? identity.email!,
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
        lastSignInAt: new Date(),
      }),
    );
    const { email, organizationId, roles, platformAdmin } = user;
    const actor = { userId: user.id, email, organizationId, roles, platformAdmin, via: 'session' as const };
    await this.audit.record(manager, actor, {
      action: 'user.provision',
      subjectType: 'User',
      subjectId: user.id,
      after: { email, organizationId, roles, platformAdmin },
    });
    return user;
  }

  private async signedIn(manager: EntityManager, user: User): Promise<User> {
    if (user.status !== UserStatus.ACTIVE) throw new DeactivatedUserError();
    user.lastSignInAt = new Date();
    return manager.save(user);
  }
}

/** Held until the transaction ends; on the embedded database (one session) it never waits. */
async function advisoryLock(manager: EntityManager, key: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tetrad.sign-in:${key}`]);
}
