import { Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFormat } from '../../i18n/i18n';
import type { PortfolioScenariosQuery } from '../../gql/graphql';
import { ChartCard } from './ChartCard';
import { PortfolioScenariosDocument } from './portfolio-scenarios.queries';
import { baselineRatioChart } from './portfolioScenarios';

type Row = PortfolioScenariosQuery['portfolioScenarios']['nodes'][number];

/** The programme office's yardstick: a row per scenario, and its KPIs against people as a chart. */
export function PortfolioScenariosCard({ consortiumId }: { consortiumId: string | null }) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: PortfolioScenariosDocument,
    variables: { consortiumId, first: 50 },
    requestPolicy: 'cache-and-network',
  });
  const rows = useMemo(() => data?.portfolioScenarios.nodes ?? [], [data]);
  const value = (v: number | null | undefined) =>
    v === null || v === undefined ? t('portfolioScenarios.none') : format.number(v, 2);
  const chart = useMemo(
    () =>
      baselineRatioChart(rows, {
        columns: [
          t('portfolioScenarios.scenario'),
          t('portfolioScenarios.kpi'),
          t('portfolioScenarios.latest'),
          t('portfolioScenarios.baseline'),
          t('portfolioScenarios.target'),
        ],
        baseline: t('portfolioScenarios.humanPace'),
        value,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- value depends on t and format only
    [rows, t, format],
  );
  const money = (minor: number, currency: string) => format.money(minor, currency);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ApiErrorAlert
        problem={toApiProblem(error)}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      <ChartCard
        title={t('portfolioScenarios.chart')}
        spec={chart}
        height={Math.max(200, 40 * chart.table.rows.length)}
      />
      <Card title={t('portfolioScenarios.title')} size="small">
        <Table<Row>
          rowKey="scenarioId"
          size="small"
          loading={fetching && !data}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('portfolioScenarios.empty') }}
          columns={[
            {
              title: t('portfolioScenarios.scenario'),
              dataIndex: 'name',
              render: (_name: string, row) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{row.name}</Typography.Text>
                  <Typography.Text type="secondary">{`${t(`sector.${row.sector}`)} · ${row.site}`}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('portfolioScenarios.units'),
              render: (_: unknown, row) =>
                `${format.number(row.unitsDeployed, 0)} / ${format.number(row.targetUnits, 0)}`,
            },
            {
              title: t('portfolioScenarios.kpi'),
              render: (_: unknown, row) => (
                <Space direction="vertical" size={2}>
                  {row.kpis.map((kpi) => (
                    <span key={kpi.kpiKey}>
                      {`${kpi.name}: ${value(kpi.latestValue)} ${kpi.unit} · ${t('portfolioScenarios.baseline')} ${value(kpi.humanBaseline)} · ${t('portfolioScenarios.target')} ${value(kpi.target)} `}
                      {kpi.ratioToBaseline !== null && <Tag>{format.percent(kpi.ratioToBaseline, 0)}</Tag>}
                      {kpi.targetMet !== null && (
                        <Tag color={kpi.targetMet ? 'success' : 'error'}>
                          {kpi.targetMet ? t('portfolioScenarios.met') : t('portfolioScenarios.notMet')}
                        </Tag>
                      )}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('portfolioScenarios.milestones'),
              render: (_: unknown, row) =>
                row.milestonesByStatus.length === 0
                  ? t('portfolioScenarios.none')
                  : row.milestonesByStatus.map((s) => (
                      <Tag key={s.key}>{`${t(`status.${s.key}` as 'status.ACHIEVED')} ${s.count}`}</Tag>
                    )),
            },
            {
              title: t('portfolioScenarios.committed'),
              render: (_: unknown, row) =>
                row.money.map((m) => (
                  <div
                    key={m.currency}
                  >{`${money(m.rewardCommittedMinor, m.currency)} / ${money(m.riskCommittedMinor, m.currency)}`}</div>
                )),
            },
            {
              title: t('portfolioScenarios.due'),
              render: (_: unknown, row) =>
                row.money.map((m) => (
                  <div
                    key={m.currency}
                  >{`${money(m.rewardDueMinor, m.currency)} / ${money(m.riskDueMinor, m.currency)}`}</div>
                )),
            },
            {
              title: t('portfolioScenarios.settled'),
              render: (_: unknown, row) =>
                row.money.map((m) => <div key={m.currency}>{money(m.settledMinor, m.currency)}</div>),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
