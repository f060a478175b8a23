import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorized, type RequestLoaders } from '@tetrad/core';
import { User, USER_BY_ID } from '@tetrad/identity';
import { TicketComment } from './ticket.entity';

@Resolver(() => TicketComment)
export class TicketCommentResolver {
  @Authorized({ by: 'parent' })
  @ResolveField(() => User, { nullable: true, description: 'The person who wrote it.' })
  author(
    @Parent() comment: TicketComment,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<User | null> {
    return loaders.get(USER_BY_ID).load(comment.authorUserId);
  }
}
