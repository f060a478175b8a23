import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, TetradDataSource, type AppConfig, type UserRole } from '@tetrad/core';
import { ConsortiumService, ConsortiumStatus, Sector } from '@tetrad/consortium';
import {
  AnonymisationStatus,
  DataModality,
  DatasetFormat,
  DatasetService,
  DatasetSensitivity,
  Purpose,
} from '@tetrad/dataset';
import { InvitationService } from '@tetrad/identity';
import { KpiComparator, MilestoneImportService } from '@tetrad/milestone';
import { OrganizationKind, OrganizationService } from '@tetrad/organization';
import { KpiDirection, ScenarioService, type Scenario } from '@tetrad/scenario';
import { DEMO_CONSORTIA, DEMO_DATASETS, DEMO_ORGANIZATIONS, DEMO_PEOPLE, DEMO_SCENARIO } from '../index';

const DAY_MS = 86_400_000;
const DEMO_INVITATION_DAYS = 365;
/** The advisory lock that lets one of several instances starting together seed, the others wait. */
export const DEMO_SEED_LOCK = 'tetrad.demo-seed';

/**
 * With SEED_DEMO_DATA=true (npm start, npm run seed): the demo data, in order, through the domains'
 * public services, each step audited as the system — organisations, invitations for the demo
 * people (who join through the ordinary first sign-in), consortia, the worked example's scenario,
 * its datasets, and its verified KPI report with a committed milestone. Under an advisory lock, so
 * instances booting together seed once; every step skips what exists, so a restart (or the
 * instance that waited) finds it in place and writes nothing.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationService,
    private readonly invitations: InvitationService,
    private readonly consortia: ConsortiumService,
    private readonly scenarios: ScenarioService,
    private readonly datasets: DatasetService,
    private readonly milestones: MilestoneImportService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const dataSource = this.dataSource as TetradDataSource;
    await dataSource.underBootLock(DEMO_SEED_LOCK, () => this.seed());
  }

  /** Every step in order; safe to run again. */
  async seed(): Promise<void> {
    const ids = await this.seedOrganizations();
    await this.seedInvitations(ids);
    await this.seedConsortia(ids);
    const scenario = await this.seedScenario();
    if (!scenario) return;
    await this.seedDatasets(scenario, ids);
    await this.seedReportAndMilestone(scenario, ids);
  }

  /** The demo organisations' ids by demo key. */
  private async seedOrganizations(): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    let created = 0;
    for (const { key, ...fields } of DEMO_ORGANIZATIONS) {
      const existing = await this.organizations.findByCode(fields.unifiedSocialCreditCode);
      const organization =
        existing ?? (await this.organizations.create({ ...fields, kind: fields.kind as OrganizationKind }));
      if (!existing) created += 1;
      ids.set(key, organization.id);
    }
    if (created > 0) this.logger.log(`Demo data: ${created} organisations`);
    return ids;
  }

  private async seedInvitations(ids: Map<string, string>): Promise<void> {
    const expiresAt = new Date(Date.now() + DEMO_INVITATION_DAYS * DAY_MS);
    const created = await this.invitations.inviteAsSystem(
      DEMO_PEOPLE.flatMap((person) => {
        const organizationId = person.organization ? ids.get(person.organization) : undefined;
        if (!organizationId) return [];
        return [{ organizationId, email: person.email, roles: person.roles as UserRole[], expiresAt }];
      }),
    );
    if (created > 0) this.logger.log(`Demo data: ${created} invitations`);
  }

  private async seedConsortia(ids: Map<string, string>): Promise<void> {
    for (const demo of DEMO_CONSORTIA) {
      const { created } = await this.consortia.establishAsSystem({
        name: demo.name,
        sector: demo.sector as Sector,
        region: demo.region,
        status: demo.status as ConsortiumStatus,
        memberOrganizationIds: demo.members.map((key) => ids.get(key)!),
      });
      if (created) this.logger.log(`Demo data: consortium "${demo.name}"`);
    }
  }

  /** The worked example's scenario in its consortium (undefined if that consortium is gone). */
  private async seedScenario(): Promise<Scenario | undefined> {
    const consortiumName = DEMO_CONSORTIA.find((demo) => demo.key === DEMO_SCENARIO.consortium)!.name;
    const consortiumId = await this.consortia.idByName(consortiumName);
    if (!consortiumId) return undefined;
    return this.scenarios.establishAsSystem(consortiumId, {
      name: DEMO_SCENARIO.name,
      site: DEMO_SCENARIO.site,
      unitsDeployed: DEMO_SCENARIO.unitsDeployed,
      targetUnits: DEMO_SCENARIO.targetUnits,
      sector: DEMO_SCENARIO.sector as Sector,
      kpis: DEMO_SCENARIO.kpis.map((kpi) => ({ ...kpi, direction: kpi.direction as KpiDirection })),
    });
  }

  private async seedDatasets(scenario: Scenario, ids: Map<string, string>): Promise<void> {
    const created = await this.datasets.registerAsSystem(
      scenario,
      DEMO_DATASETS.map(({ owner, ...demo }) => ({
        ...demo,
        modalities: demo.modalities as DataModality[],
        format: demo.format as DatasetFormat,
        features: demo.features.map((feature) => ({
          ...feature,
          modality: feature.modality as DataModality,
        })),
        anonymisation: demo.anonymisation as AnonymisationStatus,
        sensitivity: demo.sensitivity as DatasetSensitivity,
        allowedPurposes: demo.allowedPurposes as Purpose[],
        ownerOrganizationId: ids.get(owner)!,
      })),
    );
    if (created > 0) this.logger.log(`Demo data: ${created} datasets of the parcel-sorting scenario`);
  }

  /**
   * One verified KPI report of 3 robots, 200 hours and 249,600 parcels, and a milestone at 21
   * parcels a minute that it does not yet meet, committed by all four parties the day before its
   * window opened (the scenario user funds the reward and receives the risk).
   */
  private async seedReportAndMilestone(scenario: Scenario, ids: Map<string, string>): Promise<void> {
    const { report, milestone } = DEMO_SCENARIO;
    const now = Date.now();
    const scenarioUser = ids.get(DEMO_SCENARIO.scenarioUser)!;
    const windowStart = new Date(now - milestone.windowStartDaysAgo * DAY_MS);
    const dueAt = new Date(now + milestone.dueInDays * DAY_MS);
    const created = await this.milestones.importAgreedAsSystem(
      scenario,
      {
        unitsProcessed: report.unitsProcessed,
        operatingHours: report.operatingHours,
        robotsInService: report.robotsInService,
        interventions: report.interventions,
        successes: report.successes,
        attempts: report.attempts,
        values: report.values.map((value) => ({ ...value })),
        periodStart: new Date(now - report.startDaysAgo * DAY_MS),
        periodEnd: new Date(now - report.endDaysAgo * DAY_MS),
        submittedByOrganizationId: scenarioUser,
        reviewedByOrganizationId: ids.get(DEMO_SCENARIO.verifier)!,
        reviewedAt: new Date(now),
        reviewReason: "Checked against the sorter's own counters.",
      },
      {
        name: milestone.name,
        currency: milestone.currency,
        rewardPoolMinor: milestone.rewardPoolMinor,
        riskAmountMinor: milestone.riskAmountMinor,
        targets: milestone.targets.map((target) => ({
          ...target,
          comparator: target.comparator as KpiComparator,
        })),
        windowStart,
        windowEnd: dueAt,
        dueAt,
        shares: Object.entries(milestone.basisPoints)
          .map(([key, basisPoints]) => ({ organizationId: ids.get(key)!, basisPoints }))
          .sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
        rewardFunderOrganizationId: scenarioUser,
        riskBeneficiaryOrganizationId: scenarioUser,
        proposedByOrganizationId: scenarioUser,
        committedAt: new Date(windowStart.getTime() - DAY_MS),
      },
    );
    if (created) this.logger.log('Demo data: the parcel-sorting KPI report and a committed milestone');
  }
}
