import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorized, connectionCost, CurrentCaller, ForbiddenError, type Caller } from '@tetrad/core';
import { User } from '@tetrad/identity';
import { ConsortiaArgs } from './dto/consortium.inputs';
import { ConsortiumConnection } from './consortium.resolver';
import { ConsortiumService } from './consortium.service';

/** `me { consortia }`: the consortia the person's organisation is an active member of. */
@Resolver(() => User)
export class UserConsortiaResolver {
  constructor(private readonly consortiumService: ConsortiumService) {}

  @Authorized({ by: 'self' })
  @ResolveField(() => ConsortiumConnection, { complexity: connectionCost })
  async consortia(@CurrentCaller() caller: Caller, @Parent() user: User, @Args() args: ConsortiaArgs) {
    if (user.id !== caller.userId)
      throw new ForbiddenError('Only your own consortia are listed; use consortia(...) for others.');
    return this.consortiumService.list(caller, args);
  }
}
