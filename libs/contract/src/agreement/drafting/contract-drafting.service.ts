import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuthorizationService,
  authorizedRecord,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnitOfWork,
  type Caller,
  type Work,
} from '@tetrad/core';
import { ConsortiumService, dateInTimeZone, startOfDateInTimeZone } from '@tetrad/consortium';
import { DatasetService, type DatasetOffer } from '@tetrad/dataset';
import { UserService } from '@tetrad/identity';
import { OrganizationService } from '@tetrad/organization';
import { defaultClauses, defaultTerms } from './clause-templates';
import { diffClauses, diffTerms } from '../versions/contract-diff';
import { ContractLanguageCode, ContractStatus } from '../../contract-enums';
import { contentHash } from '../contract-hash';
import type { Clause, ContractContent, ContractTerms } from '../contract-terms';
import { draftTitle } from './contract-titles';
import type { ContractLanguage } from '../documents/document-blocks';
import { DataSharingContract, ContractSignature, ContractVersion } from '../contract.entity';
import type {
  DataAccessRequest,
  DataAccessRequestItem,
} from '../../access-requests/data-access-request.entity';
import type { ContractComparison } from '../dto/contract.types';
import { draftNote, offerLimitsOf } from './offer-prohibitions';

const NEGOTIABLE = [ContractStatus.DRAFT, ContractStatus.IN_NEGOTIATION];

/** Names the drafts need, read before the transaction (one connection on the embedded database). */
export interface DraftNames {
  organizations: Map<string, string>;
  datasets: Map<string, string>;
  /** Each dataset's offer: what a draft must keep prohibited (offer-prohibitions.ts). */
  offers: Map<string, DatasetOffer>;
}

/** How a new draft is written: its governing language, and the consortium's time zone for its dates. */
export interface DraftSettings {
  language: ContractLanguage;
  timeZone: string;
}

/** What the server writes when negotiation reopens, in the contract's governing language. */
const REOPENED_NOTE: Record<ContractLanguage, (reason: string) => string> = {
  'zh-CN': (reason) => `重新开启协商：${reason}`,
  en: (reason) => `Reopened: ${reason}`,
};
const VOIDED_ON_REOPEN: Record<ContractLanguage, (reason: string) => string> = {
  'zh-CN': (reason) => `已重新开启协商：${reason}`,
  en: (reason) => `Negotiation reopened: ${reason}`,
};

/**
 * Drafting and negotiation: a draft from an approved request, numbered versions edited by the
 * parties' LEGAL users against the latest version only, AGREED freezing one version and its
 * hash, and reopening that voids the signatures collected.
 */
@Injectable()
export class ContractDraftingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly organizations: OrganizationService,
    private readonly datasets: DatasetService,
    private readonly users: UserService,
    private readonly consortia: ConsortiumService,
    private readonly work: UnitOfWork,
  ) {}

  /** The consortium's time zone; read before a transaction (one connection on the embedded database). */
  timeZoneOf(consortiumId: string): Promise<string> {
    return this.consortia.timeZoneOf(consortiumId);
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.users.findByIds(ids)).map((user) => [user.id, user.name]));
  }

  async namesFor(organizationIds: readonly string[], datasetIds: readonly string[]): Promise<DraftNames> {
    const [organizations, datasets] = [
      await this.organizations.findByIds(organizationIds),
      await this.datasets.findByIds(datasetIds),
    ];
    return {
      organizations: new Map(organizations.map((organization) => [organization.id, organization.name])),
      datasets: new Map(datasets.map((dataset) => [dataset.id, dataset.name])),
      offers: new Map(datasets.map((dataset) => [dataset.id, dataset])),
    };
  }

  /** Version 1 of a new draft, written inside the approving review's unit of work. */
  async openDraft(
    work: Work,
    request: DataAccessRequest,
    approved: readonly DataAccessRequestItem[],
    names: DraftNames,
    settings: DraftSettings,
  ): Promise<DataSharingContract> {
    const datasetIds = approved.map((item) => item.datasetId).sort();
    const providers = [...new Set(approved.map((item) => item.ownerOrganizationId))].sort();
    const nameOf = (id: string): string => names.organizations.get(id) ?? id;
    const templateInput = {
      purposes: [request.purpose],
      providerNames: providers.map(nameOf),
      recipientName: nameOf(request.requesterOrganizationId),
      datasetNames: datasetIds.map((id) => names.datasets.get(id) ?? id),
    };
    const title = draftTitle(templateInput, settings.language);
    const { manager } = work;
    const contract = await manager.save(
      manager.create(DataSharingContract, {
        consortiumId: request.consortiumId,
        accessRequestId: request.id,
        title,
        governingLanguage: settings.language as ContractLanguageCode,
        storedStatus: ContractStatus.DRAFT,
        recipientOrganizationId: request.requesterOrganizationId,
        providerOrganizationIds: providers,
        partyOrganizationIds: [...providers, request.requesterOrganizationId].sort(),
        datasetIds,
        currentVersion: 1,
      }),
    );
    const limits = offerLimitsOf(datasetIds, names.offers);
    const terms = defaultTerms({
      datasetIds,
      purposes: [request.purpose],
      startsOn: dateInTimeZone(new Date(), settings.timeZone),
      durationDays: request.durationDays,
      offerProhibitions: limits.map((limit) => limit.prohibition),
    });
    const clauses = defaultClauses(templateInput, settings.language);
    const version = await this.insertVersion(
      manager,
      work.caller,
      contract,
      {
        terms,
        clauses,
        basedOn: null,
        note: draftNote(terms.purposes, limits, names.datasets, settings.language),
      },
      names,
    );
    await work.record('DataSharingContract', contract, {
      action: 'contract.draft',
      after: {
        title,
        governingLanguage: settings.language,
        version: version.number,
        hash: version.contentHash,
        prohibitions: terms.prohibitions,
      },
    });
    return contract;
  }

  async agree(caller: Caller, contractId: string, versionNumber: number): Promise<DataSharingContract> {
    const seen = await this.readable(caller, contractId);
    const timeZone = await this.timeZoneOf(seen.consortiumId);
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const contract = await this.locked(work, contractId, 'agree');
      assertNegotiable(contract, 'agreed');
      if (versionNumber !== contract.currentVersion) {
        throw new ConflictError(`Only the latest version (${contract.currentVersion}) can be agreed.`, {
          currentVersion: contract.currentVersion,
        });
      }
      const version = await manager.findOneByOrFail(ContractVersion, { contractId, number: versionNumber });
      // The period is dates in the consortium's time zone: it starts and ends at local midnight.
      const today = dateInTimeZone(new Date(), timeZone);
      if (version.terms.endsOn <= today) {
        throw new InvalidInputError(
          `The terms end on ${version.terms.endsOn}, which has passed: edit the end date first.`,
        );
      }
      Object.assign(contract, {
        storedStatus: ContractStatus.AGREED,
        agreedVersion: versionNumber,
        agreedHash: version.contentHash,
        startsAt: startOfDateInTimeZone(version.terms.startsOn, timeZone),
        endsAt: startOfDateInTimeZone(version.terms.endsOn, timeZone),
      });
      const saved = await manager.save(contract);
      await work.record('DataSharingContract', contract, {
        action: 'contract.agree',
        after: {
          version: versionNumber,
          hash: version.contentHash,
        },
      });
      return saved;
    });
  }

  /** Back to negotiation before every party has signed: a new version, signatures voided visibly. */
  async reopen(caller: Caller, contractId: string, reason: string): Promise<ContractVersion> {
    const current = await this.readable(caller, contractId);
    const names = await this.namesFor(current.partyOrganizationIds, current.datasetIds);
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const contract = await this.locked(work, contractId, 'draft');
      if (contract.storedStatus !== ContractStatus.AGREED || contract.fullySignedAt) {
        throw new ConflictError('Only an agreed contract that not every party has signed can be reopened.', {
          currentStatus: contract.storedStatus,
        });
      }
      const agreed = await manager.findOneByOrFail(ContractVersion, {
        contractId,
        number: contract.agreedVersion!,
      });
      const voided = await manager
        .createQueryBuilder()
        .update(ContractSignature)
        .set({ voidedAt: () => 'now()', voidReason: VOIDED_ON_REOPEN[contract.governingLanguage](reason) })
        .where('contract_id = :contractId AND voided_at IS NULL', { contractId })
        .execute();
      const version = await this.insertVersion(
        manager,
        caller,
        contract,
        {
          terms: agreed.terms,
          clauses: agreed.clauses,
          basedOn: agreed.number,
          note: REOPENED_NOTE[contract.governingLanguage](reason),
        },
        names,
      );
      const before = {
        status: contract.storedStatus,
        agreedVersion: contract.agreedVersion,
        agreedHash: contract.agreedHash,
      };
      Object.assign(contract, {
        storedStatus: ContractStatus.IN_NEGOTIATION,
        currentVersion: version.number,
        agreedVersion: null,
        agreedHash: null,
        startsAt: null,
        endsAt: null,
      });
      await manager.save(contract);
      await work.record('DataSharingContract', contract, {
        action: 'contract.reopen',
        before,
        after: {
          version: version.number,
          reason,
          voidedSignatures: voided.affected ?? 0,
        },
      });
      return version;
    });
  }

  async compare(caller: Caller, contractId: string, from: number, to: number): Promise<ContractComparison> {
    const contract = await this.readable(caller, contractId);
    const [before, after] = [await this.version(contract, from), await this.version(contract, to)];
    const names = await this.namesFor([], [...before.terms.datasetIds, ...after.terms.datasetIds]);
    const terms = diffTerms(before.terms, after.terms, { datasets: Object.fromEntries(names.datasets) });
    return {
      fromVersion: from,
      toVersion: to,
      clauses: diffClauses(before.clauses, after.clauses),
      ...terms,
      terms: terms.changes,
    };
  }

  async version(contract: DataSharingContract, number: number): Promise<ContractVersion> {
    const version = await this.dataSource
      .getRepository(ContractVersion)
      .findOneBy({ contractId: contract.id, number });
    if (!version) throw new NotFoundError('ContractVersion', `${contract.id}/${number}`);
    return version;
  }

  readable(caller: Caller, id: string): Promise<DataSharingContract> {
    return authorizedRecord(this.authorization, this.dataSource.manager, caller, {
      type: 'DataSharingContract',
      entity: DataSharingContract,
      id,
      action: 'read',
    });
  }

  /** The contract, locked for the rest of the unit of work, if the caller may do `action` to it. */
  locked(
    work: Work,
    id: string,
    action: 'draft' | 'agree' | 'sign' | 'suspend' | 'terminate' | 'fulfil',
  ): Promise<DataSharingContract> {
    return work.lock({ type: 'DataSharingContract', entity: DataSharingContract, id, action });
  }

  async insertVersion(
    manager: EntityManager,
    caller: Caller,
    contract: DataSharingContract,
    body: { terms: ContractTerms; clauses: Clause[]; basedOn: number | null; note: string },
    names: DraftNames,
  ): Promise<ContractVersion> {
    const number = body.basedOn === null ? 1 : contract.currentVersion + 1;
    const hash = this.hashOf(contract, number, { title: contract.title, ...body }, names);
    return manager.save(
      manager.create(ContractVersion, {
        contractId: contract.id,
        number,
        basedOn: body.basedOn,
        title: contract.title,
        terms: body.terms,
        clauses: body.clauses,
        governingLanguage: contract.governingLanguage,
        contentHash: hash,
        note: body.note,
        authorUserId: caller.userId,
      }),
    );
  }

  /** The hash version `number` of `contract` would have with this content: what its signatories would sign. */
  hashOf(
    contract: DataSharingContract,
    number: number,
    body: { title: string; terms: ContractTerms; clauses: Clause[] },
    names: DraftNames,
  ): string {
    const content: ContractContent = {
      contractId: contract.id,
      version: number,
      title: body.title,
      parties: contract.partyOrganizationIds.map((organizationId) => ({
        organizationId,
        name: names.organizations.get(organizationId) ?? organizationId,
        role: organizationId === contract.recipientOrganizationId ? 'RECIPIENT' : 'PROVIDER',
      })),
      terms: body.terms,
      clauses: body.clauses,
      // Every version written from now on carries its governing language, and so hashes it.
      governingLanguage: contract.governingLanguage,
    };
    return contentHash(content);
  }

  /** Dates in order; every dataset one a provider party owns, in the contract's consortium. */
  async validateTerms(
    manager: EntityManager,
    contract: DataSharingContract,
    terms: ContractTerms,
  ): Promise<void> {
    if (terms.endsOn <= terms.startsOn) {
      throw new InvalidInputError('The terms must end after they start.', [
        { field: 'input.terms.endsOn', message: `must be after ${terms.startsOn}` },
      ]);
    }
    const found = await this.datasets.findByIds(terms.datasetIds, manager);
    for (const id of terms.datasetIds) {
      const dataset = found.find((candidate) => candidate.id === id);
      if (
        !dataset ||
        dataset.consortiumId !== contract.consortiumId ||
        !contract.providerOrganizationIds.includes(dataset.ownerOrganizationId)
      ) {
        throw new InvalidInputError(
          'Every dataset in the terms must be owned by a provider party of this contract.',
          [
            {
              field: 'input.terms.datasetIds',
              message: `${id} is not a provider's dataset in this consortium`,
            },
          ],
        );
      }
    }
  }
}

export function assertNegotiable(contract: DataSharingContract, verb: string): void {
  if (!NEGOTIABLE.includes(contract.storedStatus)) {
    throw new ConflictError(
      `This contract is ${contract.storedStatus}: it can no longer be ${verb}${contract.storedStatus === ContractStatus.AGREED ? ' (reopen negotiation first)' : ''}.`,
      { currentStatus: contract.storedStatus },
    );
  }
}
