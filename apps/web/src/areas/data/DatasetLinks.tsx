import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import type { DatasetData } from './DatasetDetails';

type Feature = DatasetData['features'][number];
type Ticket = DatasetData['openTickets'][number];
type Contract = DatasetData['activeContracts'][number];

/** The features table (LeRobot info.json style). */
export function DatasetFeatures({ dataset }: { dataset: DatasetData }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  return (
    <>
      <Card title={t('dataset.features')} size="small" style={{ marginBottom: 16 }}>
        <Table<Feature>
          aria-label={t('dataset.features')}
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={dataset.features}
          locale={{ emptyText: t('dataset.noFeatures') }}
          columns={[
            { title: t('dataset.featureKey'), dataIndex: 'key', render: (k: string) => <code>{k}</code> },
            {
              title: t('dataset.featureModality'),
              dataIndex: 'modality',
              render: (m: Feature['modality']) => t(`enums.DataModality.${m}`),
            },
            { title: t('dataset.featureDtype'), dataIndex: 'dtype' },
            {
              title: t('dataset.featureShape'),
              dataIndex: 'shape',
              render: (s: number[]) => `[${s.join(', ')}]`,
            },
            {
              title: t('dataset.featureRate'),
              dataIndex: 'rateHz',
              align: 'right',
              render: (r: number | null | undefined) => format.number(r),
            },
          ]}
        />
      </Card>
    </>
  );
}

/** What the dataset is linked to: open tickets, active contracts of the caller's organisation. */
export function DatasetLinks({ dataset }: { dataset: DatasetData }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  return (
    <>
      <Card title={t('dataset.tickets')} size="small" style={{ marginBottom: 16 }}>
        <Table<Ticket>
          aria-label={t('dataset.tickets')}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={dataset.openTickets}
          locale={{ emptyText: t('dataset.noTickets') }}
          columns={[
            {
              title: t('dataset.ticketTitle'),
              dataIndex: 'title',
              render: (title: string, row) => (
                <Link to={`/c/${consortiumId}/tickets/${row.id}`}>{title}</Link>
              ),
            },
            {
              title: t('dataset.ticketStatus'),
              dataIndex: 'status',
              width: 120,
              render: (s: Ticket['status']) => <Tag>{t(`enums.TicketStatus.${s}`)}</Tag>,
            },
          ]}
        />
      </Card>
      <Card title={t('dataset.contracts')} size="small" style={{ marginBottom: 16 }}>
        <Table<Contract>
          aria-label={t('dataset.contracts')}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={dataset.activeContracts}
          locale={{ emptyText: t('dataset.noContracts') }}
          columns={[
            {
              title: t('dataset.contractTitle'),
              dataIndex: 'title',
              render: (title: string, row) => (
                <Link to={`/c/${consortiumId}/contracts/${row.id}`}>{title}</Link>
              ),
            },
            {
              title: t('dataset.ticketStatus'),
              dataIndex: 'status',
              width: 120,
              render: (s: Contract['status']) => <Tag color="green">{t(`enums.ContractStatus.${s}`)}</Tag>,
            },
            {
              title: t('dataset.contractEnds'),
              dataIndex: 'endsAt',
              width: 140,
              render: (d: string | null | undefined) => format.date(d),
            },
          ]}
        />
      </Card>
    </>
  );
}
