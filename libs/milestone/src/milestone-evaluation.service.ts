import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { AuditTrail, recordChange, type Caller } from '@tetrad/core';
import { KpiReportStatus, LedgerEntryKind, MilestoneStatus } from './milestone-enums';
import {
  evaluateMilestone,
  type MilestoneEvaluation,
  type UnsettledReport,
  type VerifiedReport,
} from './milestone-evaluation';
import { ledgerLines, type LedgerLine } from './milestone-terms';
import { LedgerEntry, Milestone } from './milestone.entity';

/** Only committed terms are judged: a proposal binds nobody. */
const OPEN = [MilestoneStatus.COMMITTED];

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
    const [evaluation] = await this.explainAll([milestone], manager);
    return evaluation!;
  }

  /** `explain` for a page of milestones, in one statement. */
  async explainAll(
    milestones: readonly Milestone[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MilestoneEvaluation[]> {
    const reports = await reportsInWindows(manager, milestones);
    const now = new Date().toISOString();
    return milestones.map((milestone, index) =>
      evaluateMilestone(toEvaluable(milestone), reports[index]!.verified, now, reports[index]!.unsettled),
    );
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
    milestone.decisionSummary = result.summary;
    const saved = await manager.save(milestone);
    const entries = await this.writeLedger(manager, saved, result.outcome);
    await recordChange(this.audit, manager, actor, 'Milestone', saved, {
      action: `milestone.${result.outcome.toLowerCase()}`,
      before: { status: MilestoneStatus.COMMITTED },
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

  /** Who owes whom; a share one pays to oneself is settled as it is written. */
  private async writeLedger(
    manager: EntityManager,
    milestone: Milestone,
    outcome: 'ACHIEVED' | 'MISSED',
  ): Promise<LedgerLine[]> {
    const lines = ledgerLines(milestone, outcome);
    if (lines.length === 0) return lines;
    const now = new Date();
    await manager
      .createQueryBuilder()
      .insert()
      .into(LedgerEntry)
      .values(
        lines.map((line) => {
          const own = line.payerOrganizationId === line.payeeOrganizationId;
          return {
            milestoneId: milestone.id,
            organizationId: line.organizationId,
            kind: line.kind === 'REWARD' ? LedgerEntryKind.REWARD : LedgerEntryKind.RISK,
            consortiumId: milestone.consortiumId,
            scenarioId: milestone.scenarioId,
            basisPoints: line.basisPoints,
            amountMinor: line.amountMinor,
            currency: milestone.currency,
            payerOrganizationId: line.payerOrganizationId,
            payeeOrganizationId: line.payeeOrganizationId,
            settledAt: own ? now : null,
            settlementReference: own ? OWN_SHARE_REFERENCE : null,
          };
        }),
      )
      .orIgnore()
      .execute();
    return lines;
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
    decisionSummary: milestone.decisionSummary,
  };
}

/** The settlement reference of a share the payer owes itself: nothing to transfer. */
export const OWN_SHARE_REFERENCE = 'own share: nothing to transfer';

interface WindowReportRow {
  ord: number;
  id: string;
  status: KpiReportStatus;
  periodStart: Date | string;
  periodEnd: Date | string;
  operatingHours: number;
  values: { kpiKey: string; value: number }[];
}

interface WindowReports {
  verified: VerifiedReport[];
  unsettled: UnsettledReport[];
}

/**
 * Each milestone's reports within its window that were submitted by its due date, oldest period
 * first: the verified ones, which count, and those awaiting verification or disputed, which hold
 * a decision back.
 */
async function reportsInWindows(
  manager: EntityManager,
  milestones: readonly Milestone[],
): Promise<WindowReports[]> {
  if (milestones.length === 0) return [];
  // The windows are the milestones' as given (not re-read), matched in SQL as for a single one.
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT wanted.ord::int AS "ord", report.id, report.status AS "status",
            report.period_start AS "periodStart", report.period_end AS "periodEnd",
            report.operating_hours AS "operatingHours", report.values
       FROM unnest(CAST(ARRAY[:...scenarioIds] AS uuid[]), CAST(ARRAY[:...starts] AS timestamptz[]),
                   CAST(ARRAY[:...ends] AS timestamptz[]), CAST(ARRAY[:...dues] AS timestamptz[]))
            WITH ORDINALITY AS wanted(scenario_id, window_start, window_end, due_at, ord)
       JOIN kpi_report report ON report.scenario_id = wanted.scenario_id
        AND report.status IN (:...counted)
        AND report.period_start >= wanted.window_start AND report.period_end <= wanted.window_end
        AND report.created_at <= wanted.due_at
      ORDER BY wanted.ord, report.period_start, report.id`,
    {
      scenarioIds: milestones.map((milestone) => milestone.scenarioId),
      starts: milestones.map((milestone) => milestone.windowStart),
      ends: milestones.map((milestone) => milestone.windowEnd),
      dues: milestones.map((milestone) => milestone.dueAt),
      counted: [KpiReportStatus.VERIFIED, KpiReportStatus.SUBMITTED, KpiReportStatus.DISPUTED],
    },
  );
  const rows = await manager.query<WindowReportRow[]>(sql, parameters);
  return milestones.map((_milestone, index) => {
    const mine = rows.filter((row) => row.ord === index + 1);
    return {
      verified: mine
        .filter((row) => row.status === KpiReportStatus.VERIFIED)
        .map((row) => ({
          id: row.id,
          periodStart: new Date(row.periodStart).toISOString(),
          periodEnd: new Date(row.periodEnd).toISOString(),
          operatingHours: row.operatingHours,
          values: Object.fromEntries(row.values.map((value) => [value.kpiKey, value.value])),
        })),
      unsettled: mine
        .filter((row) => row.status !== KpiReportStatus.VERIFIED)
        .map((row) => ({ id: row.id, status: row.status as UnsettledReport['status'] })),
    };
  });
}
