import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  accessibleBy,
  AuthorizationService,
  authorizedRecord,
  throughParent,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  paginate,
  UnitOfWork,
  type Caller,
  type ConnectionShape,
  type Work,
} from '@tetrad/core';
import type {
  BasisPointShareInput,
  MilestonesArgs,
  ProposeMilestoneChangeArgs,
} from './dto/milestone.inputs';
import { MilestoneAgreementService, plainShares } from './milestone-agreement.service';
import { MilestoneProposalKind, MilestoneProposalStatus, MilestoneStatus } from './milestone-enums';
import type { MilestoneEvaluation } from './milestone-evaluation';
import { MilestoneEvaluationService } from './milestone-evaluation.service';
import { boundParties, termsHash } from './milestone-terms';
import { Milestone, MilestoneProposal } from './milestone.entity';
import { MILESTONE_COLUMNS } from './milestone.rules';

const FINAL = [MilestoneStatus.ACHIEVED, MilestoneStatus.MISSED, MilestoneStatus.WAIVED];

/**
 * The state as of now, in SQL, as the evaluation decides it: a COMMITTED milestone past its due date
 * reads MISSED at once (an achievement is stored the moment the verifying report is), unless a
 * report in its window submitted by the due date is still awaiting verification or disputed.
 */
export const MILESTONE_STATUS_SQL = `(CASE WHEN milestone.status <> 'COMMITTED' THEN milestone.status::text
  WHEN milestone.due_at < now() AND NOT EXISTS (
    SELECT 1 FROM kpi_report unsettled
     WHERE unsettled.scenario_id = milestone.scenario_id AND unsettled.status IN ('SUBMITTED', 'DISPUTED')
       AND unsettled.period_start >= milestone.window_start AND unsettled.period_end <= milestone.window_end
       AND unsettled.created_at <= milestone.due_at) THEN 'MISSED'
  ELSE 'COMMITTED' END)`;

/** The `status` field: what the evaluation says now (PENDING keeps the stored PROPOSED or COMMITTED). */
export function milestoneStatus(milestone: Milestone, evaluation: MilestoneEvaluation): MilestoneStatus {
  switch (evaluation.outcome) {
    case 'ACHIEVED':
      return MilestoneStatus.ACHIEVED;
    case 'MISSED':
      return MilestoneStatus.MISSED;
    case 'WAIVED':
      return MilestoneStatus.WAIVED;
    case 'PENDING':
      return milestone.storedStatus;
  }
}

/**
 * Milestones: terms are agreed through MilestoneAgreementService; once COMMITTED, a new split or a
 * waiver needs every bound party's admin or signatory (a proposal), and verified KPI reports decide
 * the outcome.
 */
@Injectable()
export class MilestoneService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly agreement: MilestoneAgreementService,
    private readonly evaluation: MilestoneEvaluationService,
    private readonly work: UnitOfWork,
  ) {}

  async propose(caller: Caller, args: ProposeMilestoneChangeArgs): Promise<MilestoneProposal> {
    const seen = await this.get(caller, args.milestoneId);
    if (args.kind === MilestoneProposalKind.CHANGE_SPLIT) {
      if (!args.shares)
        throw new InvalidInputError('Give the new split.', [{ field: 'shares', message: 'required' }]);
      await this.agreement.assertShares(seen.consortiumId, args.shares, 'shares');
    }
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const milestone = await this.locked(work, args.milestoneId, 'approve');
      assertOpen(milestone);
      if (milestone.storedStatus === MilestoneStatus.PROPOSED) {
        throw new ConflictError(
          'These terms are only proposed: amend them (amendMilestoneTerms) instead; a proposal to change terms is for committed ones.',
          { currentStatus: milestone.storedStatus },
        );
      }
      assertBound(caller, milestone, args.shares);
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
      await work.record('Milestone', milestone, {
        action: 'milestone.propose',
        after: { proposal: { ...proposal } },
      });
      return this.applyIfUnanimous(work, milestone, proposal);
    });
  }

  async approve(caller: Caller, proposalId: string): Promise<MilestoneProposal> {
    const found = await this.dataSource.getRepository(MilestoneProposal).findOneBy({ id: proposalId });
    if (!found) throw new NotFoundError('MilestoneProposal', proposalId);
    await throughParent('MilestoneProposal', proposalId, () => this.get(caller, found.milestoneId));
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const milestone = await this.locked(work, found.milestoneId, 'approve');
      const proposal = await manager.findOneByOrFail(MilestoneProposal, { id: proposalId });
      if (proposal.status !== MilestoneProposalStatus.OPEN) {
        throw new ConflictError(`This proposal is ${proposal.status} already.`, {
          currentStatus: proposal.status,
        });
      }
      assertOpen(milestone);
      assertBound(caller, milestone, proposal.shares);
      if (proposal.approvedByOrganizationIds.includes(caller.organizationId!)) {
        throw new ConflictError('Your organisation has approved this proposal already.');
      }
      proposal.approvedByOrganizationIds = [
        ...proposal.approvedByOrganizationIds,
        caller.organizationId!,
      ].sort();
      await manager.save(proposal);
      await work.record('Milestone', milestone, {
        action: 'milestone.approve',
        after: {
          proposalId,
          kind: proposal.kind,
        },
      });
      return this.applyIfUnanimous(work, milestone, proposal);
    });
  }

  async evaluate(caller: Caller, id: string): Promise<Milestone> {
    const seen = await this.get(caller, id);
    await this.authorization.assertCan(caller, 'evaluate', 'Milestone', { ...seen }, id);
    if (seen.storedStatus === MilestoneStatus.PROPOSED) {
      throw new ConflictError(
        'These terms are only proposed: a milestone is judged once every bound party has accepted them.',
        { currentStatus: seen.storedStatus },
      );
    }
    return this.work.run(caller, (work) => this.evaluation.evaluateLocked(work.manager, caller, id));
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
    if (args.awaitingMyAcceptance) {
      query
        .andWhere(`milestone.status = 'PROPOSED'`)
        .andWhere(
          `(milestone.reward_funder_organization_id = :me OR milestone.risk_beneficiary_organization_id = :me
            OR EXISTS (SELECT 1 FROM jsonb_array_elements(milestone.shares) share
                        WHERE share ->> 'organizationId' = CAST(:me AS text) AND (share ->> 'basisPoints')::int > 0))`,
          { me: caller.organizationId ?? '00000000-0000-0000-0000-000000000000' },
        )
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM milestone_acceptance accepted WHERE accepted.milestone_id = milestone.id
             AND accepted.organization_id = :me AND accepted.terms_version = milestone.terms_version)`,
        );
    }
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

  /** Applied once every party bound by the current terms (and by a new split) has approved. */
  private async applyIfUnanimous(
    work: Work,
    milestone: Milestone,
    proposal: MilestoneProposal,
  ): Promise<MilestoneProposal> {
    const { manager } = work;
    const needed = requiredApprovals(milestone, proposal.shares);
    if (!needed.every((party) => proposal.approvedByOrganizationIds.includes(party))) return proposal;
    const before = {
      status: milestone.storedStatus,
      shares: milestone.shares,
      termsHash: termsHash(milestone),
    };
    if (proposal.kind === MilestoneProposalKind.WAIVE) {
      milestone.storedStatus = MilestoneStatus.WAIVED;
      milestone.decidedAt = new Date();
      milestone.decisionSummary = `Waived by every bound party: ${proposal.reason}`;
    } else {
      milestone.shares = proposal.shares!;
      milestone.termsVersion += 1;
      milestone.committedTermsHash = termsHash(milestone);
    }
    await manager.save(milestone);
    if (proposal.kind === MilestoneProposalKind.CHANGE_SPLIT) {
      await this.agreement.recordApprovedTerms(manager, milestone, proposal.approvedByOrganizationIds);
    }
    proposal.status = MilestoneProposalStatus.ACCEPTED;
    proposal.decidedAt = new Date();
    const saved = await manager.save(proposal);
    await work.record('Milestone', milestone, {
      action: `milestone.${proposal.kind === MilestoneProposalKind.WAIVE ? 'waive' : 'split'}`,
      before,
      after: {
        status: milestone.storedStatus,
        shares: milestone.shares,
        termsHash: termsHash(milestone),
        proposalId: proposal.id,
      },
    });
    return saved;
  }

  private locked(work: Work, id: string, action: 'update' | 'approve'): Promise<Milestone> {
    return work.lock({ type: 'Milestone', entity: Milestone, id, action });
  }
}

function assertOpen(milestone: Milestone): void {
  if (FINAL.includes(milestone.storedStatus)) {
    throw new ConflictError(`This milestone is ${milestone.storedStatus}: it can no longer change.`, {
      currentStatus: milestone.storedStatus,
    });
  }
}

/** Only an organisation bound by the current terms (or by the proposed split) has a say. */
function assertBound(
  caller: Caller,
  milestone: Milestone,
  shares: readonly BasisPointShareInput[] | null | undefined,
): void {
  if (!requiredApprovals(milestone, shares).includes(caller.organizationId ?? '')) {
    throw new ForbiddenError(
      'Your organisation is not bound by this milestone (no share, neither funder nor beneficiary), nor by the proposed split: it has no say in changing it.',
    );
  }
}

/** Every party bound by the current terms, and by the proposed split if there is one. */
function requiredApprovals(
  milestone: Milestone,
  shares: readonly BasisPointShareInput[] | null | undefined,
): string[] {
  const parties = new Set(boundParties(milestone));
  if (shares) for (const party of boundParties({ ...milestone, shares })) parties.add(party);
  return [...parties].sort();
}
