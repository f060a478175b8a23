import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  throughParent,
  paginate,
  sha256Hex,
  UnitOfWork,
  type Caller,
  type ConnectionShape,
  type Work,
} from '@tetrad/core';
import { ContractClauseComment } from './clause-comment.entity';
import { clauseHash, commentsOpenFor, quoteFound, squashSpaces } from './clause-comments';
import type { Clause } from '../contract-terms';
import { ContractVersion, DataSharingContract } from '../contract.entity';
import { withParties, withParty } from '../contract-people.service';
import type { ClauseCommentsArgs, CommentOnClauseInput } from './dto/clause-comment.inputs';

/**
 * Comments between the parties' legal teams on the clauses of a version. Everything is checked
 * against the contract: reading its comments takes being a party, writing takes the party's
 * LEGAL role (`comment` in contract.rules.ts) while the terms may still change. Each change
 * locks the contract row, so comment changes on one contract queue behind each other.
 */
@Injectable()
export class ClauseCommentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: UnitOfWork,
  ) {}

  comment(caller: Caller, input: CommentOnClauseInput): Promise<ContractClauseComment> {
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const contract = await this.lockedContract(work, input.contractId);
      const root = input.replyTo ? await this.threadRoot(manager, contract, input) : null;
      const version = await manager.findOneBy(ContractVersion, {
        contractId: contract.id,
        number: input.version,
      });
      if (!version) {
        throw new InvalidInputError(`This contract has no version ${input.version}.`, [
          { field: 'input.version', message: `up to ${contract.currentVersion}` },
        ]);
      }
      const clause = clauseOf(version, input.clauseKey ?? null);
      if (input.quote && (!clause || !quoteFound(input.quote, clause.text))) {
        throw new InvalidInputError('A quote must be a passage of the clause commented on, as it reads.', [
          { field: 'input.quote', message: `not found in ${clause ? `clause "${clause.key}"` : 'a clause'}` },
        ]);
      }
      const comment = await manager.save(
        manager.create(ContractClauseComment, {
          contractId: contract.id,
          consortiumId: contract.consortiumId,
          version: version.number,
          clauseKey: clause?.key ?? null,
          clauseHash: clause ? clauseHash(clause) : null,
          quote: input.quote ? squashSpaces(input.quote) : null,
          body: input.body,
          authorUserId: caller.userId,
          authorOrganizationId: caller.organizationId!,
          replyToId: root?.id ?? null,
        }),
      );
      await work.record('DataSharingContract', contract, {
        action: root ? 'contract.comment.reply' : 'contract.comment.add',
        // The text stays with the parties; the trail keeps its hash.
        after: {
          commentId: comment.id,
          version: comment.version,
          clauseKey: comment.clauseKey,
          replyTo: comment.replyToId,
          bodyHash: sha256Hex(comment.body),
        },
      });
      return withParty(comment, contract.partyOrganizationIds);
    });
  }

  resolve(caller: Caller, id: string): Promise<ContractClauseComment> {
    return this.setResolved(caller, id, true);
  }

  reopen(caller: Caller, id: string): Promise<ContractClauseComment> {
    return this.setResolved(caller, id, false);
  }

  /** A page of threads (root comments) of a contract the caller may read; empty for a non-party. */
  async threads(
    caller: Caller,
    contract: DataSharingContract,
    args: ClauseCommentsArgs,
  ): Promise<ConnectionShape<ContractClauseComment>> {
    if (!isParty(caller, contract)) return emptyConnection();
    const query = this.dataSource
      .getRepository(ContractClauseComment)
      .createQueryBuilder('comment')
      .where('comment.contract_id = :contractId AND comment.reply_to_id IS NULL', {
        contractId: contract.id,
      });
    if (args.open === true) query.andWhere('comment.resolved_at IS NULL');
    if (args.open === false) query.andWhere('comment.resolved_at IS NOT NULL');
    if (args.clauseKey) query.andWhere('comment.clause_key = :clauseKey', { clauseKey: args.clauseKey });
    if (args.version) query.andWhere('comment.version = :version', { version: args.version });
    const page = await paginate(query, args, {
      name: 'CREATED_AT_ASC',
      column: 'comment.created_at',
      direction: 'ASC',
      valueOf: (comment) => comment.createdAt.toISOString(),
    });
    const nodes = withParties(page.nodes, contract.partyOrganizationIds);
    return {
      nodes,
      edges: page.edges.map((edge, index) => ({ cursor: edge.cursor, node: nodes[index]! })),
      pageInfo: page.pageInfo,
      get totalCount() {
        return page.totalCount;
      },
    };
  }

  /** Threads made on each version (`contractId:number`), oldest first: one statement per batch. */
  async threadsOnVersions(keys: readonly string[]): Promise<ContractClauseComment[][]> {
    const pairs = keys.map((key) => versionKeyParts(key));
    const rows = pairs.length
      ? await this.dataSource
          .getRepository(ContractClauseComment)
          .createQueryBuilder('comment')
          .where('comment.reply_to_id IS NULL')
          .andWhere(
            '(comment.contract_id, comment.version) IN (SELECT * FROM unnest(CAST(ARRAY[:...contractIds] AS uuid[]), CAST(ARRAY[:...numbers] AS int[])))',
            { contractIds: pairs.map((pair) => pair.contractId), numbers: pairs.map((pair) => pair.number) },
          )
          .orderBy('comment.created_at', 'ASC')
          .addOrderBy('comment.id', 'ASC')
          .getMany()
      : [];
    return pairs.map(({ contractId, number }) =>
      rows.filter((row) => row.contractId === contractId && row.version === number),
    );
  }

  /** Replies of each root comment, oldest first. */
  async repliesOf(rootIds: readonly string[]): Promise<ContractClauseComment[][]> {
    const rows = rootIds.length
      ? await this.dataSource.getRepository(ContractClauseComment).find({
          where: { replyToId: In([...rootIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    return rootIds.map((id) => rows.filter((row) => row.replyToId === id));
  }

  /** How many threads of each contract are open. */
  async openCounts(contractIds: readonly string[]): Promise<number[]> {
    const rows = contractIds.length
      ? await this.dataSource.query<{ contract_id: string; n: number }[]>(
          `SELECT contract_id, count(*)::int AS n FROM contract_clause_comment
            WHERE contract_id = ANY($1::uuid[]) AND resolved_at IS NULL AND reply_to_id IS NULL
            GROUP BY contract_id`,
          [[...contractIds]],
        )
      : [];
    const counts = new Map(rows.map((row) => [row.contract_id, row.n]));
    return contractIds.map((id) => counts.get(id) ?? 0);
  }

  /** The clauses of each contract's latest version (to tell whether a commented clause changed). */
  async latestClauses(contractIds: readonly string[]): Promise<Clause[][]> {
    const rows = contractIds.length
      ? await this.dataSource
          .getRepository(ContractVersion)
          .createQueryBuilder('version')
          .innerJoin(
            DataSharingContract,
            'contract',
            'contract.id = version.contract_id AND contract.current_version = version.number',
          )
          .where('version.contract_id IN (:...ids)', { ids: [...contractIds] })
          .getMany()
      : [];
    return contractIds.map((id) => rows.find((row) => row.contractId === id)?.clauses ?? []);
  }

  private setResolved(caller: Caller, id: string, resolved: boolean): Promise<ContractClauseComment> {
    return this.work.run(caller, async (work) => {
      const { manager } = work;
      const found = await manager.findOneBy(ContractClauseComment, { id });
      if (!found) throw new NotFoundError('ClauseComment', id);
      const contract = await throughParent('ClauseComment', id, () =>
        this.lockedContract(work, found.contractId),
      );
      const root = await manager.findOneByOrFail(ContractClauseComment, { id: found.replyToId ?? found.id });
      if (Boolean(root.resolvedAt) === resolved) {
        throw new ConflictError(
          resolved ? 'This thread is already resolved.' : 'This thread is already open.',
          {
            resolvedAt: root.resolvedAt?.toISOString() ?? null,
          },
        );
      }
      const before = { resolvedAt: root.resolvedAt, resolvedByUserId: root.resolvedByUserId };
      root.resolvedAt = resolved ? new Date() : null;
      root.resolvedByUserId = resolved ? caller.userId : null;
      const saved = await manager.save(root);
      await work.record('DataSharingContract', contract, {
        action: resolved ? 'contract.comment.resolve' : 'contract.comment.reopen',
        before,
        after: { commentId: root.id, resolvedAt: saved.resolvedAt, resolvedByUserId: saved.resolvedByUserId },
      });
      return withParty(saved, contract.partyOrganizationIds);
    });
  }

  /** The contract, locked, if the caller may comment on it now. */
  private async lockedContract(work: Work, id: string): Promise<DataSharingContract> {
    const contract = await work.lock({
      type: 'DataSharingContract',
      entity: DataSharingContract,
      id,
      action: 'comment',
    });
    if (!commentsOpenFor(contract)) {
      throw new ConflictError(
        `This contract is ${contract.storedStatus}${contract.fullySignedAt ? ' and signed by every party' : ''}: its comments are kept for the record and can no longer change.`,
        { currentStatus: contract.storedStatus },
      );
    }
    return contract;
  }

  /** The root of the thread a reply answers; a reply stays on its thread's version and clause. */
  private async threadRoot(
    manager: EntityManager,
    contract: DataSharingContract,
    input: CommentOnClauseInput,
  ): Promise<ContractClauseComment> {
    const target = await manager.findOneBy(ContractClauseComment, {
      id: input.replyTo!,
      contractId: contract.id,
    });
    if (!target) throw new NotFoundError('ClauseComment', input.replyTo!);
    const root = target.replyToId
      ? await manager.findOneByOrFail(ContractClauseComment, { id: target.replyToId, replyToId: IsNull() })
      : target;
    if (root.version !== input.version || root.clauseKey !== (input.clauseKey ?? null)) {
      throw new InvalidInputError(
        `A reply stays on its thread: version ${root.version}, ${root.clauseKey ? `clause "${root.clauseKey}"` : 'the version as a whole'}.`,
        [{ field: 'input.replyTo', message: 'version and clauseKey must be those of the thread' }],
      );
    }
    if (root.resolvedAt) throw new ConflictError('This thread is resolved: reopen it to reply.');
    return root;
  }
}

function clauseOf(version: ContractVersion, key: string | null): Clause | null {
  if (key === null) return null;
  const clause = version.clauses.find((candidate) => candidate.key === key);
  if (!clause) {
    throw new InvalidInputError(`Version ${version.number} has no clause "${key}".`, [
      { field: 'input.clauseKey', message: `not a clause of version ${version.number}` },
    ]);
  }
  return clause;
}

export function isParty(caller: Caller, contract: { partyOrganizationIds: readonly string[] }): boolean {
  return caller.organizationId !== null && contract.partyOrganizationIds.includes(caller.organizationId);
}

export function versionKey(contractId: string, number: number): string {
  return `${contractId}:${number}`;
}

function versionKeyParts(key: string): { contractId: string; number: number } {
  const [contractId = '', number = '0'] = key.split(':');
  return { contractId, number: Number(number) };
}

function emptyConnection<T>(): ConnectionShape<T> {
  return {
    nodes: [],
    edges: [],
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  };
}
