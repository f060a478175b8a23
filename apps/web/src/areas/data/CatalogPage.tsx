import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { useConnection } from '../../components/useConnection';
import type { DataCatalogQuery as CatalogData } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { catalogVariables, filtersFromSearchParams, filtersToSearchParams } from './catalog-filters';
import { CatalogFilterBar } from './CatalogFilterBar';
import { DataCatalogQuery } from './data.queries';
import { SENSITIVITY_COLOR } from './enums';
import { ListFooter } from '../../components/ListFooter';

type Row = CatalogData['datasets']['nodes'][number];

/** The catalog: the API's filters and search, in the URL, a page at a time. */
export function CatalogPage() {
  const { t } = useTranslation('data');
  const format = useFormat();
  const session = useSession();
  const consortiumId = useConsortiumId();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  const list = useConnection(DataCatalogQuery, catalogVariables(consortiumId, filters), (d) => d.datasets);
  const canRegister = session.roles.includes('DATA_STEWARD');

  const columns: ColumnsType<Row> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 180,
      render: (name: string, row) => <Link to={row.id}>{name}</Link>,
    },
    { title: t('columns.owner'), key: 'owner', width: 140, render: (_, row) => row.owner.name },
    {
      title: t('columns.modalities'),
      dataIndex: 'modalities',
      width: 160,
      render: (values: Row['modalities']) => (
        <Space size={[0, 4]} wrap>
          {values.map((m) => (
            <Tag key={m}>{t(`enums.DataModality.${m}`)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('columns.format'),
      dataIndex: 'format',
      width: 90,
      render: (f: Row['format']) => t(`enums.DatasetFormat.${f}`),
    },
    { title: t('columns.robotType'), dataIndex: 'robotType', width: 100 },
    {
      title: t('columns.hours'),
      dataIndex: 'hours',
      width: 90,
      align: 'right',
      render: (h: number) => format.number(h, 1),
    },
    {
      title: t('columns.sensitivity'),
      dataIndex: 'sensitivity',
      width: 100,
      render: (s: Row['sensitivity']) => (
        <Tag color={SENSITIVITY_COLOR[s]}>{t(`enums.DatasetSensitivity.${s}`)}</Tag>
      ),
    },
    {
      title: t('columns.purposes'),
      dataIndex: 'allowedPurposes',
      width: 150,
      render: (values: Row['allowedPurposes']) =>
        values.length ? values.map((p) => t(`enums.Purpose.${p}`)).join(t('listSeparator')) : '—',
    },
  ];

  return (
    <Page
      title={t('title')}
      extra={
        canRegister ? (
          <Link to="new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('catalog.register')}
            </Button>
          </Link>
        ) : undefined
      }
    >
      <CatalogFilterBar value={filters} onChange={(next) => setParams(filtersToSearchParams(next))} />
      <ApiErrorAlert problem={list.problem} onRetry={list.refetch} />
      <Table<Row>
        aria-label={t('catalog.tableLabel')}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.nodes}
        loading={list.fetching}
        pagination={false}
        scroll={{ x: 1010 }}
        locale={{ emptyText: t('catalog.empty') }}
      />
      <ListFooter list={list} />
    </Page>
  );
}
