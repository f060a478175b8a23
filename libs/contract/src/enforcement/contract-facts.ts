import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContractFactSource, ContractFacts, LiveGrant } from '@tetrad/core';

interface FactRow {
  id: string;
  dataset_ids: string[];
  live: boolean;
  /** Only for live grants: the agreed terms' datasets, purposes and withheld modalities. */
  granted: string[] | null;
  purposes: string[] | null;
  excluded: string[] | null;
  ends_at: Date | null;
}

/**
 * The SQL twin of `grantsAccess` (contract-status.ts): fully signed, not suspended or ended by
 * a party, started, not ended, and no unmet duty past its due date, all as of `$3`.
 */
export const LIVE_GRANT_SQL = `
  c.recipient_organization_id = $1
  AND c.status IN ('AGREED', 'ACTIVE')
  AND c.fully_signed_at IS NOT NULL
  AND c.starts_at <= $3 AND c.ends_at > $3
  AND NOT EXISTS (
    SELECT 1 FROM contract_obligation o
    WHERE o.contract_id = c.id AND o.met_at IS NULL AND o.due_at <= $3)`;

/** One pass over the organisation's contracts; the agreed terms are read (and parsed) only for live grants. */
const FACTS_SQL = `
  SELECT f.id, f.dataset_ids, f.ends_at, f.live,
         CASE WHEN f.live THEN ARRAY(SELECT jsonb_array_elements_text(v.terms->'datasetIds')) END AS granted,
         CASE WHEN f.live THEN ARRAY(SELECT jsonb_array_elements_text(v.terms->'purposes')) END AS purposes,
         CASE WHEN f.live THEN ARRAY(SELECT jsonb_array_elements_text(v.terms->'excludedModalities')) END AS excluded
    FROM (SELECT c.id, c.dataset_ids, c.ends_at, c.agreed_version, (${LIVE_GRANT_SQL}) AS live
            FROM data_sharing_contract c
           WHERE c.party_organization_ids @> ARRAY[$1]::uuid[] AND c.consortium_id = ANY($2::uuid[])) f
    LEFT JOIN contract_version v ON f.live AND v.contract_id = f.id AND v.number = f.agreed_version
   ORDER BY f.id`;

/**
 * A digest of everything the facts depend on, evaluated as of `$3`: each contract's id, last change,
 * period and whether it is live now. Any edit, signature, suspension, met obligation, or the clock passing a
 * start, end or due date changes it.
 */
const FINGERPRINT_SQL = `
  SELECT md5(coalesce(string_agg(concat_ws(':', c.id, c.updated_at, c.starts_at, c.ends_at, (${LIVE_GRANT_SQL})), ',' ORDER BY c.id), '')) AS fingerprint
    FROM data_sharing_contract c
   WHERE c.party_organization_ids @> ARRAY[$1]::uuid[] AND c.consortium_id = ANY($2::uuid[])`;

const CACHE_LIMIT = 1_000;

/**
 * What contracts give an organisation, for its ability on every request. One statement computes a
 * fingerprint in SQL; the contracts themselves are read and parsed only when it changed, so an
 * organisation with hundreds of grants does not ship them to Node on every request.
 */
@Injectable()
export class ContractFactsService implements ContractFactSource {
  private readonly cache = new Map<string, ContractFacts>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contractFacts(
    organizationId: string,
    consortiumIds: readonly string[],
    now: Date,
  ): Promise<ContractFacts> {
    const parameters = [organizationId, [...consortiumIds], now];
    const [row] = await this.dataSource.query<{ fingerprint: string }[]>(FINGERPRINT_SQL, parameters);
    const key = `${organizationId}:${row!.fingerprint}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const facts = { ...(await this.load(parameters)), fingerprint: row!.fingerprint };
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, facts);
    return facts;
  }

  private async load(parameters: unknown[]): Promise<Omit<ContractFacts, 'fingerprint'>> {
    const rows = await this.dataSource.query<FactRow[]>(FACTS_SQL, parameters);
    const partyDatasetIds = [...new Set(rows.flatMap((row) => row.dataset_ids))].sort();
    const grants: LiveGrant[] = rows
      .filter((row) => row.live && row.granted)
      .map((row) => ({
        contractId: row.id,
        datasetIds: [...row.granted!].sort(),
        purposes: [...(row.purposes ?? [])].sort(),
        excludedModalities: [...(row.excluded ?? [])].sort(),
        endsAt: new Date(row.ends_at!).toISOString(),
      }));
    return { partyDatasetIds, grants };
  }
}
