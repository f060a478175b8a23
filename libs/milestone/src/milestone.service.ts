import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  accessibleBy,
  AuditTrail,
  AuthorizationService,
  authorizedRecord,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  paginate,
  recordChange,
  type Caller,
  type ConnectionShape,
} from '@tetrad/core';
import { ConsortiumService } from '@tetrad/consortium';
import { ScenarioService, type Scenario } from '@tetrad/scenario';
import type {
  BasisPointShareInput,
  CreateMilestoneInput,
  MilestonesArgs,
  ProposeMilestoneChangeArgs,
} from './dto/milestone.inputs';
import { MilestoneProposalKind, MilestoneProposalStatus, MilestoneStatus } from './milestone-enums';
import { MilestoneEvaluationService } from './milestone-evaluation.service';
import { Milestone, MilestoneProposal } from './milestone.entity';
import { MILESTONE_COLUMNS } from './milestone.rules';
import { validateShares } from './reward-split';

const FINAL = [MilestoneStatus.ACHIEVED, MilestoneStatus.MISSED, MilestoneStatus.WAIVED];

/** `effectiveStatus` for milestones: decided outcomes as stored, PLANNED/IN_PROGRESS from the clock. */
export const MILESTONE_STATUS_SQL = `(CASE WHEN milestone.status IN ('ACHIEVED', 'MISSED', 'WAIVED') THEN milestone.status::text
  WHEN milestone.window_start > now() THEN 'PLANNED' ELSE 'IN_PROGRESS' END)`;

export function milestoneStatus(milestone: Milestone, now = new Date()): MilestoneStatus {
  if (FINAL.includes(milestone.storedStatus)) return milestone.storedStatus;
  return now < milestone.windowStart ? MilestoneStatus.PLANNED : MilestoneStatus.IN_PROGRESS;
}

/**
 * Milestones: created by a member's admin with KPI targets on the scenario's KPIs and a split
 * of reward and risk among member organisations. Before the window starts an admin may change
 * the split; after, a change (or a waiver) needs every member organisation's admin.
 */
@Injectable()
export class MilestoneService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly scenarios: ScenarioService,
    private readonly consortia: ConsortiumService,
    private readonly evaluation: MilestoneEvaluationService,
    private readonly audit: AuditTrail,
  ) {}

  async create(caller: Caller, input: CreateMilestoneInput): Promise<Milestone> {
    const scenario = await this.scenarios.get(caller, input.scenarioId);
    const ability = await this.authorization.abilityFor(caller);
    if (!ability.can('create', subject('Milestone', { id: '', consortiumId: scenario.consortiumId }))) {
      throw new ForbiddenError("Only an admin of a member organisation creates the consortium's milestones.");
    }
    validateMilestone(input, scenario);
    await this.assertShares(scenario.consortiumId, input.shares, 'input.shares');
    return this.dataSource.transaction(async (manager) => {
      const milestone = await manager.save(
        manager.create(Milestone, {
          ...input,
          targets: input.targets.map(({ kpiKey, comparator, value, minOperatingHours }) => ({
            kpiKey,
            comparator,
            value,
            minOperatingHours: minOperatingHours ?? null,
          })),
          shares: plainShares(input.shares),
          consortiumId: scenario.consortiumId,
          createdByUserId: caller.userId,
        }),
      );
      await recordChange(this.audit, manager, caller, 'Milestone', milestone, {
        action: 'milestone.create',
        after: { ...milestone },
      });
      return milestone;
    });
  }

  /** Before the window starts; afterwards a change needs every party (proposeMilestoneChange). */
  async updateSplit(caller: Caller, id: string, shares: BasisPointShareInput[]): Promise<Milestone> {
    const seen = await this.get(caller, id);
    await this.assertShares(seen.consortiumId, shares, 'shares');
    return this.dataSource.transaction(async (manager) => {
      const milestone = await this.locked(manager, caller, id, 'update');
      if (milestoneStatus(milestone) !== MilestoneStatus.PLANNED) {
        throw new ConflictError(
          'The milestone has started: changing its split needs every party’s approval. Propose the change instead.',
          { currentStatus: milestoneStatus(milestone) },
        );
      }
      const before = { shares: milestone.shares };
      milestone.shares = plainShares(shares);
      const saved = await manager.save(milestone);
      await recordChange(this.audit, manager, caller, 'Milestone', saved, {
        action: 'milestone.split',
        before,
        after: { shares: saved.shares },
      });
      return saved;
    });
  }

  async propose(caller: Caller, args: ProposeMilestoneChangeArgs): Promise<MilestoneProposal> {
    const seen = await this.get(caller, args.milestoneId);
    if (args.kind === MilestoneProposalKind.CHANGE_SPLIT) {
      if (!args.shares)
        throw new InvalidInputError('Give the new split.', [{ field: 'shares', message: 'required' }]);
      await this.assertShares(seen.consortiumId, args.shares, 'shares');
    }
    const members = await this.consortia.activeMemberOrganizationIds(seen.consortiumId);
    return this.dataSource.transaction(async (manager) => {
      const milestone = await this.locked(manager, caller, args.milestoneId, 'approve');
      assertOpen(milestone);
      const proposal = await manager.save(
        manager.create(MilestoneProposal, {
          milestoneId: milestone.id,
          kind: args.kind,
          shares: args.shares ? plainShares(args.shares) : null,
          reason: args.reason,
          proposedByUserId: caller.userId,
          approvedByOrganizationIds: [caller.organizationId!],
        }),
      );
      await recordChange(this.audit, manager, caller, 'Milestone', milestone, {
        action: 'milestone.propose',
        after: { proposal: { ...proposal } },
      });
      return this.applyIfUnanimous(manager, caller, milestone, proposal, members);
    });
  }

  async approve(caller: Caller, proposalId: string): Promise<MilestoneProposal> {
    const found = await this.dataSource.getRepository(MilestoneProposal).findOneBy({ id: proposalId });
    if (!found) throw new NotFoundError('MilestoneProposal', proposalId);
    const seen = await this.get(caller, found.milestoneId);
    const members = await this.consortia.activeMemberOrganizationIds(seen.consortiumId);
    return this.dataSource.transaction(async (manager) => {
      const milestone = await this.locked(manager, caller, found.milestoneId, 'approve');
      const proposal = await manager.findOneByOrFail(MilestoneProposal, { id: proposalId });
      if (proposal.status !== MilestoneProposalStatus.OPEN) {
        throw new ConflictError(`This proposal is ${proposal.status} already.`, {
          currentStatus: proposal.status,
        });
      }
      assertOpen(milestone);
      if (proposal.approvedByOrganizationIds.includes(caller.organizationId!)) {
        throw new ConflictError('Your organisation has approved this proposal already.');
      }
      proposal.approvedByOrganizationIds = [
        ...proposal.approvedByOrganizationIds,
        caller.organizationId!,
      ].sort();
      await manager.save(proposal);
      await recordChange(this.audit, manager, caller, 'Milestone', milestone, {
        action: 'milestone.approve',
        after: {
          proposalId,
          kind: proposal.kind,
        },
      });
      return this.applyIfUnanimous(manager, caller, milestone, proposal, members);
    });
  }

  async evaluate(caller: Caller, id: string): Promise<Milestone> {
    const seen = await this.get(caller, id);
    await this.authorization.assertCan(caller, 'evaluate', 'Milestone', { ...seen }, id);
    return this.dataSource.transaction((manager) => this.evaluation.evaluateLocked(manager, caller, id));
  }

  get(caller: Caller, id: string): Promise<Milestone> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'Milestone',
      entity: Milestone,
      id,
      action: 'read',
    });
  }

  /** Each milestone's proposals, newest first, in one statement. */
  async proposalsOf(milestoneIds: readonly string[]): Promise<MilestoneProposal[][]> {
    const rows = milestoneIds.length
      ? await this.dataSource
          .getRepository(MilestoneProposal)
          .find({ where: { milestoneId: In([...milestoneIds]) }, order: { createdAt: 'DESC' } })
      : [];
    return milestoneIds.map((id) => rows.filter((row) => row.milestoneId === id));
  }

  async list(caller: Caller, args: MilestonesArgs): Promise<ConnectionShape<Milestone>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'Milestone', MILESTONE_COLUMNS);
    const query = this.dataSource
      .getRepository(Milestone)
      .createQueryBuilder('milestone')
      .where(scope.sql, scope.params);
    if (args.consortiumId)
      query.andWhere('milestone.consortium_id = :consortiumId', { consortiumId: args.consortiumId });
    if (args.scenarioId)
      query.andWhere('milestone.scenario_id = :scenarioId', { scenarioId: args.scenarioId });
    if (args.status) query.andWhere(`${MILESTONE_STATUS_SQL} = :status`, { status: args.status });
    return paginate(query, args, {
      name: 'DUE_ASC',
      column: 'milestone.due_at',
      direction: 'ASC',
      valueOf: (milestone) => milestone.dueAt.toISOString(),
    });
  }

  /** Milestones by their state now (null: every consortium). */
  async outcomeCounts(
    consortiumIds: readonly string[] | null,
  ): Promise<{ status: string; milestones: number }[]> {
    return this.dataSource.query<{ status: string; milestones: number }[]>(
      `SELECT ${MILESTONE_STATUS_SQL} AS status, count(*)::int AS milestones FROM milestone
        ${consortiumIds ? 'WHERE milestone.consortium_id = ANY($1::uuid[])' : ''}
        GROUP BY 1 ORDER BY 1`,
      consortiumIds ? [[...consortiumIds]] : [],
    );
  }

  private async applyIfUnanimous(
    manager: EntityManager,
    caller: Caller,
    milestone: Milestone,
    proposal: MilestoneProposal,
    members: readonly string[],
  ): Promise<MilestoneProposal> {
    if (!members.every((member) => proposal.approvedByOrganizationIds.includes(member))) return proposal;
    const before = { status: milestone.storedStatus, shares: milestone.shares };
    if (proposal.kind === MilestoneProposalKind.WAIVE) {
      milestone.storedStatus = MilestoneStatus.WAIVED;
      milestone.decidedAt = new Date();
    } else {
      milestone.shares = proposal.shares!;
    }
    await manager.save(milestone);
    proposal.status = MilestoneProposalStatus.ACCEPTED;
    proposal.decidedAt = new Date();
    const saved = await manager.save(proposal);
    await recordChange(this.audit, manager, caller, 'Milestone', milestone, {
      action: `milestone.${proposal.kind === MilestoneProposalKind.WAIVE ? 'waive' : 'split'}`,
      before,
      after: {
        status: milestone.storedStatus,
        shares: milestone.shares,
        proposalId: proposal.id,
      },
    });
    return saved;
  }

  /** Shares of active member organisations only, summing to exactly 10,000 basis points. */
  private async assertShares(
    consortiumId: string,
    shares: readonly BasisPointShareInput[],
    field: string,
  ): Promise<void> {
    const problems = validateShares(shares);
    const members = await this.consortia.activeMemberOrganizationIds(consortiumId);
    for (const share of shares) {
      if (!members.includes(share.organizationId)) {
        problems.push(`${share.organizationId} is not an active member organisation of the consortium.`);
      }
    }
    if (problems.length > 0) {
      throw new InvalidInputError(
        problems.join(' '),
        problems.map((message) => ({ field, message })),
      );
    }
  }

  private locked(
    manager: EntityManager,
    caller: Caller,
    id: string,
    action: 'update' | 'approve',
  ): Promise<Milestone> {
    return authorizedRecord(this.authorization, manager, caller, {
      type: 'Milestone',
      entity: Milestone,
      id,
      action,
      lock: true,
    });
  }
}

function plainShares(
  shares: readonly BasisPointShareInput[],
): { organizationId: string; basisPoints: number }[] {
  return shares
    .map(({ organizationId, basisPoints }) => ({ organizationId, basisPoints }))
    .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
}

function assertOpen(milestone: Milestone): void {
  if (FINAL.includes(milestone.storedStatus)) {
    throw new ConflictError(`This milestone is ${milestone.storedStatus}: it can no longer change.`, {
      currentStatus: milestone.storedStatus,
    });
  }
}

function validateMilestone(input: CreateMilestoneInput, scenario: Scenario): void {
  if (input.windowEnd <= input.windowStart) {
    throw new InvalidInputError('The window must end after it starts.', [
      { field: 'input.windowEnd', message: 'must be after windowStart' },
    ]);
  }
  if (input.dueAt < input.windowStart) {
    throw new InvalidInputError('The due date cannot precede the window.', [
      { field: 'input.dueAt', message: 'before windowStart' },
    ]);
  }
  const known = scenario.kpis.map((kpi) => kpi.key);
  for (const [index, target] of input.targets.entries()) {
    if (!known.includes(target.kpiKey)) {
      throw new InvalidInputError(
        `The scenario defines no KPI "${target.kpiKey}"; its KPIs are ${known.join(', ') || 'none yet'}.`,
        [{ field: `input.targets.${index}.kpiKey`, message: 'not a KPI of the scenario' }],
      );
    }
  }
}
