import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Descriptions, Empty, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { useFormat } from '../../i18n/i18n';
import { KpiCard } from './KpiCard';
import { ConsortiumScenarioDocument } from './queries';
import { SectionTitle } from './SectionTitle';

/** A scenario with each of its KPIs drawn over time. */
export function ScenarioPage() {
  const { t } = useTranslation('consortium');
  const format = useFormat();
  const { scenarioId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ConsortiumScenarioDocument,
    variables: { id: scenarioId },
  });
  const back = (
    <Link to="../.." relative="path">
      <Button icon={<ArrowLeftOutlined />}>{t('scenarios.back')}</Button>
    </Link>
  );
  const problem = toApiProblem(error);
  if (problem && !data)
    return (
      <Page title={t('scenarios.title')} extra={back}>
        <ApiErrorAlert problem={problem} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </Page>
    );
  if (fetching && !data) return <PageLoading />;
  if (!data) return null;
  const { scenario } = data;
  const reports = data.kpiReports.nodes;
  const milestones = data.milestones.nodes;

  return (
    <Page title={scenario.name} extra={back}>
      <Flex vertical gap={16}>
        <Descriptions
          bordered
          size="small"
          title={t('scenario.facts')}
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'sector', label: t('scenario.sector'), children: t(`sector.${scenario.sector}`) },
            { key: 'site', label: t('scenario.site'), children: scenario.site },
            {
              key: 'units',
              label: t('scenario.unitsDeployed'),
              children: format.number(scenario.unitsDeployed, 0),
            },
            {
              key: 'target',
              label: t('scenario.targetUnits'),
              children: format.number(scenario.targetUnits, 0),
            },
            {
              key: 'reports',
              label: t('scenario.reports'),
              children: t('scenario.reportsCount', { count: data.kpiReports.totalCount }),
            },
          ]}
        />
        <section aria-labelledby="scenario-kpis">
          <div id="scenario-kpis" style={{ marginBottom: 12 }}>
            <SectionTitle>{t('scenario.kpis')}</SectionTitle>
          </div>
          {scenario.kpis.length === 0 ? (
            <Empty description={t('scenario.noKpis')} />
          ) : (
            <Row gutter={[16, 16]}>
              {scenario.kpis.map((kpi) => (
                <Col key={kpi.key} xs={24} xl={12}>
                  <KpiCard kpi={kpi} reports={reports} milestones={milestones} />
                </Col>
              ))}
            </Row>
          )}
        </section>
      </Flex>
    </Page>
  );
}
