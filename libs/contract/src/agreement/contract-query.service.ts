import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  accessibleBy,
  APP_CONFIG,
  AuthorizationService,
  callerLoader,
  NotFoundError,
  paginate,
  type AppConfig,
  type Caller,
  type ConnectionShape,
} from '@tetrad/core';
import { ContractDraftingService } from './drafting/contract-drafting.service';
import { ContractPartyRole, ContractStatus } from '../contract-enums';
import { contractDocument, type ContractDocumentInput } from './documents/contract-document';
import type { ContractLanguage } from './documents/document-blocks';
import { effectiveStatus } from './contract-status';
import type { ContractContent } from './contract-terms';
import {
  ContractObligation,
  ContractSignature,
  ContractVersion,
  DataSharingContract,
} from './contract.entity';
import { CONTRACT_COLUMNS } from '../contract.rules';
import type { DataSharingContractsArgs } from './dto/contract.inputs';
import type { MatcherOverride } from '../access-requests/matcher-override';
import { MatcherOverrideService } from '../access-requests/matcher-override.service';
import { toOdrlAgreement } from './documents/odrl-export';

/** `effectiveStatus` (contract-status.ts) in SQL, so that lists filter by the state as of now. */
export const EFFECTIVE_STATUS_SQL = `(CASE
  WHEN contract.status IN ('DRAFT', 'IN_NEGOTIATION', 'TERMINATED', 'EXPIRED') THEN contract.status::text
  WHEN contract.fully_signed_at IS NULL THEN 'AGREED'
  WHEN contract.ends_at <= now() THEN 'EXPIRED'
  WHEN contract.status = 'SUSPENDED' THEN 'SUSPENDED'
  WHEN contract.starts_at > now() THEN 'AGREED'
  WHEN EXISTS (SELECT 1 FROM contract_obligation o
                WHERE o.contract_id = contract.id AND o.met_at IS NULL AND o.due_at <= now()) THEN 'SUSPENDED'
  ELSE 'ACTIVE' END)`;

export interface ContractExport {
  contract: DataSharingContract;
  version: ContractVersion;
  content: ContractContent;
  names: { organizations: Map<string, string>; datasets: Map<string, string> };
  signatures: ContractSignature[];
  matcherOverrides: MatcherOverride[];
}

/** Reading contracts: lists, state as of now, parties, signatures, obligations and exports. */
@Injectable()
export class ContractQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authorization: AuthorizationService,
    private readonly drafting: ContractDraftingService,
    private readonly overrides: MatcherOverrideService,
  ) {}

  async list(caller: Caller, args: DataSharingContractsArgs): Promise<ConnectionShape<DataSharingContract>> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'DataSharingContract', CONTRACT_COLUMNS);
    const query = this.dataSource
      .getRepository(DataSharingContract)
      .createQueryBuilder('contract')
      .where(scope.sql, scope.params);
    if (args.consortiumId)
      query.andWhere('contract.consortium_id = :consortiumId', { consortiumId: args.consortiumId });
    if (args.status) query.andWhere(`${EFFECTIVE_STATUS_SQL} = :status`, { status: args.status });
    if (args.datasetId) {
      query.andWhere('contract.dataset_ids @> CAST(ARRAY[:datasetId] AS uuid[])', {
        datasetId: args.datasetId,
      });
    }
    return paginate(query, args, {
      name: 'CREATED_DESC',
      column: 'contract.created_at',
      direction: 'DESC',
      valueOf: (contract) => contract.createdAt.toISOString(),
    });
  }

  /** The state as of now, given the earliest due date among its unmet obligations. */
  statusAt(contract: DataSharingContract, earliestUnmetDueAt: Date | null): ContractStatus {
    return effectiveStatus(
      {
        stored: contract.storedStatus,
        fullySignedAt: contract.fullySignedAt,
        startsAt: contract.startsAt,
        endsAt: contract.endsAt,
        earliestUnmetDueAt,
      },
      new Date(),
    );
  }

  /** Why it is suspended or terminated, in words, or null. */
  statusReasonAt(contract: DataSharingContract, earliestUnmetDueAt: Date | null): string | null {
    const status = this.statusAt(contract, earliestUnmetDueAt);
    if (status === ContractStatus.SUSPENDED && contract.storedStatus !== ContractStatus.SUSPENDED) {
      return `An obligation fell due on ${earliestUnmetDueAt!.toISOString().slice(0, 10)} and has not been met: access is suspended until it is.`;
    }
    return status === ContractStatus.SUSPENDED || status === ContractStatus.TERMINATED
      ? contract.statusReason
      : null;
  }

  /** The earliest due date of each contract's unmet obligations (batched: one statement per page). */
  async earliestUnmetDue(contractIds: readonly string[]): Promise<Map<string, Date>> {
    if (contractIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ContractObligation)
      .createQueryBuilder('o')
      .select('o.contract_id', 'contractId')
      .addSelect('min(o.due_at)', 'due')
      .where('o.contract_id IN (:...ids) AND o.met_at IS NULL AND o.due_at IS NOT NULL', {
        ids: [...contractIds],
      })
      .groupBy('o.contract_id')
      .getRawMany<{ contractId: string; due: Date }>();
    return new Map(rows.map((row) => [row.contractId, new Date(row.due)]));
  }

  /** Every signature of each contract, voided ones included, oldest first. */
  async signaturesOf(contractIds: readonly string[]): Promise<ContractSignature[][]> {
    const rows = contractIds.length
      ? await this.dataSource
          .getRepository(ContractSignature)
          .find({ where: { contractId: In([...contractIds]) }, order: { signedAt: 'ASC' } })
      : [];
    return contractIds.map((id) => rows.filter((row) => row.contractId === id));
  }

  /** Each contract's obligations, soonest due first. */
  async obligationsOf(contractIds: readonly string[]): Promise<ContractObligation[][]> {
    const rows = contractIds.length
      ? await this.dataSource.getRepository(ContractObligation).find({
          where: { contractId: In([...contractIds]) },
          order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, duty: 'ASC' },
        })
      : [];
    return contractIds.map((id) => rows.filter((row) => row.contractId === id));
  }

  /** The parties with their role and whether each has signed, given names and signatures. */
  partiesOf(
    contract: DataSharingContract,
    names: ReadonlyMap<string, string>,
    signatures: readonly ContractSignature[],
  ): { organizationId: string; name: string; role: ContractPartyRole; signed: boolean }[] {
    const signed = new Set(signatures.filter((s) => !s.voidedAt).map((s) => s.organizationId));
    return contract.partyOrganizationIds.map((organizationId) => ({
      organizationId,
      name: names.get(organizationId) ?? organizationId,
      role:
        organizationId === contract.recipientOrganizationId
          ? ContractPartyRole.RECIPIENT
          : ContractPartyRole.PROVIDER,
      signed: signed.has(organizationId),
    }));
  }

  /** ODRL 2.2 JSON-LD of a version (the agreed one by default). */
  async odrl(caller: Caller, contractId: string, versionNumber?: number): Promise<Record<string, unknown>> {
    const data = await this.exportData(caller, contractId, versionNumber);
    const timeZone = await this.drafting.timeZoneOf(data.contract.consortiumId);
    return toOdrlAgreement({
      timeZone,
      content: data.content,
      contentHash: data.version.contentHash,
      datasetNames: Object.fromEntries(data.names.datasets),
      baseUri: this.config.publicUrl,
      signatures: data.signatures.map((s) => ({
        organizationId: s.organizationId,
        signedAt: s.signedAt.toISOString(),
      })),
      matcherOverrides: data.matcherOverrides.map((o) => ({
        datasetId: o.datasetId,
        decision: o.decision,
        matcherVersion: o.matcherVersion,
        reason: o.reason,
        overriddenByOrganizationId: o.overriddenByOrganizationId,
        at: o.at.toISOString(),
      })),
    });
  }

  /**
   * The readable Markdown document of a version (the agreed one by default), in the contract's
   * governing language unless another is asked for (then marked as a convenience translation).
   */
  async document(
    caller: Caller,
    contractId: string,
    versionNumber?: number,
    language?: ContractLanguage,
  ): Promise<string> {
    const input = await this.documentInput(caller, contractId, versionNumber);
    return contractDocument(input, language ?? input.content.governingLanguage ?? 'en');
  }

  /** What every rendering of the document (Markdown, .docx, PDF) is built from. */
  async documentInput(
    caller: Caller,
    contractId: string,
    versionNumber?: number,
  ): Promise<ContractDocumentInput> {
    const data = await this.exportData(caller, contractId, versionNumber);
    const due = (await this.earliestUnmetDue([contractId])).get(contractId) ?? null;
    const signers = await this.drafting.userNames(data.signatures.map((s) => s.userId));
    const timeZone = await this.drafting.timeZoneOf(data.contract.consortiumId);
    return {
      timeZone,
      content: data.content,
      contentHash: data.version.contentHash,
      status: this.statusAt(data.contract, due),
      datasetNames: Object.fromEntries(data.names.datasets),
      signatures: data.signatures.map((s) => ({
        organizationName: data.names.organizations.get(s.organizationId) ?? s.organizationId,
        signerName: signers.get(s.userId) ?? s.userId,
        signedAt: s.signedAt.toISOString(),
        hash: s.hash,
      })),
      matcherOverrides: data.matcherOverrides.map((o) => ({
        datasetName: o.datasetName,
        decision: o.decision,
        rationale: o.rationale,
        matcherVersion: o.matcherVersion,
        reason: o.reason,
        organizationName: o.overriddenByOrganizationName,
        stewardName: o.overriddenByName,
        at: o.at.toISOString(),
      })),
    };
  }

  /**
   * Every version of a contract, newest first; NOT_FOUND if the caller may not read the contract.
   * Batched per page: two statements, the contracts scoped in SQL by the same rules as `readable`.
   */
  versionsOf(caller: Caller, contractId: string): Promise<ContractVersion[]> {
    return callerLoader<string, ContractVersion[]>(
      caller,
      'contract.versions',
      (ids) => this.versionsBatch(caller, ids),
      { cache: false },
    ).load(contractId);
  }

  private async versionsBatch(
    caller: Caller,
    contractIds: readonly string[],
  ): Promise<(ContractVersion[] | NotFoundError)[]> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'DataSharingContract', CONTRACT_COLUMNS);
    const readable = await this.dataSource
      .getRepository(DataSharingContract)
      .createQueryBuilder('contract')
      .select('contract.id', 'id')
      .where('contract.id IN (:...ids)', { ids: [...new Set(contractIds)] })
      .andWhere(scope.sql, scope.params)
      .getRawMany<{ id: string }>();
    const ids = new Set(readable.map((row) => row.id));
    const versions = ids.size
      ? await this.dataSource
          .getRepository(ContractVersion)
          .find({ where: { contractId: In([...ids]) }, order: { number: 'DESC' } })
      : [];
    return contractIds.map((id) =>
      ids.has(id)
        ? versions.filter((version) => version.contractId === id)
        : new NotFoundError('DataSharingContract', id),
    );
  }

  /** The contracts ACTIVE now that cover a dataset and that the caller may see (batched per page). */
  activeContractsOf(caller: Caller, datasetId: string): Promise<DataSharingContract[]> {
    return callerLoader<string, DataSharingContract[]>(caller, 'dataset.activeContracts', (ids) =>
      this.activeContractsBatch(caller, ids),
    ).load(datasetId);
  }

  private async activeContractsBatch(
    caller: Caller,
    datasetIds: readonly string[],
  ): Promise<DataSharingContract[][]> {
    const ability = await this.authorization.abilityFor(caller);
    const scope = accessibleBy(ability, 'read', 'DataSharingContract', CONTRACT_COLUMNS);
    const contracts = await this.dataSource
      .getRepository(DataSharingContract)
      .createQueryBuilder('contract')
      .where(scope.sql, scope.params)
      .andWhere('contract.dataset_ids && CAST(ARRAY[:...datasetIds] AS uuid[])', {
        datasetIds: [...datasetIds],
      })
      .andWhere("contract.status IN ('AGREED', 'ACTIVE')")
      .andWhere(`${EFFECTIVE_STATUS_SQL} = 'ACTIVE'`)
      .orderBy('contract.created_at', 'DESC')
      .addOrderBy('contract.id', 'DESC')
      .getMany();
    return datasetIds.map((id) => contracts.filter((contract) => contract.datasetIds.includes(id)));
  }

  /** Contracts ACTIVE now, and the datasets and hours they share (null: every consortium). */
  async sharingFigures(
    consortiumIds: readonly string[] | null,
  ): Promise<{ activeContracts: number; datasetsShared: number; hoursShared: number }> {
    const [row] = await this.dataSource.query<{ contracts: number; datasets: number; hours: number }[]>(
      `WITH live AS (
         SELECT contract.id, contract.dataset_ids FROM data_sharing_contract contract
          WHERE contract.status IN ('AGREED', 'ACTIVE') AND contract.fully_signed_at IS NOT NULL
            ${consortiumIds ? 'AND contract.consortium_id = ANY($1::uuid[])' : ''}
            AND ${EFFECTIVE_STATUS_SQL} = 'ACTIVE'),
       shared AS (SELECT DISTINCT unnest(dataset_ids) AS id FROM live)
       SELECT (SELECT count(*)::int FROM live) AS contracts, count(d.id)::int AS datasets,
              COALESCE(sum(d.hours), 0)::float8 AS hours
         FROM shared JOIN dataset d ON d.id = shared.id`,
      consortiumIds ? [[...consortiumIds]] : [],
    );
    return {
      activeContracts: row?.contracts ?? 0,
      datasetsShared: row?.datasets ?? 0,
      hoursShared: row?.hours ?? 0,
    };
  }

  private async exportData(
    caller: Caller,
    contractId: string,
    versionNumber?: number,
  ): Promise<ContractExport> {
    const contract = await this.drafting.readable(caller, contractId);
    const number = versionNumber ?? contract.agreedVersion ?? contract.currentVersion;
    const version = await this.drafting.version(contract, number);
    const names = await this.drafting.namesFor(contract.partyOrganizationIds, version.terms.datasetIds);
    const [all] = await this.signaturesOf([contractId]);
    const signatures = all!.filter((s) => !s.voidedAt && s.version === number);
    const content: ContractContent = {
      contractId,
      version: number,
      title: version.title,
      parties: contract.partyOrganizationIds.map((organizationId) => ({
        organizationId,
        name: names.organizations.get(organizationId) ?? organizationId,
        role: organizationId === contract.recipientOrganizationId ? 'RECIPIENT' : 'PROVIDER',
      })),
      terms: version.terms,
      clauses: version.clauses,
      ...(version.governingLanguage ? { governingLanguage: version.governingLanguage } : {}),
    };
    const [matcherOverrides] = contract.accessRequestId
      ? await this.overrides.ofRequests([contract.accessRequestId])
      : [[]];
    return { contract, version, content, names, signatures, matcherOverrides: matcherOverrides ?? [] };
  }
}
