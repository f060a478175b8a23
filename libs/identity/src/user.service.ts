import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  AuditTrail,
  NotFoundError,
  paginate,
  UserRole,
  type Caller,
  type ConnectionShape,
  containsPattern,
  UnitOfWork,
} from '@tetrad/core';
import type { UsersArgs } from './dto/identity.inputs';
import { LastAdminError, SelfDeactivationError } from './identity.errors';
import { managedOrganization, visibleOrganization } from './organization-scope';
import { User, UserStatus } from './user.entity';

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  /** People by id, unchecked: for services that have already authorised the caller. */
  findByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
  }

  async me(caller: Caller): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: caller.userId });
    if (!user) throw new NotFoundError('User', caller.userId);
    return user;
  }

  /** For other domains' checks (e.g. an assignee's organisation); not an authorization decision. */
  find(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  list(caller: Caller, args: UsersArgs): Promise<ConnectionShape<User>> {
    const query = this.dataSource.getRepository(User).createQueryBuilder('user');
    const organizationId = visibleOrganization(caller, args.organizationId);
    if (organizationId) query.where('user.organization_id = :organizationId', { organizationId });
    else if (!caller.platformAdmin) query.where('user.id = :self', { self: caller.userId });
    if (args.status) query.andWhere('user.status = :status', { status: args.status });
    if (args.role) query.andWhere(':role = ANY(user.roles)', { role: args.role });
    if (args.search?.trim()) {
      const pattern = containsPattern(args.search);
      query.andWhere("(user.name ILIKE :pattern ESCAPE '\\' OR user.email ILIKE :pattern ESCAPE '\\')", {
        pattern,
      });
    }
    return paginate(query, args, {
      name: 'EMAIL_ASC',
      column: 'user.email',
      direction: 'ASC',
      valueOf: (u) => u.email,
    });
  }

  updateRoles(caller: Caller, userId: string, roles: UserRole[]): Promise<User> {
    return this.work.run(caller, async ({ manager }) => {
      const user = await this.managedUser(manager, caller, userId);
      if (user.roles.includes(UserRole.ORG_ADMIN) && !roles.includes(UserRole.ORG_ADMIN)) {
        await this.assertAnotherAdmin(manager, user);
      }
      const before = { roles: user.roles };
      user.roles = roles;
      const saved = await manager.save(user);
      await this.audit.record(manager, caller, {
        action: 'user.roles.update',
        subjectType: 'User',
        subjectId: userId,
        before,
        after: { roles: saved.roles },
      });
      return saved;
    });
  }

  setStatus(caller: Caller, userId: string, status: UserStatus): Promise<User> {
    return this.work.run(caller, async ({ manager }) => {
      const user = await this.managedUser(manager, caller, userId);
      if (status === UserStatus.DEACTIVATED && user.id === caller.userId) throw new SelfDeactivationError();
      if (status === UserStatus.DEACTIVATED && user.roles.includes(UserRole.ORG_ADMIN)) {
        await this.assertAnotherAdmin(manager, user);
      }
      const before = { status: user.status };
      user.status = status;
      const saved = await manager.save(user);
      await this.audit.record(manager, caller, {
        action: status === UserStatus.ACTIVE ? 'user.reactivate' : 'user.deactivate',
        subjectType: 'User',
        subjectId: userId,
        before,
        after: { status: saved.status },
      });
      return saved;
    });
  }

  /** A user of an organisation the caller manages; anyone else is NOT_FOUND (no existence leak). */
  private async managedUser(manager: EntityManager, caller: Caller, userId: string): Promise<User> {
    const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    const organizationId = caller.platformAdmin ? user?.organizationId : caller.organizationId;
    if (!user || !organizationId || user.organizationId !== organizationId)
      throw new NotFoundError('User', userId);
    managedOrganization(caller, organizationId);
    return user;
  }

  /**
   * Another active admin remains. Admin changes of one organisation queue on one lock, so two
   * admins removing each other at once cannot leave it with none.
   */
  private async assertAnotherAdmin(manager: EntityManager, user: User): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`org-admins:${user.organizationId}`]);
    const others = await manager
      .createQueryBuilder(User, 'user')
      .where('user.organization_id = :organizationId', { organizationId: user.organizationId })
      .andWhere('user.id <> :id', { id: user.id })
      .andWhere('user.status = :active', { active: UserStatus.ACTIVE })
      .andWhere(':admin = ANY(user.roles)', { admin: UserRole.ORG_ADMIN })
      .getCount();
    if (others === 0) throw new LastAdminError();
  }
}
