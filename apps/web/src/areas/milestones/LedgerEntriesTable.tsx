import { Button, Flex, Table, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import { useFormat } from '../../i18n/i18n';
import { MilestonesLedgerEntriesDocument } from './queries';
import { TOTAL_BASIS_POINTS } from './split';
import { StateTag } from './tags';
import type { Directory } from './useDirectory';

/** Ledger entries of the consortium, or of one milestone, newest first as the API orders them. */
export function LedgerEntriesTable({
  consortiumId,
  milestoneId,
  directory,
  milestoneName,
  refreshToken = 0,
}: {
  consortiumId: string;
  milestoneId?: string;
  directory: Directory;
  /** Names the milestone column (left out when the table is one milestone's). */
  milestoneName?: (id: string) => string;
  /** Changes when something may have booked entries (an evaluation): the list is fetched again. */
  refreshToken?: number;
}) {
  const { t } = useTranslation('milestones');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const list = useConnection(
    MilestonesLedgerEntriesDocument,
    { consortiumId, milestoneId: milestoneId ?? null, first: 50 },
    (data) => data.ledgerEntries,
  );
  const { refetch } = list;
  const seen = useRef(refreshToken);
  useEffect(() => {
    if (seen.current === refreshToken) return;
    seen.current = refreshToken;
    refetch();
  }, [refreshToken, refetch]);
  return (
    <>
      <ApiErrorAlert problem={list.problem} onRetry={list.refetch} />
      <Table
        rowKey="id"
        size="small"
        loading={list.fetching}
        dataSource={list.nodes}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('ledger.empty') }}
        columns={[
          { title: t('ledger.createdAt'), dataIndex: 'createdAt', render: (d: string) => format.dateTime(d) },
          ...(milestoneName
            ? [
                {
                  title: t('ledger.milestone'),
                  dataIndex: 'milestoneId',
                  render: (id: string) => (
                    <Link to={`/c/${consortiumId}/milestones/${id}`}>{milestoneName(id)}</Link>
                  ),
                },
              ]
            : []),
          {
            title: t('ledger.party'),
            dataIndex: 'organizationId',
            render: (id: string) => directory.orgName(id),
          },
          {
            title: t('ledger.kind'),
            dataIndex: 'kind',
            render: (k: string) => <StateTag kind="ledgerKind" value={k} />,
          },
          {
            title: t('ledger.basisPoints'),
            dataIndex: 'basisPoints',
            align: 'right' as const,
            render: (bp: number) => format.percent(bp / TOTAL_BASIS_POINTS),
          },
          {
            title: t('ledger.amount'),
            dataIndex: 'amountMinor',
            align: 'right' as const,
            render: (v: number, e) => format.money(v, e.currency),
          },
        ]}
      />
      {list.hasMore || (list.totalCount ?? 0) > 0 ? (
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {tc('pagination.showing', {
              shown: list.nodes.length,
              total: list.totalCount ?? list.nodes.length,
            })}
          </Typography.Text>
          {list.hasMore ? (
            <Button onClick={list.loadMore} loading={list.fetching}>
              {tc('actions.loadMore')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </>
  );
}
