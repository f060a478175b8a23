import { graphql } from '../../gql';

/** Who and what a milestone page names: member organisations and the consortium's scenarios. */
export const MilestonesDirectoryDocument = graphql(`
  query MilestonesDirectory($consortiumId: UUID!) {
    memberships(consortiumId: $consortiumId, first: 100, statuses: [ACTIVE]) {
      nodes {
        id
        partyRole
        organization {
          id
          name
        }
      }
    }
    scenarios(consortiumId: $consortiumId, first: 100) {
      nodes {
        id
        name
        unitsDeployed
        kpis {
          key
          name
          unit
          direction
          humanBaseline
          humanBaselineHigh
          measure
        }
      }
    }
  }
`);

export const MilestonesListDocument = graphql(`
  query MilestonesList(
    $consortiumId: UUID!
    $status: MilestoneStatus
    $scenarioId: UUID
    $first: Int!
    $after: String
  ) {
    milestones(
      consortiumId: $consortiumId
      status: $status
      scenarioId: $scenarioId
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        scenarioId
        status
        dueAt
        currency
        rewardPoolMinor
        riskAmountMinor
        evaluation {
          outcome
        }
        awaitingAcceptanceFrom {
          id
          name
        }
      }
    }
  }
`);

export const MilestonesMilestoneDocument = graphql(`
  query MilestonesMilestone($id: UUID!) {
    milestone(id: $id) {
      id
      name
      description
      scenarioId
      status
      currency
      rewardPoolMinor
      riskAmountMinor
      windowStart
      windowEnd
      dueAt
      decidedAt
      achievedByReportId
      termsHash
      termsVersion
      committedAt
      committedTermsHash
      decisionSummary
      proposedByOrganizationId
      rewardFunderOrganizationId
      riskBeneficiaryOrganizationId
      parties {
        organizationId
        name
        basisPoints
        fundsReward
        receivesRisk
        acceptedAt
        people
      }
      awaitingAcceptanceFrom {
        id
        name
      }
      targets {
        kpiKey
        comparator
        value
        minOperatingHours
      }
      evaluation {
        outcome
        summary
        achievedBy
        explanation {
          kpiKey
          comparator
          target
          actual
          operatingHours
          minOperatingHours
          met
          reportIds
        }
      }
      shares {
        organizationId
        basisPoints
      }
      proposals {
        id
        kind
        status
        reason
        createdAt
        decidedAt
        approvedByOrganizationIds
        shares {
          organizationId
          basisPoints
        }
      }
    }
  }
`);

export const MilestonesEvaluateDocument = graphql(`
  mutation MilestonesEvaluate($id: UUID!) {
    evaluateMilestone(id: $id) {
      id
      status
      decidedAt
      decisionSummary
      achievedByReportId
      evaluation {
        outcome
        summary
      }
    }
  }
`);

export const MilestonesUpdateSplitDocument = graphql(`
  mutation MilestonesUpdateSplit($milestoneId: UUID!, $shares: [BasisPointShareInput!]!) {
    updateMilestoneSplit(milestoneId: $milestoneId, shares: $shares) {
      id
      termsHash
      termsVersion
      shares {
        organizationId
        basisPoints
      }
    }
  }
`);

export const MilestonesProposeDocument = graphql(`
  mutation MilestonesPropose(
    $milestoneId: UUID!
    $kind: MilestoneProposalKind!
    $reason: String!
    $shares: [BasisPointShareInput!]
  ) {
    proposeMilestoneChange(milestoneId: $milestoneId, kind: $kind, reason: $reason, shares: $shares) {
      id
      status
    }
  }
`);

export const MilestonesApproveDocument = graphql(`
  mutation MilestonesApprove($id: UUID!) {
    approveMilestoneProposal(id: $id) {
      id
      status
      approvedByOrganizationIds
    }
  }
`);

export const MilestonesAcceptTermsDocument = graphql(`
  mutation MilestonesAcceptTerms($milestoneId: UUID!, $termsHash: String!) {
    acceptMilestoneTerms(milestoneId: $milestoneId, termsHash: $termsHash) {
      id
      status
      committedAt
      awaitingAcceptanceFrom {
        id
        name
      }
    }
  }
`);

export const MilestonesAmendTermsDocument = graphql(`
  mutation MilestonesAmendTerms(
    $milestoneId: UUID!
    $baseTermsHash: String!
    $changes: MilestoneTermsChangeInput!
  ) {
    amendMilestoneTerms(milestoneId: $milestoneId, baseTermsHash: $baseTermsHash, changes: $changes) {
      id
      termsHash
      termsVersion
    }
  }
`);

export const MilestonesLedgerEntriesDocument = graphql(`
  query MilestonesLedgerEntries(
    $consortiumId: UUID!
    $milestoneId: UUID
    $settled: Boolean
    $first: Int!
    $after: String
  ) {
    ledgerEntries(
      consortiumId: $consortiumId
      milestoneId: $milestoneId
      settled: $settled
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        milestoneId
        organizationId
        payerOrganizationId
        payeeOrganizationId
        kind
        basisPoints
        amountMinor
        currency
        createdAt
        settledAt
        settlementReference
      }
    }
  }
`);

export const MilestonesConfirmSettlementDocument = graphql(`
  mutation MilestonesConfirmSettlement($entryId: UUID!, $reference: String!) {
    confirmLedgerSettlement(entryId: $entryId, reference: $reference) {
      id
      settledAt
      settlementReference
    }
  }
`);

export const MilestonesLedgerStatementsDocument = graphql(`
  query MilestonesLedgerStatements($consortiumId: UUID!) {
    ledgerStatements(consortiumId: $consortiumId) {
      organizationId
      name
      currency
      owedMinor
      receivableMinor
      paidMinor
      receivedMinor
      netOpenMinor
    }
  }
`);

export const MilestonesLedgerExportDocument = graphql(`
  query MilestonesLedgerExport($consortiumId: UUID!) {
    ledgerExport(consortiumId: $consortiumId) {
      filename
      contentType
      contentBase64
    }
  }
`);

export const MilestonesKpiReportsDocument = graphql(`
  query MilestonesKpiReports(
    $consortiumId: UUID!
    $status: KpiReportStatus
    $scenarioId: UUID
    $first: Int!
    $after: String
  ) {
    kpiReports(consortiumId: $consortiumId, status: $status, scenarioId: $scenarioId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        scenarioId
        status
        periodStart
        periodEnd
        operatingHours
        unitsProcessed
        robotsInService
        interventions
        submittedByOrganizationId
        reviewedByOrganizationId
        reviewReason
        withdrawalReason
        values {
          kpiKey
          value
        }
        figures {
          throughputPerMinute
          successRate
        }
      }
    }
  }
`);

export const MilestonesSubmitReportDocument = graphql(`
  mutation MilestonesSubmitReport($input: SubmitKpiReportInput!) {
    submitKpiReport(input: $input) {
      id
      status
    }
  }
`);

export const MilestonesVerifyReportDocument = graphql(`
  mutation MilestonesVerifyReport($id: UUID!, $reason: String) {
    verifyKpiReport(id: $id, reason: $reason) {
      id
      status
      reviewReason
      reviewedByOrganizationId
    }
  }
`);

export const MilestonesDisputeReportDocument = graphql(`
  mutation MilestonesDisputeReport($id: UUID!, $reason: String) {
    disputeKpiReport(id: $id, reason: $reason) {
      id
      status
      reviewReason
      reviewedByOrganizationId
    }
  }
`);

export const MilestonesWithdrawReportDocument = graphql(`
  mutation MilestonesWithdrawReport($id: UUID!, $reason: String!) {
    withdrawKpiReport(id: $id, reason: $reason) {
      id
      status
      withdrawalReason
    }
  }
`);

export const PortfolioDocument = graphql(`
  query MilestonesPortfolio($consortiumId: UUID!) {
    portfolio(consortiumId: $consortiumId) {
      consortia
      scenarios
      scenarioGoal
      unitsDeployed
      targetUnits
      unitsGoal
      datasets
      datasetsShared
      dataHoursCatalogued
      dataHoursShared
      activeContracts
      milestonesByStatus {
        key
        count
      }
      openPainPointsByCategory {
        key
        count
      }
      scenariosBySectorAndRegion {
        sector
        region
        scenarios
        unitsDeployed
        targetUnits
      }
    }
    ledgerTotals(consortiumId: $consortiumId) {
      organizationId
      currency
      rewardMinor
      riskMinor
      netMinor
    }
    memberships(consortiumId: $consortiumId, first: 100, statuses: [ACTIVE]) {
      nodes {
        id
        organization {
          id
          name
        }
      }
    }
  }
`);

export const MilestonesCreateDocument = graphql(`
  mutation MilestonesCreate($input: CreateMilestoneInput!) {
    createMilestone(input: $input) {
      id
      name
      status
    }
  }
`);
