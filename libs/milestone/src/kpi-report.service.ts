import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource, type EntityManager } from 'typeorm';
import {
  accessibleBy,
  AuthorizationService,
  authorizedRecord,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  paginate,
  UnitOfWork,
  type Caller,
  type ConnectionShape,
  type Work,
} from '@tetrad/core';
import { ScenarioService, type Scenario } from '@tetrad/scenario';
import type { KpiReportsArgs, SubmitKpiReportInput } from './dto/milestone.inputs';
import { deriveKpiFigures, type KpiFigures } from './kpi-figures';
import { checkedReportValues } from './kpi-report-checks';
import { throughputBaseline } from './kpi-reconciliation';
import { KpiReport } from './kpi-report.entity';
import { KpiReportStatus } from './milestone-enums';
import { KPI_REPORT_COLUMNS } from './milestone.rules';
import { MilestoneEvaluationService } from './milestone-evaluation.service';

/**
 * KPI reports: submitted by the scenario user for a period that overlaps no live report of the
 * scenario, with declared values that agree with its counts; verified or disputed by another party.
 * A dispute is resolved by the submitter withdrawing the report or the disputer verifying it after
 * all. Verifying and withdrawing re-evaluate the scenario's open milestones in the same transaction.
 */
@Injectable()
export class KpiReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly scenarios: ScenarioService,
    private readonly evaluation: MilestoneEvaluationService,
    private readonly work: UnitOfWork,
  ) {}

  async submit(caller: Caller, input: SubmitKpiReportInput): Promise<KpiReport> {
    const scenario = await this.scenarios.get(caller, input.scenarioId);
    const ability = await this.authorization.abilityFor(caller);
    const target = {
      id: '',
      consortiumId: scenario.consortiumId,
      submittedByOrganizationId: caller.organizationId ?? '',
    };
    if (!ability.can('create', subject('KpiReport', target))) {
      throw new ForbiddenError("Only the scenario user's admins and engineers submit its KPI reports.");
    }
    const values = checkedReportValues(input, scenario);
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kpi-report:${scenario.id}`]);
      await assertNoOverlap(manager, scenario.id, input.periodStart, input.periodEnd);
      const report = await manager.save(
        manager.create(KpiReport, {
          ...input,
          successes: input.successes ?? null,
          attempts: input.attempts ?? null,
          values,
          consortiumId: scenario.consortiumId,
          submittedByOrganizationId: caller.organizationId!,
          submittedByUserId: caller.userId,
        }),
      );
      await work.record('KpiReport', report, {
        action: 'kpiReport.submit',
        after: { ...report },
      });
      return report;
    });
  }

  /** Another party confirms the values; only verified reports count. */
  async verify(caller: Caller, id: string, remark: string | undefined): Promise<KpiReport> {
    return this.review(caller, id, KpiReportStatus.VERIFIED, remark ?? null);
  }

  async dispute(caller: Caller, id: string, reason: string | undefined): Promise<KpiReport> {
    if (!reason) {
      throw new InvalidInputError('Say what is wrong with the report.', [
        { field: 'reason', message: 'required to dispute' },
      ]);
    }
    return this.review(caller, id, KpiReportStatus.DISPUTED, reason);
  }

  /**
   * The submitting organisation takes its report back, submitted or disputed: it never counts
   * again and its period is free for a corrected report.
   */
  withdraw(caller: Caller, id: string, reason: string): Promise<KpiReport> {
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const report = await this.lockedReport(work, id);
      if (report.submittedByOrganizationId !== caller.organizationId) {
        throw new ForbiddenError('Only the organisation that submitted a report withdraws it.');
      }
      await this.authorization.assertCan(caller, 'withdraw', 'KpiReport', { ...report }, id);
      if (report.status !== KpiReportStatus.SUBMITTED && report.status !== KpiReportStatus.DISPUTED) {
        throw new ConflictError(
          `This report is ${report.status}; only a submitted or disputed report can be withdrawn.`,
          { currentStatus: report.status },
        );
      }
      const before = { status: report.status };
      Object.assign(report, {
        status: KpiReportStatus.WITHDRAWN,
        withdrawnByUserId: caller.userId,
        withdrawnAt: new Date(),
        withdrawalReason: reason,
      });
      const saved = await manager.save(report);
      await work.record('KpiReport', saved, {
        action: 'kpiReport.withdraw',
        before,
        after: { ...saved },
      });
      await this.evaluation.evaluateScenario(manager, caller, report.scenarioId);
      return saved;
    });
  }

  get(caller: Caller, id: string): Promise<KpiReport> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'KpiReport',
      entity: KpiReport,
      id,
      action: 'read',
    });
  }

  async list(caller: Caller, args: KpiReportsArgs): Promise<ConnectionShape<KpiReport>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'KpiReport', KPI_REPORT_COLUMNS);
    const query = this.dataSource
      .getRepository(KpiReport)
      .createQueryBuilder('report')
      .where(scope.sql, scope.params);
    if (args.consortiumId)
      query.andWhere('report.consortium_id = :consortiumId', { consortiumId: args.consortiumId });
    if (args.scenarioId) query.andWhere('report.scenario_id = :scenarioId', { scenarioId: args.scenarioId });
    if (args.status) query.andWhere('report.status = :status', { status: args.status });
    return paginate(query, args, {
      name: 'PERIOD_DESC',
      column: 'report.period_start',
      direction: 'DESC',
      valueOf: (report) => report.periodStart.toISOString(),
    });
  }

  /** Throughput overall and per robot, success rate, and the ratio to the human pace. */
  figures(report: KpiReport, scenario: Scenario): KpiFigures {
    return deriveKpiFigures(
      { ...report, periodStart: report.periodStart.toISOString(), periodEnd: report.periodEnd.toISOString() },
      throughputBaseline(scenario.kpis),
    );
  }

  /**
   * Verify or dispute a submitted report; or resolve a dispute by verifying after all, which only
   * the disputing organisation does, and only while no corrected report covers the period.
   */
  private review(
    caller: Caller,
    id: string,
    status: KpiReportStatus.VERIFIED | KpiReportStatus.DISPUTED,
    reason: string | null,
  ): Promise<KpiReport> {
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const report = await this.lockedReport(work, id);
      if (report.submittedByOrganizationId === caller.organizationId) {
        throw new ForbiddenError(
          'Another party of the consortium verifies a report, not the organisation that submitted it.',
        );
      }
      await this.authorization.assertCan(caller, 'verify', 'KpiReport', { ...report }, id);
      const before = { status: report.status };
      if (report.status === KpiReportStatus.DISPUTED && status === KpiReportStatus.VERIFIED) {
        await this.assertMayResolve(manager, caller, report);
      } else if (report.status !== KpiReportStatus.SUBMITTED) {
        throw new ConflictError(`This report is ${report.status} already.`, { currentStatus: report.status });
      }
      Object.assign(report, {
        status,
        reviewedByOrganizationId: caller.organizationId,
        reviewedByUserId: caller.userId,
        reviewedAt: new Date(),
        reviewReason: reason ?? (before.status === KpiReportStatus.DISPUTED ? report.reviewReason : null),
      });
      const saved = await manager.save(report);
      await work.record('KpiReport', saved, {
        action: status === KpiReportStatus.VERIFIED ? 'kpiReport.verify' : 'kpiReport.dispute',
        before,
        after: { ...saved },
      });
      if (status === KpiReportStatus.VERIFIED)
        await this.evaluation.evaluateScenario(manager, caller, report.scenarioId);
      return saved;
    });
  }

  private async assertMayResolve(manager: EntityManager, caller: Caller, report: KpiReport): Promise<void> {
    if (report.reviewedByOrganizationId !== caller.organizationId) {
      throw new ForbiddenError(
        'Only the organisation that disputed this report verifies it after all; the submitter may withdraw it.',
      );
    }
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kpi-report:${report.scenarioId}`]);
    await assertNoOverlap(manager, report.scenarioId, report.periodStart, report.periodEnd);
  }

  private lockedReport(work: Work, id: string): Promise<KpiReport> {
    return work.lock({ type: 'KpiReport', entity: KpiReport, id, action: 'read' });
  }
}

async function assertNoOverlap(
  manager: EntityManager,
  scenarioId: string,
  start: Date,
  end: Date,
): Promise<void> {
  const overlapping = await manager
    .getRepository(KpiReport)
    .createQueryBuilder('report')
    .where('report.scenario_id = :scenarioId', { scenarioId })
    .andWhere('report.status IN (:...live)', { live: [KpiReportStatus.SUBMITTED, KpiReportStatus.VERIFIED] })
    .andWhere('report.period_start < :end AND report.period_end > :start', { start, end })
    .orderBy('report.period_start')
    .getOne();
  if (overlapping) {
    throw new ConflictError(
      `The period overlaps report ${overlapping.id} (${overlapping.periodStart.toISOString()} to ${overlapping.periodEnd.toISOString()}). Report a period that does not, or have that report disputed or withdrawn first.`,
      { overlappingReportId: overlapping.id },
    );
  }
}
