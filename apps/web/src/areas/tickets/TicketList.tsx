import { MessageOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import { graphql } from '../../gql';
import type { TicketFilter, TicketOrder, TicketsListQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { DueTag } from './DueTag';
import { SEVERITY_COLOR, STATUS_COLOR } from './ticket-meta';

const TicketsListDocument = graphql(`
  query TicketsList($filter: TicketFilter!, $orderBy: TicketOrder!, $after: String) {
    tickets(filter: $filter, orderBy: $orderBy, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        title
        status
        severity
        category
        labels
        commentCount
        overdue
        responseDueAt
        resolutionDueAt
        respondedAt
        resolvedAt
        updatedAt
        scenario {
          id
          name
        }
        assigneeOrganization {
          id
          name
        }
      }
    }
  }
`);

type Row = TicketsListQuery['tickets']['nodes'][number];
const ORDERS: readonly TicketOrder[] = [
  'UPDATED_DESC',
  'CREATED_DESC',
  'SEVERITY_DESC',
  'RESOLUTION_DUE_ASC',
];

/** The filtered tickets as a table, 25 a page from the API, in the chosen order (kept in the URL). */
export function TicketList({ filter }: { filter: TicketFilter }) {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const [params, setParams] = useSearchParams();
  const orderParam = params.get('order') as TicketOrder | null;
  const orderBy = orderParam && ORDERS.includes(orderParam) ? orderParam : 'UPDATED_DESC';
  const variables = useMemo(() => ({ filter, orderBy }), [filter, orderBy]);
  const list = useConnection(TicketsListDocument, variables, (d) => d.tickets);
  const columns: ColumnsType<Row> = [
    { title: t('fields.number'), dataIndex: 'number', width: 72, render: (n: number) => `#${n}` },
    {
      title: t('fields.title'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={`/c/${consortiumId}/tickets/${row.id}`}>{title}</Link>,
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Row['status']) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
    },
    {
      title: t('fields.severity'),
      dataIndex: 'severity',
      width: 90,
      render: (s: Row['severity']) => <Tag color={SEVERITY_COLOR[s]}>{t(`severity.${s}`)}</Tag>,
    },
    {
      title: t('fields.category'),
      dataIndex: 'category',
      width: 110,
      render: (c: Row['category']) => t(`category.${c}`),
    },
    {
      title: t('fields.scenario'),
      key: 'scenario',
      width: 180,
      render: (_, row) => row.scenario?.name ?? '—',
    },
    {
      title: t('fields.assignee'),
      key: 'assignee',
      width: 150,
      render: (_, row) => row.assigneeOrganization?.name ?? t('board.unassigned'),
    },
    {
      title: t('fields.labels'),
      dataIndex: 'labels',
      width: 140,
      render: (ls: string[]) => ls.map((l) => <Tag key={l}>{l}</Tag>),
    },
    {
      title: t('fields.resolutionDueAt'),
      key: 'due',
      width: 170,
      render: (_, row) => <DueTag ticket={row} />,
    },
    {
      title: t('fields.comments'),
      dataIndex: 'commentCount',
      width: 70,
      render: (n: number) => (
        <span>
          <MessageOutlined /> {n}
        </span>
      ),
    },
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (d: string) => format.dateTime(d),
    },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap={8}>
        <Typography.Text type="secondary">
          {list.totalCount === undefined ? '' : t('list.total', { count: list.totalCount })}
        </Typography.Text>
        <label>
          <Typography.Text style={{ marginInlineEnd: 8 }}>{t('order.label')}</Typography.Text>
          <Select
            value={orderBy}
            style={{ width: 180 }}
            onChange={(order) =>
              setParams(
                (p) => {
                  p.set('order', order);
                  return p;
                },
                { replace: true },
              )
            }
            options={ORDERS.map((o) => ({ value: o, label: t(`order.${o}`) }))}
          />
        </label>
      </Flex>
      <ApiErrorAlert problem={list.problem} onRetry={list.refetch} />
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.nodes}
        loading={list.fetching}
        pagination={false}
        scroll={{ x: 1200 }}
        aria-label={t('list.label')}
        rowClassName={(row) => (row.overdue ? 'tickets-row-overdue' : '')}
      />
      <Flex justify="center" gap={12} align="center" style={{ marginTop: 12 }}>
        {list.totalCount !== undefined ? (
          <Typography.Text type="secondary">
            {tc('pagination.showing', { shown: list.nodes.length, total: list.totalCount })}
          </Typography.Text>
        ) : null}
        {list.hasMore ? (
          <Button onClick={list.loadMore} loading={list.fetching}>
            {tc('actions.loadMore')}
          </Button>
        ) : null}
      </Flex>
    </>
  );
}
