import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuthorizationService,
  authorizedRecord,
  ConflictError,
  InvalidInputError,
  UnitOfWork,
  type Caller,
} from '@tetrad/core';
import { diffClauses, diffTerms } from './contract-diff';
import {
  ContractDraftingService,
  assertNegotiable,
  type DraftNames,
} from '../drafting/contract-drafting.service';
import { ContractStatus } from '../../contract-enums';
import {
  applyChanges,
  changesBetween,
  mergeContent,
  PatchProblem,
  sameContent,
  type ContractChanges,
  type ConflictSide,
  type DraftContent,
  type MergeResult,
} from './contract-merge';
import type { Clause, ContractTerms } from '../contract-terms';
import { DataSharingContract, ContractVersion } from '../contract.entity';
import type { ContractEditProposalInput, EditContractInput } from './dto/contract-edit.inputs';
import type { ClauseInput } from '../dto/contract.inputs';
import type { ContractEditPreview } from './dto/contract-edit.types';
import type { ContractConflictKind } from './dto/contract-edit.types';

interface Prepared {
  contract: DataSharingContract;
  latest: ContractVersion;
  merge: MergeResult;
  unchanged: boolean;
  /** The hash the new version would have; null while conflicts are open or nothing would change. */
  contentHash: string | null;
}

/**
 * Edits as three-way merges (contract-merge.ts): the person's change against the version they
 * edited, merged onto the latest version by the server; the preview is exactly what a save would
 * store, and a save carrying the previewed hash stores that or nothing.
 */
@Injectable()
export class ContractEditingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorization: AuthorizationService,
    private readonly drafting: ContractDraftingService,
    private readonly work: UnitOfWork,
  ) {}

  async preview(caller: Caller, input: ContractEditProposalInput): Promise<ContractEditPreview> {
    const current = await this.drafting.readable(caller, input.contractId);
    const names = await this.drafting.namesFor(current.partyOrganizationIds, []);
    const manager = this.dataSource.manager;
    await authorizedRecord(this.authorization, manager, caller, {
      type: 'DataSharingContract',
      entity: DataSharingContract,
      id: input.contractId,
      action: 'draft',
    });
    const prepared = await this.prepare(manager, current, input, names);
    const { merge, latest } = prepared;
    if (!merge.open) await this.drafting.validateTerms(manager, current, merge.content.terms);
    const datasetNames = await this.drafting.namesFor(
      [],
      [...latest.terms.datasetIds, ...merge.content.terms.datasetIds],
    );
    const terms = diffTerms(latest.terms, merge.content.terms, {
      datasets: Object.fromEntries(datasetNames.datasets),
    });
    return {
      contractId: current.id,
      baseVersion: input.baseVersion,
      latestVersion: latest.number,
      latest,
      newVersion: latest.number + 1,
      merged: input.baseVersion !== latest.number,
      title: merge.content.title,
      terms: merge.content.terms,
      clauses: merge.content.clauses,
      conflicts: merge.conflicts.map((conflict) => ({
        ...conflict,
        kind: conflict.kind as ContractConflictKind,
        resolution: conflict.resolution as ContractEditPreview['conflicts'][number]['resolution'],
      })),
      openConflicts: merge.conflicts.filter((conflict) => conflict.resolution === null).length,
      unchanged: prepared.unchanged,
      comparison: {
        fromVersion: latest.number,
        toVersion: latest.number + 1,
        clauses: diffClauses(latest.clauses, merge.content.clauses),
        ...terms,
        terms: terms.changes,
      },
      contentHash: prepared.contentHash,
    };
  }

  async edit(caller: Caller, input: EditContractInput): Promise<ContractVersion> {
    const current = await this.drafting.readable(caller, input.contractId);
    const names = await this.drafting.namesFor(current.partyOrganizationIds, []);
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const contract = await this.drafting.locked(work, input.contractId, 'draft');
      const { latest, merge, unchanged, contentHash } = await this.prepare(manager, contract, input, names);
      if (merge.open) {
        const open = merge.conflicts.filter((conflict) => conflict.resolution === null);
        throw new ConflictError(
          `Version ${latest.number} was saved since you opened version ${input.baseVersion}, and ${open.length} of your changes conflict with it: choose for each whether to keep yours or theirs (previewContractEdit shows them).`,
          {
            currentVersion: latest.number,
            baseVersion: input.baseVersion,
            // Each with the latest version's value (theirs), so that a client can redo its edit on it.
            conflicts: open.map(({ path, kind, clauseKey, base, mine, theirs }) => ({
              path,
              kind,
              clauseKey,
              base,
              mine,
              theirs,
            })),
          },
        );
      }
      if (unchanged) {
        throw new InvalidInputError(
          `Nothing to save: with your changes, the contract says exactly what version ${latest.number} says.`,
        );
      }
      if (input.reviewedHash !== undefined && input.reviewedHash !== contentHash) {
        throw new ConflictError(
          input.baseVersion === latest.number
            ? 'What would be stored differs from what you reviewed. Review your changes again before saving.'
            : `What would be stored differs from what you reviewed: version ${latest.number} was saved since. Review the merge onto it before saving.`,
          { currentVersion: latest.number, baseVersion: input.baseVersion },
        );
      }
      await this.drafting.validateTerms(manager, contract, merge.content.terms);
      const before = {
        status: contract.storedStatus,
        version: contract.currentVersion,
        title: contract.title,
      };
      contract.title = merge.content.title;
      const version = await this.drafting.insertVersion(
        manager,
        caller,
        contract,
        {
          terms: merge.content.terms,
          clauses: merge.content.clauses,
          basedOn: input.baseVersion,
          note: input.note,
        },
        names,
      );
      contract.currentVersion = version.number;
      contract.storedStatus = ContractStatus.IN_NEGOTIATION;
      contract.datasetIds = [...merge.content.terms.datasetIds];
      await manager.save(contract);
      await work.record('DataSharingContract', contract, {
        action: 'contract.edit',
        before,
        after: {
          version: version.number,
          hash: version.contentHash,
          basedOn: input.baseVersion,
          ...(input.baseVersion !== latest.number ? { mergedOnto: latest.number } : {}),
          ...(merge.conflicts.length > 0
            ? { resolved: merge.conflicts.map(({ path, resolution }) => `${path}: ${resolution}`) }
            : {}),
          ...(version.title !== before.title ? { title: version.title } : {}),
        },
      });
      return version;
    });
  }

  /** The merge, and the hash of the version it would store, read through `manager`. */
  private async prepare(
    manager: EntityManager,
    contract: DataSharingContract,
    input: ContractEditProposalInput,
    names: DraftNames,
  ): Promise<Prepared> {
    assertNegotiable(contract, 'edited');
    if (input.baseVersion > contract.currentVersion) {
      throw new InvalidInputError(`This contract has no version ${input.baseVersion} yet.`, [
        { field: 'input.baseVersion', message: `the latest version is ${contract.currentVersion}` },
      ]);
    }
    const versions = await manager.findBy(ContractVersion, {
      contractId: contract.id,
      number: input.baseVersion,
    });
    const latest =
      input.baseVersion === contract.currentVersion
        ? versions[0]!
        : await manager.findOneByOrFail(ContractVersion, {
            contractId: contract.id,
            number: contract.currentVersion,
          });
    const base = contentOf(versions[0]!);
    const mine = personsVersion(base, input);
    const resolutions = new Map<string, ConflictSide>(
      input.resolutions.map((resolution) => [resolution.path, resolution.keep]),
    );
    const merge = mergeContent(base, mine, contentOf(latest), resolutions);
    assertUniqueKeys(merge.content.clauses);
    const unchanged = sameContent(merge.content, contentOf(latest));
    const contentHash =
      merge.open || unchanged
        ? null
        : this.drafting.hashOf(contract, latest.number + 1, merge.content, names);
    return { contract, latest, merge, unchanged, contentHash };
  }
}

function contentOf(version: ContractVersion): DraftContent {
  return { title: version.title, terms: version.terms, clauses: version.clauses };
}

/** The person's edited content: their patch applied to the version they edited, or the whole content they sent. */
function personsVersion(base: DraftContent, input: ContractEditProposalInput): DraftContent {
  const whole = input.terms !== undefined || input.clauses !== undefined || input.title !== undefined;
  if (whole && input.changes) {
    throw new InvalidInputError('Send either your changes or the whole edited content, not both.', [
      { field: 'input.changes', message: 'leave out terms, clauses and title when sending changes' },
    ]);
  }
  if (!whole && !input.changes) {
    throw new InvalidInputError('Send what you changed (changes), or the whole edited terms and clauses.', [
      { field: 'input.changes', message: 'is required' },
    ]);
  }
  try {
    if (input.changes) return applyChanges(base, input.changes as ContractChanges);
    if (!input.terms || !input.clauses) {
      throw new InvalidInputError('With whole content, send both the terms and the clauses.', [
        { field: input.terms ? 'input.clauses' : 'input.terms', message: 'is required with whole content' },
      ]);
    }
    const edited: DraftContent = {
      title: input.title ?? base.title,
      terms: normalizeTerms(input.terms),
      clauses: input.clauses.map((clause) => wholeClause(clause, base.clauses)),
    };
    if (edited.clauses.length === 0) {
      throw new InvalidInputError('A contract keeps at least one clause.', [
        { field: 'input.clauses', message: 'is empty' },
      ]);
    }
    assertUniqueKeys(edited.clauses);
    return applyChanges(base, changesBetween(base, edited));
  } catch (error) {
    if (error instanceof PatchProblem) {
      throw new InvalidInputError(`Your changes do not fit version ${input.baseVersion}: ${error.message}.`, [
        { field: error.field, message: error.message },
      ]);
    }
    throw error;
  }
}

/** A clause of whole content; a translation left out is kept while the clause is unchanged. */
function wholeClause(input: ClauseInput, base: readonly Clause[]): Clause {
  const clause: Clause = { key: input.key, title: input.title, text: input.text };
  const original = base.find((candidate) => candidate.key === input.key);
  const translation =
    input.translation !== undefined
      ? input.translation
      : original && original.title === input.title && original.text === input.text
        ? original.translation
        : null;
  if (translation) clause.translation = { title: translation.title, text: translation.text };
  return clause;
}

function normalizeTerms(input: NonNullable<ContractEditProposalInput['terms']>): ContractTerms {
  return {
    datasetIds: [...input.datasetIds],
    purposes: [...input.purposes],
    prohibitions: [...input.prohibitions],
    duties: input.duties.map(({ duty, dueInDays }) => ({ duty, dueInDays: dueInDays ?? null })),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    excludedModalities: [...input.excludedModalities],
  };
}

function assertUniqueKeys(clauses: Clause[]): void {
  const keys = new Set<string>();
  for (const [index, clause] of clauses.entries()) {
    if (keys.has(clause.key)) {
      throw new InvalidInputError('Each clause key is used once.', [
        { field: `input.clauses.${index}.key`, message: `"${clause.key}" is used twice` },
      ]);
    }
    keys.add(clause.key);
  }
  if (clauses.length === 0) {
    throw new InvalidInputError('A contract keeps at least one clause.', [
      { field: 'input.changes.clauses.removed', message: 'would remove every clause' },
    ]);
  }
}
