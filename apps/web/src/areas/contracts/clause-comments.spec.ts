import type { ContractStatus, UserRole } from '../../gql/graphql';
import { mayComment, openCountsByClause, threadsIn, type CommentThread } from './clause-comments';
import { threadsByClause } from './DiffComments';

const thread = (
  id: string,
  clauseKey: string | null,
  resolved: boolean,
  createdAt: string,
  version = 1,
): CommentThread => ({
  id,
  version,
  clauseKey,
  quote: null,
  body: id,
  createdAt,
  resolved,
  resolvedAt: resolved ? createdAt : null,
  clauseSince: clauseKey ? 'UNCHANGED' : null,
  author: null,
  resolvedBy: null,
  replies: [],
});

const threads = [
  thread('a', 'security', true, '2026-12-01T08:00:00Z'),
  thread('b', 'security', false, '2026-12-01T09:00:00Z'),
  thread('c', 'liability', false, '2026-12-01T07:00:00Z', 2),
  thread('d', null, false, '2026-12-01T06:00:00Z'),
];

describe('mayComment', () => {
  const party = { organizationId: 'org-a', partyOrganizationIds: ['org-a', 'org-b'] };
  it.each<[string, ContractStatus, boolean, UserRole[], string | undefined, boolean]>([
    ['a party lawyer in a draft', 'DRAFT', false, ['LEGAL'], 'org-a', true],
    ['a party lawyer in negotiation', 'IN_NEGOTIATION', false, ['LEGAL'], 'org-a', true],
    ['a party lawyer before every signature', 'AGREED', false, ['LEGAL'], 'org-a', true],
    ['a party lawyer once every party signed', 'AGREED', true, ['LEGAL'], 'org-a', false],
    ['a party lawyer of an active contract', 'ACTIVE', true, ['LEGAL'], 'org-a', false],
    ['a party admin', 'DRAFT', false, ['ORG_ADMIN', 'SIGNATORY'], 'org-a', false],
    ['a lawyer of another organisation', 'DRAFT', false, ['LEGAL'], 'org-c', false],
    ['someone without an organisation', 'DRAFT', false, ['LEGAL'], undefined, false],
  ])('%s → %s', (_label, status, fullySigned, roles, organizationId, expected) => {
    expect(mayComment({ ...party, status, fullySigned, roles, organizationId })).toBe(expected);
  });
});

describe('openCountsByClause', () => {
  it('counts open threads per clause, leaving out resolved ones and those on the whole version', () => {
    expect([...openCountsByClause(threads)].sort()).toEqual([
      ['liability', 1],
      ['security', 1],
    ]);
  });
});

describe('threadsIn', () => {
  it("shows a clause's threads, open ones first", () => {
    expect(
      threadsIn(threads, { kind: 'clause', key: 'security', title: 'Security' }).map((t) => t.id),
    ).toEqual(['b', 'a']);
  });

  it('shows every thread, open ones first, oldest first', () => {
    expect(threadsIn(threads, { kind: 'all' }).map((t) => t.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('threadsByClause', () => {
  it('joins the threads of both compared versions per clause, oldest first', () => {
    const byKey = threadsByClause([threads[0]!, threads[3]!], [threads[2]!, threads[1]!]);
    expect([...byKey.keys()].sort()).toEqual(['liability', 'security']);
    expect(byKey.get('security')!.map((t) => t.id)).toEqual(['a', 'b']);
  });
});
