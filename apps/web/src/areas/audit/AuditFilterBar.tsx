import { AutoComplete, Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeFilters, type AuditFilters } from './auditFilters';

/** The subject types the API records, in the order of DOMAIN.md. */
export const SUBJECT_TYPES = [
  'Consortium',
  'Membership',
  'Organization',
  'User',
  'Invitation',
  'ApiToken',
  'Scenario',
  'Ticket',
  'Dataset',
  'DataAccessRequest',
  'DataSharingContract',
  'KpiReport',
  'Milestone',
] as const;

/** Actions the API writes (libs/…/*.service.ts); any other can still be typed. */
export const KNOWN_ACTIONS = [
  'consortium.found',
  'consortium.activate',
  'membership.invite',
  'membership.accept',
  'membership.decline',
  'membership.withdraw',
  'scenario.create',
  'scenario.update',
  'ticket.raise',
  'ticket.triage',
  'ticket.assign',
  'ticket.transition',
  'ticket.comment.add',
  'dataset.register',
  'dataset.update',
  'dataset.access',
  'dataset.access.refused',
  'dataAccessRequest.submit',
  'dataAccessRequest.review',
  'dataAccessRequest.withdraw',
  'contract.draft',
  'contract.edit',
  'contract.agree',
  'contract.sign',
  'kpiReport.submit',
  'kpiReport.verify',
  'kpiReport.dispute',
  'milestone.create',
  'milestone.achieved',
  'milestone.missed',
] as const;

interface Values {
  action?: string;
  actorUserId?: string;
  subjectType?: string;
  subjectId?: string;
}

/** Filters of the audit trail; applying writes them to `onChange` (the page keeps them in the URL). */
export function AuditFilterBar({
  value,
  onChange,
  actors,
}: {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  actors: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation('audit');
  const [form] = Form.useForm<Values>();
  const key = JSON.stringify(value);
  useEffect(() => {
    // The URL is the truth: back/forward or a shared link shows its filters in the form.
    form.resetFields();
    form.setFieldsValue({
      action: undefined,
      actorUserId: undefined,
      subjectType: undefined,
      subjectId: undefined,
      ...value,
    });
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Form
      form={form}
      layout="inline"
      aria-label={t('filters.label')}
      onFinish={(values) => onChange(normalizeFilters(values))}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item name="action" label={t('filters.action')}>
        <AutoComplete
          style={{ width: 220 }}
          allowClear
          placeholder={t('filters.actionPlaceholder')}
          options={KNOWN_ACTIONS.map((action) => ({ value: action }))}
          showSearch={{
            filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()),
          }}
        />
      </Form.Item>
      <Form.Item name="actorUserId" label={t('filters.actor')}>
        <Select
          style={{ width: 180 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filters.actorPlaceholder')}
          options={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
        />
      </Form.Item>
      <Form.Item name="subjectType" label={t('filters.subjectType')}>
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder={t('filters.subjectTypePlaceholder')}
          options={SUBJECT_TYPES.map((type) => ({ value: type, label: t(`subjectType.${type}`) }))}
        />
      </Form.Item>
      <Form.Item name="subjectId" label={t('filters.subjectId')}>
        <Input style={{ width: 200 }} allowClear placeholder={t('filters.subjectIdPlaceholder')} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('filters.apply')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('filters.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
