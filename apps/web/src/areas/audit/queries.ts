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
  query AuditVerify($consortiumId: UUID!) {
    verifyAuditChain(consortiumId: $consortiumId) {
      valid
      checkedEntries
      headSeq
      checkpointSeq
      firstProblem {
        seq
        id
        kind
        message
      }
    }
  }
`);

/** What a party keeps: the signed checkpoint of its chain's head and the keys that verify it. */
export const AuditCheckpointsDocument = graphql(`
  query AuditCheckpoints($consortiumId: UUID!) {
    auditCheckpoints(consortiumId: $consortiumId, first: 1) {
      chain
      consortiumId
      length
      latest {
        chain
        seq
        hash
        signedAt
        keyId
        signature
      }
      publicKeys {
        keyId
        publicKey
        current
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
