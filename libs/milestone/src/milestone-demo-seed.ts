import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuditTrail, type AppConfig } from '@tetrad/core';
import { DEMO_SCENARIO } from '@tetrad/demo-data';
import { OrganizationService } from '@tetrad/organization';
import { ScenarioService, type Scenario } from '@tetrad/scenario';
import { KpiReport } from './kpi-report.entity';
import { KpiComparator, KpiReportStatus, MilestoneStatus } from './milestone-enums';
import { boundParties, termsHash } from './milestone-terms';
import { Milestone, MilestoneAcceptance } from './milestone.entity';

const DAY_MS = 86_400_000;

/**
 * With SEED_DEMO_DATA=true: the programme's worked example (DEMO_SCENARIO) — a scenario with its
 * KPIs, one verified KPI report of 3 robots, 200 hours and 249,600 parcels, and a milestone at 21
 * parcels a minute that the report does not yet meet, committed by all four parties before its
 * window opened (the scenario user funds the reward and receives the risk). Once; audited as the system.
 */
@Injectable()
export class MilestoneDemoSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger(MilestoneDemoSeed.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationService,
    private readonly scenarios: ScenarioService,
    private readonly audit: AuditTrail,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const scenario = await this.scenarios.ensureDemoScenarioInDemoConsortium();
    if (!scenario) return;
    const { ids } = await this.organizations.ensureDemoOrganizations();
    // Another seed may have created the scenario first: what counts is whether its report exists.
    const seeded = await this.dataSource.getRepository(KpiReport).existsBy({ scenarioId: scenario.id });
    if (seeded) return;
    await this.seedReportAndMilestone(scenario, ids);
    this.logger.log('Demo data: the parcel-sorting scenario, its verified KPI report and a milestone');
  }

  private async seedReportAndMilestone(scenario: Scenario, ids: Map<string, string>): Promise<void> {
    const { report: spec, milestone: goal } = DEMO_SCENARIO;
    const now = Date.now();
    await this.dataSource.transaction(async (manager) => {
      const report = await manager.save(
        manager.create(KpiReport, {
          ...spec,
          values: spec.values.map((value) => ({ ...value })),
          consortiumId: scenario.consortiumId,
          scenarioId: scenario.id,
          periodStart: new Date(now - spec.startDaysAgo * DAY_MS),
          periodEnd: new Date(now - spec.endDaysAgo * DAY_MS),
          submittedByOrganizationId: ids.get(DEMO_SCENARIO.scenarioUser)!,
          submittedByUserId: null,
          status: KpiReportStatus.VERIFIED,
          reviewedByOrganizationId: ids.get(DEMO_SCENARIO.verifier)!,
          reviewedAt: new Date(now),
          reviewReason: "Checked against the sorter's own counters.",
        }),
      );
      const scenarioUser = ids.get(DEMO_SCENARIO.scenarioUser)!;
      const windowStart = new Date(now - goal.windowStartDaysAgo * DAY_MS);
      // Agreed by all four parties the day before its window opened.
      const committedAt = new Date(windowStart.getTime() - DAY_MS);
      const draft = manager.create(Milestone, {
        ...goal,
        targets: goal.targets.map((target) => ({
          ...target,
          comparator: target.comparator as KpiComparator,
        })),
        consortiumId: scenario.consortiumId,
        scenarioId: scenario.id,
        windowStart,
        windowEnd: new Date(now + goal.dueInDays * DAY_MS),
        dueAt: new Date(now + goal.dueInDays * DAY_MS),
        shares: Object.entries(goal.basisPoints)
          .map(([key, basisPoints]) => ({ organizationId: ids.get(key)!, basisPoints }))
          .sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
        rewardFunderOrganizationId: scenarioUser,
        riskBeneficiaryOrganizationId: scenarioUser,
        proposedByOrganizationId: scenarioUser,
        storedStatus: MilestoneStatus.COMMITTED,
        committedAt,
      });
      draft.committedTermsHash = termsHash(draft);
      const milestone = await manager.save(draft);
      await manager.insert(
        MilestoneAcceptance,
        boundParties(milestone).map((organizationId) => ({
          milestoneId: milestone.id,
          consortiumId: milestone.consortiumId,
          organizationId,
          termsHash: milestone.committedTermsHash!,
          termsVersion: milestone.termsVersion,
          acceptedByUserId: null,
          acceptedAt: committedAt,
        })),
      );
      for (const [subjectType, record] of [
        ['KpiReport', report],
        ['Milestone', milestone],
      ] as const) {
        await this.audit.record(manager, null, {
          action: `${subjectType === 'KpiReport' ? 'kpiReport' : 'milestone'}.seed`,
          subjectType,
          subjectId: record.id,
          consortiumId: scenario.consortiumId,
          after: { ...record },
        });
      }
    });
  }
}
