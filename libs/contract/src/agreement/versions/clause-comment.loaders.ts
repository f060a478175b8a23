import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderKey, LoaderRegistry } from '@tetrad/core';
import type { ContractClauseComment } from './clause-comment.entity';
import { ClauseCommentService } from './clause-comment.service';
import type { Clause } from '../contract-terms';

/**
 * Per GraphQL request, for contracts and versions the caller was already found to be a party of:
 * what a page of comments shows costs one statement per kind, whatever the page size.
 */
export const VERSION_THREADS = new LoaderKey<string, ContractClauseComment[]>('contract.versionThreads');
export const COMMENT_REPLIES = new LoaderKey<string, ContractClauseComment[]>('contract.commentReplies');
export const CONTRACT_OPEN_COMMENTS = new LoaderKey<string, number>('contract.openComments');
export const CONTRACT_LATEST_CLAUSES = new LoaderKey<string, Clause[]>('contract.latestClauses');

@Injectable()
export class ClauseCommentLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly comments: ClauseCommentService,
  ) {}

  onModuleInit(): void {
    // Not cached: a mutation earlier in the same request may have changed the answer.
    const fresh = { cache: false } as const;
    this.registry.register(
      VERSION_THREADS,
      () => new DataLoader((keys: readonly string[]) => this.comments.threadsOnVersions(keys), fresh),
    );
    this.registry.register(
      COMMENT_REPLIES,
      () => new DataLoader((ids: readonly string[]) => this.comments.repliesOf(ids), fresh),
    );
    this.registry.register(
      CONTRACT_OPEN_COMMENTS,
      () => new DataLoader((ids: readonly string[]) => this.comments.openCounts(ids), fresh),
    );
    this.registry.register(
      CONTRACT_LATEST_CLAUSES,
      () => new DataLoader((ids: readonly string[]) => this.comments.latestClauses(ids)),
    );
  }
}
