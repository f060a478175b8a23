import { graphql } from '../../gql';

export const PortfolioScenariosDocument = graphql(`
  query PortfolioScenarios($consortiumId: UUID, $first: Int!, $after: String) {
    portfolioScenarios(consortiumId: $consortiumId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        scenarioId
        name
        sector
        site
        unitsDeployed
        targetUnits
        kpis {
          kpiKey
          name
          unit
          direction
          humanBaseline
          humanBaselineHigh
          target
          latestValue
          latestPeriodEnd
          ratioToBaseline
          targetMet
        }
        milestonesByStatus {
          key
          count
        }
        money {
          currency
          rewardCommittedMinor
          riskCommittedMinor
          rewardDueMinor
          riskDueMinor
          settledMinor
        }
      }
    }
  }
`);
