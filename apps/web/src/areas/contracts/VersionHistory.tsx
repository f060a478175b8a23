import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../i18n/i18n';
import type { Contract } from './contract-types';
import { ContractPersonText } from './ContractPersonText';

type Version = Contract['versions'][number];

/** Every version, newest first; tick two to compare them side by side. */
export function VersionHistory({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<number[]>([]);
  const compare = () => {
    const [from, to] = [...selected].sort((a, b) => a - b);
    void navigate(`diff?from=${from}&to=${to}`);
  };
  return (
    <Card
      title={t('contract.versions')}
      size="small"
      extra={
        <Button size="small" type="primary" disabled={selected.length !== 2} onClick={compare}>
          {t('contract.compareSelected')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('contract.selectTwo')}
      </Typography.Paragraph>
      <Table<Version>
        rowKey="number"
        size="small"
        pagination={false}
        scroll={{ x: 840 }}
        dataSource={contract.versions}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected((keys as number[]).slice(-2)),
          getCheckboxProps: (row) => ({
            'aria-label': t('contract.selectVersion', { n: row.number }),
            disabled: selected.length >= 2 && !selected.includes(row.number),
          }),
          hideSelectAll: true,
        }}
        columns={[
          {
            title: t('contract.colVersion'),
            dataIndex: 'number',
            width: 150,
            render: (n: number, row) => (
              <>
                {t('list.versionN', { n })}
                {row.basedOn ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('contract.basedOn', { n: row.basedOn })}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t('contract.colCreated'),
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => format.dateTime(v),
          },
          {
            title: t('contract.colAuthor'),
            key: 'author',
            width: 200,
            render: (_, row) => <ContractPersonText person={row.author} />,
          },
          { title: t('contract.colNote'), dataIndex: 'note', render: (note: string) => note || '—' },
          {
            title: t('contract.colContentHash'),
            dataIndex: 'contentHash',
            width: 140,
            render: (hash: string) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {`${hash.slice(0, 12)}…`}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
