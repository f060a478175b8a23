import {
  Args,
  Context,
  Field,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  Authorized,
  Connection,
  connectionCost,
  CurrentCaller,
  PageArgs,
  UUIDScalar,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { Organization, ORGANIZATION_BY_ID } from '@tetrad/organization';
import { ApiToken } from './api-token.entity';
import { ApiTokenService } from './api-token.service';
import {
  CreateApiTokenInput,
  InvitationsArgs,
  InviteUserInput,
  UpdateUserRolesInput,
  UsersArgs,
} from './dto/identity.inputs';
import { Invitation } from './invitation.entity';
import { InvitationService } from './invitation.service';
import { SessionService } from './session.service';
import { User, UserStatus } from './user.entity';
import { UserService } from './user.service';

@ObjectType()
export class UserConnection extends Connection(User) {}

@ObjectType()
export class InvitationConnection extends Connection(Invitation) {}

@ObjectType()
export class ApiTokenConnection extends Connection(ApiToken) {}

@ObjectType({ description: 'A new API token: `token` is shown this once and never again.' })
export class CreatedApiToken {
  @Field({
    description: 'Send it as "Authorization: Bearer <token>". Store it now: it cannot be shown again.',
  })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly sessions: SessionService,
  ) {}

  @Authorized({ by: 'self' })
  @Query(() => User, { description: 'The signed-in person, with their organisation and roles.' })
  me(@CurrentCaller() caller: Caller): Promise<User> {
    return this.userService.me(caller);
  }

  @Authorized({ by: 'caller', check: 'organizationMember' })
  @Query(() => UserConnection, {
    description: "People of the caller's organisation.",
    complexity: connectionCost,
  })
  users(@CurrentCaller() caller: Caller, @Args() args: UsersArgs): Promise<UserConnection> {
    return this.userService.list(caller, args);
  }

  @Authorized({ by: 'caller', check: 'organizationAdmin' })
  @Mutation(() => User, { description: 'ORG_ADMIN: replace the roles of a person of your organisation.' })
  updateUserRoles(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateUserRolesInput,
  ): Promise<User> {
    return this.userService.updateRoles(caller, input.userId, input.roles);
  }

  @Authorized({ by: 'caller', check: 'organizationAdmin' })
  @Mutation(() => User, {
    description: 'ORG_ADMIN: deactivate a person; their sessions and tokens stop working.',
  })
  deactivateUser(
    @CurrentCaller() caller: Caller,
    @Args('userId', { type: () => UUIDScalar }) userId: string,
  ) {
    return this.userService.setStatus(caller, userId, UserStatus.DEACTIVATED);
  }

  @Authorized({ by: 'caller', check: 'organizationAdmin' })
  @Mutation(() => User, { description: 'ORG_ADMIN: reactivate a deactivated person.' })
  reactivateUser(
    @CurrentCaller() caller: Caller,
    @Args('userId', { type: () => UUIDScalar }) userId: string,
  ) {
    return this.userService.setStatus(caller, userId, UserStatus.ACTIVE);
  }

  @Authorized({ by: 'self' })
  @Mutation(() => Number, { description: 'Signs out every session of the caller; answers how many ended.' })
  revokeMySessions(@CurrentCaller() caller: Caller): Promise<number> {
    return this.sessions.revokeAllOf(caller);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Organization, { nullable: true })
  organization(
    @Parent() user: User,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Organization | null> {
    return user.organizationId
      ? loaders.get(ORGANIZATION_BY_ID).load(user.organizationId)
      : Promise.resolve(null);
  }
}

@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(private readonly invitationService: InvitationService) {}

  @Authorized({ by: 'caller', check: 'organizationAdmin' })
  @Mutation(() => Invitation, { description: 'ORG_ADMIN (or platform admin): invite an email with roles.' })
  inviteUser(@CurrentCaller() caller: Caller, @Args('input') input: InviteUserInput): Promise<Invitation> {
    return this.invitationService.invite(caller, input);
  }

  @Authorized({ by: 'caller', check: 'organizationAdmin' })
  @Query(() => InvitationConnection, { complexity: connectionCost })
  invitations(@CurrentCaller() caller: Caller, @Args() args: InvitationsArgs): Promise<InvitationConnection> {
    return this.invitationService.list(caller, args);
  }

  @Authorized({ by: 'caller', check: 'organizationAdmin' })
  @Mutation(() => Invitation)
  revokeInvitation(@CurrentCaller() caller: Caller, @Args('id', { type: () => UUIDScalar }) id: string) {
    return this.invitationService.revoke(caller, id);
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  constructor(private readonly apiTokenService: ApiTokenService) {}

  @Authorized({ by: 'self' })
  @Mutation(() => CreatedApiToken, {
    description: 'A personal API token for scripts, with your current rights.',
  })
  createApiToken(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateApiTokenInput,
  ): Promise<CreatedApiToken> {
    return this.apiTokenService.create(caller, input.name, input.expiresInDays);
  }

  @Authorized({ by: 'self' })
  @Query(() => ApiTokenConnection, {
    description: 'Your API tokens, newest first.',
    complexity: connectionCost,
  })
  apiTokens(@CurrentCaller() caller: Caller, @Args() page: PageArgs): Promise<ApiTokenConnection> {
    return this.apiTokenService.list(caller, page);
  }

  @Authorized({ by: 'self' })
  @Mutation(() => ApiToken, { description: 'Revokes one of your API tokens; it stops working at once.' })
  revokeApiToken(@CurrentCaller() caller: Caller, @Args('id', { type: () => UUIDScalar }) id: string) {
    return this.apiTokenService.revoke(caller, id);
  }
}
