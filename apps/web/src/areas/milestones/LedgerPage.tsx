import { Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { LedgerEntriesTable } from './LedgerEntriesTable';
import { MilestonesLedgerTotalsDocument, MilestonesListDocument } from './queries';
import { useDirectory } from './useDirectory';

/** What each member organisation is owed (reward) and owes (risk), then every entry. */
export function LedgerPage() {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const directory = useDirectory(consortiumId);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MilestonesLedgerTotalsDocument,
    variables: { consortiumId },
    requestPolicy: 'cache-and-network',
  });
  // Milestone names for the entries (a consortium has few milestones).
  const milestones = useConnection(MilestonesListDocument, { consortiumId, first: 100 }, (d) => d.milestones);
  const milestoneName = (id: string) => milestones.nodes.find((m) => m.id === id)?.name ?? id.slice(0, 8);
  const money = (v: number, currency: string) => format.money(v, currency);
  return (
    <Flex vertical gap={16}>
      <Card title={t('ledger.totals')} size="small">
        <ApiErrorAlert
          problem={toApiProblem(error)}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
        <Table
          rowKey={(row) => `${row.organizationId}:${row.currency}`}
          size="small"
          loading={fetching}
          dataSource={[...(data?.ledgerTotals ?? [])]}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('ledger.empty') }}
          columns={[
            {
              title: t('ledger.party'),
              dataIndex: 'organizationId',
              render: (id: string) => directory.orgName(id),
            },
            { title: t('ledger.currency'), dataIndex: 'currency' },
            {
              title: t('ledger.count'),
              dataIndex: 'entries',
              align: 'right',
              render: (n: number) => format.number(n, 0),
            },
            {
              title: t('ledger.reward'),
              dataIndex: 'rewardMinor',
              align: 'right',
              render: (v: number, r) => money(v, r.currency),
            },
            {
              title: t('ledger.risk'),
              dataIndex: 'riskMinor',
              align: 'right',
              render: (v: number, r) => money(v, r.currency),
            },
            {
              title: t('ledger.net'),
              dataIndex: 'netMinor',
              align: 'right',
              render: (v: number, r) => (
                <Typography.Text strong type={v < 0 ? 'danger' : undefined}>
                  {money(v, r.currency)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('ledger.entries')} size="small">
        <LedgerEntriesTable consortiumId={consortiumId} directory={directory} milestoneName={milestoneName} />
      </Card>
    </Flex>
  );
}
