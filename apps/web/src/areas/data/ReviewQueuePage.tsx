import { Button, Flex, Form, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { useConnection } from '../../components/useConnection';
import type { ReviewsListQuery as ListData } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { REQUEST_STATUS_COLOR, REQUEST_STATUSES } from './enums';
import { MatchTag } from './MatchVerdict';
import {
  reviewFiltersFromSearchParams,
  reviewFiltersToSearchParams,
  reviewVariables,
  type ReviewFilters,
} from './review-filters';
import { ReviewsListQuery } from './reviews.queries';
import { useOrganizationNames } from './useOrganizationNames';

type Row = ListData['dataAccessRequests']['nodes'][number];

/** The steward's queue ("awaiting my review") and the requester's own requests. */
export function ReviewQueuePage() {
  const { t } = useTranslation('data');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const orgName = useOrganizationNames(consortiumId);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => reviewFiltersFromSearchParams(params), [params]);
  const set = (patch: Partial<ReviewFilters>) =>
    setParams(reviewFiltersToSearchParams({ ...filters, ...patch }));
  const list = useConnection(
    ReviewsListQuery,
    reviewVariables(consortiumId, filters),
    (d) => d.dataAccessRequests,
  );
  const rows = list.nodes;

  const columns: ColumnsType<Row> = [
    {
      title: t('reviews.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (d: string, row) => <Link to={row.id}>{format.dateTime(d)}</Link>,
    },
    {
      title: t('reviews.columns.datasets'),
      key: 'datasets',
      width: 220,
      render: (_, row) =>
        row.items.map((i) => i.dataset?.name ?? i.datasetId.slice(0, 8)).join(t('listSeparator')),
    },
    {
      title: t('reviews.columns.purpose'),
      dataIndex: 'purpose',
      width: 110,
      render: (p: Row['purpose']) => t(`enums.Purpose.${p}`),
    },
    {
      title: t('reviews.columns.requester'),
      dataIndex: 'requesterOrganizationId',
      width: 190,
      render: (id: string) => orgName(id),
    },
    {
      title: t('reviews.columns.advice'),
      key: 'advice',
      width: 110,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {[...new Set(row.items.map((i) => i.purposeMatch.decision))].map((d) => (
            <MatchTag key={d} decision={d} />
          ))}
        </Space>
      ),
    },
    {
      title: t('reviews.columns.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Row['status']) => (
        <Tag color={REQUEST_STATUS_COLOR[s]}>{t(`enums.DataAccessRequestStatus.${s}`)}</Tag>
      ),
    },
    {
      title: t('reviews.columns.reviewDueAt'),
      dataIndex: 'reviewDueAt',
      width: 160,
      render: (d: string, row) => (
        <Space size={4}>
          {format.date(d)}
          {row.overdue ? <Tag color="red">{t('reviews.overdueTag')}</Tag> : null}
        </Space>
      ),
    },
  ];

  return (
    <Page title={t('reviews.title')}>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('reviews.view')}>
          <Segmented<ReviewFilters['view']>
            aria-label={t('reviews.view')}
            value={filters.view}
            onChange={(view) => set({ view })}
            options={[
              { value: 'awaiting', label: t('reviews.awaiting') },
              { value: 'mine', label: t('reviews.mine') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('reviews.status')} htmlFor="reviews-status">
          <Select
            id="reviews-status"
            allowClear
            style={{ width: 140 }}
            placeholder={t('catalog.any')}
            value={filters.status}
            onChange={(status: Row['status'] | undefined) => set({ status })}
            options={REQUEST_STATUSES.map((s) => ({
              value: s,
              label: t(`enums.DataAccessRequestStatus.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('reviews.overdue')} htmlFor="reviews-overdue">
          <Select
            id="reviews-overdue"
            allowClear
            style={{ width: 140 }}
            placeholder={t('catalog.any')}
            value={filters.overdue === undefined ? undefined : String(filters.overdue)}
            onChange={(v: string | undefined) => set({ overdue: v === undefined ? undefined : v === 'true' })}
            options={[
              { value: 'true', label: t('reviews.overdueOnly') },
              { value: 'false', label: t('reviews.notOverdue') },
            ]}
          />
        </Form.Item>
      </Form>
      <ApiErrorAlert problem={list.problem} onRetry={list.refetch} />
      <Table<Row>
        aria-label={t('reviews.tableLabel')}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.fetching}
        pagination={false}
        scroll={{ x: 1040 }}
        locale={{ emptyText: t('reviews.empty') }}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">
          {list.totalCount !== undefined
            ? tc('pagination.showing', { shown: rows.length, total: list.totalCount })
            : null}
        </Typography.Text>
        {list.hasMore ? (
          <Button onClick={list.loadMore} loading={list.fetching}>
            {tc('actions.loadMore')}
          </Button>
        ) : null}
      </Flex>
    </Page>
  );
}
