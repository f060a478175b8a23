import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  AuthorizationService,
  authorizedRecord,
  ConflictError,
  ForbiddenError,
  hasRole,
  InvalidInputError,
  UnitOfWork,
  UserRole,
  type Caller,
  type Work,
} from '@tetrad/core';
import { ConsortiumService } from '@tetrad/consortium';
import { OrganizationKind } from '@tetrad/organization';
import { ScenarioService, type Scenario } from '@tetrad/scenario';
import type {
  AcceptMilestoneTermsArgs,
  AmendMilestoneTermsArgs,
  BasisPointShareInput,
  CreateMilestoneInput,
  MilestoneTermsChangeInput,
} from './dto/milestone.inputs';
import { MilestoneStatus } from './milestone-enums';
import { boundParties, partiesYetToAccept, termsHash, type MilestoneTerms } from './milestone-terms';
import { Milestone, MilestoneAcceptance } from './milestone.entity';
import { validateShares } from './reward-split';

/**
 * Milestone terms as a multi-party agreement (issue 14): proposed by a member's admin, accepted by
 * an admin or signatory of every bound party (each acceptance bound to the terms' hash), COMMITTED
 * with the last acceptance. Amending the terms changes their hash, which voids every acceptance.
 * Nobody is ever charged or paid by terms their organisation did not accept.
 */
@Injectable()
export class MilestoneAgreementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly scenarios: ScenarioService,
    private readonly consortia: ConsortiumService,
    private readonly work: UnitOfWork,
  ) {}

  async propose(caller: Caller, input: CreateMilestoneInput): Promise<Milestone> {
    const scenario = await this.scenarios.get(caller, input.scenarioId);
    const ability = await this.authorization.abilityFor(caller);
    if (!ability.can('create', subject('Milestone', { id: '', consortiumId: scenario.consortiumId }))) {
      throw new ForbiddenError(
        "Only an admin of a member organisation proposes the consortium's milestones.",
      );
    }
    const defaultParty = await this.consortia.activeMemberOfKind(
      scenario.consortiumId,
      OrganizationKind.SCENARIO_USER,
    );
    const terms: MilestoneTerms = {
      scenarioId: scenario.id,
      name: input.name,
      description: input.description,
      targets: plainTargets(input.targets),
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      dueAt: input.dueAt,
      currency: input.currency,
      rewardPoolMinor: input.rewardPoolMinor,
      riskAmountMinor: input.riskAmountMinor,
      shares: plainShares(input.shares),
      rewardFunderOrganizationId: input.rewardFunderOrganizationId ?? defaultParty ?? '',
      riskBeneficiaryOrganizationId: input.riskBeneficiaryOrganizationId ?? defaultParty ?? '',
    };
    this.validateTerms(terms, scenario, 'input', await this.directory(scenario.consortiumId));
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const milestone = await manager.save(
        manager.create(Milestone, {
          ...terms,
          targets: plainTargets(terms.targets),
          shares: plainShares(terms.shares),
          consortiumId: scenario.consortiumId,
          createdByUserId: caller.userId,
          proposedByOrganizationId: caller.organizationId,
        }),
      );
      await work.record('Milestone', milestone, {
        action: 'milestone.propose',
        after: { ...milestone, termsHash: termsHash(milestone) },
      });
      return this.acceptOnBehalfOfProposer(work, milestone);
    });
  }

  /** New terms while PROPOSED, against the hash they were read at; every acceptance is void. */
  async amend(
    caller: Caller,
    args: AmendMilestoneTermsArgs | { milestoneId: string; changes: MilestoneTermsChangeInput },
  ): Promise<Milestone> {
    const seen = await this.read(caller, args.milestoneId);
    const scenario = await this.scenarios.get(caller, seen.scenarioId);
    // Read before the transaction: the embedded database has one connection.
    const directory = await this.directory(scenario.consortiumId);
    return this.work.run(caller, async (work) => {
      const milestone = await this.locked(work, args.milestoneId, 'update');
      if (milestone.storedStatus !== MilestoneStatus.PROPOSED) {
        throw new ConflictError(
          `This milestone is ${milestone.storedStatus}: its terms change only by a proposal every bound party approves (proposeMilestoneChange).`,
          { currentStatus: milestone.storedStatus },
        );
      }
      const before = termsOf(milestone);
      const beforeHash = termsHash(before);
      if ('baseTermsHash' in args && args.baseTermsHash !== beforeHash) {
        throw new ConflictError(
          `The terms changed since you read them (now version ${milestone.termsVersion}). Reload them and make your change again.`,
          { currentTermsHash: beforeHash, currentTermsVersion: milestone.termsVersion },
        );
      }
      const changes = args.changes;
      const after: MilestoneTerms = {
        ...before,
        ...definedOnly({
          name: changes.name,
          description: changes.description,
          windowStart: changes.windowStart,
          windowEnd: changes.windowEnd,
          dueAt: changes.dueAt,
          currency: changes.currency,
          rewardPoolMinor: changes.rewardPoolMinor,
          riskAmountMinor: changes.riskAmountMinor,
          rewardFunderOrganizationId: changes.rewardFunderOrganizationId,
          riskBeneficiaryOrganizationId: changes.riskBeneficiaryOrganizationId,
        }),
        ...(changes.targets ? { targets: plainTargets(changes.targets) } : {}),
        ...(changes.shares ? { shares: plainShares(changes.shares) } : {}),
      };
      this.validateTerms(after, scenario, 'changes', directory);
      if (termsHash(after) === beforeHash) {
        throw new InvalidInputError('These are the terms as they stand: nothing to change.', [
          { field: 'changes', message: 'no change' },
        ]);
      }
      Object.assign(milestone, after, { termsVersion: milestone.termsVersion + 1 });
      const saved = await work.manager.save(milestone);
      await work.record('Milestone', saved, {
        action: 'milestone.amend',
        before: { ...before, termsHash: beforeHash, termsVersion: saved.termsVersion - 1 },
        after: { ...termsOf(saved), termsHash: termsHash(saved), termsVersion: saved.termsVersion },
      });
      return this.acceptOnBehalfOfProposer(work, saved);
    });
  }

  /** An admin or signatory of a bound party accepts the exact terms it read; the last one commits. */
  accept(caller: Caller, args: AcceptMilestoneTermsArgs): Promise<Milestone> {
    return this.work.run(caller, async (work) => {
      const milestone = await this.locked(work, args.milestoneId, 'read');
      await this.authorization.assertCan(caller, 'accept', 'Milestone', { ...milestone }, milestone.id);
      if (milestone.storedStatus !== MilestoneStatus.PROPOSED) {
        throw new ConflictError(
          `This milestone is ${milestone.storedStatus}: there is nothing left to accept.`,
          {
            currentStatus: milestone.storedStatus,
          },
        );
      }
      const hash = termsHash(milestone);
      if (args.termsHash !== hash) {
        throw new ConflictError(
          `The terms changed since you read them (now version ${milestone.termsVersion}): read them again before accepting.`,
          { currentTermsHash: hash, currentTermsVersion: milestone.termsVersion },
        );
      }
      const organizationId = caller.organizationId!;
      if (!boundParties(milestone).includes(organizationId)) {
        throw new ForbiddenError(
          'Your organisation is not bound by these terms (it holds no share and neither funds the reward nor receives the risk): it has nothing to accept.',
        );
      }
      const accepted = await this.acceptancesOf(work.manager, [milestone.id]);
      if (accepted[0]!.some((a) => a.organizationId === organizationId && a.termsHash === hash)) {
        throw new ConflictError('Your organisation has accepted these terms already.');
      }
      return this.recordAcceptance(work, milestone, hash);
    });
  }

  /** Each milestone's acceptances, oldest first, in one statement. */
  async acceptancesOf(
    manager: EntityManager | null,
    milestoneIds: readonly string[],
  ): Promise<MilestoneAcceptance[][]> {
    const rows = milestoneIds.length
      ? await (manager ?? this.dataSource.manager).find(MilestoneAcceptance, {
          where: { milestoneId: In([...milestoneIds]) },
          order: { acceptedAt: 'ASC', organizationId: 'ASC' },
        })
      : [];
    return milestoneIds.map((id) => rows.filter((row) => row.milestoneId === id));
  }

  /** Acceptances of the bound parties whose admin or signatory approved a change of committed terms. */
  async recordApprovedTerms(
    manager: EntityManager,
    milestone: Milestone,
    organizationIds: readonly string[],
  ): Promise<void> {
    const hash = termsHash(milestone);
    await manager
      .createQueryBuilder()
      .insert()
      .into(MilestoneAcceptance)
      .values(
        organizationIds.map((organizationId) => ({
          milestoneId: milestone.id,
          consortiumId: milestone.consortiumId,
          organizationId,
          termsHash: hash,
          termsVersion: milestone.termsVersion,
          acceptedByUserId: null,
        })),
      )
      .orIgnore()
      .execute();
  }

  private async acceptOnBehalfOfProposer(work: Work, milestone: Milestone): Promise<Milestone> {
    const { caller } = work;
    const binds = hasRole(caller, UserRole.ORG_ADMIN) || hasRole(caller, UserRole.SIGNATORY);
    if (!binds || !caller.organizationId || !boundParties(milestone).includes(caller.organizationId)) {
      return milestone;
    }
    return this.recordAcceptance(work, milestone, termsHash(milestone));
  }

  private async recordAcceptance(work: Work, milestone: Milestone, hash: string): Promise<Milestone> {
    const { manager, caller } = work;
    await manager.insert(MilestoneAcceptance, {
      milestoneId: milestone.id,
      consortiumId: milestone.consortiumId,
      organizationId: caller.organizationId!,
      termsHash: hash,
      termsVersion: milestone.termsVersion,
      acceptedByUserId: caller.userId,
    });
    await work.record('Milestone', milestone, {
      action: 'milestone.accept',
      after: { organizationId: caller.organizationId, termsHash: hash, termsVersion: milestone.termsVersion },
    });
    const [acceptances] = await this.acceptancesOf(manager, [milestone.id]);
    if (partiesYetToAccept(milestone, acceptances!).length > 0) return milestone;
    return this.commit(work, milestone, hash);
  }

  private async commit(work: Work, milestone: Milestone, hash: string): Promise<Milestone> {
    const now = new Date();
    if (milestone.windowStart < now) {
      throw new ConflictError(
        `The window started on ${milestone.windowStart.toISOString()}, before every party accepted: terms written after the window opens cannot be committed. Amend the terms with a window that starts later.`,
        { windowStart: milestone.windowStart.toISOString() },
      );
    }
    milestone.storedStatus = MilestoneStatus.COMMITTED;
    milestone.committedAt = now;
    milestone.committedTermsHash = hash;
    const saved = await work.manager.save(milestone);
    await work.record('Milestone', saved, {
      action: 'milestone.commit',
      before: { status: MilestoneStatus.PROPOSED },
      after: { status: saved.storedStatus, termsHash: hash, termsVersion: saved.termsVersion },
    });
    return saved;
  }

  /** A split of active member organisations only, summing to exactly 10,000 basis points. */
  async assertShares(
    consortiumId: string,
    shares: readonly BasisPointShareInput[],
    field: string,
  ): Promise<void> {
    const problems = [
      ...validateShares(shares),
      ...nonMemberProblems(shares, await this.directory(consortiumId)),
    ];
    if (problems.length > 0) {
      throw new InvalidInputError(
        problems.join(' '),
        problems.map((message) => ({ field, message })),
      );
    }
  }

  /** The consortium's active member organisations. */
  private async directory(consortiumId: string): Promise<PartyDirectory> {
    return { members: await this.consortia.activeMemberOrganizationIds(consortiumId) };
  }

  /** Every problem at once where possible; parties must be active members of the consortium. */
  private validateTerms(
    terms: MilestoneTerms,
    scenario: Scenario,
    path: string,
    { members }: PartyDirectory,
  ): void {
    const now = Date.now();
    const problems: { field: string; message: string }[] = [];
    if (terms.windowStart.getTime() < now) {
      problems.push({
        field: `${path}.windowStart`,
        message:
          'The window cannot start in the past: terms written after the results are known bind nobody. Start it after every party will have accepted.',
      });
    }
    if (terms.windowEnd <= terms.windowStart) {
      problems.push({ field: `${path}.windowEnd`, message: 'The window must end after it starts.' });
    }
    if (terms.dueAt < terms.windowEnd) {
      problems.push({
        field: `${path}.dueAt`,
        message: 'The due date cannot precede the end of the window: reports of the whole window must count.',
      });
    }
    const known = scenario.kpis.map((kpi) => kpi.key);
    terms.targets.forEach((target, index) => {
      if (!known.includes(target.kpiKey)) {
        problems.push({
          field: `${path}.targets.${index}.kpiKey`,
          message: `The scenario defines no KPI "${target.kpiKey}"; its KPIs are ${known.join(', ') || 'none yet'}.`,
        });
      }
    });
    for (const message of validateShares(terms.shares)) problems.push({ field: `${path}.shares`, message });
    for (const message of nonMemberProblems(terms.shares, { members })) {
      problems.push({ field: `${path}.shares`, message });
    }
    for (const [field, id] of [
      ['rewardFunderOrganizationId', terms.rewardFunderOrganizationId],
      ['riskBeneficiaryOrganizationId', terms.riskBeneficiaryOrganizationId],
    ] as const) {
      if (!members.includes(id)) {
        problems.push({
          field: `${path}.${field}`,
          message: id
            ? `${id} is not an active member organisation of the consortium.`
            : 'The consortium has no active scenario user: name the organisation explicitly.',
        });
      }
    }
    if (problems.length > 0) {
      throw new InvalidInputError(problems.map((p) => p.message).join(' '), problems);
    }
  }

  private read(caller: Caller, id: string): Promise<Milestone> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'Milestone',
      entity: Milestone,
      id,
      action: 'read',
    });
  }

  private locked(work: Work, id: string, action: 'read' | 'update'): Promise<Milestone> {
    return work.lock({ type: 'Milestone', entity: Milestone, id, action });
  }
}

/**
 * Shares held by organisations that are not active members, by the id the caller sent: an
 * organisation of another consortium is never named.
 */
function nonMemberProblems(
  shares: readonly { organizationId: string }[],
  { members }: PartyDirectory,
): string[] {
  return shares
    .filter((share) => !members.includes(share.organizationId))
    .map((share) => `${share.organizationId} is not an active member organisation of the consortium.`);
}

interface PartyDirectory {
  members: readonly string[];
}

/** The terms of a stored milestone, nothing else. */
export function termsOf(milestone: Milestone): MilestoneTerms {
  return {
    scenarioId: milestone.scenarioId,
    name: milestone.name,
    description: milestone.description,
    targets: plainTargets(milestone.targets),
    windowStart: milestone.windowStart,
    windowEnd: milestone.windowEnd,
    dueAt: milestone.dueAt,
    currency: milestone.currency,
    rewardPoolMinor: milestone.rewardPoolMinor,
    riskAmountMinor: milestone.riskAmountMinor,
    shares: plainShares(milestone.shares),
    rewardFunderOrganizationId: milestone.rewardFunderOrganizationId,
    riskBeneficiaryOrganizationId: milestone.riskBeneficiaryOrganizationId,
  };
}

export function plainShares(
  shares: readonly BasisPointShareInput[],
): { organizationId: string; basisPoints: number }[] {
  return shares
    .map(({ organizationId, basisPoints }) => ({ organizationId, basisPoints }))
    .sort((a, b) => (a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0));
}

function plainTargets(
  targets: readonly {
    kpiKey: string;
    comparator: string;
    value: number;
    minOperatingHours?: number | null;
  }[],
): Milestone['targets'] {
  return targets.map(({ kpiKey, comparator, value, minOperatingHours }) => ({
    kpiKey,
    comparator: comparator as Milestone['targets'][number]['comparator'],
    value,
    minOperatingHours: minOperatingHours ?? null,
  }));
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
