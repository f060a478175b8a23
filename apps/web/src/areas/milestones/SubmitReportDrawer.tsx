import { App, Button, DatePicker, Drawer, Flex, Form, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import { MilestonesSubmitReportDocument } from './queries';
import { reportInput } from './reportInput';
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

/** The scenario user reports measured values for a period that has ended. */
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
      return;
    }
    void message.success(t('reports.submitted'));
    form.resetFields();
    onSubmitted();
  };

  const number = (name: keyof Fields, label: string, required: boolean, precision = 0) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: label }] : []}>
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
        {number('operatingHours', t('reports.operatingHours'), true, 1)}
        {number('unitsProcessed', t('reports.unitsProcessed'), true)}
        {number('robotsInService', t('reports.robotsInService'), true)}
        {number('interventions', t('reports.interventions'), true)}
        {number('successes', t('reports.successes'), false)}
        {number('attempts', t('reports.attempts'), false)}
        {kpis.map((kpi) => (
          <Form.Item
            key={kpi.key}
            name={['values', kpi.key]}
            label={t('reports.valueOf', { kpi: kpi.name, unit: kpi.unit })}
          >
            <InputNumber min={0} step={kpi.unit === 'ratio' ? 0.01 : 1} style={{ width: '100%' }} />
          </Form.Item>
        ))}
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
