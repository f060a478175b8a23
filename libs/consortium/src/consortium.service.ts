import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  accessibleBy,
  AuditTrail,
  AuthorizationService,
  authorizedRecord,
  containsPattern,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  paginate,
  type Caller,
  type ConnectionShape,
  UnitOfWork,
} from '@tetrad/core';
import { OrganizationKind, OrganizationService } from '@tetrad/organization';
import type { ConsortiaArgs, FoundConsortiumInput, UpdateConsortiumInput } from './dto/consortium.inputs';
import { ConsortiumStatus, MembershipStatus } from './consortium-enums';
import { Consortium } from './consortium.entity';
import { IncompleteConsortiumError } from './consortium.errors';
import { missingPartyKinds } from './consortium-lifecycle';
import { CONSORTIUM_COLUMNS } from './consortium.rules';
import { Membership } from './membership.entity';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from './time-zone';

@Injectable()
export class ConsortiumService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly organizations: OrganizationService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  /**
   * A consortium the platform itself sets up (seeding; no caller): its members join as ACTIVE with
   * their organisation's kind as party role, audited as the system. Once by name: when a consortium
   * of that name exists, nothing is written and `created` is false.
   */
  async establishAsSystem(
    spec: SystemConsortiumSpec,
  ): Promise<{ consortium: Pick<Consortium, 'id'>; created: boolean }> {
    const members = await Promise.all(spec.memberOrganizationIds.map((id) => this.organizations.get(id)));
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(Consortium, {
        select: { id: true },
        where: { name: spec.name },
      });
      if (existing) return { consortium: existing, created: false };
      const consortium = await manager.save(
        manager.create(Consortium, {
          name: spec.name,
          sector: spec.sector,
          region: spec.region,
          status: spec.status,
          foundedByOrganizationId: members[0]!.id,
          activatedAt: spec.status === ConsortiumStatus.ACTIVE ? new Date() : null,
        }),
      );
      for (const member of members) {
        await manager.save(
          manager.create(Membership, {
            consortiumId: consortium.id,
            organizationId: member.id,
            partyRole: member.kind,
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
      return { consortium, created: true };
    });
  }

  /** Any organisation admin founds a consortium; their organisation is its first active member. */
  async found(caller: Caller, input: FoundConsortiumInput): Promise<Consortium> {
    const ability = await this.authorization.abilityFor(caller);
    if (!ability.can('create', 'Consortium') || !caller.organizationId) {
      throw new ForbiddenError('Only an organisation admin (ORG_ADMIN) can found a consortium.');
    }
    const founder = await this.organizations.get(caller.organizationId);
    return this.work.run(caller, async ({ manager }) => {
      const consortium = await manager.save(
        manager.create(Consortium, { ...input, foundedByOrganizationId: founder.id }),
      );
      const membership = await manager.save(
        manager.create(Membership, {
          consortiumId: consortium.id,
          organizationId: founder.id,
          partyRole: founder.kind,
          status: MembershipStatus.ACTIVE,
          joinedAt: new Date(),
        }),
      );
      await this.audit.record(manager, caller, {
        action: 'consortium.found',
        subjectType: 'Consortium',
        subjectId: consortium.id,
        consortiumId: consortium.id,
        after: { consortium, founderMembership: membership },
      });
      return consortium;
    });
  }

  get(caller: Caller, id: string): Promise<Consortium> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'Consortium',
      entity: Consortium,
      id,
      action: 'read',
    });
  }

  async list(caller: Caller, args: ConsortiaArgs): Promise<ConnectionShape<Consortium>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Consortium', CONSORTIUM_COLUMNS);
    const query = this.dataSource
      .getRepository(Consortium)
      .createQueryBuilder('consortium')
      .where(scope.sql, scope.params);
    const filter = args.filter;
    if (filter?.statuses?.length)
      query.andWhere('consortium.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.sector) query.andWhere('consortium.sector = :sector', { sector: filter.sector });
    if (filter?.region) query.andWhere('consortium.region = :region', { region: filter.region });
    if (filter?.search?.trim()) {
      const pattern = containsPattern(filter.search);
      query.andWhere("consortium.name ILIKE :pattern ESCAPE '\\'", { pattern });
    }
    return paginate(query, args, {
      name: 'NAME_ASC',
      column: 'consortium.name',
      direction: 'ASC',
      valueOf: (c) => c.name,
    });
  }

  /** FORMING → ACTIVE, only with an active member of each of the four party kinds. */
  async activate(caller: Caller, id: string): Promise<Consortium> {
    return this.work.run(caller, async ({ manager }) => {
      const consortium = await authorizedRecord(this.authorization, manager, caller, {
        type: 'Consortium',
        entity: Consortium,
        id,
        action: 'activate',
        lock: true,
      });
      const active = await manager.findBy(Membership, { consortiumId: id, status: MembershipStatus.ACTIVE });
      const missing = missingPartyKinds(active.map((membership) => membership.partyRole));
      if (missing.length > 0) throw new IncompleteConsortiumError(missing);
      const before = { ...consortium };
      consortium.status = ConsortiumStatus.ACTIVE;
      consortium.activatedAt = new Date();
      const saved = await manager.save(consortium);
      await this.audit.record(manager, caller, {
        action: 'consortium.activate',
        subjectType: 'Consortium',
        subjectId: id,
        consortiumId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  /** An ORG_ADMIN of an active member changes its settings; each change is audited. */
  async update(caller: Caller, input: UpdateConsortiumInput): Promise<Consortium> {
    const timeZone = input.timeZone === undefined ? undefined : canonicalTimeZone(input.timeZone);
    if (timeZone === null) {
      throw new InvalidInputError(
        `"${input.timeZone}" is not a time zone: use an IANA name such as Asia/Shanghai.`,
        [{ field: 'input.timeZone', message: 'must be an IANA time zone name, e.g. Asia/Shanghai' }],
      );
    }
    return this.work.run(caller, async ({ manager }) => {
      const consortium = await authorizedRecord(this.authorization, manager, caller, {
        type: 'Consortium',
        entity: Consortium,
        id: input.id,
        action: 'update',
        lock: true,
      });
      const before = { timeZone: consortium.timeZone };
      if (timeZone) consortium.timeZone = timeZone;
      const saved = await manager.save(consortium);
      await this.audit.record(manager, caller, {
        action: 'consortium.update',
        subjectType: 'Consortium',
        subjectId: consortium.id,
        consortiumId: consortium.id,
        before,
        after: { timeZone: saved.timeZone },
      });
      return saved;
    });
  }

  /** The time zone contract periods of a consortium are dates in (no authorization: callers hold the contract). */
  async timeZoneOf(id: string): Promise<string> {
    const row = await this.dataSource
      .getRepository(Consortium)
      .findOne({ where: { id }, select: { timeZone: true } });
    return row?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** An organisation's active memberships with its party role in each (what abilities are built from). */
  async activeMemberships(organizationId: string): Promise<{ consortiumId: string; partyRole: string }[]> {
    const rows = await this.dataSource.getRepository(Membership).find({
      select: { consortiumId: true, partyRole: true },
      where: { organizationId, status: MembershipStatus.ACTIVE },
    });
    return rows.map(({ consortiumId, partyRole }) => ({ consortiumId, partyRole }));
  }

  /** A consortium's id by its (unique) name, unchecked: for the platform's own seeding. */
  async idByName(name: string): Promise<string | null> {
    const consortium = await this.dataSource
      .getRepository(Consortium)
      .findOne({ select: { id: true }, where: { name } });
    return consortium?.id ?? null;
  }

  /** Every consortium, for the programme office's figures. */
  async count(): Promise<number> {
    return this.dataSource.getRepository(Consortium).count();
  }

  /** The active member organisation of one party kind (the earliest, if several), or null. */
  async activeMemberOfKind(consortiumId: string, partyRole: OrganizationKind): Promise<string | null> {
    const row = await this.dataSource.getRepository(Membership).findOne({
      select: { organizationId: true },
      where: { consortiumId, partyRole, status: MembershipStatus.ACTIVE },
      order: { createdAt: 'ASC', organizationId: 'ASC' },
    });
    return row?.organizationId ?? null;
  }

  /** The organisations holding an ACTIVE membership of a consortium, sorted. */
  async activeMemberOrganizationIds(consortiumId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(Membership).find({
      select: { organizationId: true },
      where: { consortiumId, status: MembershipStatus.ACTIVE },
    });
    return rows.map((row) => row.organizationId).sort();
  }

  async lockedConsortium(manager: EntityManager, id: string): Promise<Consortium> {
    const consortium = await manager.findOne(Consortium, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!consortium) throw new NotFoundError('Consortium', id);
    return consortium;
  }
}

/** What the platform sets up itself: the founder is the first member. */
export interface SystemConsortiumSpec {
  name: string;
  sector: Consortium['sector'];
  region: string;
  status: ConsortiumStatus;
  memberOrganizationIds: string[];
}
