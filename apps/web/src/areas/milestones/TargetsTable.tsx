import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MilestonesMilestoneQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { COMPARATOR_SYMBOL, formatBaseline, formatKpiValue } from './evaluation';
import type { Kpi } from './useDirectory';

type Target = MilestonesMilestoneQuery['milestone']['targets'][number];

/** The KPI targets beside what people achieve today (the scenario's human baseline). */
export function TargetsTable({ targets, kpis }: { targets: readonly Target[]; kpis: Kpi[] }) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const kpiOf = (key: string) => kpis.find((k) => k.key === key);
  const valueOf = (value: number | null | undefined, unit: string | undefined) =>
    formatKpiValue(value, unit, format);
  return (
    <Table
      rowKey={(target) => `${target.kpiKey}:${target.comparator}:${target.value}`}
      size="small"
      pagination={false}
      dataSource={[...targets]}
      scroll={{ x: 640 }}
      columns={[
        { title: t('milestone.kpi'), dataIndex: 'kpiKey', render: (key: string) => kpiOf(key)?.name ?? key },
        {
          title: t('milestone.target'),
          key: 'target',
          render: (_: unknown, target) => (
            <span title={t(`comparator.${target.comparator}`)}>
              {COMPARATOR_SYMBOL[target.comparator]} {valueOf(target.value, kpiOf(target.kpiKey)?.unit)}
            </span>
          ),
        },
        {
          title: t('milestone.baseline'),
          key: 'baseline',
          render: (_: unknown, target) => formatBaseline(kpiOf(target.kpiKey), format),
        },
        {
          title: t('milestone.minHours'),
          dataIndex: 'minOperatingHours',
          render: (hours: number | null) =>
            hours === null ? t('milestone.none') : t('units.hours', { value: format.number(hours, 1) }),
        },
      ]}
    />
  );
}
