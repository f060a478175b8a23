import { graphql } from '../../gql';

export const ReviewsListQuery = graphql(`
  query ReviewsList(
    $consortiumId: UUID
    $first: Int!
    $after: String
    $awaitingMyReview: Boolean
    $status: DataAccessRequestStatus
    $overdue: Boolean
    $mine: Boolean
  ) {
    dataAccessRequests(
      consortiumId: $consortiumId
      first: $first
      after: $after
      awaitingMyReview: $awaitingMyReview
      status: $status
      overdue: $overdue
      mine: $mine
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        purpose
        status
        overdue
        reviewDueAt
        requesterOrganizationId
        items {
          datasetId
          dataset {
            id
            name
          }
          purposeMatch {
            datasetId
            decision
          }
        }
      }
    }
  }
`);

export const ReviewsRequestQuery = graphql(`
  query ReviewsRequest($id: UUID!) {
    dataAccessRequest(id: $id) {
      id
      consortiumId
      createdAt
      decidedAt
      durationDays
      intendedOutputs
      securityMeasures
      overdue
      purpose
      status
      reviewDueAt
      requesterOrganizationId
      requesterUserId
      contractId
      items {
        datasetId
        ownerOrganizationId
        decision
        reason
        reviewedAt
        overrideReason
        decidedBy {
          name
          organizationName
        }
        overriddenAt
        dataset {
          id
          name
          owner {
            id
            name
          }
        }
        purposeMatch {
          datasetId
          decision
          rationale
          version
        }
      }
    }
  }
`);

export const ReviewsReviewMutation = graphql(`
  mutation ReviewsReview($input: ReviewDataAccessRequestInput!) {
    reviewDataAccessRequest(input: $input) {
      id
      status
      contractId
      decidedAt
      items {
        datasetId
        decision
        reason
        reviewedAt
        overrideReason
        overriddenAt
      }
    }
  }
`);

export const ReviewsWithdrawMutation = graphql(`
  mutation ReviewsWithdraw($id: UUID!) {
    withdrawDataAccessRequest(id: $id) {
      id
      status
      decidedAt
    }
  }
`);
