import { App, Button, DatePicker, Drawer, Flex, Form, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { MilestonesSubmitReportDocument } from './queries';
import { CountProblemsAlert, useFigureText } from './ReportChecks';
import { countProblems, kpiChecks } from './reportFigures';
import { reportInput, reportPeriod } from './reportInput';
import type { Directory } from './useDirectory';

interface Fields {
  scenarioId: string;
  periodStart: Dayjs;
  periodEnd: Dayjs;
  operatingHours: number;
  unitsProcessed: number;
  robotsInService: number;
  interventions: number;
  successes?: number | null;
  attempts?: number | null;
  values?: Record<string, number | null>;
}

const KNOWN = [
  'scenarioId',
  'periodStart',
  'periodEnd',
  'operatingHours',
  'unitsProcessed',
  'robotsInService',
  'interventions',
  'successes',
  'attempts',
];

/**
 * The scenario user reports measured values for a period that has ended. The figures the counts
 * give show beside each KPI as the person types, with the disagreements the server would refuse.
 */
export function SubmitReportDrawer({
  directory,
  open,
  onClose,
  onSubmitted,
}: {
  directory: Directory;
  open: boolean;
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation('milestones');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const scenarioId = Form.useWatch('scenarioId', form);
  const kpis = scenarioId ? directory.kpisOf(scenarioId) : [];
  const scenario = directory.scenarios.find((s) => s.id === scenarioId);
  const typed = Form.useWatch((values: Partial<Fields>) => values, form) ?? {};
  const period =
    typed.periodStart && typed.periodEnd
      ? reportPeriod(typed.periodStart.toDate(), typed.periodEnd.toDate())
      : null;
  const checks = kpiChecks(typed, kpis, typed.values ?? {});
  const figureText = useFigureText();
  const periodHours = period
    ? (Date.parse(period.periodEnd) - Date.parse(period.periodStart)) / 3_600_000
    : null;
  const [submission, submit] = useMutation(MilestonesSubmitReportDocument);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const future = (day: Dayjs) => day.toDate() > new Date();

  const finish = async (fields: Fields) => {
    setProblem(undefined);
    const input = reportInput({
      ...fields,
      periodStart: fields.periodStart.toDate(),
      periodEnd: fields.periodEnd.toDate(),
    });
    const result = await submit({ input });
    const failure = toApiProblem(result.error);
    if (failure) {
      setProblem(failure);
      applyFieldProblems(form, failure, KNOWN);
      // `values.2.value` names the third value sent: put it on that KPI's input, in the reader's words.
      form.setFields(
        Object.entries(failure.fields).flatMap(([path, serverMessage]) => {
          const key = /^values\.(\d+)\.(value|kpiKey)$/.exec(path);
          const kpiKey = key ? input.values[Number(key[1])]?.kpiKey : undefined;
          const kpi = kpis.find((k) => k.key === kpiKey);
          if (!kpiKey || !kpi) return [];
          const local = figureText(
            checks.find((c) => c.key === kpiKey),
            kpi,
          );
          return [{ name: ['values', kpiKey], errors: [local?.status ? local.text : serverMessage] }];
        }),
      );
      return;
    }
    void message.success(t('reports.submitted'));
    form.resetFields();
    onSubmitted();
  };

  const number = (name: keyof Fields, label: string, required: boolean, precision = 0, extra?: string) => (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={required ? [{ required: true, message: label }] : []}
    >
      <InputNumber min={0} precision={precision} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Drawer open={open} onClose={onClose} title={t('reports.submit')} size="large" forceRender>
      <Form form={form} layout="vertical" onFinish={(values) => void finish(values)}>
        <Form.Item
          name="scenarioId"
          label={t('reports.scenario')}
          rules={[{ required: true, message: t('reports.scenario') }]}
        >
          <Select options={directory.scenarios.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="periodStart"
            label={t('reports.periodStart')}
            rules={[{ required: true, message: t('reports.periodStart') }]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <DatePicker disabledDate={future} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="periodEnd"
            label={t('reports.periodEnd')}
            rules={[{ required: true, message: t('reports.periodEnd') }]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <DatePicker disabledDate={future} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {number(
          'operatingHours',
          t('reports.operatingHours'),
          true,
          1,
          periodHours === null
            ? t('reports.operatingHoursHelp')
            : t('reports.periodHours', {
                hours: periodHours.toLocaleString(undefined, { maximumFractionDigits: 1 }),
              }),
        )}
        {number('unitsProcessed', t('reports.unitsProcessed'), true)}
        {number(
          'robotsInService',
          t('reports.robotsInService'),
          true,
          0,
          scenario?.unitsDeployed === undefined
            ? undefined
            : t('reports.unitsDeployed', { units: scenario.unitsDeployed }),
        )}
        {number('interventions', t('reports.interventions'), true)}
        {number('successes', t('reports.successes'), false)}
        {number('attempts', t('reports.attempts'), false)}
        {kpis.map((kpi) => {
          const figure = figureText(
            checks.find((check) => check.key === kpi.key),
            kpi,
          );
          return (
            <Form.Item
              key={kpi.key}
              name={['values', kpi.key]}
              label={t('reports.valueOf', { kpi: kpi.name, unit: kpi.unit })}
              validateStatus={figure?.status}
              help={figure?.status ? figure.text : undefined}
              extra={figure?.status ? undefined : figure?.text}
            >
              <InputNumber min={0} step={kpi.unit === 'ratio' ? 0.01 : 1} style={{ width: '100%' }} />
            </Form.Item>
          );
        })}
        <CountProblemsAlert problems={countProblems(typed, period, scenario?.unitsDeployed)} />
        <ApiErrorAlert problem={problem} />
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={submission.fetching}>
            {tc('actions.submit')}
          </Button>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
