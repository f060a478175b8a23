import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import {
  AuditTrail,
  isUniqueViolation,
  NotFoundError,
  paginate,
  type Caller,
  type ConnectionShape,
  type KeysetSort,
  containsPattern,
} from '@tetrad/core';
import type { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationOrder, type OrganizationFilter, type OrganizationsArgs } from './dto/organizations.args';
import { Organization, ORGANIZATION_USCC_UNIQUE } from './organization.entity';
import { OrganizationCodeTakenError } from './organization.errors';
import { normalizeUscc } from './unified-social-credit-code';

const SORTS: Record<OrganizationOrder, KeysetSort<Organization>> = {
  [OrganizationOrder.NAME_ASC]: sortBy('NAME_ASC', 'organization.name', 'ASC', (o) => o.name),
  [OrganizationOrder.NAME_DESC]: sortBy('NAME_DESC', 'organization.name', 'DESC', (o) => o.name),
  [OrganizationOrder.CREATED_AT_ASC]: sortBy('CREATED_AT_ASC', 'organization.created_at', 'ASC', (o) =>
    o.createdAt.toISOString(),
  ),
  [OrganizationOrder.CREATED_AT_DESC]: sortBy('CREATED_AT_DESC', 'organization.created_at', 'DESC', (o) =>
    o.createdAt.toISOString(),
  ),
};

@Injectable()
export class OrganizationService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  find(id: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw new NotFoundError('Organization', id);
    return organization;
  }

  findByCode(unifiedSocialCreditCode: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ unifiedSocialCreditCode: normalizeUscc(unifiedSocialCreditCode) });
  }

  /** For DataLoaders: one statement for any number of ids. */
  findByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.organizations.findBy({ id: In([...ids]) });
  }

  list(args: OrganizationsArgs): Promise<ConnectionShape<Organization>> {
    const query = this.organizations.createQueryBuilder('organization');
    applyFilter(query, args.filter);
    return paginate(query, args, SORTS[args.orderBy]);
  }

  /** Registers an organisation; `actor` is null when the platform itself registers it (seeding). */
  async create(input: CreateOrganizationInput, actor: Caller | null = null): Promise<Organization> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organization = await manager.save(manager.create(Organization, { ...input }));
        await this.audit.record(manager, actor, {
          action: 'organization.create',
          subjectType: 'Organization',
          subjectId: organization.id,
          after: organization,
        });
        return organization;
      });
    } catch (error) {
      if (isUniqueViolation(error, ORGANIZATION_USCC_UNIQUE)) {
        throw new OrganizationCodeTakenError(input.unifiedSocialCreditCode);
      }
      throw error;
    }
  }
}

function applyFilter(query: SelectQueryBuilder<Organization>, filter: OrganizationFilter | undefined): void {
  if (!filter) return;
  if (filter.kinds?.length) query.andWhere('organization.kind IN (:...kinds)', { kinds: filter.kinds });
  if (filter.region) query.andWhere('organization.region = :region', { region: filter.region });
  if (filter.stateOwned !== undefined && filter.stateOwned !== null) {
    query.andWhere('organization.state_owned = :stateOwned', { stateOwned: filter.stateOwned });
  }
  const search = filter.search?.trim();
  if (search) {
    query.andWhere(
      "(organization.name ILIKE :pattern ESCAPE '\\' OR organization.unified_social_credit_code = :code)",
      { pattern: containsPattern(search), code: normalizeUscc(search) },
    );
  }
}

function sortBy(
  name: string,
  column: string,
  direction: 'ASC' | 'DESC',
  valueOf: (organization: Organization) => string,
): KeysetSort<Organization> {
  return { name, column, direction, valueOf };
}
