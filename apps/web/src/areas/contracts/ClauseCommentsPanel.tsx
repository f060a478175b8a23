import { Alert, Button, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFormat } from '../../i18n/i18n';
import { threadsIn, type CommentScope, type CommentThread } from './clause-comments';
import { ContractPersonText } from './ContractPersonText';

export interface ClauseCommentsPanelProps {
  threads: readonly CommentThread[];
  scope: CommentScope;
  /** The version being read: a new comment is made on it. */
  version: number;
  canComment: boolean;
  /** Every party has signed: comments are kept for the record only. */
  closed?: boolean;
  problem?: ApiProblem | undefined;
  /** Each answers whether it succeeded (the form is cleared then). */
  onAdd: (input: { body: string; quote: string | null }) => Promise<boolean>;
  onReply: (thread: CommentThread, body: string) => Promise<boolean>;
  onResolve: (thread: CommentThread) => void;
  onReopen: (thread: CommentThread) => void;
}

/** Threads of comments on a clause (or on every clause): who, when, on which version, what was quoted, resolved or open. */
export function ClauseCommentsPanel(props: ClauseCommentsPanelProps) {
  const { t } = useTranslation('contracts');
  const shown = threadsIn(props.threads, props.scope);
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('comments.intro')}
      </Typography.Paragraph>
      <ApiErrorAlert problem={props.problem} />
      {shown.length === 0 ? (
        <Typography.Text type="secondary">{t('comments.none')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((thread) => (
            <ThreadItem key={thread.id} thread={thread} {...props} />
          ))}
        </ul>
      )}
      {props.canComment ? (
        <AddCommentForm {...props} />
      ) : (
        <Alert type="info" showIcon title={t(props.closed ? 'comments.closed' : 'comments.readOnly')} />
      )}
    </Flex>
  );
}

function ThreadItem({
  thread,
  scope,
  version,
  canComment,
  onReply,
  onResolve,
  onReopen,
}: ClauseCommentsPanelProps & { thread: CommentThread }) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const [replying, setReplying] = useState(false);
  const [form] = Form.useForm<{ body: string }>();
  const sendReply = async ({ body }: { body: string }) => {
    if (await onReply(thread, body)) {
      form.resetFields();
      setReplying(false);
    }
  };
  return (
    <li aria-label={thread.body} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex justify="space-between" wrap gap={8}>
        <div>
          <ContractPersonText person={thread.author} />
        </div>
        <Space size={4} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {format.dateTime(thread.createdAt)}
          </Typography.Text>
          {thread.version !== version || scope.kind === 'all' ? (
            <Tag color="blue">{t('comments.madeOn', { n: thread.version })}</Tag>
          ) : null}
          {thread.clauseSince === 'CHANGED' ? <Tag color="warning">{t('comments.changedSince')}</Tag> : null}
          {thread.clauseSince === 'REMOVED' ? <Tag color="error">{t('comments.removedSince')}</Tag> : null}
          <Tag color={thread.resolved ? 'success' : 'processing'}>
            {t(thread.resolved ? 'comments.resolved' : 'comments.open')}
          </Tag>
        </Space>
      </Flex>
      {scope.kind === 'all' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {thread.clauseKey ? t('comments.onClause', { key: thread.clauseKey }) : t('comments.wholeVersion')}
        </Typography.Text>
      ) : null}
      {thread.quote ? (
        <blockquote
          style={{ margin: '8px 0', padding: '4px 12px', borderLeft: '3px solid #d9d9d9', color: '#595959' }}
        >
          {thread.quote}
        </blockquote>
      ) : null}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>
        {thread.body}
      </Typography.Paragraph>
      {thread.resolved && thread.resolvedBy && thread.resolvedAt ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('comments.resolvedBy', { name: thread.resolvedBy.name, at: format.dateTime(thread.resolvedAt) })}
        </Typography.Text>
      ) : null}
      {thread.replies.length > 0 ? (
        <div style={{ marginLeft: 16, paddingLeft: 12, borderLeft: '2px solid #f0f0f0' }}>
          {thread.replies.map((reply) => (
            <div key={reply.id} style={{ marginTop: 8 }}>
              <Flex justify="space-between" wrap gap={8}>
                <div>
                  <ContractPersonText person={reply.author} />
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.dateTime(reply.createdAt)}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                {reply.body}
              </Typography.Paragraph>
            </div>
          ))}
        </div>
      ) : null}
      {canComment ? (
        <Flex gap={8} style={{ marginTop: 8 }}>
          {!thread.resolved && !replying ? (
            <Button size="small" onClick={() => setReplying(true)}>
              {t('comments.reply')}
            </Button>
          ) : null}
          <Button size="small" onClick={() => (thread.resolved ? onReopen(thread) : onResolve(thread))}>
            {t(thread.resolved ? 'comments.reopen' : 'comments.resolve')}
          </Button>
        </Flex>
      ) : null}
      {replying ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void sendReply(values)}
          style={{ marginTop: 8 }}
        >
          <Form.Item
            name="body"
            label={t('comments.reply')}
            rules={[{ required: true, whitespace: true, message: t('comments.bodyRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={4000} placeholder={t('comments.replyPlaceholder')} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" size="small" htmlType="submit">
              {t('comments.sendReply')}
            </Button>
            <Button size="small" onClick={() => setReplying(false)}>
              {t('comments.cancel')}
            </Button>
          </Flex>
        </Form>
      ) : null}
    </li>
  );
}

function AddCommentForm({ scope, version, onAdd }: ClauseCommentsPanelProps) {
  const { t } = useTranslation('contracts');
  const [form] = Form.useForm<{ body: string; quote?: string }>();
  const submit = async ({ body, quote }: { body: string; quote?: string }) => {
    if (await onAdd({ body, quote: quote?.trim() ? quote : null })) form.resetFields();
  };
  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
      {scope.kind === 'clause' ? (
        <Form.Item name="quote" label={t('comments.quote')}>
          <Input.TextArea rows={1} maxLength={500} placeholder={t('comments.quotePlaceholder')} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="body"
        label={t('comments.body')}
        extra={t('comments.addOn', { n: version })}
        rules={[{ required: true, whitespace: true, message: t('comments.bodyRequired') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={4000}
          placeholder={t(
            scope.kind === 'clause' ? 'comments.bodyPlaceholder' : 'comments.bodyPlaceholderAll',
          )}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('comments.add')}
      </Button>
    </Form>
  );
}
