import { Injectable } from '@nestjs/common';
import { subject as asSubject } from '@casl/ability';
import type { Caller } from '../auth/caller';
import { ForbiddenError, NotFoundError } from '../errors/domain-error';
import { platformRules } from './platform.rules';
import {
  buildAbility,
  type AbilityContext,
  type ActiveMembership,
  type ContractFacts,
  NO_CONTRACT_FACTS,
  type Action,
  type AppAbility,
  type RuleContributor,
  type SubjectFields,
  type SubjectType,
  type TaggedSubject,
} from './ability';

/** Implemented by the consortium domain: the consortia an organisation is an active member of. */
export interface MembershipFacts {
  activeMemberships(organizationId: string): Promise<ActiveMembership[]>;
}

/** Implemented by the contract domain: what contracts give an organisation, evaluated at `now`. */
export interface ContractFactSource {
  /** Only contracts of the given consortia count: withdrawing from a consortium ends its grants. */
  contractFacts(organizationId: string, consortiumIds: readonly string[], now: Date): Promise<ContractFacts>;
}

const CACHE_LIMIT = 1_000;

/**
 * One ability per request, built from the caller's roles and memberships by the rules each
 * domain registers. Abilities are cached by the facts they are built from (identity, roles,
 * memberships), so a change of roles or memberships yields a new ability at once, on every
 * instance, while an unchanged caller reuses the built one.
 */
@Injectable()
export class AuthorizationService {
  private readonly contributors: RuleContributor[] = [platformRules];
  private readonly cache = new Map<string, AppAbility>();
  private readonly perRequest = new WeakMap<
    Caller,
    Promise<{ context: AbilityContext; ability: AppAbility }>
  >();

  private memberships: MembershipFacts | undefined;
  private contracts: ContractFactSource | undefined;

  /** Each domain registers its rules at module init. */
  register(contributor: RuleContributor): void {
    this.contributors.push(contributor);
  }

  /** The consortium domain tells where memberships come from (core imports no domain). */
  useMembershipFacts(memberships: MembershipFacts): void {
    this.memberships = memberships;
  }

  /** The contract domain tells what live contracts grant (read fresh for every request). */
  useContractFacts(contracts: ContractFactSource): void {
    this.contracts = contracts;
  }

  /** The ability every registered domain's rules give for these facts (no database read, no cache). */
  abilityFrom(context: AbilityContext): AppAbility {
    return buildAbility(context, this.contributors);
  }

  async abilityFor(caller: Caller): Promise<AppAbility> {
    return (await this.resolve(caller)).ability;
  }

  /** The consortia the caller's organisation is an active member of (what its ability was built from). */
  async activeConsortiumIds(caller: Caller): Promise<readonly string[]> {
    return (await this.resolve(caller)).context.activeConsortiumIds;
  }

  /** The facts the caller's ability was built from (memberships, contract grants). */
  async contextFor(caller: Caller): Promise<AbilityContext> {
    return (await this.resolve(caller)).context;
  }

  private resolve(caller: Caller): Promise<{ context: AbilityContext; ability: AppAbility }> {
    let resolved = this.perRequest.get(caller);
    if (!resolved) {
      resolved = this.build(caller);
      this.perRequest.set(caller, resolved);
    }
    return resolved;
  }

  /** Reads a record or answers NOT_FOUND, exactly as if it did not exist. */
  async assertCan<T extends SubjectType>(
    caller: Caller,
    action: Action,
    type: T,
    record: SubjectFields[T],
    id: string,
  ): Promise<void> {
    const ability = await this.abilityFor(caller);
    // Generic T cannot narrow the tagged union; the pair (type, record) is checked at the call.
    const target = asSubject(type, { ...record }) as unknown as TaggedSubject;
    if (!ability.can('read', target)) throw new NotFoundError(type, id);
    if (action !== 'read' && !ability.can(action, target)) {
      throw new ForbiddenError(`You may not ${action} this ${type.toLowerCase()}: ${explain(action, type)}`);
    }
  }

  private async build(caller: Caller): Promise<{ context: AbilityContext; ability: AppAbility }> {
    const memberships =
      caller.organizationId && this.memberships
        ? await this.memberships.activeMemberships(caller.organizationId)
        : [];
    const sorted = [...memberships].sort((a, b) => a.consortiumId.localeCompare(b.consortiumId));
    const contracts =
      caller.organizationId && this.contracts && sorted.length > 0
        ? await this.contracts.contractFacts(
            caller.organizationId,
            sorted.map((membership) => membership.consortiumId),
            new Date(),
          )
        : NO_CONTRACT_FACTS;
    const context: AbilityContext = {
      caller,
      memberships: sorted,
      activeConsortiumIds: sorted.map((membership) => membership.consortiumId),
      contracts,
    };
    const key = JSON.stringify([
      caller.userId,
      caller.organizationId,
      caller.platformAdmin,
      [...caller.roles].sort(),
      sorted.map((membership) => `${membership.consortiumId}:${membership.partyRole}`),
      contracts.fingerprint ?? contracts,
    ]);
    const cached = this.cache.get(key);
    if (cached) return { context, ability: cached };
    const ability = buildAbility(context, this.contributors);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, ability);
    return { context, ability };
  }
}

function explain(action: Action, type: SubjectType): string {
  if (type === 'Consortium' && (action === 'invite' || action === 'activate' || action === 'close')) {
    return "only an ORG_ADMIN of an active member organisation can, while the consortium's state allows it.";
  }
  if (type === 'Membership')
    return "only an ORG_ADMIN of the organisation concerned can, in the membership's current state.";
  return 'your roles do not allow it.';
}
