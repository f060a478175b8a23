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
import { MilestoneImportService } from './milestone-import.service';
import { MilestoneSweeper } from './milestone-sweeper';
import { MilestoneAgreementService } from './milestone-agreement.service';
import { LedgerEntry, Milestone, MilestoneAcceptance, MilestoneProposal } from './milestone.entity';
import { MilestoneLoaders } from './milestone.loaders';
import { KpiReportResolver, LedgerResolver, MilestoneResolver } from './milestone.resolver';
import { milestoneRules } from './milestone.rules';
import { ScenarioFiguresService } from './scenario-figures.service';
import { MilestoneService } from './milestone.service';

/** KPI reports, risk/reward milestones agreed by every bound party, and the ledger (issues 7, 14). */
@Module({
  imports: [
    TypeOrmModule.forFeature([KpiReport, Milestone, MilestoneProposal, MilestoneAcceptance, LedgerEntry]),
    ScenarioModule,
    ConsortiumModule,
    OrganizationModule,
  ],
  providers: [
    KpiReportService,
    MilestoneService,
    MilestoneAgreementService,
    MilestoneEvaluationService,
    LedgerService,
    MilestoneSweeper,
    MilestoneImportService,
    MilestoneLoaders,
    ScenarioFiguresService,
    KpiReportResolver,
    MilestoneResolver,
    LedgerResolver,
  ],
  exports: [MilestoneService, MilestoneImportService, LedgerService, ScenarioFiguresService],
})
export class MilestoneModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.register(milestoneRules);
  }
}
