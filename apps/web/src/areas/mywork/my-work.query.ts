import { graphql } from '../../gql';

const OPEN_STATUSES = ['OPEN', 'TRIAGED', 'IN_PROGRESS', 'REOPENED'];

export const MyWorkDocument = graphql(`
  query MyWork(
    $me: UUID!
    $organizationId: UUID
    $hasOrganization: Boolean!
    $openStatuses: [TicketStatus!]
  ) {
    mine: tickets(first: 10, filter: { assigneeUserId: $me, statuses: $openStatuses }) {
      totalCount
      nodes {
        ...MyWorkTicket
      }
    }
    ours: tickets(first: 10, filter: { assigneeOrganizationId: $organizationId, statuses: $openStatuses })
      @include(if: $hasOrganization) {
      totalCount
      nodes {
        ...MyWorkTicket
      }
    }
    reviews: dataAccessRequests(first: 10, awaitingMyReview: true) {
      totalCount
      nodes {
        id
        consortiumId
        purpose
        reviewDueAt
        overdue
        items {
          dataset {
            id
            name
          }
        }
      }
    }
    drafts: dataSharingContracts(first: 20, status: DRAFT) {
      nodes {
        ...MyWorkContract
      }
    }
    negotiating: dataSharingContracts(first: 20, status: IN_NEGOTIATION) {
      nodes {
        ...MyWorkContract
      }
    }
    agreed: dataSharingContracts(first: 20, status: AGREED) {
      nodes {
        ...MyWorkContract
      }
    }
    active: dataSharingContracts(first: 20, status: ACTIVE) {
      nodes {
        id
        consortiumId
        title
        obligations {
          id
          duty
          dueAt
          metAt
          overdue
        }
      }
    }
    committed: milestones(first: 20, status: COMMITTED) {
      nodes {
        ...MyWorkMilestone
      }
    }
    awaitingAcceptance: milestones(first: 20, awaitingMyAcceptance: true) {
      totalCount
      nodes {
        ...MyWorkMilestone
        termsVersion
      }
    }
  }

  fragment MyWorkTicket on PainPointTicket {
    id
    consortiumId
    number
    title
    severity
    status
    overdue
    resolutionDueAt
  }

  fragment MyWorkContract on DataSharingContract {
    id
    consortiumId
    title
    status
    currentVersion
    parties {
      organizationId
      signed
    }
  }

  fragment MyWorkMilestone on Milestone {
    id
    consortiumId
    name
    status
    dueAt
    evaluation {
      outcome
      explanation {
        met
      }
    }
  }
`);

export { OPEN_STATUSES };
