import { graphql } from '../../gql';

export const ConsortiumOverviewDocument = graphql(`
  query ConsortiumOverview($id: UUID!) {
    consortium(id: $id) {
      id
      name
      sector
      region
      status
      createdAt
      activatedAt
      timeZone
    }
    memberships(consortiumId: $id, first: 100) {
      totalCount
      nodes {
        id
        partyRole
        status
        createdAt
        joinedAt
        organization {
          id
          name
          region
        }
      }
    }
  }
`);

/** The person's own organisation's open invitations, from any consortium. */
export const ConsortiumMyInvitationsDocument = graphql(`
  query ConsortiumMyInvitations {
    memberships(statuses: [INVITED], first: 50) {
      nodes {
        id
        consortiumId
        consortiumName
        partyRole
        status
        createdAt
      }
    }
  }
`);

export const ConsortiumOrganizationsDocument = graphql(`
  query ConsortiumOrganizations($search: String, $kinds: [OrganizationKind!]) {
    organizations(filter: { search: $search, kinds: $kinds }, first: 30) {
      nodes {
        id
        name
        kind
        region
      }
    }
  }
`);

export const ConsortiumInviteDocument = graphql(`
  mutation ConsortiumInvite($input: InviteOrganizationInput!) {
    inviteOrganization(input: $input) {
      id
      status
      partyRole
      consortiumId
    }
  }
`);

// Each answer names the organisation, so urql also refreshes the session (whose `me` has one):
// accepting an invitation adds the consortium to the picker.
export const ConsortiumAcceptDocument = graphql(`
  mutation ConsortiumAccept($id: UUID!) {
    acceptMembership(id: $id) {
      id
      status
      organization {
        id
      }
    }
  }
`);

export const ConsortiumDeclineDocument = graphql(`
  mutation ConsortiumDecline($id: UUID!) {
    declineMembership(id: $id) {
      id
      status
    }
  }
`);

export const ConsortiumWithdrawDocument = graphql(`
  mutation ConsortiumWithdraw($id: UUID!) {
    withdrawMembership(id: $id) {
      id
      status
      organization {
        id
      }
    }
  }
`);

export const ConsortiumActivateDocument = graphql(`
  mutation ConsortiumActivate($id: UUID!) {
    activateConsortium(id: $id) {
      id
      status
      activatedAt
    }
  }
`);

export const ConsortiumScenariosDocument = graphql(`
  query ConsortiumScenarios($consortiumId: UUID!) {
    scenarios(consortiumId: $consortiumId, first: 100) {
      totalCount
      nodes {
        id
        name
        sector
        site
        unitsDeployed
        targetUnits
        kpis {
          key
          name
        }
      }
    }
  }
`);

export const ConsortiumScenarioDocument = graphql(`
  query ConsortiumScenario($id: UUID!) {
    scenario(id: $id) {
      id
      consortiumId
      name
      sector
      site
      unitsDeployed
      targetUnits
      updatedAt
      kpis {
        key
        name
        unit
        direction
        humanBaseline
        humanBaselineHigh
        target
      }
    }
    kpiReports(scenarioId: $id, first: 100) {
      totalCount
      nodes {
        id
        periodStart
        periodEnd
        status
        operatingHours
        values {
          kpiKey
          value
        }
      }
    }
    milestones(scenarioId: $id, first: 100) {
      nodes {
        id
        name
        status
        windowStart
        windowEnd
        dueAt
        targets {
          kpiKey
          comparator
          value
          minOperatingHours
        }
      }
    }
  }
`);

export const ConsortiumCreateScenarioDocument = graphql(`
  mutation ConsortiumCreateScenario($input: CreateScenarioInput!) {
    createScenario(input: $input) {
      id
      name
    }
  }
`);

export const ConsortiumUpdateDocument = graphql(`
  mutation ConsortiumUpdate($input: UpdateConsortiumInput!) {
    updateConsortium(input: $input) {
      id
      timeZone
    }
  }
`);
