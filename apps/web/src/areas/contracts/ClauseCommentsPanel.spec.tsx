import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithI18n } from '../../../test/render';
import { ClauseCommentsPanel, type ClauseCommentsPanelProps } from './ClauseCommentsPanel';
import type { CommentThread } from './clause-comments';

const wang = { name: 'Wang Fang', organizationName: 'Jiading Auto', roles: ['LEGAL' as const], email: null };
const qian = {
  name: 'Qian Jing',
  organizationName: 'Embodied Institute',
  roles: ['LEGAL' as const],
  email: null,
};

const open: CommentThread = {
  id: 't1',
  version: 1,
  clauseKey: 'security',
  quote: 'encrypted in transit',
  body: 'Please name the encryption standard.',
  createdAt: '2026-12-01T08:00:00.000Z',
  resolved: false,
  resolvedAt: null,
  clauseSince: 'CHANGED',
  author: wang,
  resolvedBy: null,
  replies: [{ id: 'r1', body: 'SM4 at rest.', createdAt: '2026-12-01T09:00:00.000Z', author: qian }],
};
const resolved: CommentThread = {
  ...open,
  id: 't2',
  version: 2,
  quote: null,
  body: 'Logs for one year are enough.',
  createdAt: '2026-12-02T08:00:00.000Z',
  resolved: true,
  resolvedAt: '2026-12-02T10:00:00.000Z',
  clauseSince: 'UNCHANGED',
  author: qian,
  resolvedBy: wang,
  replies: [],
};
const elsewhere: CommentThread = { ...open, id: 't3', clauseKey: 'liability', body: 'Cap it.' };

function setUp(overrides: Partial<ClauseCommentsPanelProps> = {}) {
  const calls = {
    add: jest.fn(() => Promise.resolve(true)),
    reply: jest.fn(() => Promise.resolve(true)),
    resolve: jest.fn(),
    reopen: jest.fn(),
  };
  const props: ClauseCommentsPanelProps = {
    threads: [resolved, open, elsewhere],
    scope: { kind: 'clause', key: 'security', title: 'Security' },
    version: 2,
    canComment: true,
    onAdd: calls.add,
    onReply: calls.reply,
    onResolve: calls.resolve,
    onReopen: calls.reopen,
    ...overrides,
  };
  return { props, calls };
}

const thread = (body: string): HTMLElement => screen.getByRole('listitem', { name: body });

describe('ClauseCommentsPanel', () => {
  it("lists the clause's threads, open first: who, which version, what was quoted, resolved or open", async () => {
    const { props } = setUp();
    await renderWithI18n(<ClauseCommentsPanel {...props} />);
    const items = screen.getAllByRole('listitem').filter((item) => item.getAttribute('aria-label'));
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Please name the encryption standard.',
      'Logs for one year are enough.',
    ]);
    const first = thread(open.body);
    expect(within(first).getByText('Wang Fang (Legal)')).toBeTruthy();
    expect(within(first).getByText('Jiading Auto')).toBeTruthy();
    expect(within(first).getByText('Made on version 1')).toBeTruthy();
    expect(within(first).getByText('Clause changed since')).toBeTruthy();
    expect(within(first).getByText('encrypted in transit')).toBeTruthy();
    expect(within(first).getByText('Open')).toBeTruthy();
    expect(within(first).getByText('SM4 at rest.')).toBeTruthy();

    const second = thread(resolved.body);
    expect(within(second).getByText('Resolved')).toBeTruthy();
    expect(within(second).getByText(/^Resolved by Wang Fang on /)).toBeTruthy();
    // Made on the version on screen: no version tag.
    expect(within(second).queryByText(/Made on version/)).toBeNull();
    expect(screen.queryByText('Cap it.')).toBeNull();
  });

  it('posts a comment with its quote, replies, resolves and reopens', async () => {
    const { props, calls } = setUp();
    await renderWithI18n(<ClauseCommentsPanel {...props} />);
    fireEvent.change(screen.getByLabelText('Quoted passage (optional)'), {
      target: { value: 'named personnel' },
    });
    fireEvent.change(screen.getByLabelText('Comment'), { target: { value: 'Who is named?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    await waitFor(() =>
      expect(calls.add).toHaveBeenCalledWith({ body: 'Who is named?', quote: 'named personnel' }),
    );

    const first = thread(open.body);
    fireEvent.click(within(first).getByRole('button', { name: 'Reply' }));
    fireEvent.change(within(first).getByPlaceholderText('Write a reply…'), { target: { value: 'Thanks' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(calls.reply).toHaveBeenCalledWith(open, 'Thanks'));

    fireEvent.click(within(first).getByRole('button', { name: 'Resolve' }));
    expect(calls.resolve).toHaveBeenCalledWith(open);
    fireEvent.click(within(thread(resolved.body)).getByRole('button', { name: 'Reopen' }));
    expect(calls.reopen).toHaveBeenCalledWith(resolved);
  });

  it('refuses an empty comment without asking the server', async () => {
    const { props, calls } = setUp();
    await renderWithI18n(<ClauseCommentsPanel {...props} />);
    fireEvent.change(screen.getByLabelText('Comment'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Write your comment')).toBeTruthy();
    expect(calls.add).not.toHaveBeenCalled();
  });

  it('shows the threads read-only to someone who may not comment', async () => {
    const { props } = setUp({ canComment: false });
    await renderWithI18n(<ClauseCommentsPanel {...props} />);
    expect(screen.getByText(/Only the parties' legal users can comment/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Post comment' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
  });

  it('shows every thread of the contract with its clause, and comments go on the version as a whole', async () => {
    const { props } = setUp({ scope: { kind: 'all' } });
    await renderWithI18n(<ClauseCommentsPanel {...props} />, 'zh-CN');
    expect(within(thread('Cap it.')).getByText('条款：liability')).toBeTruthy();
    expect(screen.queryByLabelText('引用的原文（可选）')).toBeNull();
    expect(screen.getByPlaceholderText('写下您对本版本整体（条款与期限）的意见…')).toBeTruthy();
  });
});
