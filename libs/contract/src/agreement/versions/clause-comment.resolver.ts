import { Args, Context, Int, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Authorized,
  Connection,
  connectionCost,
  CurrentCaller,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { ContractClauseComment } from './clause-comment.entity';
import {
  COMMENT_REPLIES,
  CONTRACT_LATEST_CLAUSES,
  CONTRACT_OPEN_COMMENTS,
  VERSION_THREADS,
} from './clause-comment.loaders';
import { ClauseCommentService, isParty, versionKey } from './clause-comment.service';
import { clauseSinceComment } from './clause-comments';
import { ContractVersion, DataSharingContract } from '../contract.entity';
import {
  CONTRACT_PARTIES,
  ContractPeopleService,
  withParties,
  type WithContractParties,
} from '../contract-people.service';
import { ClauseCommentArgs, ClauseCommentsArgs, CommentOnClauseInput } from './dto/clause-comment.inputs';
import { ClauseSinceComment } from './dto/clause-comment.types';
import { ContractPersonType } from '../dto/contract.types';

@ObjectType()
export class ClauseCommentConnection extends Connection(ContractClauseComment, 'ClauseComment') {}

@Resolver(() => ContractClauseComment)
export class ClauseCommentResolver {
  constructor(
    private readonly comments: ClauseCommentService,
    private readonly people: ContractPeopleService,
  ) {}

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'comment' })
  @Mutation(() => ContractClauseComment, {
    description:
      "A party's LEGAL user comments on a clause of a version (or on the version as a whole), or replies to a thread, while the contract is negotiated or agreed but not yet signed by every party.",
  })
  commentOnClause(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CommentOnClauseInput,
  ): Promise<ContractClauseComment> {
    return this.comments.comment(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'comment' })
  @Mutation(() => ContractClauseComment, {
    description: 'Resolve the thread of a comment; answers its root.',
  })
  resolveClauseComment(
    @CurrentCaller() caller: Caller,
    @Args() args: ClauseCommentArgs,
  ): Promise<ContractClauseComment> {
    return this.comments.resolve(caller, args.id);
  }

  @Authorized({ by: 'ability', subject: 'DataSharingContract', action: 'comment' })
  @Mutation(() => ContractClauseComment, { description: 'Reopen a resolved thread; answers its root.' })
  reopenClauseComment(
    @CurrentCaller() caller: Caller,
    @Args() args: ClauseCommentArgs,
  ): Promise<ContractClauseComment> {
    return this.comments.reopen(caller, args.id);
  }

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => ContractPersonType, { nullable: true, description: 'Who wrote it.' })
  author(
    @CurrentCaller() caller: Caller,
    @Parent() comment: ContractClauseComment,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractPersonType | null> {
    return this.people.person(caller, comment, comment.authorUserId, loaders);
  }

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => ContractPersonType, { nullable: true, description: 'Who resolved its thread.' })
  resolvedBy(
    @CurrentCaller() caller: Caller,
    @Parent() comment: ContractClauseComment,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractPersonType | null> {
    return this.people.person(caller, comment, comment.resolvedByUserId, loaders);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Boolean, { description: 'Whether its thread is resolved.' })
  resolved(@Parent() comment: ContractClauseComment): boolean {
    return comment.resolvedAt !== null;
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => [ContractClauseComment], { description: 'The replies of a thread, oldest first.' })
  async replies(
    @Parent() comment: WithContractParties<ContractClauseComment>,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractClauseComment[]> {
    const parties = comment[CONTRACT_PARTIES];
    if (comment.replyToId || !parties) return [];
    return withParties(await loaders.get(COMMENT_REPLIES).load(comment.id), parties);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => ClauseSinceComment, {
    nullable: true,
    description:
      'How the clause reads in the latest version: UNCHANGED, CHANGED since the version the comment was made on, or REMOVED. Null for a comment on the version as a whole.',
  })
  async clauseSince(
    @Parent() comment: ContractClauseComment,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ClauseSinceComment | null> {
    if (!comment.clauseKey) return null;
    return clauseSinceComment(comment, await loaders.get(CONTRACT_LATEST_CLAUSES).load(comment.contractId));
  }
}

@Resolver(() => DataSharingContract)
export class ClauseCommentContractResolver {
  constructor(private readonly comments: ClauseCommentService) {}

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => ClauseCommentConnection, {
    description:
      "Threads of comments on any version, oldest first; shown to the contract's parties only (empty for anyone else).",
    complexity: connectionCost,
  })
  clauseComments(
    @CurrentCaller() caller: Caller,
    @Parent() contract: DataSharingContract,
    @Args() args: ClauseCommentsArgs,
  ): Promise<ClauseCommentConnection> {
    return this.comments.threads(caller, contract, args);
  }

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => Int, {
    nullable: true,
    description:
      "How many comment threads are open; shown to the contract's parties only (null for anyone else).",
  })
  openCommentCount(
    @CurrentCaller() caller: Caller,
    @Parent() contract: DataSharingContract,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<number> | null {
    return isParty(caller, contract) ? loaders.get(CONTRACT_OPEN_COMMENTS).load(contract.id) : null;
  }
}

@Resolver(() => ContractVersion)
export class ClauseCommentVersionResolver {
  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => [ContractClauseComment], {
    description:
      "Threads made on this version, oldest first; shown to the contract's parties only (empty for anyone else).",
  })
  async comments(
    @CurrentCaller() caller: Caller,
    @Parent() version: WithContractParties<ContractVersion>,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ContractClauseComment[]> {
    const parties = version[CONTRACT_PARTIES];
    if (!parties || !isParty(caller, { partyOrganizationIds: parties })) return [];
    const threads = await loaders.get(VERSION_THREADS).load(versionKey(version.contractId, version.number));
    return withParties(threads, parties);
  }
}
