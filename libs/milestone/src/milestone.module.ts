import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@tetrad/core';
import { ConsortiumModule } from '@tetrad/consortium';
import { OrganizationModule } from '@tetrad/organization';
import { ScenarioModule } from '@tetrad/scenario';
import { KpiReport } from './kpi-report.entity';
import { KpiReportService } from './kpi-report.service';
import { LedgerService } from './ledger.service';
import { MilestoneEvaluationService } from './milestone-evaluation.service';
import { MilestoneDemoSeed } from './milestone-demo-seed';
import { MilestoneSweeper } from './milestone-sweeper';
import { LedgerEntry, Milestone, MilestoneProposal } from './milestone.entity';
import { MilestoneLoaders } from './milestone.loaders';
import { KpiReportResolver, LedgerResolver, MilestoneResolver } from './milestone.resolver';
import { milestoneRules } from './milestone.rules';
import { MilestoneService } from './milestone.service';

/** KPI reports, risk/reward milestones and the ledger (issue 7). */
@Module({
  imports: [
    TypeOrmModule.forFeature([KpiReport, Milestone, MilestoneProposal, LedgerEntry]),
    ScenarioModule,
    ConsortiumModule,
    OrganizationModule,
  ],
  providers: [
    KpiReportService,
    MilestoneService,
    MilestoneEvaluationService,
    LedgerService,
    MilestoneSweeper,
    MilestoneDemoSeed,
    MilestoneLoaders,
    KpiReportResolver,
    MilestoneResolver,
    LedgerResolver,
  ],
  exports: [MilestoneService, LedgerService],
})
export class MilestoneModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.register(milestoneRules);
  }
}
