import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  AuthorizationService,
  DomainError,
  ForbiddenError,
  UnitOfWork,
  UserRole,
  type Caller,
  type LiveGrant,
} from '@tetrad/core';
import { DatasetService, type Dataset, type Purpose } from '@tetrad/dataset';
import { EFFECTIVE_STATUS_SQL } from '../agreement/contract-query.service';
import type { DatasetAccessGrant } from '../agreement/dto/contract.types';

/**
 * Enforcement: a dataset's storage location and manifest leave Tetrad only under a live grant
 * of an ACTIVE contract, to the recipient's researchers and engineers, for a purpose the
 * contract permits, less its excluded modalities. Every success and every refusal is written
 * to the audit trail with the purpose and the reason (never the location itself).
 */
@Injectable()
export class DataAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly datasets: DatasetService,
    private readonly audit: AuditTrail,
    private readonly work: UnitOfWork,
  ) {}

  async access(caller: Caller, datasetId: string, purpose: Purpose): Promise<DatasetAccessGrant> {
    let dataset: Dataset;
    try {
      dataset = await this.datasets.get(caller, datasetId);
    } catch (error) {
      if (error instanceof DomainError)
        await this.refuse(caller, datasetId, null, purpose, 'The dataset is not visible to the caller.');
      throw error;
    }
    const ability = await this.authorization.abilityFor(caller);
    const { contracts } = await this.authorization.contextFor(caller);
    if (!ability.can('access', subject('DatasetAccess', { datasetId, purpose }))) {
      const reason = await this.refusalReason(caller, dataset, purpose, contracts.grants);
      await this.refuse(caller, datasetId, dataset.consortiumId, purpose, reason);
      throw new ForbiddenError(reason);
    }
    const grant = bestGrant(contracts.grants, datasetId, purpose);
    await this.work.run(caller, async ({ manager }) => {
      await this.audit.record(manager, caller, {
        action: 'dataset.access',
        subjectType: 'Dataset',
        subjectId: datasetId,
        consortiumId: dataset.consortiumId,
        after: { purpose, contractId: grant.contractId, outcome: 'GRANTED' },
      });
    });
    return present(dataset, grant, purpose);
  }

  private async refuse(
    caller: Caller,
    datasetId: string,
    consortiumId: string | null,
    purpose: Purpose,
    reason: string,
  ): Promise<void> {
    await this.work.run(caller, async ({ manager }) => {
      await this.audit.record(manager, caller, {
        action: 'dataset.access.refused',
        subjectType: 'Dataset',
        subjectId: datasetId,
        consortiumId,
        after: { purpose, outcome: 'REFUSED', reason },
      });
    });
  }

  /** Says why, in the words a researcher needs to act on. */
  private async refusalReason(
    caller: Caller,
    dataset: Dataset,
    purpose: Purpose,
    grants: readonly LiveGrant[],
  ): Promise<string> {
    const covering = grants.filter((grant) => grant.datasetIds.includes(dataset.id));
    if (covering.length > 0) {
      if (!caller.roles.includes(UserRole.RESEARCHER) && !caller.roles.includes(UserRole.ENGINEER)) {
        return "Only the recipient's researchers and engineers may access data under a contract.";
      }
      const purposes = [...new Set(covering.flatMap((grant) => grant.purposes))].sort();
      return `The live contract permits ${purposes.join(', ')}, not ${purpose}.`;
    }
    const [latest] = await this.dataSource.query<{ title: string; status: string }[]>(
      `SELECT contract.title, ${EFFECTIVE_STATUS_SQL} AS status FROM data_sharing_contract contract
        WHERE contract.recipient_organization_id = $1 AND contract.dataset_ids @> ARRAY[$2]::uuid[]
        ORDER BY contract.created_at DESC LIMIT 1`,
      [caller.organizationId, dataset.id],
    );
    if (!latest) return `No contract grants your organisation “${dataset.name}”: request access first.`;
    return `No live contract grants your organisation “${dataset.name}”: “${latest.title}” is ${latest.status}.`;
  }
}

/** Of several live grants, the one with the fewest exclusions, then the latest end. */
function bestGrant(grants: readonly LiveGrant[], datasetId: string, purpose: string): LiveGrant {
  const candidates = grants
    .filter((grant) => grant.datasetIds.includes(datasetId) && grant.purposes.includes(purpose))
    .sort(
      (a, b) => a.excludedModalities.length - b.excludedModalities.length || b.endsAt.localeCompare(a.endsAt),
    );
  return candidates[0]!;
}

function present(dataset: Dataset, grant: LiveGrant, purpose: Purpose): DatasetAccessGrant {
  const excluded = new Set(grant.excludedModalities);
  const features = dataset.features.filter((feature) => !excluded.has(feature.modality));
  return {
    datasetId: dataset.id,
    contractId: grant.contractId,
    purpose,
    storageLocation: dataset.storageLocation,
    checksum: dataset.checksum,
    modalities: dataset.modalities.filter((modality) => !excluded.has(modality)),
    excludedModalities: dataset.modalities.filter((modality) => excluded.has(modality)),
    manifest: {
      name: dataset.name,
      version: dataset.version,
      format: dataset.format,
      formatVersion: dataset.formatVersion,
      robotType: dataset.robotType,
      episodes: dataset.episodes,
      hours: dataset.hours,
      fps: dataset.fps,
      features,
    },
    validUntil: new Date(grant.endsAt),
  };
}
