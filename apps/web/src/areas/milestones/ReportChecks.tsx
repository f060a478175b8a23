import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { formatKpiValue } from './evaluation';
import type { CountProblem, KpiCheck } from './reportFigures';
import type { Kpi } from './useDirectory';

export interface FigureText {
  text: string;
  /** 'error' where the server will refuse the declared value. */
  status?: 'error' | 'warning';
}

/** The words under a KPI's input: what the counts give, and whether the declared value agrees. */
export function useFigureText(): (check: KpiCheck | undefined, kpi: Kpi) => FigureText | undefined {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  return (check, kpi) => {
    if (!check) return undefined;
    const show = (value: number) => formatKpiValue(value, kpi.unit, format);
    switch (check.kind) {
      case 'declaredOnly':
        return { text: t('reports.figure.declaredOnly') };
      case 'missingCounts':
        return { text: t(`reports.figure.needs.${check.measure}` as 'reports.figure.needs.SUCCESS_RATE') };
      case 'computed': {
        const value = check.low === check.high ? show(check.low) : `${show(check.low)}–${show(check.high)}`;
        if (check.declared === null)
          return {
            text:
              check.low === check.high
                ? t('reports.figure.fill', { value })
                : t('reports.figure.range', { value }),
          };
        if (check.agrees) return { text: t('reports.figure.agrees', { value }) };
        return {
          status: 'error',
          text: t('reports.figure.off', {
            declared: show(check.declared),
            value,
            off: show(check.off),
            allowed: show(check.allowed),
          }),
        };
      }
    }
  };
}

/** Counts that cannot be true, said before the report is sent. */
export function CountProblemsAlert({ problems }: { problems: CountProblem[] }) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('reports.countsTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((problem) => (
            <li key={problem.kind}>
              {problem.kind === 'hoursOverPeriod'
                ? t('reports.hoursOverPeriod', {
                    hours: format.number(problem.hours, 1),
                    periodHours: format.number(problem.periodHours, 1),
                  })
                : t('reports.robotsOverUnits', { robots: problem.robots, units: problem.units })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
