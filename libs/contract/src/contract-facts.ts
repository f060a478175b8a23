import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContractFactSource, ContractFacts, LiveGrant } from '@tetrad/core';

interface FactRow {
  id: string;
  dataset_ids: string[];
  live: boolean;
  terms: { datasetIds: string[]; purposes: string[]; excludedModalities: string[] } | null;
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

/** What contracts give an organisation, read in one query per request for its ability. */
@Injectable()
export class ContractFactsService implements ContractFactSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contractFacts(
    organizationId: string,
    consortiumIds: readonly string[],
    now: Date,
  ): Promise<ContractFacts> {
    const rows = await this.dataSource.query<FactRow[]>(
      `SELECT c.id, c.dataset_ids, c.ends_at, (${LIVE_GRANT_SQL}) AS live,
              CASE WHEN (${LIVE_GRANT_SQL}) THEN v.terms END AS terms
         FROM data_sharing_contract c
         LEFT JOIN contract_version v ON v.contract_id = c.id AND v.number = c.agreed_version
        WHERE c.party_organization_ids @> ARRAY[$1]::uuid[] AND c.consortium_id = ANY($2::uuid[])
        ORDER BY c.id`,
      [organizationId, [...consortiumIds], now],
    );
    const partyDatasetIds = [...new Set(rows.flatMap((row) => row.dataset_ids))].sort();
    const grants: LiveGrant[] = rows
      .filter((row) => row.live && row.terms)
      .map((row) => ({
        contractId: row.id,
        datasetIds: [...row.terms!.datasetIds].sort(),
        purposes: [...row.terms!.purposes].sort(),
        excludedModalities: [...row.terms!.excludedModalities].sort(),
        endsAt: new Date(row.ends_at!).toISOString(),
      }));
    return { partyDatasetIds, grants };
  }
}
