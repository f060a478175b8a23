import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { AuditTrail, type Caller } from '@tetrad/core';
import { KpiReport } from './kpi-report.entity';
import { KpiReportStatus, LedgerEntryKind, MilestoneStatus } from './milestone-enums';
import { evaluateMilestone, type MilestoneEvaluation, type VerifiedReport } from './milestone-evaluation';
import { LedgerEntry, Milestone } from './milestone.entity';
import { allocate } from './reward-split';

const OPEN = [MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS];

/**
 * Judging milestones and writing the ledger. Each evaluation locks the milestone row, so two
 * evaluations of one milestone run one after the other and the second finds it decided; the
 * ledger's unique key (milestone, organisation, kind) is the backstop if anything slips past.
 */
@Injectable()
export class MilestoneEvaluationService {
  private readonly logger = new Logger(MilestoneEvaluationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** What the verified reports say now, without deciding anything. */
  async explain(
    milestone: Milestone,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MilestoneEvaluation> {
    const reports = await verifiedReports(manager, milestone);
    return evaluateMilestone(toEvaluable(milestone), reports, new Date().toISOString());
  }

  /** Evaluates one milestone inside the caller's transaction; decides and pays at most once. */
  async evaluateLocked(
    manager: EntityManager,
    actor: Caller | null,
    milestoneId: string,
  ): Promise<Milestone> {
    const milestone = await manager.findOneOrFail(Milestone, {
      where: { id: milestoneId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!OPEN.includes(milestone.storedStatus)) return milestone;
    const result = await this.explain(milestone, manager);
    if (result.outcome !== 'ACHIEVED' && result.outcome !== 'MISSED') return milestone;
    milestone.storedStatus =
      result.outcome === 'ACHIEVED' ? MilestoneStatus.ACHIEVED : MilestoneStatus.MISSED;
    milestone.achievedByReportId = result.achievedBy ?? null;
    milestone.decidedAt = new Date();
    const saved = await manager.save(milestone);
    const entries = await this.writeLedger(manager, saved);
    await this.audit.record(manager, actor, {
      action: `milestone.${result.outcome.toLowerCase()}`,
      subjectType: 'Milestone',
      subjectId: saved.id,
      consortiumId: saved.consortiumId,
      before: { status: MilestoneStatus.IN_PROGRESS },
      after: {
        status: saved.storedStatus,
        summary: result.summary,
        achievedBy: result.achievedBy ?? null,
        ledger: entries,
      },
    });
    return saved;
  }

  /** After a report is verified: every open milestone of its scenario. */
  async evaluateScenario(manager: EntityManager, actor: Caller | null, scenarioId: string): Promise<void> {
    const open = await manager.find(Milestone, {
      select: { id: true },
      where: { scenarioId, storedStatus: In(OPEN) },
    });
    for (const { id } of open) await this.evaluateLocked(manager, actor, id);
  }

  /** The sweeper: open milestones past their due date become MISSED (or ACHIEVED, if reports show it). */
  async evaluateOverdue(limit = 100): Promise<number> {
    const due = await this.dataSource.getRepository(Milestone).find({
      select: { id: true },
      where: { storedStatus: In(OPEN), dueAt: LessThan(new Date()) },
      order: { dueAt: 'ASC' },
      take: limit,
    });
    for (const { id } of due) {
      try {
        await this.dataSource.transaction((manager) => this.evaluateLocked(manager, null, id));
      } catch (error) {
        this.logger.error(
          { err: error, milestoneId: id },
          'Evaluating an overdue milestone failed; the next sweep retries it',
        );
      }
    }
    return due.length;
  }

  private async writeLedger(
    manager: EntityManager,
    milestone: Milestone,
  ): Promise<{ organizationId: string; amountMinor: number }[]> {
    const achieved = milestone.storedStatus === MilestoneStatus.ACHIEVED;
    const amount = achieved ? milestone.rewardPoolMinor : milestone.riskAmountMinor;
    const kind = achieved ? LedgerEntryKind.REWARD : LedgerEntryKind.RISK;
    const parts = allocate(amount, milestone.shares);
    const points = new Map(milestone.shares.map((share) => [share.organizationId, share.basisPoints]));
    await manager
      .createQueryBuilder()
      .insert()
      .into(LedgerEntry)
      .values(
        parts.map((part) => ({
          milestoneId: milestone.id,
          organizationId: part.organizationId,
          kind,
          consortiumId: milestone.consortiumId,
          scenarioId: milestone.scenarioId,
          basisPoints: points.get(part.organizationId) ?? 0,
          amountMinor: part.amountMinor,
          currency: milestone.currency,
        })),
      )
      .orIgnore()
      .execute();
    return parts;
  }
}

export function toEvaluable(milestone: Milestone) {
  return {
    targets: milestone.targets.map((target) => ({
      ...target,
      minOperatingHours: target.minOperatingHours ?? null,
    })),
    windowStart: milestone.windowStart.toISOString(),
    windowEnd: milestone.windowEnd.toISOString(),
    dueAt: milestone.dueAt.toISOString(),
    status: milestone.storedStatus,
  };
}

async function verifiedReports(manager: EntityManager, milestone: Milestone): Promise<VerifiedReport[]> {
  const rows = await manager
    .getRepository(KpiReport)
    .createQueryBuilder('report')
    .where('report.scenario_id = :scenarioId', { scenarioId: milestone.scenarioId })
    .andWhere('report.status = :verified', { verified: KpiReportStatus.VERIFIED })
    .andWhere('report.period_start >= :start AND report.period_end <= :end', {
      start: milestone.windowStart,
      end: milestone.windowEnd,
    })
    .orderBy('report.period_start')
    .addOrderBy('report.id')
    .getMany();
  return rows.map((report) => ({
    id: report.id,
    periodStart: report.periodStart.toISOString(),
    periodEnd: report.periodEnd.toISOString(),
    operatingHours: report.operatingHours,
    values: Object.fromEntries(report.values.map((value) => [value.kpiKey, value.value])),
  }));
}
