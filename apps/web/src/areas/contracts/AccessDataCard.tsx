import { Button, Card, Descriptions, Form, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { Purpose } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { ContractsAccessDocument } from './operations';
import type { Terms } from './terms';

/** The recipient's researcher or engineer reads a dataset's location under the live contract. */
export function AccessDataCard({
  terms,
  datasetName,
}: {
  terms: Terms;
  datasetName: (id: string) => string;
}) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const [form] = Form.useForm<{ datasetId: string; purpose: Purpose }>();
  const [state, access] = useMutation(ContractsAccessDocument);
  const grant = state.data?.accessDataset;
  const submit = async (values: { datasetId: string; purpose: Purpose }) => {
    await access(values);
  };
  const tagList = (values: readonly Terms['excludedModalities'][number][]) =>
    values.length === 0 ? (
      t('contract.none')
    ) : (
      <Space size={[4, 4]} wrap>
        {values.map((value) => (
          <Tag key={value}>{t(`modality.${value}`)}</Tag>
        ))}
      </Space>
    );

  return (
    <Card title={t('access.title')} size="small">
      <Typography.Paragraph type="secondary">{t('access.lead')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ datasetId: terms.datasetIds[0], purpose: terms.purposes[0] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="datasetId"
          label={t('access.dataset')}
          rules={[{ required: true, message: t('access.required') }]}
        >
          <Select options={terms.datasetIds.map((id) => ({ value: id, label: datasetName(id) }))} />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('access.purpose')}
          rules={[{ required: true, message: t('access.required') }]}
        >
          <Select options={terms.purposes.map((value) => ({ value, label: t(`purpose.${value}`) }))} />
        </Form.Item>
        <ApiErrorAlert problem={toApiProblem(state.error)} />
        <Button type="primary" htmlType="submit" loading={state.fetching}>
          {t('access.submit')}
        </Button>
      </Form>
      {grant ? (
        <Descriptions
          title={t('access.result')}
          size="small"
          column={1}
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'location',
              label: t('access.storageLocation'),
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {grant.storageLocation}
                </Typography.Text>
              ),
            },
            { key: 'purpose', label: t('access.purpose'), children: t(`purpose.${grant.purpose}`) },
            { key: 'checksum', label: t('access.checksum'), children: grant.checksum || '—' },
            { key: 'modalities', label: t('access.modalities'), children: tagList(grant.modalities) },
            {
              key: 'excluded',
              label: t('access.excludedModalities'),
              children: tagList(grant.excludedModalities),
            },
            { key: 'validUntil', label: t('access.validUntil'), children: format.dateTime(grant.validUntil) },
            {
              key: 'manifest',
              label: t('access.manifest'),
              children: (
                <pre
                  style={{
                    maxHeight: 240,
                    overflow: 'auto',
                    margin: 0,
                    fontSize: 12,
                    whiteSpace: 'pre-wrap',
                  }}
                >
                  {JSON.stringify(grant.manifest, null, 2)}
                </pre>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
