import { Args, Context, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  Authorized,
  AuthorizationService,
  Connection,
  connectionCost,
  CurrentCaller,
  ForbiddenError,
  NotFoundError,
  UUIDScalar,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationsArgs } from './dto/organizations.args';
import { Organization } from './organization.entity';
import { ORGANIZATION_BY_ID } from './organization.loaders';
import { OrganizationService } from './organization.service';

@ObjectType()
export class OrganizationConnection extends Connection(Organization) {}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly service: OrganizationService,
    private readonly authorization: AuthorizationService,
  ) {}

  @Authorized({ by: 'ability', subject: 'Organization', action: 'read' })
  @Query(() => Organization, { description: 'One organisation by id.' })
  async organization(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Organization> {
    await this.assertDirectoryAccess(caller);
    const organization = await loaders.get(ORGANIZATION_BY_ID).load(id);
    if (!organization) throw new NotFoundError('Organization', id);
    return organization;
  }

  @Authorized({ by: 'ability', subject: 'Organization', action: 'read' })
  @Query(() => OrganizationConnection, {
    description: 'Organisations, filtered and sorted, a page at a time.',
    complexity: connectionCost,
  })
  async organizations(
    @CurrentCaller() caller: Caller,
    @Args() args: OrganizationsArgs,
  ): Promise<OrganizationConnection> {
    await this.assertDirectoryAccess(caller);
    return this.service.list(args);
  }

  private async assertDirectoryAccess(caller: Caller): Promise<void> {
    const ability = await this.authorization.abilityFor(caller);
    if (!ability.can('read', 'Organization'))
      throw new ForbiddenError('You may not read the organisation directory.');
  }

  @Authorized({ by: 'caller', check: 'platformAdmin' })
  @Mutation(() => Organization, {
    description:
      'Platform administrators: registers an organisation (then invite its first admin with inviteUser).',
  })
  createOrganization(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<Organization> {
    if (!caller.platformAdmin)
      throw new ForbiddenError('Only platform administrators can register organisations.');
    return this.service.create(input, caller);
  }
}
