import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, InputNumber, Select, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { defaultComparator, MAX_TARGETS, type TargetValues } from './createMilestone';
import { COMPARATOR_SYMBOL, formatBaseline } from './evaluation';
import type { Kpi } from './useDirectory';

/**
 * The KPI targets of a new milestone: a KPI of the chosen scenario, a comparator and a value, with
 * the scenario's human baseline beside it so the target can be judged against today's pace.
 */
export function TargetsFields({ form, kpis }: { form: FormInstance; kpis: Kpi[] }) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const targets = (Form.useWatch('targets', form) as TargetValues[] | undefined) ?? [];
  const kpiOf = (index: number) => kpis.find((k) => k.key === targets[index]?.kpiKey);
  return (
    <Form.List name="targets">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={12}>
          {fields.map((field, index) => {
            const kpi = kpiOf(index);
            const ratio = kpi?.unit === 'ratio';
            return (
              <Card
                key={field.key}
                size="small"
                type="inner"
                title={t('create.targetN', { n: index + 1 })}
                extra={
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('create.removeTarget', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                }
              >
                <Flex gap={16} wrap>
                  <Form.Item
                    name={[field.name, 'kpiKey']}
                    label={t('milestone.kpi')}
                    required
                    style={{ flex: '2 1 220px', marginBottom: 8 }}
                  >
                    <Select
                      placeholder={kpis.length ? t('create.chooseKpi') : t('create.noKpis')}
                      options={kpis.map((k) => ({ value: k.key, label: k.name }))}
                      onChange={(key: string) =>
                        form.setFieldValue(
                          ['targets', field.name, 'comparator'],
                          defaultComparator(kpis.find((k) => k.key === key)),
                        )
                      }
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'comparator']}
                    label={t('create.comparator')}
                    required
                    style={{ flex: '1 1 120px', marginBottom: 8 }}
                  >
                    <Select
                      options={(['GTE', 'LTE'] as const).map((c) => ({
                        value: c,
                        label: `${COMPARATOR_SYMBOL[c]} ${t(`comparator.${c}`)}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'value']}
                    label={t('milestone.target')}
                    required
                    style={{ flex: '1 1 160px', marginBottom: 8 }}
                  >
                    <InputNumber
                      style={{ width: '100%' }}
                      step={ratio ? 0.1 : 1}
                      suffix={ratio ? '%' : kpi?.unit}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'minOperatingHours']}
                    label={t('create.minHours')}
                    style={{ flex: '1 1 160px', marginBottom: 8 }}
                  >
                    <InputNumber min={0} precision={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Flex>
                <Typography.Text type="secondary" data-testid={`baseline-${index}`}>
                  {t('create.baseline', { value: formatBaseline(kpi, format) })}
                </Typography.Text>
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div>
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_TARGETS}
              onClick={() => add({ comparator: 'GTE' })}
            >
              {t('create.addTarget')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
