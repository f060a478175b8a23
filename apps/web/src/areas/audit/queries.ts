import { graphql } from '../../gql';

export const AuditEntriesDocument = graphql(`
  query AuditEntries(
    $consortiumId: UUID
    $action: String
    $actorUserId: UUID
    $subjectType: String
    $subjectId: String
    $first: Int!
    $after: String
  ) {
    auditEntries(
      consortiumId: $consortiumId
      action: $action
      actorUserId: $actorUserId
      subjectType: $subjectType
      subjectId: $subjectId
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
        seq
        occurredAt
        action
        actorUserId
        actorOrganizationId
        subjectType
        subjectId
        hash
        previousHash
        before
        after
      }
    }
  }
`);

export const AuditVerifyDocument = graphql(`
  query AuditVerify {
    verifyAuditChain {
      valid
      checkedEntries
      firstProblem {
        seq
        id
        kind
        message
      }
    }
  }
`);

/** Names for the ids in the trail: the people of one's own organisation and the member organisations. */
export const AuditDirectoryDocument = graphql(`
  query AuditDirectory($consortiumId: UUID!) {
    users(first: 100) {
      nodes {
        id
        name
      }
    }
    memberships(consortiumId: $consortiumId, first: 100) {
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
