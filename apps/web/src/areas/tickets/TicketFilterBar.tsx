import { Button, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { activeFilterCount, type TicketFilterValues } from './ticket-filter';
import { CATEGORIES, SEVERITIES, STATUSES } from './ticket-meta';
import type { Option } from './useTicketOptions';

export interface FilterBarOptions {
  scenarios: Option[];
  labels: Option[];
  organizations: Option[];
  people: Option[];
}

/**
 * The API's TicketFilter as a form. Choices apply at once; the search applies on Enter, so typing
 * does not send a request per keystroke. `hideStatuses`: the board has a column per status.
 */
export function TicketFilterBar({
  values,
  onChange,
  options,
  hideStatuses = false,
}: {
  values: TicketFilterValues;
  onChange: (values: TicketFilterValues) => void;
  options: FilterBarOptions;
  hideStatuses?: boolean;
}) {
  const { t } = useTranslation('tickets');
  const [form] = Form.useForm<TicketFilterValues>();
  useEffect(() => {
    // The URL is the source of truth (back button, bookmarks): follow it.
    form.resetFields();
    form.setFieldsValue(values);
  }, [form, values]);
  const apply = (changed: Partial<TicketFilterValues>) => {
    const next = { ...values, ...changed };
    if (!next.assigneeOrganizationId) delete next.assigneeUserId;
    onChange(next);
  };
  const multi = (name: 'statuses' | 'severities' | 'categories', list: readonly string[], ns: string) => (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item name={name} label={t(`filter.${name}`)}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('filter.any')}
          options={list.map((v) => ({ value: v, label: t(`${ns}.${v}` as 'status.OPEN') }))}
          onChange={(v: string[]) => apply({ [name]: v })}
        />
      </Form.Item>
    </Col>
  );
  const single = (
    name: 'scenarioId' | 'label' | 'assigneeOrganizationId' | 'assigneeUserId',
    label: string,
    list: Option[],
  ) => (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item name={name} label={label}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filter.any')}
          options={list}
          onChange={(v?: string) => apply({ [name]: v ?? undefined })}
        />
      </Form.Item>
    </Col>
  );
  const count = activeFilterCount(hideStatuses ? { ...values, statuses: [] } : values);
  return (
    <Form form={form} layout="vertical" initialValues={values} role="search" aria-label={t('filter.title')}>
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="search" label={t('filter.search')}>
            <Input.Search
              allowClear
              placeholder={t('filter.searchPlaceholder')}
              onSearch={(search) => apply({ search: search.trim() || undefined })}
            />
          </Form.Item>
        </Col>
        {hideStatuses ? null : multi('statuses', STATUSES, 'status')}
        {multi('severities', SEVERITIES, 'severity')}
        {multi('categories', CATEGORIES, 'category')}
        {single('scenarioId', t('filter.scenario'), options.scenarios)}
        {single('label', t('filter.label'), options.labels)}
        {single('assigneeOrganizationId', t('filter.assigneeOrganization'), options.organizations)}
        {values.assigneeOrganizationId
          ? single('assigneeUserId', t('filter.assigneeUser'), options.people)
          : null}
        <Col xs={12} sm={6} lg={3}>
          <Form.Item name="overdue" label={t('filter.overdue')} valuePropName="checked">
            <Switch onChange={(overdue) => apply({ overdue: overdue || undefined })} />
          </Form.Item>
        </Col>
        {count > 0 ? (
          <Col xs={12} sm={6} lg={3} style={{ display: 'flex', alignItems: 'center' }}>
            <Button
              onClick={() => onChange(hideStatuses && values.statuses ? { statuses: values.statuses } : {})}
            >
              {t('filter.reset', { count })}
            </Button>
          </Col>
        ) : null}
      </Row>
    </Form>
  );
}
