import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import type { CommentThread } from './clause-comments';

/** Beside a clause of the diff: the threads made on either compared version, read-only. */
export function DiffComments({ threads }: { threads: readonly CommentThread[] }) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  if (threads.length === 0)
    return <Typography.Text type="secondary">{t('comments.diffNone')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {threads.map((thread) => (
        <div key={thread.id} className="contracts-diff-comment">
          <Flex gap={4} wrap>
            <Tag color="blue">{t('comments.madeOn', { n: thread.version })}</Tag>
            <Tag color={thread.resolved ? 'success' : 'processing'}>
              {t(thread.resolved ? 'comments.resolved' : 'comments.open')}
            </Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {thread.author ? `${thread.author.name} · ${thread.author.organizationName} · ` : ''}
            {format.dateTime(thread.createdAt)}
          </Typography.Text>
          {thread.quote ? (
            <Typography.Text italic type="secondary" style={{ display: 'block' }}>
              “{thread.quote}”
            </Typography.Text>
          ) : null}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {thread.body}
          </Typography.Paragraph>
          {thread.replies.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('comments.replies', { count: thread.replies.length })}
            </Typography.Text>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}

/** Threads of the two compared versions by clause key, oldest first. */
export function threadsByClause(
  ...versions: readonly (readonly CommentThread[])[]
): Map<string, CommentThread[]> {
  const byKey = new Map<string, CommentThread[]>();
  for (const thread of versions.flat()) {
    if (!thread.clauseKey) continue;
    byKey.set(thread.clauseKey, [...(byKey.get(thread.clauseKey) ?? []), thread]);
  }
  for (const threads of byKey.values()) threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return byKey;
}
