import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectType } from './ability';

export const RESOLVER_POLICY = 'tetrad:resolver-policy';

/** Facts about the caller that a handler checks by hand rather than through the ability. */
export type CallerCheck =
  /** The programme office (`platformAdmin`). */
  | 'platformAdmin'
  /** ORG_ADMIN of the organisation concerned (a platform admin names any one). */
  | 'organizationAdmin'
  /** A person of the caller's own organisation (a platform admin names any one). */
  | 'organizationMember'
  /** An active member of the consortium concerned, from the facts the ability is built from (platform admins: any). */
  | 'consortiumMember'
  /** A party organisation of the contract, access request or milestone the field hangs from. */
  | 'party';

/**
 * How a GraphQL handler is authorized, declared where the API is declared. The check itself stays
 * in the service (one ability per request, rules turned into SQL); the declaration says which one
 * applies so that a reviewer, and the boot check, can see that none is missing.
 */
export type ResolverPolicy =
  /** The service asks the caller's ability about `subject` (out of reach answers NOT_FOUND; lists are scoped in SQL). */
  | { readonly by: 'ability'; readonly subject: SubjectType; readonly action: Action }
  /** The handler checks a fact about the caller itself (see CallerCheck). */
  | { readonly by: 'caller'; readonly check: CallerCheck }
  /** A field that only shows what its parent, already authorized, holds or points to. */
  | { readonly by: 'parent' }
  /** The caller's own data (their user, sessions, API tokens). */
  | { readonly by: 'self' }
  /** Anyone, signed in or not: must go with @Public(). */
  | { readonly by: 'public' }
  /** A subscription whose `filter` re-checks the ability on `subject` for every event. */
  | { readonly by: 'filter'; readonly subject: SubjectType };

export type ResolverPolicyKind = ResolverPolicy['by'];

/** Declares how a @Query, @Mutation, @Subscription or @ResolveField handler is authorized. */
export const Authorized = (policy: ResolverPolicy): MethodDecorator => SetMetadata(RESOLVER_POLICY, policy);
