import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource, type EntityManager } from 'typeorm';
import {
  accessibleBy,
  AuditTrail,
  AuthorizationService,
  authorizedRecord,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  paginate,
  recordChange,
  type Caller,
  type ConnectionShape,
} from '@tetrad/core';
import { ScenarioService, type Scenario } from '@tetrad/scenario';
import type { KpiReportsArgs, SubmitKpiReportInput } from './dto/milestone.inputs';
import { deriveKpiFigures, type KpiFigures } from './kpi-figures';
import { KpiReport } from './kpi-report.entity';
import { KpiReportStatus } from './milestone-enums';
import { KPI_REPORT_COLUMNS } from './milestone.rules';
import { MilestoneEvaluationService } from './milestone-evaluation.service';

/** The KPI whose human baseline the derived throughput is compared with. */
export const THROUGHPUT_KPI = 'throughput';

/**
 * KPI reports: submitted by the scenario user for a period that overlaps no live report of the
 * scenario, verified or disputed by another party. Verifying re-evaluates the scenario's open
 * milestones in the same transaction.
 */
@Injectable()
export class KpiReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly scenarios: ScenarioService,
    private readonly evaluation: MilestoneEvaluationService,
    private readonly audit: AuditTrail,
  ) {}

  async submit(caller: Caller, input: SubmitKpiReportInput): Promise<KpiReport> {
    const scenario = await this.scenarios.get(caller, input.scenarioId);
    validateReport(input, scenario);
    const ability = await this.authorization.abilityFor(caller);
    const target = {
      id: '',
      consortiumId: scenario.consortiumId,
      submittedByOrganizationId: caller.organizationId ?? '',
    };
    if (!ability.can('create', subject('KpiReport', target))) {
      throw new ForbiddenError("Only the scenario user's admins and engineers submit its KPI reports.");
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kpi-report:${scenario.id}`]);
      await assertNoOverlap(manager, scenario.id, input.periodStart, input.periodEnd);
      const report = await manager.save(
        manager.create(KpiReport, {
          ...input,
          successes: input.successes ?? null,
          attempts: input.attempts ?? null,
          values: input.values.map(({ kpiKey, value }) => ({ kpiKey, value })),
          consortiumId: scenario.consortiumId,
          submittedByOrganizationId: caller.organizationId!,
          submittedByUserId: caller.userId,
        }),
      );
      await recordChange(this.audit, manager, caller, 'KpiReport', report, {
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
    const throughput = scenario.kpis.find((kpi) => kpi.key === THROUGHPUT_KPI);
    const low = throughput?.humanBaseline ?? null;
    const baseline = low === null ? null : { low, high: throughput?.humanBaselineHigh ?? low };
    return deriveKpiFigures(
      { ...report, periodStart: report.periodStart.toISOString(), periodEnd: report.periodEnd.toISOString() },
      baseline,
    );
  }

  private async review(
    caller: Caller,
    id: string,
    status: KpiReportStatus,
    reason: string | null,
  ): Promise<KpiReport> {
    await this.authorization.abilityFor(caller);
    return this.dataSource.transaction(async (manager) => {
      const report = await authorizedRecord(this.authorization, manager, caller, {
        type: 'KpiReport',
        entity: KpiReport,
        id,
        action: 'read',
        lock: true,
      });
      if (report.submittedByOrganizationId === caller.organizationId) {
        throw new ForbiddenError(
          'Another party of the consortium verifies a report, not the organisation that submitted it.',
        );
      }
      await this.authorization.assertCan(caller, 'verify', 'KpiReport', { ...report }, id);
      if (report.status !== KpiReportStatus.SUBMITTED) {
        throw new ConflictError(`This report is ${report.status} already.`, { currentStatus: report.status });
      }
      Object.assign(report, {
        status,
        reviewedByOrganizationId: caller.organizationId,
        reviewedByUserId: caller.userId,
        reviewedAt: new Date(),
        reviewReason: reason,
      });
      const saved = await manager.save(report);
      await recordChange(this.audit, manager, caller, 'KpiReport', saved, {
        action: status === KpiReportStatus.VERIFIED ? 'kpiReport.verify' : 'kpiReport.dispute',
        before: { status: KpiReportStatus.SUBMITTED },
        after: { ...saved },
      });
      if (status === KpiReportStatus.VERIFIED)
        await this.evaluation.evaluateScenario(manager, caller, report.scenarioId);
      return saved;
    });
  }
}

function validateReport(input: SubmitKpiReportInput, scenario: Scenario): void {
  if (input.periodEnd <= input.periodStart) {
    throw new InvalidInputError('The period must end after it starts.', [
      { field: 'input.periodEnd', message: 'must be after periodStart' },
    ]);
  }
  if (input.periodEnd.getTime() > Date.now()) {
    throw new InvalidInputError('A report covers a period that has ended.', [
      { field: 'input.periodEnd', message: 'is in the future' },
    ]);
  }
  if (input.successes !== undefined && input.attempts !== undefined && input.successes > input.attempts) {
    throw new InvalidInputError('Successes cannot exceed attempts.', [
      { field: 'input.successes', message: 'more than attempts' },
    ]);
  }
  const known = scenario.kpis.map((kpi) => kpi.key);
  const seen = new Set<string>();
  for (const [index, { kpiKey }] of input.values.entries()) {
    if (!known.includes(kpiKey)) {
      throw new InvalidInputError(
        `The scenario defines no KPI "${kpiKey}"; its KPIs are ${known.join(', ') || 'none yet'}.`,
        [{ field: `input.values.${index}.kpiKey`, message: 'not a KPI of the scenario' }],
      );
    }
    if (seen.has(kpiKey)) {
      throw new InvalidInputError(`"${kpiKey}" is given twice.`, [
        { field: `input.values.${index}.kpiKey`, message: 'duplicate' },
      ]);
    }
    seen.add(kpiKey);
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
    .andWhere('report.status <> :disputed', { disputed: KpiReportStatus.DISPUTED })
    .andWhere('report.period_start < :end AND report.period_end > :start', { start, end })
    .orderBy('report.period_start')
    .getOne();
  if (overlapping) {
    throw new ConflictError(
      `The period overlaps report ${overlapping.id} (${overlapping.periodStart.toISOString()} to ${overlapping.periodEnd.toISOString()}). Report a period that does not, or have that report disputed first.`,
      { overlappingReportId: overlapping.id },
    );
  }
}
