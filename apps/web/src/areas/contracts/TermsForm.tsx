import { Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUTIES, MODALITIES, PROHIBITIONS, PURPOSES } from './terms';

/** The structured terms, as fields of the editor's form (under `terms`). */
export function TermsForm({ datasets }: { datasets: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation('contracts');
  return (
    <>
      <Form.Item name={['terms', 'datasetIds']} label={t('editor.datasets')}>
        <Select
          mode="multiple"
          options={datasets.map((dataset) => ({ value: dataset.id, label: dataset.name }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['terms', 'startsOn']} label={t('editor.startsOn')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['terms', 'endsOn']} label={t('editor.endsOn')}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['terms', 'purposes']} label={t('editor.purposes')}>
        <Checkbox.Group options={PURPOSES.map((value) => ({ value, label: t(`purpose.${value}`) }))} />
      </Form.Item>
      <Form.Item name={['terms', 'prohibitions']} label={t('editor.prohibitions')}>
        <Checkbox.Group
          options={PROHIBITIONS.map((value) => ({ value, label: t(`prohibition.${value}`) }))}
        />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
        <legend style={{ fontSize: 14, marginBottom: 4, border: 0, color: 'inherit' }}>
          {t('editor.duties')}
        </legend>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('editor.dutyDaysHelp')}
        </Typography.Paragraph>
        {DUTIES.map((duty) => (
          <Flex key={duty} gap={16} align="center" wrap>
            <Form.Item
              name={['terms', 'duties', duty, 'enabled']}
              valuePropName="checked"
              style={{ width: 200 }}
            >
              <Checkbox>{t(`duty.${duty}`)}</Checkbox>
            </Form.Item>
            <Form.Item
              name={['terms', 'duties', duty, 'dueInDays']}
              label={t('editor.dueInDays')}
              layout="horizontal"
            >
              <InputNumber
                min={0}
                max={3650}
                precision={0}
                style={{ width: 120 }}
                aria-label={t('editor.dutyDays', { duty: t(`duty.${duty}`) })}
              />
            </Form.Item>
          </Flex>
        ))}
      </fieldset>
      <Form.Item name={['terms', 'excludedModalities']} label={t('editor.excludedModalities')}>
        <Checkbox.Group options={MODALITIES.map((value) => ({ value, label: t(`modality.${value}`) }))} />
      </Form.Item>
    </>
  );
}
