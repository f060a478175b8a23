import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial } from 'typeorm';
import { AuditTrail } from '@tetrad/core';
import { KpiReport } from './kpi-report.entity';
import { KpiReportStatus, MilestoneStatus } from './milestone-enums';
import { boundParties, termsHash } from './milestone-terms';
import { Milestone, MilestoneAcceptance } from './milestone.entity';

/** A verified KPI report, as the platform records it (its scenario and status are set here). */
export type SystemKpiReportSpec = Omit<
  DeepPartial<KpiReport>,
  'consortiumId' | 'scenarioId' | 'status' | 'submittedByUserId'
>;

/** A milestone every bound party committed to at `committedAt` (its scenario and status are set here). */
export type SystemMilestoneSpec = Omit<
  DeepPartial<Milestone>,
  'consortiumId' | 'scenarioId' | 'storedStatus' | 'committedAt' | 'committedTermsHash'
> & { committedAt: Date };

/**
 * History the platform records itself (seeding; no caller): a scenario's verified KPI report and a
 * milestone its parties had already committed to, with every bound party's acceptance, audited as
 * the system. Only into a scenario without KPI reports.
 */
@Injectable()
export class MilestoneImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** False, writing nothing, when the scenario already has a KPI report. */
  async importAgreedAsSystem(
    scenario: { id: string; consortiumId: string },
    report: SystemKpiReportSpec,
    milestone: SystemMilestoneSpec,
  ): Promise<boolean> {
    const { consortiumId, id: scenarioId } = scenario;
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(KpiReport, { scenarioId })) return false;
      const savedReport = await manager.save(
        manager.create(KpiReport, {
          ...report,
          consortiumId,
          scenarioId,
          submittedByUserId: null,
          status: KpiReportStatus.VERIFIED,
        }),
      );
      const draft = manager.create(Milestone, {
        ...milestone,
        consortiumId,
        scenarioId,
        storedStatus: MilestoneStatus.COMMITTED,
      });
      draft.committedTermsHash = termsHash(draft);
      const savedMilestone = await manager.save(draft);
      await manager.insert(
        MilestoneAcceptance,
        boundParties(savedMilestone).map((organizationId) => ({
          milestoneId: savedMilestone.id,
          consortiumId,
          organizationId,
          termsHash: savedMilestone.committedTermsHash!,
          termsVersion: savedMilestone.termsVersion,
          acceptedByUserId: null,
          acceptedAt: milestone.committedAt,
        })),
      );
      for (const [subjectType, record] of [
        ['KpiReport', savedReport],
        ['Milestone', savedMilestone],
      ] as const) {
        await this.audit.record(manager, null, {
          action: `${subjectType === 'KpiReport' ? 'kpiReport' : 'milestone'}.seed`,
          subjectType,
          subjectId: record.id,
          consortiumId,
          after: { ...record },
        });
      }
      return true;
    });
  }
}
