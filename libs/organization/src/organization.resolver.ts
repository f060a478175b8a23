import { Args, Context, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
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

// Any signed-in caller may read organisations until consortium authorization (issue 4) scopes them.
@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationService) {}

  @Query(() => Organization, { description: 'One organisation by id.' })
  async organization(
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Organization> {
    const organization = await loaders.get(ORGANIZATION_BY_ID).load(id);
    if (!organization) throw new NotFoundError('Organization', id);
    return organization;
  }

  @Query(() => OrganizationConnection, {
    description: 'Organisations, filtered and sorted, a page at a time.',
    complexity: connectionCost,
  })
  organizations(@Args() args: OrganizationsArgs): Promise<OrganizationConnection> {
    return this.service.list(args);
  }

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
