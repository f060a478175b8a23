import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  type FormInstance,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { DatasetFormValues } from './dataset-form';
import { FORMATS, MODALITIES, PURPOSES, SENSITIVITIES } from './enums';
import { FeaturesField } from './FeaturesField';

const ANONYMISATION = ['NOT_APPLICABLE', 'NONE', 'PSEUDONYMISED', 'ANONYMISED'] as const;

/** The fields of a dataset, shared by "register" and "edit". */
export function DatasetForm({
  form,
  initialValues,
  onFinish,
  submitting,
  problem,
  submitLabel,
  scenarioField,
  onValuesChange,
}: {
  form: FormInstance<DatasetFormValues>;
  initialValues: DatasetFormValues;
  onFinish: (values: DatasetFormValues) => void;
  submitting: boolean;
  problem: ApiProblem | undefined;
  submitLabel: string;
  scenarioField?: ReactNode;
  onValuesChange?: () => void;
}) {
  const { t } = useTranslation('data');
  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, sm: 12, md: 8 };
  return (
    <Form<DatasetFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      onValuesChange={onValuesChange}
      scrollToFirstError
    >
      <Card title={t('form.basics')} size="small" style={{ marginBottom: 16 }}>
        {scenarioField}
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="name"
              label={t('form.name')}
              rules={[required(t('form.name')), { min: 2, max: 200, message: t('form.nameLength') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="robotType" label={t('form.robotType')} rules={[required(t('form.robotType'))]}>
              <Input placeholder="Walker S" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('form.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item
          name="modalities"
          label={t('form.modalities')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.atLeastOneModality') }]}
        >
          <Checkbox.Group
            options={MODALITIES.map((m) => ({ value: m, label: t(`enums.DataModality.${m}`) }))}
          />
        </Form.Item>
      </Card>
      <Card title={t('form.technical')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item name="format" label={t('form.format')} rules={[required(t('form.format'))]}>
              <Select options={FORMATS.map((f) => ({ value: f, label: t(`enums.DatasetFormat.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="formatVersion" label={t('form.formatVersion')}>
              <Input placeholder="v2.1" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="annotationStandard" label={t('form.annotationStandard')}>
              <Input />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="episodes" label={t('form.episodes')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="hours" label={t('form.hours')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="fps" label={t('form.fps')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="sizeBytes"
              label={t('form.sizeBytes')}
              rules={[{ pattern: /^\d{1,19}$/, message: t('form.sizePattern') }]}
            >
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="checksum" label={t('form.checksum')}>
              <Input placeholder="sha256:…" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="collectionPeriod" label={t('form.collectionPeriod')}>
              <Input placeholder={t('form.collectionPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="storageLocation"
          label={t('form.storageLocation')}
          extra={t('form.storageHelp')}
          rules={[required(t('form.storageLocation'))]}
        >
          <Input placeholder="s3://bucket/path" />
        </Form.Item>
        <Form.Item label={t('form.features')} required={false}>
          <FeaturesField />
        </Form.Item>
      </Card>
      <Card title={t('form.privacy')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item
              name="sensitivity"
              label={t('form.sensitivity')}
              rules={[required(t('form.sensitivity'))]}
            >
              <Select
                options={SENSITIVITIES.map((s) => ({ value: s, label: t(`enums.DatasetSensitivity.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="personalData" label={t('form.personalData')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="anonymisation" label={t('form.anonymisation')}>
              <Select
                options={ANONYMISATION.map((a) => ({ value: a, label: t(`enums.AnonymisationStatus.${a}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="consentBasis" label={t('form.consentBasis')}>
          <Input placeholder={t('form.consentPlaceholder')} />
        </Form.Item>
        <Form.Item name="allowedPurposes" label={t('form.allowedPurposes')}>
          <Checkbox.Group options={PURPOSES.map((p) => ({ value: p, label: t(`enums.Purpose.${p}`) }))} />
        </Form.Item>
      </Card>
      <ApiErrorAlert problem={problem} />
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Form>
  );
}
