import { graphql } from '../../gql';

export const ContractsListDocument = graphql(`
  query ContractsList($consortiumId: UUID, $status: ContractStatus, $first: Int!, $after: String) {
    dataSharingContracts(consortiumId: $consortiumId, status: $status, first: $first, after: $after) {
      nodes {
        id
        title
        status
        currentVersion
        agreedVersion
        startsAt
        endsAt
        updatedAt
        recipientOrganizationId
        parties {
          organizationId
          name
          role
          signed
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export const ContractsContractDocument = graphql(`
  query ContractsContract($id: UUID!, $consortiumId: UUID!) {
    dataSharingContract(id: $id) {
      id
      title
      governingLanguage
      status
      statusReason
      accessRequestId
      currentVersion
      agreedVersion
      agreedHash
      startsAt
      endsAt
      fullySignedAt
      createdAt
      updatedAt
      recipientOrganizationId
      providerOrganizationIds
      parties {
        organizationId
        name
        role
        signed
      }
      nextActions {
        organizationId
        organizationName
        partyRole
        action
        roles
        people
        version
        obligationId
        duty
        dueAt
      }
      signatures {
        id
        organizationId
        version
        hash
        signedAt
        voidedAt
        voidReason
        signedBy {
          name
          organizationName
          roles
          email
        }
      }
      obligations {
        id
        duty
        dueAt
        metAt
        evidence
        overdue
      }
      matcherOverrides {
        datasetId
        datasetName
        decision
        rationale
        matcherVersion
        reason
        overriddenByOrganizationId
        overriddenByOrganizationName
        overriddenByName
        at
      }
      versions {
        number
        basedOn
        note
        createdAt
        contentHash
        author {
          name
          organizationName
          roles
          email
        }
      }
      version {
        number
        contentHash
        clauses {
          key
          title
          text
          translation {
            title
            text
          }
        }
        terms {
          datasetIds
          purposes
          prohibitions
          duties {
            duty
            dueInDays
          }
          startsOn
          endsOn
          excludedModalities
        }
      }
    }
    datasets(consortiumId: $consortiumId, first: 100) {
      nodes {
        id
        name
        ownerOrganizationId
        modalities
      }
    }
  }
`);

export const ContractsLatestDocument = graphql(`
  query ContractsLatest($id: UUID!, $consortiumId: UUID!) {
    datasets(consortiumId: $consortiumId, first: 100) {
      nodes {
        id
        name
        ownerOrganizationId
      }
    }
    dataSharingContract(id: $id) {
      id
      title
      status
      currentVersion
      providerOrganizationIds
      version {
        number
        note
        createdAt
        clauses {
          key
          title
          text
        }
        terms {
          datasetIds
          purposes
          prohibitions
          duties {
            duty
            dueInDays
          }
          startsOn
          endsOn
          excludedModalities
        }
      }
    }
  }
`);

export const ContractsDiffDocument = graphql(`
  query ContractsDiff($id: UUID!, $from: Int!, $to: Int!) {
    compareContractVersions(contractId: $id, fromVersion: $from, toVersion: $to) {
      fromVersion
      toVersion
      widens
      narrows
      clauses {
        key
        change
        titleChanged
        before {
          title
          text
        }
        after {
          title
          text
        }
        segments {
          kind
          text
        }
      }
      terms {
        field
        effect
        summary
      }
    }
    dataSharingContract(id: $id) {
      id
      fromTerms: version(number: $from) {
        number
        terms {
          datasetIds
          purposes
          prohibitions
          duties {
            duty
            dueInDays
          }
          startsOn
          endsOn
          excludedModalities
        }
      }
      toTerms: version(number: $to) {
        number
        terms {
          datasetIds
          purposes
          prohibitions
          duties {
            duty
            dueInDays
          }
          startsOn
          endsOn
          excludedModalities
        }
      }
    }
  }
`);

export const ContractsDocumentFileDocument = graphql(`
  query ContractsDocumentFile($id: UUID!, $format: ContractDocumentFormat!, $language: ContractLanguage) {
    contractDocumentFile(id: $id, format: $format, language: $language) {
      filename
      contentType
      contentBase64
    }
  }
`);

export const ContractsOdrlDocument = graphql(`
  query ContractsOdrl($id: UUID!) {
    contractOdrl(contractId: $id)
  }
`);

export const ContractsPreviewEditDocument = graphql(`
  query ContractsPreviewEdit($input: ContractEditProposalInput!) {
    previewContractEdit(input: $input) {
      baseVersion
      latestVersion
      newVersion
      merged
      unchanged
      openConflicts
      contentHash
      latest {
        number
        terms {
          datasetIds
          purposes
          prohibitions
          duties {
            duty
            dueInDays
          }
          startsOn
          endsOn
          excludedModalities
        }
        clauses {
          key
          title
          text
        }
      }
      terms {
        datasetIds
        purposes
        prohibitions
        duties {
          duty
          dueInDays
        }
        startsOn
        endsOn
        excludedModalities
      }
      conflicts {
        path
        kind
        clauseKey
        base
        mine
        theirs
        resolution
      }
      comparison {
        widens
        narrows
        clauses {
          key
          change
          titleChanged
          before {
            title
            text
          }
          after {
            title
            text
          }
          segments {
            kind
            text
          }
        }
      }
    }
  }
`);

export const ContractsEditDocument = graphql(`
  mutation ContractsEdit($input: EditContractInput!) {
    editContract(input: $input) {
      contractId
      number
      contentHash
    }
  }
`);

export const ContractsAgreeDocument = graphql(`
  mutation ContractsAgree($id: UUID!, $version: Int!) {
    agreeContract(contractId: $id, version: $version) {
      id
      status
      agreedVersion
      agreedHash
    }
  }
`);

export const ContractsSignDocument = graphql(`
  mutation ContractsSign($id: UUID!, $hash: String!) {
    signContract(contractId: $id, hash: $hash) {
      id
      status
      fullySignedAt
    }
  }
`);

export const ContractsReopenDocument = graphql(`
  mutation ContractsReopen($id: UUID!, $reason: String!) {
    reopenContractNegotiation(contractId: $id, reason: $reason) {
      contractId
      number
    }
  }
`);

export const ContractsSuspendDocument = graphql(`
  mutation ContractsSuspend($id: UUID!, $reason: String!) {
    suspendContract(contractId: $id, reason: $reason) {
      id
      status
      statusReason
    }
  }
`);

export const ContractsResumeDocument = graphql(`
  mutation ContractsResume($id: UUID!, $reason: String!) {
    resumeContract(contractId: $id, reason: $reason) {
      id
      status
      statusReason
    }
  }
`);

export const ContractsTerminateDocument = graphql(`
  mutation ContractsTerminate($id: UUID!, $reason: String!) {
    terminateContract(contractId: $id, reason: $reason) {
      id
      status
      statusReason
    }
  }
`);

export const ContractsFulfilDocument = graphql(`
  mutation ContractsFulfil($id: UUID!, $evidence: String!) {
    fulfilObligation(obligationId: $id, evidence: $evidence) {
      id
      metAt
      evidence
      overdue
    }
  }
`);

export const ContractsClauseCommentThreadFragment = graphql(`
  fragment ContractsClauseCommentThread on ClauseComment {
    id
    version
    clauseKey
    quote
    body
    createdAt
    resolved
    resolvedAt
    clauseSince
    author {
      name
      organizationName
      roles
      email
    }
    resolvedBy {
      name
      organizationName
    }
    replies {
      id
      body
      createdAt
      author {
        name
        organizationName
        roles
        email
      }
    }
  }
`);

export const ContractsClauseCommentsDocument = graphql(`
  query ContractsClauseComments($id: UUID!) {
    dataSharingContract(id: $id) {
      id
      status
      currentVersion
      fullySignedAt
      providerOrganizationIds
      recipientOrganizationId
      openCommentCount
      clauseComments(first: 100) {
        totalCount
        nodes {
          ...ContractsClauseCommentThread
        }
      }
    }
  }
`);

export const ContractsDiffCommentsDocument = graphql(`
  query ContractsDiffComments($id: UUID!, $from: Int!, $to: Int!) {
    dataSharingContract(id: $id) {
      id
      fromComments: version(number: $from) {
        number
        comments {
          ...ContractsClauseCommentThread
        }
      }
      toComments: version(number: $to) {
        number
        comments {
          ...ContractsClauseCommentThread
        }
      }
    }
  }
`);

export const ContractsCommentOnClauseDocument = graphql(`
  mutation ContractsCommentOnClause($input: CommentOnClauseInput!) {
    commentOnClause(input: $input) {
      id
    }
  }
`);

export const ContractsResolveClauseCommentDocument = graphql(`
  mutation ContractsResolveClauseComment($id: UUID!) {
    resolveClauseComment(id: $id) {
      id
      resolved
    }
  }
`);

export const ContractsReopenClauseCommentDocument = graphql(`
  mutation ContractsReopenClauseComment($id: UUID!) {
    reopenClauseComment(id: $id) {
      id
      resolved
    }
  }
`);

export const ContractsAccessDocument = graphql(`
  mutation ContractsAccess($datasetId: UUID!, $purpose: Purpose!) {
    accessDataset(datasetId: $datasetId, purpose: $purpose) {
      contractId
      datasetId
      purpose
      storageLocation
      checksum
      modalities
      excludedModalities
      manifest
      validUntil
    }
  }
`);

export const ContractsVersionsDocument = graphql(`
  query ContractsVersions($id: UUID!, $consortiumId: UUID!) {
    dataSharingContract(id: $id) {
      id
      title
      currentVersion
      versions {
        number
        createdAt
      }
    }
    datasets(consortiumId: $consortiumId, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);
