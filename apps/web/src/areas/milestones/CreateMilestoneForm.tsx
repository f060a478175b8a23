import {
  Alert,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CURRENCIES,
  localDayFromNow,
  yuanToMinor,
  type CreateValues,
  type TargetValues,
} from './createMilestone';
import { SplitFields } from './SplitFields';
import { TargetsFields } from './TargetsFields';
import type { Directory } from './useDirectory';

/** The form's own values: days as date-picker values, everything else as in `CreateValues`. */
export type CreateFields = Omit<CreateValues, 'windowStart' | 'windowEnd' | 'dueAt'> & {
  windowStart?: Dayjs | null;
  windowEnd?: Dayjs | null;
  dueAt?: Dayjs | null;
};

const DAYS = ['windowStart', 'windowEnd', 'dueAt'] as const;

export function valuesFromFields(fields: CreateFields): CreateValues {
  const values: CreateValues = { ...fields, windowStart: null, windowEnd: null, dueAt: null };
  for (const key of DAYS) values[key] = fields[key] ? fields[key].format('YYYY-MM-DD') : null;
  return values;
}

/** Without a draft the window opens tomorrow (it cannot open before every party accepts) for 30 days. */
const DEFAULT_DAYS: Record<(typeof DAYS)[number], number> = { windowStart: 1, windowEnd: 30, dueAt: 37 };

/** A draft (or nothing) as the form's starting values: one empty target, amounts in CNY. */
export function fieldsFromValues(draft: Partial<CreateValues> | undefined): CreateFields {
  const fields: CreateFields = {
    currency: 'CNY',
    targets: [{ comparator: 'GTE' }],
    split: {},
    ...draft,
    windowStart: null,
    windowEnd: null,
    dueAt: null,
  };
  for (const key of DAYS) {
    const day = draft ? draft[key] : localDayFromNow(DEFAULT_DAYS[key]);
    fields[key] = day && dayjs(day).isValid() ? dayjs(day) : null;
  }
  return fields;
}

/**
 * Scenario, name, window, amounts, who funds the reward and who receives the risk, targets and
 * split; checks run when the page submits. An amendment keeps its scenario.
 */
export function CreateMilestoneForm({
  form,
  directory,
  amending = false,
}: {
  form: FormInstance;
  directory: Directory;
  amending?: boolean;
}) {
  const { t } = useTranslation('milestones');
  const scenarioUser = directory.members.find((m) => m.partyRole === 'SCENARIO_USER')?.id;
  // The API's default, shown as chosen once the members are known.
  useEffect(() => {
    if (!scenarioUser) return;
    for (const name of ['rewardFunderOrganizationId', 'riskBeneficiaryOrganizationId'])
      if (!form.getFieldValue(name)) form.setFieldValue(name, scenarioUser);
  }, [form, scenarioUser]);
  const parties = directory.members.map((m) => ({
    value: m.id,
    label: m.id === scenarioUser ? t('create.scenarioUserDefault', { name: m.name }) : m.name,
  }));
  const scenarioId = Form.useWatch('scenarioId', form) as string | undefined;
  const currency = (Form.useWatch('currency', form) as string | undefined) ?? 'CNY';
  const reward = yuanToMinor(Form.useWatch('rewardPoolYuan', form) as number | null) ?? 0;
  const risk = yuanToMinor(Form.useWatch('riskAmountYuan', form) as number | null) ?? 0;
  const kpis = scenarioId ? directory.kpisOf(scenarioId) : [];
  const unit = t(`create.unit.${currency as (typeof CURRENCIES)[number]}`);

  // A target on a KPI the new scenario lacks loses its KPI rather than keep a foreign one.
  const changeScenario = (id: string) => {
    const known = directory.kpisOf(id).map((k) => k.key);
    const targets = (form.getFieldValue('targets') as TargetValues[] | undefined) ?? [];
    form.setFieldValue(
      'targets',
      targets.map((target) => (known.includes(target.kpiKey ?? '') ? target : { ...target, kpiKey: null })),
    );
  };
  const half = { flex: '1 1 220px' };
  const amount = (name: 'rewardPoolYuan' | 'riskAmountYuan', label: string) => (
    <Form.Item name={name} label={label} required style={half}>
      <InputNumber min={0} precision={2} step={1000} style={{ width: '100%' }} suffix={currency} />
    </Form.Item>
  );
  const tomorrow = dayjs(localDayFromNow(1));
  const day = (name: (typeof DAYS)[number], label: string) => (
    <Form.Item name={name} label={label} required style={half}>
      <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(tomorrow, 'day')} />
    </Form.Item>
  );
  const party = (
    name: 'rewardFunderOrganizationId' | 'riskBeneficiaryOrganizationId',
    label: string,
    help: string,
  ) => (
    <Form.Item name={name} label={label} required extra={help} style={half}>
      <Select options={parties} loading={directory.fetching} />
    </Form.Item>
  );

  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={amending ? t('create.amendBindsNobody') : t('create.bindsNobody')}
        data-testid="binds-nobody"
        // Information to read before proposing, not an interruption.
        role="note"
      />
      <Card title={t('create.basics')} size="small">
        <Form.Item name="scenarioId" label={t('milestone.scenario')} required>
          <Select
            disabled={amending}
            placeholder={t('create.chooseScenario')}
            options={directory.scenarios.map((s) => ({ value: s.id, label: s.name }))}
            onChange={changeScenario}
            loading={directory.fetching}
          />
        </Form.Item>
        <Form.Item name="name" label={t('create.name')} required extra={t('create.nameHint')}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="description" label={t('milestone.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Card>
      <Card title={t('create.windowAndAmounts')} size="small">
        <Flex gap={16} wrap>
          {day('windowStart', t('create.windowStart'))}
          {day('windowEnd', t('create.windowEnd'))}
          {day('dueAt', t('milestone.dueAt'))}
        </Flex>
        <Typography.Paragraph type="secondary">{t('create.windowHint')}</Typography.Paragraph>
        <Flex gap={16} wrap>
          <Form.Item name="currency" label={t('ledger.currency')} style={{ flex: '0 1 140px' }}>
            <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          {amount('rewardPoolYuan', t('create.rewardPool', { unit }))}
          {amount('riskAmountYuan', t('create.riskAmount', { unit }))}
        </Flex>
        <Flex gap={16} wrap>
          {party('rewardFunderOrganizationId', t('create.funder'), t('create.funderHint'))}
          {party('riskBeneficiaryOrganizationId', t('create.beneficiary'), t('create.beneficiaryHint'))}
        </Flex>
      </Card>
      <Card title={t('milestone.targets')} size="small">
        {scenarioId ? (
          <TargetsFields form={form} kpis={kpis} />
        ) : (
          <Typography.Text type="secondary">{t('create.scenarioFirst')}</Typography.Text>
        )}
      </Card>
      <Card title={t('split.title')} size="small">
        <Typography.Paragraph type="secondary">{t('create.splitHint')}</Typography.Paragraph>
        <Form.Item name="split" style={{ marginBottom: 0 }}>
          <SplitFields
            members={directory.members}
            rewardPoolMinor={reward}
            riskAmountMinor={risk}
            currency={currency}
          />
        </Form.Item>
      </Card>
    </Flex>
  );
}
