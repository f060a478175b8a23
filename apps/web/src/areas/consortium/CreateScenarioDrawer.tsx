import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyFieldProblems } from '../../components/formErrors';
import type { KpiInput, KpiMeasure, Sector } from '../../gql/graphql';
import { ConsortiumCreateScenarioDocument } from './queries';

const SECTORS: readonly Sector[] = [
  'MANUFACTURING',
  'INSPECTION',
  'MAINTENANCE',
  'LOGISTICS',
  'RETAIL',
  'HEALTHCARE',
  'SAFETY_PRODUCTION',
  'EMERGENCY_RESCUE',
  'DISASTER_RELIEF',
];

interface Values {
  name: string;
  sector: Sector;
  site: string;
  unitsDeployed?: number | null;
  targetUnits?: number | null;
  kpis?: KpiInput[];
}

const MEASURES: KpiMeasure[] = [
  'THROUGHPUT_PER_MINUTE',
  'THROUGHPUT_PER_ROBOT_PER_MINUTE',
  'SUCCESS_RATE',
  'INTERVENTIONS_PER_HOUR',
  'RATIO_TO_BASELINE',
  'DECLARED_ONLY',
];

const FIELDS = ['name', 'sector', 'site', 'unitsDeployed', 'targetUnits', 'kpis'];

/** A scenario user's admin or engineer adds a scenario with its KPI definitions. */
export function CreateScenarioDrawer({
  consortiumId,
  onClose,
  onCreated,
}: {
  consortiumId: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation('consortium');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching, error }, create] = useMutation(ConsortiumCreateScenarioDocument);
  const required = [{ required: true, message: t('create.required') }];

  const onFinish = async (values: Values) => {
    const result = await create({
      input: {
        consortiumId,
        name: values.name,
        sector: values.sector,
        site: values.site,
        unitsDeployed: values.unitsDeployed ?? 0,
        targetUnits: values.targetUnits ?? 0,
        kpis: (values.kpis ?? []).map((k) => ({
          ...k,
          humanBaseline: k.humanBaseline ?? null,
          humanBaselineHigh: k.humanBaselineHigh ?? null,
          target: k.target ?? null,
          measure: k.measure ?? null,
        })),
      },
    });
    if (result.error) {
      applyFieldProblems(form, toApiProblem(result.error), FIELDS);
      return;
    }
    void message.success(t('create.created', { name: values.name }));
    onCreated();
    onClose();
  };

  return (
    <Drawer
      open
      size="large"
      title={t('create.title')}
      onClose={onClose}
      extra={
        <Button type="primary" loading={fetching} onClick={() => form.submit()}>
          {t('actions.save', { ns: 'common' })}
        </Button>
      }
    >
      <ApiErrorAlert problem={toApiProblem(error)} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void onFinish(values)}
        initialValues={{ kpis: [] }}
      >
        <Form.Item name="name" label={t('create.name')} rules={required}>
          <Input placeholder={t('create.namePlaceholder')} maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="sector" label={t('create.sector')} rules={required}>
              <Select options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="site" label={t('create.site')} rules={required}>
              <Input placeholder={t('create.sitePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="unitsDeployed" label={t('create.unitsDeployed')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="targetUnits" label={t('create.targetUnits')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="kpis">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('create.kpis')}</legend>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  extra={
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('create.removeKpi')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Row gutter={12}>
                    <Col xs={12} sm={8}>
                      <Form.Item name={[field.name, 'key']} label={t('create.kpiKey')} rules={required}>
                        <Input placeholder="throughput" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={16}>
                      <Form.Item name={[field.name, 'name']} label={t('create.kpiName')} rules={required}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item name={[field.name, 'unit']} label={t('create.kpiUnit')} rules={required}>
                        <Input placeholder="parcels/min" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={16}>
                      <Form.Item
                        name={[field.name, 'direction']}
                        label={t('create.kpiDirection')}
                        rules={required}
                      >
                        <Select
                          options={(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const).map((d) => ({
                            value: d,
                            label: t(`kpi.direction.${d}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item
                        name={[field.name, 'measure']}
                        label={t('create.kpiMeasure')}
                        extra={t('create.kpiMeasureHelp')}
                      >
                        <Select
                          allowClear
                          placeholder={t('create.kpiMeasureByKey')}
                          options={MEASURES.map((m) => ({ value: m, label: t(`kpi.measure.${m}`) }))}
                        />
                      </Form.Item>
                    </Col>
                    {(['humanBaseline', 'humanBaselineHigh', 'target'] as const).map((name) => (
                      <Col xs={8} key={name}>
                        <Form.Item
                          name={[field.name, name]}
                          label={t(
                            name === 'humanBaseline'
                              ? 'create.kpiBaseline'
                              : name === 'humanBaselineHigh'
                                ? 'create.kpiBaselineHigh'
                                : 'create.kpiTarget',
                          )}
                        >
                          <InputNumber style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ direction: 'HIGHER_IS_BETTER' })}
                block
              >
                {t('create.addKpi')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
