import { sameData } from '../peers/compare';
import { nodes, type BenchIds, type WorkloadId } from './workloads';

export type PeerName = 'postgraphile' | 'floor';

export interface PeerRequest {
  name: PeerName;
  url: string;
  request: { method: 'POST' | 'GET'; headers?: Record<string, string>; body?: string };
}

type Ports = { tetrad: number; postgraphile: number; floor: number };
type Json = Record<string, unknown>;

let postgraphileQueries: { q1: string; q2: string; q3: string } | undefined;

/** The GraphQL documents PostGraphile serves (set once it has started). */
export function usePostGraphileQueries(queries: { q1: string; q2: string; q3: string }): void {
  postgraphileQueries = queries;
}

/**
 * The peers' requests for a read workload, after checking that each returns the data Tetrad
 * returned: the same tickets in the same order, the same datasets with the same open tickets.
 * (Tetrad also hides contracts the caller is no party to; the peers have no authorization, so
 * contracts are not compared.)
 */
export async function compareWithTetrad(
  id: WorkloadId,
  ids: BenchIds,
  tetrad: unknown,
  ports: Ports,
): Promise<PeerRequest[]> {
  const key = id.toLowerCase() as 'q1' | 'q2' | 'q3';
  const param: Record<string, string> =
    key === 'q1' ? { id: ids.sampleTicketId } : { consortiumId: ids.largeConsortiumId };
  const floor: PeerRequest = {
    name: 'floor',
    url: `http://127.0.0.1:${ports.floor}/${key}?${new URLSearchParams(param).toString()}`,
    request: { method: 'GET' },
  };
  const floorBody = await fetchJson(floor);
  const differences = tetradDifferences(id, tetrad as { data: Json }, floorBody);
  if (differences.length > 0)
    throw new Error(`${id}: the floor and Tetrad disagree: ${differences.slice(0, 5).join('; ')}`);
  if (!postgraphileQueries) throw new Error('PostGraphile has not started');
  const postgraphile: PeerRequest = {
    name: 'postgraphile',
    url: `http://127.0.0.1:${ports.postgraphile}/graphql`,
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: postgraphileQueries[key], variables: param }),
    },
  };
  const pgBody = await fetchJson(postgraphile);
  const pgDifferences = sameData(key, floorBody, pgBody);
  if (pgDifferences.length > 0)
    throw new Error(`${id}: PostGraphile and the floor disagree: ${pgDifferences.slice(0, 5).join('; ')}`);
  return [postgraphile, floor];
}

async function fetchJson(peer: PeerRequest): Promise<unknown> {
  const response = await fetch(peer.url, peer.request);
  if (response.status !== 200)
    throw new Error(`${peer.name}: HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.json();
}

function tetradDifferences(id: WorkloadId, tetrad: { data: Json }, floor: unknown): string[] {
  switch (id) {
    case 'Q1': {
      const ticket = tetrad.data['ticket'] as Json;
      const other = floor as Json;
      return ['id', 'number', 'title', 'status']
        .filter((field) => ticket[field] !== other[field])
        .map((field) => `ticket.${field}`);
    }
    case 'Q2': {
      const mine = nodes(tetrad.data['tickets']).map(
        (t) => `${String(t['id'])}:${String(t['commentCount'])}`,
      );
      const theirs = (floor as Json[]).map((t) => `${String(t['id'])}:${String(t['commentCount'])}`);
      return mine.join() === theirs.join()
        ? []
        : [`tickets ${mine.slice(0, 3).join()} vs ${theirs.slice(0, 3).join()}`];
    }
    default: {
      // Tetrad hides trade secrets the caller is no party to, so its page may hold other datasets
      // than the peers' page: datasets in both must agree, in the same order, and most must be in both.
      const shape = (d: Json, owner: string) =>
        `${String((d[owner] as Json)['id'])}/${(d['openTickets'] as Json[]).map((t) => String(t['id'])).join('+')}`;
      const mine = new Map(nodes(tetrad.data['datasets']).map((d) => [String(d['id']), shape(d, 'owner')]));
      const theirs = (floor as Json[]).map((d) => [String(d['id']), shape(d, 'ownerOrganization')] as const);
      const shared = theirs.filter(([id]) => mine.has(id));
      const problems = shared.filter(([id, value]) => mine.get(id) !== value).map(([id]) => `dataset ${id}`);
      const order = [...mine.keys()].filter((id) => shared.some(([other]) => other === id));
      if (order.join() !== shared.map(([id]) => id).join()) problems.push('datasets in another order');
      if (shared.length < 15) problems.push(`only ${shared.length} of 20 datasets in common`);
      return problems;
    }
  }
}
