import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Authorized,
  Connection,
  connectionCost,
  CurrentCaller,
  FileDownloadType,
  UUIDScalar,
  type Caller,
  type RequestLoaders,
  COST,
} from '@tetrad/core';
import { SCENARIO_BY_ID } from '@tetrad/scenario';
import { ACTIVE_PEOPLE_BY_ORGANIZATION } from '@tetrad/identity';
import { Organization, ORGANIZATION_BY_ID } from '@tetrad/organization';
import {
  AcceptMilestoneTermsArgs,
  AmendMilestoneTermsArgs,
  ConfirmLedgerSettlementArgs,
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
import {
  KpiFiguresType,
  LedgerStatementType,
  LedgerTotalType,
  MilestoneEvaluationType,
  MilestonePartyType,
} from './dto/milestone.types';
import { KpiReport } from './kpi-report.entity';
import { KpiReportService } from './kpi-report.service';
import { LedgerService } from './ledger.service';
import { MilestoneStatus } from './milestone-enums';
import { LedgerEntry, Milestone, MilestoneProposal } from './milestone.entity';
import { MilestoneAgreementService } from './milestone-agreement.service';
import { boundParties, partiesYetToAccept, termsHash } from './milestone-terms';
import { BINDING_ROLES } from './milestone.rules';
import { MILESTONE_ACCEPTANCES, MILESTONE_EVALUATION, MILESTONE_PROPOSALS } from './milestone.loaders';
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

  @Authorized({ by: 'ability', subject: 'KpiReport', action: 'read' })
  @Query(() => KpiReport)
  kpiReport(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<KpiReport> {
    return this.reports.get(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'KpiReport', action: 'read' })
  @Query(() => KpiReportConnection, {
    description: 'KPI reports of your consortia, newest period first.',
    complexity: connectionCost,
  })
  kpiReports(@CurrentCaller() caller: Caller, @Args() args: KpiReportsArgs): Promise<KpiReportConnection> {
    return this.reports.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'KpiReport', action: 'create' })
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

  @Authorized({ by: 'ability', subject: 'KpiReport', action: 'verify' })
  @Mutation(() => KpiReport, {
    description:
      'Another party confirms a report, or the party that disputed it confirms it after all; its milestones are re-evaluated.',
  })
  verifyKpiReport(@CurrentCaller() caller: Caller, @Args() args: ReviewKpiReportArgs): Promise<KpiReport> {
    return this.reports.verify(caller, args.id, args.reason);
  }

  @Authorized({ by: 'ability', subject: 'KpiReport', action: 'verify' })
  @Mutation(() => KpiReport, {
    description: 'Another party disputes a report, saying why; it will not count.',
  })
  disputeKpiReport(@CurrentCaller() caller: Caller, @Args() args: ReviewKpiReportArgs): Promise<KpiReport> {
    return this.reports.dispute(caller, args.id, args.reason);
  }

  @Authorized({ by: 'ability', subject: 'KpiReport', action: 'withdraw' })
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

  @Authorized({ by: 'parent' })
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
  constructor(
    private readonly milestoneService: MilestoneService,
    private readonly agreement: MilestoneAgreementService,
  ) {}

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'read' })
  @Query(() => Milestone)
  milestone(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Milestone> {
    return this.milestoneService.get(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'read' })
  @Query(() => MilestoneConnection, {
    description: 'Milestones of your consortia, by due date.',
    complexity: connectionCost,
  })
  milestones(@CurrentCaller() caller: Caller, @Args() args: MilestonesArgs): Promise<MilestoneConnection> {
    return this.milestoneService.list(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'create' })
  @Mutation(() => Milestone, {
    description:
      'A member admin proposes terms (KPI targets, a window starting in the future, a due date, amounts, the split, who funds the reward and who receives the risk). PROPOSED until every bound party accepts; the proposer’s organisation accepts as it proposes.',
  })
  createMilestone(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateMilestoneInput,
  ): Promise<Milestone> {
    return this.agreement.propose(caller, input);
  }

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'update' })
  @Mutation(() => Milestone, {
    description:
      'A member admin changes PROPOSED terms, against the termsHash read; every earlier acceptance is void.',
  })
  amendMilestoneTerms(
    @CurrentCaller() caller: Caller,
    @Args() args: AmendMilestoneTermsArgs,
  ): Promise<Milestone> {
    return this.agreement.amend(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'accept' })
  @Mutation(() => Milestone, {
    description:
      'An admin or signatory of a bound party accepts the exact terms (by their hash); the last acceptance commits the milestone.',
  })
  acceptMilestoneTerms(
    @CurrentCaller() caller: Caller,
    @Args() args: AcceptMilestoneTermsArgs,
  ): Promise<Milestone> {
    return this.agreement.accept(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'update' })
  @Mutation(() => Milestone, {
    description:
      'Change the split of PROPOSED terms (an amendment: every acceptance is void). Committed terms: proposeMilestoneChange.',
  })
  updateMilestoneSplit(
    @CurrentCaller() caller: Caller,
    @Args() args: UpdateMilestoneSplitArgs,
  ): Promise<Milestone> {
    return this.agreement.amend(caller, { milestoneId: args.milestoneId, changes: { shares: args.shares } });
  }

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'approve' })
  @Mutation(() => MilestoneProposal, {
    description: "A waiver or a new split, applied once every member organisation's admin approves.",
  })
  proposeMilestoneChange(
    @CurrentCaller() caller: Caller,
    @Args() args: ProposeMilestoneChangeArgs,
  ): Promise<MilestoneProposal> {
    return this.milestoneService.propose(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'approve' })
  @Mutation(() => MilestoneProposal)
  approveMilestoneProposal(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<MilestoneProposal> {
    return this.milestoneService.approve(caller, id);
  }

  @Authorized({ by: 'ability', subject: 'Milestone', action: 'evaluate' })
  @Mutation(() => Milestone, {
    description: 'Judge it now from verified reports; achieving or missing writes the ledger once.',
  })
  evaluateMilestone(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Milestone> {
    return this.milestoneService.evaluate(caller, id);
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => MilestoneStatus, {
    description:
      'What the evaluation says now: a COMMITTED milestone past due reads MISSED before any sweep.',
  })
  async status(
    @Parent() milestone: Milestone,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<MilestoneStatus> {
    return milestoneStatus(milestone, await loaders.get(MILESTONE_EVALUATION).load(milestone));
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => String, {
    description: 'SHA-256 of the current terms (canonical JSON): what an acceptance is bound to.',
  })
  termsHash(@Parent() milestone: Milestone): string {
    return termsHash(milestone);
  }

  @Authorized({ by: 'caller', check: 'party' })
  @ResolveField(() => [MilestonePartyType], {
    description: 'Every organisation the terms bind, and whether it accepted these exact terms.',
  })
  async parties(
    @CurrentCaller() caller: Caller,
    @Parent() milestone: Milestone,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<MilestonePartyType[]> {
    const hash = termsHash(milestone);
    const bound = boundParties(milestone);
    const showNames = !!caller.organizationId && bound.includes(caller.organizationId);
    // Everything in one round per page: acceptances, organisations and people load side by side.
    const [acceptances, organizations, people] = await Promise.all([
      loaders.get(MILESTONE_ACCEPTANCES).load(milestone.id),
      loaders.get(ORGANIZATION_BY_ID).loadMany(bound),
      showNames ? loaders.get(ACTIVE_PEOPLE_BY_ORGANIZATION).loadMany(bound) : Promise.resolve([]),
    ]);
    return bound.map((organizationId, index) => {
      const organization = organizations[index];
      const staff = people[index];
      return {
        organizationId,
        name: organization && !(organization instanceof Error) ? organization.name : organizationId,
        basisPoints: milestone.shares.find((s) => s.organizationId === organizationId)?.basisPoints ?? 0,
        fundsReward: milestone.rewardFunderOrganizationId === organizationId,
        receivesRisk: milestone.riskBeneficiaryOrganizationId === organizationId,
        acceptedAt:
          acceptances.find((a) => a.organizationId === organizationId && a.termsHash === hash)?.acceptedAt ??
          null,
        people:
          staff && !(staff instanceof Error)
            ? staff
                .filter((person) => person.roles.some((role) => BINDING_ROLES.includes(role)))
                .map((person) => person.name)
            : [],
      };
    });
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => [Organization], {
    description:
      'Bound parties that have not accepted the current terms: whose admin or signatory acts next.',
  })
  async awaitingAcceptanceFrom(
    @Parent() milestone: Milestone,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Organization[]> {
    if (milestone.storedStatus !== MilestoneStatus.PROPOSED) return [];
    const acceptances = await loaders.get(MILESTONE_ACCEPTANCES).load(milestone.id);
    const organizations = await loaders
      .get(ORGANIZATION_BY_ID)
      .loadMany(partiesYetToAccept(milestone, acceptances));
    return organizations.filter((o): o is Organization => o !== null && !(o instanceof Error));
  }

  @Authorized({ by: 'parent' })
  @ResolveField(() => MilestoneEvaluationType, {
    description: 'The evaluation explained: which report, which value, which target.',
  })
  evaluation(
    @Parent() milestone: Milestone,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<MilestoneEvaluationType> {
    return loaders.get(MILESTONE_EVALUATION).load(milestone);
  }

  @Authorized({ by: 'parent' })
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

  @Authorized({ by: 'ability', subject: 'LedgerEntry', action: 'read' })
  @Query(() => LedgerEntryConnection, {
    description: 'Ledger entries of your consortia.',
    complexity: connectionCost,
  })
  ledgerEntries(@CurrentCaller() caller: Caller, @Args() args: LedgerArgs): Promise<LedgerEntryConnection> {
    return this.ledger.entries(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'LedgerEntry', action: 'read' })
  @Query(() => [LedgerTotalType], {
    description:
      "Each party's shares of rewards and risks per currency, for a consortium, a scenario or a party.",
  })
  ledgerTotals(@CurrentCaller() caller: Caller, @Args() args: LedgerTotalsArgs): Promise<LedgerTotalType[]> {
    return this.ledger.totals(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'LedgerEntry', action: 'read' })
  @Query(() => [LedgerStatementType], {
    description: 'Per party and currency: owed and receivable (open), paid and received (settled).',
  })
  ledgerStatements(
    @CurrentCaller() caller: Caller,
    @Args() args: LedgerTotalsArgs,
  ): Promise<LedgerStatementType[]> {
    return this.ledger.statements(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'LedgerEntry', action: 'read' })
  @Query(() => FileDownloadType, {
    description: 'The statements and entries as an Excel workbook (.xlsx), base64.',
    complexity: COST.document,
  })
  ledgerExport(@CurrentCaller() caller: Caller, @Args() args: LedgerTotalsArgs): Promise<FileDownloadType> {
    return this.ledger.export(caller, args);
  }

  @Authorized({ by: 'ability', subject: 'LedgerEntry', action: 'settle' })
  @Mutation(() => LedgerEntry, {
    description: "The payee's admin confirms it was paid, with its reference (e.g. a bank transfer number).",
  })
  confirmLedgerSettlement(
    @CurrentCaller() caller: Caller,
    @Args() args: ConfirmLedgerSettlementArgs,
  ): Promise<LedgerEntry> {
    return this.ledger.confirmSettlement(caller, args);
  }
}
