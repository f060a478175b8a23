import {
  Args,
  Context,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import type { PubSub } from 'mercurius';
import {
  Authorized,
  AuthorizationService,
  AuditEntryConnection,
  Connection,
  connectionCost,
  CurrentCaller,
  EventBus,
  isConnectionFailure,
  LoaderRegistry,
  readAgainOnLostConnection,
  type FeedMessage,
  PageArgs,
  UUIDScalar,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { ConsortiumService } from '@tetrad/consortium';
import { User, USER_BY_ID } from '@tetrad/identity';
import { Organization, ORGANIZATION_BY_ID } from '@tetrad/organization';
import { Scenario, SCENARIO_BY_ID } from '@tetrad/scenario';
import {
  AssignTicketInput,
  CommentInput,
  EXPECTED_VERSION_DESCRIPTION,
  RaiseTicketInput,
  TicketFilter,
  TicketsArgs,
  TriageTicketInput,
} from './dto/ticket.inputs';
import { TicketLiveEvent, TicketLiveEventKind } from './dto/ticket-live-event.type';
import { isOverdue } from './service-levels';
import { TicketStatus } from './ticket-enums';
import { allowedTransitions, mayMove } from './ticket-transitions';
import { TICKET_CHANGED, TICKET_COMMENTED, type TicketEvent } from './ticket-events';
import { TicketCollaborationService } from './ticket-collaboration.service';
import { TicketLink, TicketLinkKind } from './ticket-link.entity';
import { TICKET_COMMENT_COUNT } from './ticket.loaders';
import { Ticket, TicketComment } from './ticket.entity';
import { TicketCommentService } from './ticket-comment.service';
import { TicketQueryService, TicketStatusCount } from './ticket-query.service';
import { TicketService } from './ticket.service';

@ObjectType('PainPointTicketConnection')
export class TicketConnection extends Connection(Ticket, 'PainPointTicket') {}

/** Both subscriptions deliver an event only to callers who may read its ticket now. */
function followFilter(
  this: TicketResolver,
  event: TicketEvent,
  variables: { consortiumId?: string },
  context: { caller?: Caller | null },
): Promise<boolean> {
  return this.mayFollow(event, variables, context.caller);
}

@ObjectType()
export class TicketCommentConnection extends Connection(TicketComment) {}

@Resolver(() => Ticket)
export class TicketResolver {
  constructor(
    private readonly ticketService: TicketService,
    private readonly queries: TicketQueryService,
    private readonly comments: TicketCommentService,
    private readonly collaboration: TicketCollaborationService,
    private readonly authorization: AuthorizationService,
    private readonly loaderRegistry: LoaderRegistry,
    private readonly events: EventBus,
    private readonly consortia: ConsortiumService,
  ) {}

  /**
   * A subscription's context lives as long as its connection; each event gets fresh loaders so
   * that its fields are read now, not from what an earlier event cached.
   */
  private freshLoaders(context: { loaders?: RequestLoaders }): void {
    context.loaders = this.loaderRegistry.forRequest();
  }

  @Authorized({ by: 'filter', subject: 'Ticket' })
  @Subscription(() => Ticket, {
    description: 'Tickets raised or changed in your consortia (or in one), live.',
    filter: followFilter,
    resolve(
      this: TicketResolver,
      event: TicketEvent,
      _args: unknown,
      context: { caller: Caller; loaders?: RequestLoaders },
    ) {
      this.freshLoaders(context);
      return readAgainOnLostConnection(() => this.ticketService.get(context.caller, event.ticketId));
    },
  })
  async ticketChanged(
    @CurrentCaller() caller: Caller,
    @Context('pubsub') pubsub: PubSub,
    @Args('consortiumId', { type: () => UUIDScalar, nullable: true }) consortiumId?: string,
  ) {
    await this.assertFollowable(caller, consortiumId);
    return pubsub.subscribe(TICKET_CHANGED);
  }

  @Authorized({ by: 'filter', subject: 'Ticket' })
  @Subscription(() => TicketComment, {
    description: 'Comments added, edited or deleted on tickets of your consortia, live.',
    filter: followFilter,
    resolve(
      this: TicketResolver,
      event: TicketEvent,
      _args: unknown,
      context: { caller: Caller; loaders?: RequestLoaders },
    ) {
      this.freshLoaders(context);
      return readAgainOnLostConnection(() => this.comments.get(context.caller, event.commentId!));
    },
  })
  async ticketCommented(
    @CurrentCaller() caller: Caller,
    @Context('pubsub') pubsub: PubSub,
    @Args('consortiumId', { type: () => UUIDScalar, nullable: true }) consortiumId?: string,
  ) {
    await this.assertFollowable(caller, consortiumId);
    return pubsub.subscribe(TICKET_COMMENTED);
  }

  @Authorized({ by: 'filter', subject: 'Ticket' })
  @Subscription(() => TicketLiveEvent, {
    description:
      'Ticket changes and comments of your consortia (or of one), live, in commit order. After a disconnect, subscribe ' +
      'again with `after` set to the last `cursor` you saw: the events you missed come first, or a RESYNC event ' +
      'when they are no longer kept (events are kept for a day).',
    filter(
      this: TicketResolver,
      message: FeedMessage,
      variables: { consortiumId?: string },
      context: { caller?: Caller | null },
    ) {
      if (message.resync) return Promise.resolve(true);
      return this.mayFollow(message.payload as unknown as TicketEvent, variables, context.caller).catch(
        (error: unknown) => {
          if (!isConnectionFailure(error)) throw error;
          // Whether the caller may see it cannot be read now: they get a resync, which says nothing.
          (message as { resync: boolean }).resync = true;
          return true;
        },
      );
    },
    async resolve(
      this: TicketResolver,
      message: FeedMessage,
      _args: unknown,
      context: { caller: Caller; loaders?: RequestLoaders },
    ): Promise<TicketLiveEvent> {
      const resync = { cursor: null, kind: TicketLiveEventKind.RESYNC };
      if (message.resync) return resync;
      this.freshLoaders(context);
      const event = message.payload as unknown as TicketEvent & { eventId: string };
      try {
        if (message.topic === TICKET_COMMENTED) {
          const comment = await readAgainOnLostConnection(() =>
            this.comments.get(context.caller, event.commentId!),
          );
          return { cursor: event.eventId, kind: TicketLiveEventKind.COMMENTED, comment };
        }
        const ticket = await readAgainOnLostConnection(() =>
          this.ticketService.get(context.caller, event.ticketId),
        );
        return { cursor: event.eventId, kind: TicketLiveEventKind.CHANGED, ticket };
      } catch (error) {
        // The event could not be read now: the subscriber reloads rather than miss it.
        if (isConnectionFailure(error)) return resync;
        throw error;
      }
    },
  })
  async ticketEvents(
    @CurrentCaller() caller: Caller,
    @Args('consortiumId', { type: () => UUIDScalar, nullable: true }) consortiumId?: string,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    await this.assertFollowable(caller, consortiumId);
    // A cursor that is not one of this database's events (or not a cursor at all) gets RESYNC.
    return this.events.follow([TICKET_CHANGED, TICKET_COMMENTED], after ?? undefined);
  }

  /**
   * A consortium the caller cannot see answers NOT_FOUND when subscribing, as it does over HTTP,
   * instead of a subscription that silently never delivers.
   */
  private async assertFollowable(caller: Caller, consortiumId: string | undefined): Promise<void> {
    if (consortiumId) await this.consortia.get(caller, consortiumId);
  }

  /** Delivered only to callers who may read it now: memberships are re-read for every event. */
  async mayFollow(
    event: TicketEvent,
    variables: { consortiumId?: string },
    caller?: Caller | null,
  ): Promise<boolean> {
    if (!caller || (variables.consortiumId && variables.consortiumId !== event.consortiumId)) return false;
    const ability = await readAgainOnLostConnection(() => this.authorization.abilityFor({ ...caller }));
    return ability.can('read', {
      __caslSubjectType__: 'Ticket',
      id: event.ticketId,
      consortiumId: event.consortiumId,
      raisedByOrganizationId: event.raisedByOrganizationId ?? '',
    });
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @Query(() => Ticket)
  ticket(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Ticket> {
    return this.ticketService.get(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @Query(() => TicketConnection, {
    description: 'Tickets of your consortia, filtered and sorted.',
    complexity: connectionCost,
  })
  tickets(@CurrentCaller() caller: Caller, @Args() args: TicketsArgs): Promise<TicketConnection> {
    return this.queries.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @Query(() => [TicketStatusCount], {
    description: 'Counts per status for a board (the status filter is ignored).',
  })
  ticketCounts(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => TicketFilter, nullable: true }) filter?: TicketFilter,
  ): Promise<TicketStatusCount[]> {
    return this.queries.countsByStatus(caller, filter);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'create' })
  @Mutation(() => Ticket, {
    description: 'Any active member raises a pain point in a scenario of its consortium.',
  })
  raiseTicket(@CurrentCaller() caller: Caller, @Args('input') input: RaiseTicketInput): Promise<Ticket> {
    return this.ticketService.raise(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'triage' })
  @Mutation(() => Ticket)
  triageTicket(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('input') input: TriageTicketInput,
  ): Promise<Ticket> {
    return this.ticketService.triage(caller, id, input);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'assign' })
  @Mutation(() => Ticket)
  assignTicket(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('input') input: AssignTicketInput,
  ): Promise<Ticket> {
    return this.ticketService.assign(caller, id, input);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'transition' })
  @Mutation(() => Ticket, {
    description: 'Moves a ticket; a refused move answers with the current and allowed states.',
  })
  transitionTicket(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
    // Typed as string for the validation pipe (an enum object is not a class); GraphQL checked the value.
    @Args('to', { type: () => TicketStatus }) to: string,
    @Args('expectedVersion', { type: () => Int, nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
    expectedVersion?: number,
  ): Promise<Ticket> {
    return this.ticketService.transition(caller, id, to as TicketStatus, expectedVersion ?? undefined);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'comment' })
  @Mutation(() => TicketComment)
  commentOnTicket(
    @CurrentCaller() caller: Caller,
    @Args('ticketId', { type: () => UUIDScalar }) ticketId: string,
    @Args('input') input: CommentInput,
  ): Promise<TicketComment> {
    return this.comments.add(caller, ticketId, input.body);
  }

  @Authorized({ by: 'ability', subject: 'TicketComment', action: 'update' })
  @Mutation(() => TicketComment, { description: 'Edit your own comment; the earlier text is kept.' })
  editTicketComment(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('input') input: CommentInput,
  ): Promise<TicketComment> {
    return this.comments.edit(caller, id, input.body);
  }

  @Authorized({ by: 'ability', subject: 'TicketComment', action: 'delete' })
  @Mutation(() => TicketComment, { description: 'Delete your own comment; the earlier text is kept.' })
  deleteTicketComment(@CurrentCaller() caller: Caller, @Args('id', { type: () => UUIDScalar }) id: string) {
    return this.comments.remove(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @Mutation(() => Boolean, { description: 'Follow (true) or stop following (false) a ticket.' })
  watchTicket(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('watching') watching: boolean,
  ): Promise<boolean> {
    return this.collaboration.watch(caller, id, watching);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'comment' })
  @Mutation(() => TicketLink, {
    description: 'Links two tickets of one consortium (blocks / relates to / duplicates).',
  })
  linkTickets(
    @CurrentCaller() caller: Caller,
    @Args('fromTicketId', { type: () => UUIDScalar }) fromTicketId: string,
    @Args('toTicketId', { type: () => UUIDScalar }) toTicketId: string,
    // Typed as string for the validation pipe; GraphQL checked the enum value.
    @Args('kind', { type: () => TicketLinkKind }) kind: string,
  ): Promise<TicketLink> {
    return this.collaboration.link(caller, fromTicketId, toTicketId, kind as TicketLinkKind);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @ResolveField(() => [UUIDScalar], { description: 'Ids of the people following it.' })
  watcherIds(@CurrentCaller() caller: Caller, @Parent() ticket: Ticket): Promise<string[]> {
    return this.collaboration.watcherIds(caller, ticket.id);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @ResolveField(() => [TicketLink])
  links(@CurrentCaller() caller: Caller, @Parent() ticket: Ticket): Promise<TicketLink[]> {
    return this.collaboration.links(caller, ticket.id);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @ResolveField(() => AuditEntryConnection, {
    description: 'State changes, assignments and comments, newest first.',
    complexity: connectionCost,
  })
  timeline(@CurrentCaller() caller: Caller, @Parent() ticket: Ticket, @Args() page: PageArgs) {
    return this.collaboration.timeline(caller, ticket.id, page);
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'transition' })
  @ResolveField(() => [TicketStatus], {
    description:
      'The states you may move it to now: its state machine, less verification unless your organisation raised it.',
  })
  async allowedTransitions(
    @CurrentCaller() caller: Caller,
    @Parent() ticket: Ticket,
  ): Promise<TicketStatus[]> {
    // The same ability the move itself is checked against (the programme office reads, never moves).
    const ability = await this.authorization.abilityFor(caller);
    if (!ability.can('transition', { ...ticket, __caslSubjectType__: 'Ticket' as const })) return [];
    return allowedTransitions(ticket.status).filter((to) => mayMove(ticket, to, caller.organizationId));
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Boolean, { description: 'Past its response or resolution due date.' })
  overdue(@Parent() ticket: Ticket): boolean {
    return isOverdue(ticket, new Date());
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Int)
  commentCount(@Parent() ticket: Ticket, @Context('loaders') loaders: RequestLoaders): Promise<number> {
    return loaders.get(TICKET_COMMENT_COUNT).load(ticket.id);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => User, { nullable: true, description: 'The person who raised it.' })
  raisedBy(@Parent() ticket: Ticket, @Context('loaders') loaders: RequestLoaders): Promise<User | null> {
    return loaders.get(USER_BY_ID).load(ticket.raisedByUserId);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Scenario, { nullable: true })
  scenario(@Parent() ticket: Ticket, @Context('loaders') loaders: RequestLoaders): Promise<Scenario | null> {
    return loaders.get(SCENARIO_BY_ID).load(ticket.scenarioId);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Organization)
  async raisedByOrganization(
    @Parent() ticket: Ticket,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Organization | null> {
    return loaders.get(ORGANIZATION_BY_ID).load(ticket.raisedByOrganizationId);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => Organization, { nullable: true })
  async assigneeOrganization(
    @Parent() ticket: Ticket,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Organization | null> {
    return ticket.assigneeOrganizationId
      ? loaders.get(ORGANIZATION_BY_ID).load(ticket.assigneeOrganizationId)
      : null;
  }

  @Authorized({ by: 'ability', subject: 'Ticket', action: 'read' })
  @ResolveField(() => TicketCommentConnection, { complexity: connectionCost })
  ticketComments(@CurrentCaller() caller: Caller, @Parent() ticket: Ticket, @Args() page: PageArgs) {
    return this.comments.list(caller, ticket.id, page);
  }
}
