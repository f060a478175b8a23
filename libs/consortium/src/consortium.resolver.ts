import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Authorized,
  Connection,
  connectionCost,
  CurrentCaller,
  UUIDScalar,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { Organization, ORGANIZATION_BY_ID } from '@tetrad/organization';
import {
  ConsortiaArgs,
  FoundConsortiumInput,
  InviteOrganizationInput,
  MembershipsArgs,
  UpdateConsortiumInput,
} from './dto/consortium.inputs';
import { Consortium } from './consortium.entity';
import { CONSORTIUM_NAME_BY_ID } from './consortium.loaders';
import { ConsortiumService } from './consortium.service';
import { Membership } from './membership.entity';
import { MembershipService } from './membership.service';

@ObjectType()
export class ConsortiumConnection extends Connection(Consortium) {}

@ObjectType()
export class MembershipConnection extends Connection(Membership) {}

@Resolver(() => Consortium)
export class ConsortiumResolver {
  constructor(
    private readonly consortiumService: ConsortiumService,
    private readonly membershipService: MembershipService,
  ) {}

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'read' })
  @Query(() => Consortium, { description: 'A consortium your organisation is an active member of.' })
  consortium(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Consortium> {
    return this.consortiumService.get(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'read' })
  @Query(() => ConsortiumConnection, {
    description: 'Consortia you can see, filtered.',
    complexity: connectionCost,
  })
  consortia(@CurrentCaller() caller: Caller, @Args() args: ConsortiaArgs): Promise<ConsortiumConnection> {
    return this.consortiumService.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'create' })
  @Mutation(() => Consortium, {
    description: 'ORG_ADMIN: found a consortium; your organisation joins it as its first member.',
  })
  foundConsortium(
    @CurrentCaller() caller: Caller,
    @Args('input') input: FoundConsortiumInput,
  ): Promise<Consortium> {
    return this.consortiumService.found(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'activate' })
  @Mutation(() => Consortium, {
    description: 'ORG_ADMIN of a member: FORMING → ACTIVE once all four party kinds are active members.',
  })
  activateConsortium(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Consortium> {
    return this.consortiumService.activate(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'update' })
  @Mutation(() => Consortium, {
    description: "ORG_ADMIN of a member: change the consortium's settings (its time zone).",
  })
  updateConsortium(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateConsortiumInput,
  ): Promise<Consortium> {
    return this.consortiumService.update(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'Consortium', action: 'invite' })
  @Mutation(() => Membership, { description: 'ORG_ADMIN of a member: invite another organisation.' })
  inviteOrganization(
    @CurrentCaller() caller: Caller,
    @Args('input') input: InviteOrganizationInput,
  ): Promise<Membership> {
    return this.membershipService.invite(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'Membership', action: 'accept' })
  @Mutation(() => Membership, {
    description: 'ORG_ADMIN of the invited organisation: accept the invitation.',
  })
  acceptMembership(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Membership> {
    return this.membershipService.accept(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Membership', action: 'decline' })
  @Mutation(() => Membership, {
    description: 'ORG_ADMIN of the invited organisation: decline the invitation.',
  })
  declineMembership(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Membership> {
    return this.membershipService.decline(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Membership', action: 'withdraw' })
  @Mutation(() => Membership, {
    description: 'ORG_ADMIN of a member: withdraw your organisation from the consortium.',
  })
  withdrawMembership(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Membership> {
    return this.membershipService.withdraw(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Membership', action: 'read' })
  @Query(() => MembershipConnection, {
    description:
      "A consortium's memberships, or (without consortiumId) your organisation's, invitations included.",
    complexity: connectionCost,
  })
  memberships(@CurrentCaller() caller: Caller, @Args() args: MembershipsArgs): Promise<MembershipConnection> {
    return this.membershipService.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Membership', action: 'read' })
  @ResolveField(() => MembershipConnection, { complexity: connectionCost })
  members(@CurrentCaller() caller: Caller, @Parent() consortium: Consortium, @Args() args: MembershipsArgs) {
    return this.membershipService.list(caller, { ...args, consortiumId: consortium.id });
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @Authorized({ by: 'parent' })
  @ResolveField(() => Organization)
  async organization(
    @Parent() membership: Membership,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Organization> {
    const organization = await loaders.get(ORGANIZATION_BY_ID).load(membership.organizationId);
    if (!organization) throw new Error(`Organization ${membership.organizationId} vanished`);
    return organization;
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => String, {
    description: "The consortium's name (visible to invited organisations too).",
  })
  async consortiumName(
    @Parent() membership: Membership,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<string> {
    return (await loaders.get(CONSORTIUM_NAME_BY_ID).load(membership.consortiumId)) ?? '';
  }
}
