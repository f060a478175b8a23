import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import { useFormat } from '../../i18n/i18n';
import { ConfirmSettlementButton } from './ConfirmSettlementButton';
import { canConfirmSettlement } from './ledger';
import { MilestonesLedgerEntriesDocument } from './queries';
import { TOTAL_BASIS_POINTS } from './split';
import { StateTag } from './tags';
import type { Directory } from './useDirectory';

/**
 * Ledger entries of the consortium, or of one milestone, newest first as the API orders them:
 * each names its payer and payee, whether the payee confirmed it was paid, and offers the payee's
 * admin to confirm it.
 */
export function LedgerEntriesTable({
  consortiumId,
  milestoneId,
  settled = null,
  directory,
  milestoneName,
  refreshToken = 0,
  onSettled,
}: {
  consortiumId: string;
  milestoneId?: string;
  /** true: settled entries only; false: open ones; null: all. */
  settled?: boolean | null;
  directory: Directory;
  /** Names the milestone column (left out when the table is one milestone's). */
  milestoneName?: (id: string) => string;
  /** Changes when something may have booked entries (an evaluation): the list is fetched again. */
  refreshToken?: number;
  /** After the payee confirmed a payment (the statements change). */
  onSettled?: () => void;
}) {
  const { t } = useTranslation('milestones');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const list = useConnection(
    MilestonesLedgerEntriesDocument,
    { consortiumId, milestoneId: milestoneId ?? null, settled, first: 50 },
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
        scroll={{ x: 1100 }}
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
            title: t('ledger.kind'),
            dataIndex: 'kind',
            render: (k: string) => <StateTag kind="ledgerKind" value={k} />,
          },
          {
            title: t('ledger.party'),
            dataIndex: 'organizationId',
            render: (id: string, e) => (
              <Flex vertical>
                <span>{directory.orgName(id)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.percent(e.basisPoints / TOTAL_BASIS_POINTS)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('ledger.payerToPayee'),
            key: 'flow',
            render: (_: unknown, e) => (
              <span data-testid="ledger-flow">
                {directory.orgName(e.payerOrganizationId)}{' '}
                <ArrowRightOutlined aria-label={t('ledger.pays')} />{' '}
                {directory.orgName(e.payeeOrganizationId)}
              </span>
            ),
          },
          {
            title: t('ledger.amount'),
            dataIndex: 'amountMinor',
            align: 'right' as const,
            render: (v: number, e) => format.money(v, e.currency),
          },
          {
            title: t('ledger.settlement'),
            key: 'settlement',
            render: (_: unknown, e) =>
              e.settledAt ? (
                <Flex vertical gap={2}>
                  <Tag color="success">{t('ledger.settledAt', { date: format.date(e.settledAt) })}</Tag>
                  {e.settlementReference ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.payerOrganizationId === e.payeeOrganizationId
                        ? t('ledger.ownShare')
                        : t('ledger.referenceIs', { reference: e.settlementReference })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ) : (
                <Flex vertical gap={4} align="start">
                  <Tag color="warning">{t('ledger.open')}</Tag>
                  {canConfirmSettlement(e, session.organization?.id, session.roles) ? (
                    <ConfirmSettlementButton
                      entry={e}
                      payerName={directory.orgName(e.payerOrganizationId)}
                      onConfirmed={() => {
                        refetch();
                        onSettled?.();
                      }}
                    />
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('ledger.awaitsPayee', { payee: directory.orgName(e.payeeOrganizationId) })}
                    </Typography.Text>
                  )}
                </Flex>
              ),
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
