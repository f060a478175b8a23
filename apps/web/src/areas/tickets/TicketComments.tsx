import { Button, Card, Flex, Form, List, Popconfirm, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { Markdown } from '../../components/Markdown';
import { graphql } from '../../gql';
import type { TicketsCommentsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { clearDraft, readDraft, writeDraft } from '../../components/draft';
import { MarkdownField } from './MarkdownField';

const TicketsCommentsDocument = graphql(`
  query TicketsComments($id: UUID!) {
    ticket(id: $id) {
      id
      ticketComments(first: 100) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          body
          createdAt
          editedAt
          deletedAt
          authorUserId
          author {
            id
            name
          }
        }
      }
    }
  }
`);

const TicketsCommentAddDocument = graphql(`
  mutation TicketsCommentAdd($ticketId: UUID!, $body: String!) {
    commentOnTicket(ticketId: $ticketId, input: { body: $body }) {
      id
    }
  }
`);

const TicketsCommentEditDocument = graphql(`
  mutation TicketsCommentEdit($id: UUID!, $body: String!) {
    editTicketComment(id: $id, input: { body: $body }) {
      id
      body
      editedAt
    }
  }
`);

const TicketsCommentDeleteDocument = graphql(`
  mutation TicketsCommentDelete($id: UUID!) {
    deleteTicketComment(id: $id) {
      id
      deletedAt
    }
  }
`);

type Comment = TicketsCommentsQuery['ticket']['ticketComments']['nodes'][number];

/** Comments in Markdown: anyone adds; authors edit and delete their own. The draft survives a reload. */
export function TicketComments({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const me = useSession();
  // Named so that a new comment (here, or live from others) refreshes even an empty list.
  const context = useMemo(() => ({ additionalTypenames: ['TicketComment'] }), []);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: TicketsCommentsDocument,
    variables: { id: ticketId },
    context,
  });
  const comments = data?.ticket.ticketComments;
  const list = {
    nodes: comments?.nodes ?? [],
    totalCount: comments?.totalCount,
    problem: toApiProblem(error),
    refetch: () => refetch({ requestPolicy: 'network-only' }),
  };
  const [addState, add] = useMutation(TicketsCommentAddDocument);
  const [editState, edit] = useMutation(TicketsCommentEditDocument);
  const [, remove] = useMutation(TicketsCommentDeleteDocument);
  const [form] = Form.useForm<{ body: string }>();
  const [editForm] = Form.useForm<{ body: string }>();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem>();
  const draftKey = `tetrad.tickets.comment.${ticketId}`;

  const submit = async ({ body }: { body: string }) => {
    const result = await add({ ticketId, body });
    const failed = toApiProblem(result.error);
    setProblem(failed);
    applyFieldProblems(form, failed, ['body']);
    if (failed) return;
    clearDraft(draftKey);
    // Not resetFields: that would restore the initial value, the draft just posted.
    form.setFieldsValue({ body: '' });
  };
  const saveEdit = async (id: string, body: string) => {
    const failed = toApiProblem((await edit({ id, body })).error);
    setProblem(failed);
    if (!failed) setEditing(null);
  };

  const renderComment = (c: Comment) => {
    const mine = c.authorUserId === me.id;
    const who = c.author?.name ?? t('comments.unknownAuthor');
    return (
      <List.Item key={c.id} style={{ display: 'block' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>{who}</Typography.Text>
          <Space size={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {format.dateTime(c.createdAt)}
              {c.editedAt && !c.deletedAt ? ` · ${t('comments.edited')}` : ''}
            </Typography.Text>
            {mine && !c.deletedAt ? (
              <>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEditing(c.id)}
                  aria-label={`${t('comments.edit')} · ${format.dateTime(c.createdAt)}`}
                >
                  {t('comments.edit')}
                </Button>
                <Popconfirm
                  title={t('comments.deleteConfirm')}
                  onConfirm={() => void remove({ id: c.id }).then((r) => setProblem(toApiProblem(r.error)))}
                >
                  <Button size="small" type="link" danger>
                    {t('comments.delete')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        </Flex>
        {c.deletedAt ? (
          <Typography.Text type="secondary" italic>
            {t('comments.deleted')}
          </Typography.Text>
        ) : editing === c.id ? (
          <Form
            form={editForm}
            layout="vertical"
            initialValues={{ body: c.body }}
            onFinish={(v) => void saveEdit(c.id, v.body)}
          >
            <Form.Item
              name="body"
              label={t('comments.editLabel')}
              rules={[{ required: true, whitespace: true, message: t('comments.bodyRequired') }]}
            >
              <MarkdownField rows={4} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={editState.fetching}>
                {t('comments.save')}
              </Button>
              <Button onClick={() => setEditing(null)}>{tc('actions.cancel')}</Button>
            </Space>
          </Form>
        ) : (
          <Markdown>{c.body}</Markdown>
        )}
      </List.Item>
    );
  };

  return (
    <Card size="small" title={`${t('comments.title')}${list.totalCount ? ` (${list.totalCount})` : ''}`}>
      <ApiErrorAlert problem={list.problem} onRetry={list.refetch} />
      <List
        size="small"
        locale={{ emptyText: t('comments.empty') }}
        dataSource={list.nodes}
        loading={fetching && !data}
        renderItem={renderComment}
      />
      {comments?.pageInfo.hasNextPage ? (
        <Typography.Text type="secondary">
          {t('comments.more', { shown: list.nodes.length, total: list.totalCount ?? 0 })}
        </Typography.Text>
      ) : null}
      <ApiErrorAlert problem={problem} />
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        initialValues={readDraft<{ body: string }>(draftKey)}
        onValuesChange={(_, all) => writeDraft(draftKey, all)}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="body"
          label={t('comments.body')}
          rules={[{ required: true, whitespace: true, message: t('comments.bodyRequired') }]}
        >
          <MarkdownField rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={addState.fetching}>
          {t('comments.add')}
        </Button>
      </Form>
    </Card>
  );
}
