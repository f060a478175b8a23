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
const LIVE_GRANT_SQL = `
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

/** What contracts give an organisation, read in one query per request for its ability. */
@Injectable()
export class ContractFactsService implements ContractFactSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contractFacts(
    organizationId: string,
    consortiumIds: readonly string[],
    now: Date,
  ): Promise<ContractFacts> {
    const rows = await this.dataSource.query<FactRow[]>(FACTS_SQL, [organizationId, [...consortiumIds], now]);
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
