import { Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { useConnection } from '../../components/useConnection';
import type { ContractStatus, ContractsListQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { STATUSES, STATUS_COLORS } from './contract-rules';
import { ContractsListDocument } from './operations';
import { ListFooter } from '../../components/ListFooter';

type Row = ContractsListQuery['dataSharingContracts']['nodes'][number];

export function ContractListPage() {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const [status, setStatus] = useState<ContractStatus | undefined>();
  const list = useConnection(
    ContractsListDocument,
    { consortiumId, status: status ?? null, first: 20 },
    (data) => data.dataSharingContracts,
  );

  return (
    <Page title={t('title')}>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('list.statusFilter')} htmlFor="contracts-status-filter">
          <Select<ContractStatus | 'ALL'>
            id="contracts-status-filter"
            style={{ width: 180 }}
            value={status ?? 'ALL'}
            onChange={(value) => setStatus(value === 'ALL' ? undefined : value)}
            options={[
              { value: 'ALL', label: t('list.allStatuses') },
              ...STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
            ]}
          />
        </Form.Item>
      </Form>
      <ApiErrorAlert problem={list.problem} onRetry={list.refetch} />
      <Table<Row>
        rowKey="id"
        loading={list.fetching}
        dataSource={list.nodes}
        pagination={false}
        scroll={{ x: 980 }}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          {
            title: t('list.colTitle'),
            dataIndex: 'title',
            render: (title: string, row) => <Link to={row.id}>{title}</Link>,
          },
          {
            title: t('list.colStatus'),
            dataIndex: 'status',
            width: 110,
            render: (value: ContractStatus) => <Tag color={STATUS_COLORS[value]}>{t(`status.${value}`)}</Tag>,
          },
          {
            title: t('list.colParties'),
            key: 'parties',
            width: 280,
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                {row.parties.map((party) => (
                  <Typography.Text key={party.organizationId}>
                    {party.name}
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {' · '}
                      {t(`partyRole.${party.role}`)}
                      {row.agreedVersion ? ` · ${party.signed ? t('list.signed') : t('list.unsigned')}` : ''}
                    </Typography.Text>
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            title: t('list.colVersion'),
            dataIndex: 'currentVersion',
            width: 100,
            render: (n: number) => t('list.versionN', { n }),
          },
          {
            title: t('list.colPeriod'),
            key: 'period',
            width: 200,
            render: (_, row) =>
              row.startsAt ? `${format.date(row.startsAt)} – ${format.date(row.endsAt)}` : '—',
          },
          {
            title: t('list.colUpdated'),
            dataIndex: 'updatedAt',
            width: 150,
            render: (value: string) => format.dateTime(value),
          },
        ]}
      />
      <ListFooter list={list} />
    </Page>
  );
}
