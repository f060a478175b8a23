import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseShape } from './dataset-form';
import { MODALITIES } from './enums';

/** The features list (LeRobot info.json style): key, modality, dtype, shape, rate. */
export function FeaturesField() {
  const { t } = useTranslation('data');
  return (
    <Form.List name="features">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item
                name={[field.name, 'key']}
                label={t('form.featureKey')}
                rules={[
                  { required: true, message: t('form.required', { field: t('form.featureKey') }) },
                  { pattern: /^[a-z][a-z0-9_.]{0,99}$/, message: t('form.keyPattern') },
                ]}
              >
                <Input placeholder="observation.images.wrist" style={{ width: 220 }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'modality']}
                label={t('form.featureModality')}
                rules={[
                  { required: true, message: t('form.required', { field: t('form.featureModality') }) },
                ]}
              >
                <Select
                  style={{ width: 140 }}
                  options={MODALITIES.map((m) => ({ value: m, label: t(`enums.DataModality.${m}`) }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'dtype']}
                label={t('form.featureDtype')}
                rules={[{ required: true, message: t('form.required', { field: t('form.featureDtype') }) }]}
              >
                <Input placeholder="float32" style={{ width: 110 }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'shape']}
                label={t('form.featureShape')}
                tooltip={t('form.featureShapeHelp')}
                rules={[
                  {
                    validator: (_, value: string | undefined) =>
                      parseShape(value ?? '')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('form.shapePattern'))),
                  },
                ]}
              >
                <Input placeholder="480,640,3" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'rateHz']} label={t('form.featureRate')}>
                <InputNumber min={0} style={{ width: 100 }} />
              </Form.Item>
              <Button
                aria-label={t('form.removeFeature', { index: index + 1 })}
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ key: '', dtype: 'float32', shape: '', rateHz: null })}
          >
            {t('form.addFeature')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
