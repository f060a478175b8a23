import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Connection,
  connectionCost,
  CurrentCaller,
  UUIDScalar,
  type Caller,
  type RequestLoaders,
} from '@tetrad/core';
import { SCENARIO_BY_ID } from '@tetrad/scenario';
import {
  CreateMilestoneInput,
  KpiReportsArgs,
  LedgerArgs,
  LedgerTotalsArgs,
  MilestonesArgs,
  ProposeMilestoneChangeArgs,
  ReviewKpiReportArgs,
  SubmitKpiReportInput,
  UpdateMilestoneSplitArgs,
  WithdrawKpiReportArgs,
} from './dto/milestone.inputs';
import { KpiFiguresType, LedgerTotalType, MilestoneEvaluationType } from './dto/milestone.types';
import { KpiReport } from './kpi-report.entity';
import { KpiReportService } from './kpi-report.service';
import { LedgerService } from './ledger.service';
import { MilestoneStatus } from './milestone-enums';
import { LedgerEntry, Milestone, MilestoneProposal } from './milestone.entity';
import { MILESTONE_EVALUATION, MILESTONE_PROPOSALS } from './milestone.loaders';
import { milestoneStatus, MilestoneService } from './milestone.service';

@ObjectType()
export class KpiReportConnection extends Connection(KpiReport) {}

@ObjectType()
export class MilestoneConnection extends Connection(Milestone) {}

@ObjectType()
export class LedgerEntryConnection extends Connection(LedgerEntry) {}

@Resolver(() => KpiReport)
export class KpiReportResolver {
  constructor(private readonly reports: KpiReportService) {}

  @Query(() => KpiReport)
  kpiReport(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<KpiReport> {
    return this.reports.get(caller, id);
  }

  @Query(() => KpiReportConnection, {
    description: 'KPI reports of your consortia, newest period first.',
    complexity: connectionCost,
  })
  kpiReports(@CurrentCaller() caller: Caller, @Args() args: KpiReportsArgs): Promise<KpiReportConnection> {
    return this.reports.list(caller, args);
  }

  @Mutation(() => KpiReport, {
    description:
      'The scenario user reports measured values for a period. Declared values of KPIs Tetrad computes from the counts must agree with them (0.5 % or rounding); left out, they are filled from the counts. Operating hours fit in the period, robots in service in the units deployed.',
  })
  submitKpiReport(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SubmitKpiReportInput,
  ): Promise<KpiReport> {
    return this.reports.submit(caller, input);
  }

  @Mutation(() => KpiReport, {
    description:
      'Another party confirms a report, or the party that disputed it confirms it after all; its milestones are re-evaluated.',
  })
  verifyKpiReport(@CurrentCaller() caller: Caller, @Args() args: ReviewKpiReportArgs): Promise<KpiReport> {
    return this.reports.verify(caller, args.id, args.reason);
  }

  @Mutation(() => KpiReport, {
    description: 'Another party disputes a report, saying why; it will not count.',
  })
  disputeKpiReport(@CurrentCaller() caller: Caller, @Args() args: ReviewKpiReportArgs): Promise<KpiReport> {
    return this.reports.dispute(caller, args.id, args.reason);
  }

  @Mutation(() => KpiReport, {
    description:
      'The submitting organisation withdraws its submitted or disputed report: it never counts, its period is free for a corrected report, and its milestones are re-evaluated.',
  })
  withdrawKpiReport(
    @CurrentCaller() caller: Caller,
    @Args() args: WithdrawKpiReportArgs,
  ): Promise<KpiReport> {
    return this.reports.withdraw(caller, args.id, args.reason);
  }

  @ResolveField(() => KpiFiguresType)
  async figures(
    @Parent() report: KpiReport,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<KpiFiguresType> {
    const scenario = await loaders.get(SCENARIO_BY_ID).load(report.scenarioId);
    if (!scenario) throw new Error(`Scenario ${report.scenarioId} vanished`);
    return this.reports.figures(report, scenario);
  }
}

@Resolver(() => Milestone)
export class MilestoneResolver {
  constructor(private readonly milestoneService: MilestoneService) {}

  @Query(() => Milestone)
  milestone(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Milestone> {
    return this.milestoneService.get(caller, id);
  }

  @Query(() => MilestoneConnection, {
    description: 'Milestones of your consortia, by due date.',
    complexity: connectionCost,
  })
  milestones(@CurrentCaller() caller: Caller, @Args() args: MilestonesArgs): Promise<MilestoneConnection> {
    return this.milestoneService.list(caller, args);
  }

  @Mutation(() => Milestone, {
    description: 'A member admin sets KPI targets, a window, a due date, and the split of reward and risk.',
  })
  createMilestone(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateMilestoneInput,
  ): Promise<Milestone> {
    return this.milestoneService.create(caller, input);
  }

  @Mutation(() => Milestone, {
    description: 'Change the split before the window starts (afterwards: proposeMilestoneChange).',
  })
  updateMilestoneSplit(
    @CurrentCaller() caller: Caller,
    @Args() args: UpdateMilestoneSplitArgs,
  ): Promise<Milestone> {
    return this.milestoneService.updateSplit(caller, args.milestoneId, args.shares);
  }

  @Mutation(() => MilestoneProposal, {
    description: "A waiver or a new split, applied once every member organisation's admin approves.",
  })
  proposeMilestoneChange(
    @CurrentCaller() caller: Caller,
    @Args() args: ProposeMilestoneChangeArgs,
  ): Promise<MilestoneProposal> {
    return this.milestoneService.propose(caller, args);
  }

  @Mutation(() => MilestoneProposal)
  approveMilestoneProposal(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<MilestoneProposal> {
    return this.milestoneService.approve(caller, id);
  }

  @Mutation(() => Milestone, {
    description: 'Judge it now from verified reports; achieving or missing writes the ledger once.',
  })
  evaluateMilestone(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Milestone> {
    return this.milestoneService.evaluate(caller, id);
  }

  @ResolveField(() => MilestoneStatus, {
    description: 'Decided outcomes as stored; PLANNED or IN_PROGRESS by the window.',
  })
  status(@Parent() milestone: Milestone): MilestoneStatus {
    return milestoneStatus(milestone);
  }

  @ResolveField(() => MilestoneEvaluationType, {
    description: 'The evaluation explained: which report, which value, which target.',
  })
  evaluation(
    @Parent() milestone: Milestone,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<MilestoneEvaluationType> {
    return loaders.get(MILESTONE_EVALUATION).load(milestone);
  }

  @ResolveField(() => [MilestoneProposal])
  proposals(
    @Parent() milestone: Milestone,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<MilestoneProposal[]> {
    return loaders.get(MILESTONE_PROPOSALS).load(milestone.id);
  }
}

@Resolver(() => LedgerEntry)
export class LedgerResolver {
  constructor(private readonly ledger: LedgerService) {}

  @Query(() => LedgerEntryConnection, {
    description: 'Ledger entries of your consortia.',
    complexity: connectionCost,
  })
  ledgerEntries(@CurrentCaller() caller: Caller, @Args() args: LedgerArgs): Promise<LedgerEntryConnection> {
    return this.ledger.entries(caller, args);
  }

  @Query(() => [LedgerTotalType], {
    description: 'Totals per party and currency, for a consortium, a scenario or a party.',
  })
  ledgerTotals(@CurrentCaller() caller: Caller, @Args() args: LedgerTotalsArgs): Promise<LedgerTotalType[]> {
    return this.ledger.totals(caller, args);
  }
}
