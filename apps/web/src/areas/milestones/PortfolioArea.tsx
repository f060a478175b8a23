import { Card, Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { ChartCard } from './ChartCard';
import {
  ledgerByPartyChart,
  milestoneOutcomesChart,
  scenariosBySectorChart,
  ticketsByCategoryChart,
} from './portfolioCharts';
import { PortfolioScenariosCard } from './PortfolioScenariosCard';
import { PortfolioDocument } from './queries';

/** The consortium's programme figures: headline numbers, then four charts with their tables. */
export function PortfolioArea() {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const [{ data, error }, reexecute] = useQuery({
    query: PortfolioDocument,
    variables: { consortiumId },
    requestPolicy: 'cache-and-network',
  });
  const charts = useMemo(() => {
    if (!data) return undefined;
    const names = new Map(data.memberships.nodes.map((m) => [m.organization.id, m.organization.name]));
    const p = data.portfolio;
    return {
      sectors: scenariosBySectorChart(p.scenariosBySectorAndRegion, {
        sector: (key) => t(`sector.${key as 'LOGISTICS'}`),
        columns: [
          t('portfolio.sector'),
          t('portfolio.region'),
          t('portfolio.scenarioCount'),
          t('portfolio.unitsDeployed'),
          t('portfolio.targetUnits'),
        ],
      }),
      outcomes: milestoneOutcomesChart(p.milestonesByStatus, {
        status: (key) => t(`status.${key as 'PROPOSED'}`),
        columns: [t('portfolio.status'), t('portfolio.count')],
        series: t('portfolio.milestones'),
      }),
      ledger: ledgerByPartyChart(data.ledgerTotals, {
        party: (id) => names.get(id) ?? id.slice(0, 8),
        money: (minor, currency) => format.money(minor, currency),
        reward: t('ledger.reward'),
        risk: t('ledger.risk'),
        columns: [t('ledger.party'), t('ledger.reward'), t('ledger.risk'), t('ledger.net')],
      }),
      tickets: ticketsByCategoryChart(p.openPainPointsByCategory, {
        category: (key) => t(`ticketCategory.${key as 'DATA'}`),
        columns: [t('portfolio.category'), t('portfolio.count')],
        series: t('portfolio.openTickets'),
      }),
    };
  }, [data, t, format]);
  const problem = toApiProblem(error);
  if (!data || !charts) {
    return (
      <Page title={t('portfolio.title')}>
        {problem ? (
          <ApiErrorAlert problem={problem} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <PageLoading />
        )}
      </Page>
    );
  }
  const p = data.portfolio;
  const stats = [
    {
      title: t('portfolio.scenarios'),
      value: format.number(p.scenarios, 0),
      suffix: `/ ${format.number(p.scenarioGoal, 0)}`,
    },
    {
      title: t('portfolio.units'),
      value: format.number(p.unitsDeployed, 0),
      suffix: `/ ${format.number(p.unitsGoal, 0)}`,
    },
    { title: t('portfolio.dataHours'), value: format.number(p.dataHoursCatalogued, 1) },
    { title: t('portfolio.dataShared'), value: format.number(p.dataHoursShared, 1) },
    {
      title: t('portfolio.datasets'),
      value: format.number(p.datasets, 0),
      suffix: `(${format.number(p.datasetsShared, 0)})`,
    },
    { title: t('portfolio.contracts'), value: format.number(p.activeContracts, 0) },
  ];
  return (
    <Page title={t('portfolio.title')}>
      <ApiErrorAlert problem={problem} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      <Row gutter={[16, 16]}>
        {stats.map((stat) => (
          <Col key={stat.title} xs={12} md={8} xl={4}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic title={stat.title} value={stat.value} suffix={stat.suffix} />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={12}>
          <ChartCard title={t('portfolio.bySector')} spec={charts.sectors} />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('portfolio.outcomes')} spec={charts.outcomes} />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('portfolio.ledger')} spec={charts.ledger} />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('portfolio.tickets')} spec={charts.tickets} />
        </Col>
        <Col xs={24}>
          <PortfolioScenariosCard consortiumId={consortiumId} />
        </Col>
      </Row>
    </Page>
  );
}
