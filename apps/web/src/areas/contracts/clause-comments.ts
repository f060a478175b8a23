import type { ContractStatus, ContractsClauseCommentThreadFragment, UserRole } from '../../gql/graphql';

export type CommentThread = ContractsClauseCommentThreadFragment;

/** Which clause a panel shows: one clause by key, or every thread of the contract. */
export type CommentScope = { kind: 'clause'; key: string; title: string } | { kind: 'all' };

/** Whether the caller may write comments now, as the API's rule does (contract.rules.ts, clause-comments.ts). */
export function mayComment(context: {
  status: ContractStatus;
  fullySigned: boolean;
  roles: readonly UserRole[];
  organizationId: string | undefined;
  partyOrganizationIds: readonly string[];
}): boolean {
  const party =
    context.organizationId !== undefined && context.partyOrganizationIds.includes(context.organizationId);
  const open =
    context.status === 'DRAFT' ||
    context.status === 'IN_NEGOTIATION' ||
    (context.status === 'AGREED' && !context.fullySigned);
  return party && open && context.roles.includes('LEGAL');
}

/** Open threads per clause key (threads on the version as a whole are not counted per clause). */
export function openCountsByClause(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.resolved || !thread.clauseKey) continue;
    counts.set(thread.clauseKey, (counts.get(thread.clauseKey) ?? 0) + 1);
  }
  return counts;
}

/** The threads a panel shows, open ones first, each group oldest first. */
export function threadsIn(threads: readonly CommentThread[], scope: CommentScope): CommentThread[] {
  const shown =
    scope.kind === 'all' ? [...threads] : threads.filter((thread) => thread.clauseKey === scope.key);
  return shown.sort(
    (a, b) => Number(a.resolved) - Number(b.resolved) || a.createdAt.localeCompare(b.createdAt),
  );
}
