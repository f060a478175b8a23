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
  DateTimeScalar,
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

  /**
   * A person's e-mail, account status and last sign-in are for their own organisation (and the
   * programme office): a ticket's raiser or a comment's author reached from another organisation
   * shows a name and roles, as a contract's people do.
   */
  private seesAccountOf(caller: Caller, user: User): boolean {
    return (
      caller.platformAdmin ||
      user.id === caller.userId ||
      (user.organizationId !== null && user.organizationId === caller.organizationId)
    );
  }

  @Authorized({ by: 'caller', check: 'organizationMember' })
  @ResolveField(() => String, {
    nullable: true,
    description: 'Verified e-mail, lower case. Null for people outside your organisation.',
  })
  email(@CurrentCaller() caller: Caller, @Parent() user: User): string | null {
    return this.seesAccountOf(caller, user) ? user.email : null;
  }

  @Authorized({ by: 'caller', check: 'organizationMember' })
  @ResolveField(() => UserStatus, {
    nullable: true,
    description: 'Null for people outside your organisation.',
  })
  status(@CurrentCaller() caller: Caller, @Parent() user: User): UserStatus | null {
    return this.seesAccountOf(caller, user) ? user.status : null;
  }

  @Authorized({ by: 'caller', check: 'organizationMember' })
  @ResolveField(() => DateTimeScalar, {
    nullable: true,
    description: 'Null when never signed in, and for people outside your organisation.',
  })
  lastSignInAt(@CurrentCaller() caller: Caller, @Parent() user: User): Date | null {
    return this.seesAccountOf(caller, user) ? user.lastSignInAt : null;
  }

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
