import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { saveFileDownload } from '../../api/file-download';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useConnection } from '../../components/useConnection';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { settledArgument, type SettlementFilter } from './ledger';
import { LedgerEntriesTable } from './LedgerEntriesTable';
import {
  MilestonesLedgerExportDocument,
  MilestonesLedgerStatementsDocument,
  MilestonesListDocument,
} from './queries';
import { useDirectory } from './useDirectory';

/**
 * Each party's statement per currency (owed and receivable while open, paid and received once the
 * payee confirmed), the entries from payer to payee with their settlement, and the .xlsx export.
 */
export function LedgerPage() {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const directory = useDirectory(consortiumId);
  const client = useClient();
  const [filter, setFilter] = useState<SettlementFilter>('all');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MilestonesLedgerStatementsDocument,
    variables: { consortiumId },
    requestPolicy: 'cache-and-network',
  });
  const [exporting, setExporting] = useState(false);
  const [exportProblem, setExportProblem] = useState<ApiProblem | undefined>();
  // Milestone names for the entries (a consortium has few milestones).
  const milestones = useConnection(MilestonesListDocument, { consortiumId, first: 100 }, (d) => d.milestones);
  const milestoneName = (id: string) => milestones.nodes.find((m) => m.id === id)?.name ?? id.slice(0, 8);
  const money = (v: number, currency: string) => format.money(v, currency);
  const amount = (
    title: string,
    dataIndex: 'owedMinor' | 'receivableMinor' | 'paidMinor' | 'receivedMinor',
  ) => ({
    title,
    dataIndex,
    align: 'right' as const,
    render: (v: number, r: { currency: string }) => money(v, r.currency),
  });

  const download = async () => {
    setExporting(true);
    setExportProblem(undefined);
    const result = await client
      .query(MilestonesLedgerExportDocument, { consortiumId }, { requestPolicy: 'network-only' })
      .toPromise();
    setExporting(false);
    const failure = toApiProblem(result.error);
    if (failure || !result.data) {
      setExportProblem(failure);
      return;
    }
    saveFileDownload(result.data.ledgerExport);
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('ledger.statements')}
        size="small"
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
            {t('ledger.export')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('ledger.statementsHint')}</Typography.Paragraph>
        <ApiErrorAlert problem={exportProblem} />
        <ApiErrorAlert
          problem={toApiProblem(error)}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
        <Table
          rowKey={(row) => `${row.organizationId}:${row.currency}`}
          size="small"
          loading={fetching}
          dataSource={[...(data?.ledgerStatements ?? [])]}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('ledger.empty') }}
          columns={[
            { title: t('ledger.party'), dataIndex: 'name' },
            { title: t('ledger.currency'), dataIndex: 'currency' },
            amount(t('ledger.owed'), 'owedMinor'),
            amount(t('ledger.receivable'), 'receivableMinor'),
            amount(t('ledger.paid'), 'paidMinor'),
            amount(t('ledger.received'), 'receivedMinor'),
            {
              title: t('ledger.netOpen'),
              dataIndex: 'netOpenMinor',
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
      <Card
        title={t('ledger.entries')}
        size="small"
        extra={
          <Segmented<SettlementFilter>
            aria-label={t('ledger.filter')}
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('ledger.filterAll') },
              { value: 'open', label: t('ledger.filterOpen') },
              { value: 'settled', label: t('ledger.filterSettled') },
            ]}
          />
        }
      >
        <LedgerEntriesTable
          consortiumId={consortiumId}
          settled={settledArgument(filter)}
          directory={directory}
          milestoneName={milestoneName}
          onSettled={() => reexecute({ requestPolicy: 'network-only' })}
        />
      </Card>
    </Flex>
  );
}
