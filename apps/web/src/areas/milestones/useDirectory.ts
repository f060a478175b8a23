import { useMemo } from 'react';
import { useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import type { KpiMeasure } from '../../gql/graphql';
import { MilestonesDirectoryDocument } from './queries';

// The four parties in the order DOMAIN.md names them: scenario user, robot maker, supplier, institute.
const PARTY_ORDER = ['SCENARIO_USER', 'ROBOT_MAKER', 'SUPPLIER', 'RESEARCH_INSTITUTE'];

export interface Kpi {
  key: string;
  name: string;
  unit: string;
  direction?: string | null;
  humanBaseline?: number | null;
  humanBaselineHigh?: number | null;
  /** What Tetrad computes it as from a report's counts. */
  measure?: KpiMeasure | null;
}

export interface Directory {
  members: { id: string; name: string; partyRole: string }[];
  scenarios: { id: string; name: string; unitsDeployed?: number; kpis: Kpi[] }[];
  orgName(id: string | null | undefined): string;
  scenarioName(id: string): string;
  kpisOf(scenarioId: string): Kpi[];
  fetching: boolean;
  problem: ApiProblem | undefined;
  refetch(): void;
}

/** Names of the consortium's member organisations and scenarios, for ids the API returns. */
export function useDirectory(consortiumId: string): Directory {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MilestonesDirectoryDocument,
    variables: { consortiumId },
  });
  return useMemo(() => {
    const members = (data?.memberships.nodes ?? [])
      .map((m) => ({ id: m.organization.id, name: m.organization.name, partyRole: m.partyRole }))
      .sort(
        (a, b) =>
          PARTY_ORDER.indexOf(a.partyRole) - PARTY_ORDER.indexOf(b.partyRole) || a.name.localeCompare(b.name),
      );
    const scenarios = (data?.scenarios.nodes ?? []).map((s) => ({
      id: s.id,
      name: s.name,
      unitsDeployed: s.unitsDeployed,
      kpis: [...s.kpis],
    }));
    const names = new Map(members.map((m) => [m.id, m.name]));
    return {
      members,
      scenarios,
      orgName: (id) => (id ? (names.get(id) ?? id.slice(0, 8)) : '—'),
      scenarioName: (id) => scenarios.find((s) => s.id === id)?.name ?? id.slice(0, 8),
      kpisOf: (scenarioId) => scenarios.find((s) => s.id === scenarioId)?.kpis ?? [],
      fetching,
      problem: toApiProblem(error),
      refetch: () => reexecute({ requestPolicy: 'network-only' }),
    };
  }, [data, fetching, error, reexecute]);
}
