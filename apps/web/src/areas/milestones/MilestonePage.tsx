import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Page } from '../../components/Page';
import { PageLoading } from '../../components/PageLoading';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { AgreementCard } from './AgreementCard';
import { EvaluationCard } from './EvaluationCard';
import { LedgerEntriesTable } from './LedgerEntriesTable';
import { ProposalsCard } from './ProposalsCard';
import { MilestonesMilestoneDocument } from './queries';
import { FINAL_STATUSES } from './split';
import { SplitCard } from './SplitCard';
import { StateTag } from './tags';
import { TargetsTable } from './TargetsTable';
import { useDirectory } from './useDirectory';

/** One milestone: its terms as an agreement, targets, evaluation explained, split, proposals, ledger. */
export function MilestonePage() {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const { milestoneId = '' } = useParams();
  const directory = useDirectory(consortiumId);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MilestonesMilestoneDocument,
    variables: { id: milestoneId },
  });
  const [booked, setBooked] = useState(0);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const problem = toApiProblem(error);
  const back = (
    <Link to={`/c/${consortiumId}/milestones`}>
      <Button icon={<ArrowLeftOutlined />}>{t('milestone.back')}</Button>
    </Link>
  );
  if (problem && !data) {
    return (
      <Page title={t('title')} extra={back}>
        <ApiErrorAlert problem={problem} onRetry={refresh} />
      </Page>
    );
  }
  if (!data || (fetching && !data)) return <PageLoading />;
  const m = data.milestone;
  const kpis = directory.kpisOf(m.scenarioId);
  return (
    <Page title={m.name} extra={back}>
      <Flex vertical gap={16}>
        <ApiErrorAlert problem={problem ?? directory.problem} onRetry={refresh} />
        <Card title={t('milestone.overview')} size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('milestone.scenario')}>
              {directory.scenarioName(m.scenarioId)}
            </Descriptions.Item>
            <Descriptions.Item label={t('milestone.status')}>
              <StateTag kind="status" value={m.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('milestone.window')}>
              {t('milestone.windowRange', {
                start: format.date(m.windowStart),
                end: format.date(m.windowEnd),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('milestone.dueAt')}>{format.date(m.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('milestone.rewardPool')}>
              {format.money(m.rewardPoolMinor, m.currency)}
            </Descriptions.Item>
            <Descriptions.Item label={t('milestone.riskAmount')}>
              {format.money(m.riskAmountMinor, m.currency)}
            </Descriptions.Item>
            {m.decidedAt ? (
              <Descriptions.Item label={t('milestone.decidedAt')}>
                {format.dateTime(m.decidedAt)}
              </Descriptions.Item>
            ) : null}
            {m.description ? (
              <Descriptions.Item label={t('milestone.description')} span="filled">
                {m.description}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <AgreementCard milestone={m} directory={directory} onChanged={refresh} />
        <Card title={t('milestone.targets')} size="small">
          <TargetsTable targets={m.targets} kpis={kpis} />
        </Card>
        <EvaluationCard
          milestone={m}
          kpis={kpis}
          onEvaluated={() => {
            refresh();
            setBooked((n) => n + 1);
          }}
        />
        <SplitCard milestone={m} members={directory.members} onChanged={refresh} />
        {m.status !== 'PROPOSED' ? (
          <ProposalsCard
            milestoneId={m.id}
            proposals={m.proposals}
            boundParties={m.parties.map((party) => party.organizationId)}
            directory={directory}
            decided={FINAL_STATUSES.includes(m.status)}
            onChanged={refresh}
          />
        ) : null}
        <Card title={t('milestone.ledger')} size="small">
          <LedgerEntriesTable
            consortiumId={consortiumId}
            milestoneId={m.id}
            directory={directory}
            refreshToken={booked}
          />
        </Card>
      </Flex>
    </Page>
  );
}
