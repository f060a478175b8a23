import { graphql } from '../../gql';

export const DataCatalogQuery = graphql(`
  query DataCatalog(
    $consortiumId: UUID
    $first: Int!
    $after: String
    $search: String
    $modality: DataModality
    $format: DatasetFormat
    $robotType: String
    $sector: Sector
    $sensitivity: DatasetSensitivity
    $purpose: Purpose
  ) {
    datasets(
      consortiumId: $consortiumId
      first: $first
      after: $after
      search: $search
      modality: $modality
      format: $format
      robotType: $robotType
      sector: $sector
      sensitivity: $sensitivity
      purpose: $purpose
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        modalities
        format
        robotType
        hours
        episodes
        sensitivity
        allowedPurposes
        updatedAt
        owner {
          id
          name
        }
      }
    }
  }
`);

export const DataDatasetQuery = graphql(`
  query DataDataset($id: UUID!) {
    dataset(id: $id) {
      id
      consortiumId
      scenarioId
      name
      description
      modalities
      format
      formatVersion
      robotType
      episodes
      hours
      fps
      sizeBytes
      checksum
      personalData
      anonymisation
      sensitivity
      allowedPurposes
      storageLocation
      metadata
      version
      updatedAt
      ownerOrganizationId
      owner {
        id
        name
        kind
      }
      features {
        key
        modality
        dtype
        shape
        rateHz
      }
      openTickets {
        id
        title
        status
      }
      activeContracts {
        id
        title
        status
        endsAt
      }
    }
  }
`);

export const DataScenariosQuery = graphql(`
  query DataScenarios($consortiumId: UUID!) {
    scenarios(consortiumId: $consortiumId, first: 100) {
      nodes {
        id
        name
        site
      }
    }
  }
`);

export const DataRegisterMutation = graphql(`
  mutation DataRegister($input: RegisterDatasetInput!) {
    registerDataset(input: $input) {
      id
      name
    }
  }
`);

export const DataUpdateMutation = graphql(`
  mutation DataUpdate($id: UUID!, $input: DatasetFields!) {
    updateDataset(id: $id, input: $input) {
      id
      name
      version
      updatedAt
    }
  }
`);

export const DataPurposeMatchQuery = graphql(`
  query DataPurposeMatch($datasetIds: [UUID!]!, $durationDays: Int!, $purpose: Purpose!) {
    purposeMatch(datasetIds: $datasetIds, durationDays: $durationDays, purpose: $purpose) {
      datasetId
      decision
      rationale
      version
    }
  }
`);

export const DataSubmitRequestMutation = graphql(`
  mutation DataSubmitRequest($input: SubmitDataAccessRequestInput!) {
    submitDataAccessRequest(input: $input) {
      id
      status
      items {
        datasetId
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

export const DataAccessDatasetMutation = graphql(`
  mutation DataAccessDataset($datasetId: UUID!, $purpose: Purpose!) {
    accessDataset(datasetId: $datasetId, purpose: $purpose) {
      datasetId
      contractId
      storageLocation
      checksum
      modalities
      excludedModalities
      purpose
      validUntil
    }
  }
`);

export const DataMembersQuery = graphql(`
  query DataMembers($consortiumId: UUID!) {
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
