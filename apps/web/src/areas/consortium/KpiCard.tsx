import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { useFormat } from '../../i18n/i18n';
import {
  buildKpiChartOption,
  kpiPoints,
  kpiTargets,
  type KpiDefinitionLike,
  type KpiPoint,
  type KpiReportLike,
  type KpiTargetLine,
  type MilestoneLike,
} from './kpiChart';
import { SectionTitle } from './SectionTitle';

/** One KPI: its chart over time against the human baseline and targets, and the same as a table. */
export function KpiCard({
  kpi,
  reports,
  milestones,
}: {
  kpi: KpiDefinitionLike;
  reports: readonly KpiReportLike[];
  milestones: readonly MilestoneLike[];
}) {
  const { t } = useTranslation('consortium');
  const format = useFormat();
  const points = kpiPoints(kpi.key, reports);
  const targets = kpiTargets(kpi.key, milestones);
  const targetLabel = (line: KpiTargetLine) =>
    t('kpi.target', {
      milestone: line.milestoneName,
      comparator: t(`kpi.comparator.${line.comparator}`),
      value: format.number(line.value, 4),
    });
  const option = useMemo(
    () =>
      buildKpiChartOption(kpi, reports, milestones, {
        verified: t('kpi.verified'),
        submitted: t('kpi.submitted'),
        baseline: t('kpi.baseline'),
        target: (line, index, lines) => {
          const values = {
            comparator: t(`kpi.comparator.${line.comparator}`),
            value: format.number(line.value, 4),
          };
          return lines.length > 1
            ? t('kpi.targetNumbered', { ...values, index: index + 1 })
            : t('kpi.targetShort', values);
        },
        description: t('kpi.chartLabel', { name: kpi.name }),
      }),
    // The labels follow the language; the data follows the query.
    [kpi, reports, milestones, t, format],
  );
  const baseline =
    kpi.humanBaseline == null
      ? t('kpi.noBaseline')
      : t('kpi.baselineValue', {
          value:
            kpi.humanBaselineHigh != null
              ? `${format.number(kpi.humanBaseline)}–${format.number(kpi.humanBaselineHigh)}`
              : format.number(kpi.humanBaseline),
        });

  return (
    <Card
      size="small"
      title={
        <SectionTitle level={3}>
          {kpi.name} <Typography.Text type="secondary">({kpi.unit})</Typography.Text>
        </SectionTitle>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Tag>{t(`kpi.direction.${kpi.direction}`)}</Tag>
        <Tag color="purple">{baseline}</Tag>
        {kpi.target != null ? (
          <Tag color="blue">{t('kpi.scenarioTarget', { value: format.number(kpi.target, 4) })}</Tag>
        ) : null}
      </Flex>
      <EChart option={option} label={t('kpi.chartLabel', { name: kpi.name })} height={300} />
      {points.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('scenario.noData')}</Typography.Paragraph>
      ) : null}
      <Table<KpiPoint>
        size="small"
        rowKey="reportId"
        pagination={false}
        scroll={{ x: 480 }}
        dataSource={points}
        title={() => (
          <Typography.Text type="secondary">{t('kpi.tableCaption', { name: kpi.name })}</Typography.Text>
        )}
        columns={[
          {
            title: t('kpi.period'),
            key: 'period',
            render: (_, p) => `${format.date(p.periodStart)} – ${format.date(p.periodEnd)}`,
          },
          {
            title: t('kpi.status'),
            dataIndex: 'status',
            render: (s: KpiPoint['status']) => (
              <Tag color={s === 'VERIFIED' ? 'blue' : 'orange'}>{t(`kpi.reportStatus.${s}`)}</Tag>
            ),
          },
          {
            title: t('kpi.value', { unit: kpi.unit }),
            dataIndex: 'value',
            align: 'right',
            render: (v: number) => format.number(v, 4),
          },
        ]}
      />
      {targets.length ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('kpi.targetsTitle')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {targets.map((line, i) => (
              <li key={`${line.milestoneId}-${i}`}>
                {targets.length > 1 ? `(${i + 1}) ` : null}
                {targetLabel(line)}
                {' · '}
                {format.date(line.from)} – {format.date(line.to)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
