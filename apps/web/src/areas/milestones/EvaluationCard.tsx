import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Card, Flex, List, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { MilestonesMilestoneQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { summaryKind } from './agreement';
import { explainCheck, formatKpiValue, metCount } from './evaluation';
import { MilestonesEvaluateDocument } from './queries';
import { StateTag } from './tags';
import type { Kpi } from './useDirectory';

type Milestone = MilestonesMilestoneQuery['milestone'];

/** What the verified reports say now, target by target, and the action to judge it again. */
export function EvaluationCard({
  milestone,
  kpis,
  onEvaluated,
}: {
  milestone: Milestone;
  kpis: Kpi[];
  onEvaluated: () => void;
}) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const [evaluation, evaluate] = useMutation(MilestonesEvaluateDocument);
  const problem = toApiProblem(evaluation.error);
  const { outcome, explanation } = milestone.evaluation;
  const counts = metCount(explanation);
  const valueOf = (value: number | null | undefined, unit: string | undefined) =>
    formatKpiValue(value, unit, format);
  const hoursOf = (hours: number) => t('units.hours', { value: format.number(hours, 1) });

  const kind = summaryKind(milestone.evaluation.summary);
  // Proposed terms are not judged; a decision is taken once (reading ACHIEVED is not yet deciding it).
  const judgeable = milestone.status !== 'PROPOSED' && !milestone.decidedAt && milestone.status !== 'WAIVED';
  const summary =
    milestone.status === 'PROPOSED'
      ? t('evaluation.summary.PROPOSED')
      : kind === 'frozen'
        ? t('evaluation.summary.FROZEN')
        : kind === 'pastDueWaiting'
          ? t('evaluation.summary.PAST_DUE_WAITING', { ...counts, due: format.date(milestone.dueAt) })
          : t(`evaluation.summary.${outcome as 'PENDING'}`, { ...counts, due: format.date(milestone.dueAt) });

  const run = async () => {
    const result = await evaluate({ id: milestone.id });
    if (!result.error) onEvaluated();
  };

  return (
    <Card
      title={t('evaluation.title')}
      size="small"
      extra={
        <Tooltip title={t('evaluation.evaluateHint')}>
          <Button onClick={() => void run()} loading={evaluation.fetching} disabled={!judgeable}>
            {t('evaluation.evaluate')}
          </Button>
        </Tooltip>
      }
    >
      <ApiErrorAlert problem={problem} />
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <StateTag kind="outcome" value={outcome} />
        <Typography.Text strong data-testid="evaluation-summary">
          {summary}
        </Typography.Text>
      </Flex>
      {milestone.decidedAt && milestone.decisionSummary ? (
        <Typography.Paragraph data-testid="decision-summary">
          {t('evaluation.decision', { date: format.dateTime(milestone.decidedAt) })}
          <Typography.Text code>{milestone.decisionSummary}</Typography.Text>
        </Typography.Paragraph>
      ) : kind === 'frozen' ? (
        <Typography.Paragraph type="secondary">{milestone.evaluation.summary}</Typography.Paragraph>
      ) : null}
      <List
        size="small"
        bordered
        dataSource={explanation}
        renderItem={(check) => {
          const kpi = kpis.find((k) => k.key === check.kpiKey);
          const explained = explainCheck(check, kpi, valueOf, hoursOf);
          return (
            <List.Item>
              <Flex gap={8} align="start" style={{ width: '100%' }}>
                {check.met ? (
                  <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} aria-hidden />
                ) : (
                  <CloseCircleFilled style={{ color: '#ff4d4f', marginTop: 4 }} aria-hidden />
                )}
                <Typography.Text style={{ flex: 1 }}>
                  <Typography.Text strong>
                    {check.met ? t('evaluation.met') : t('evaluation.notMet')}
                  </Typography.Text>
                  {' · '}
                  {t(`evaluation.check.${explained.sentence}`, explained.params)}
                </Typography.Text>
              </Flex>
            </List.Item>
          );
        }}
      />
      {milestone.evaluation.achievedBy ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('evaluation.achievedBy')}: {milestone.evaluation.achievedBy}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
