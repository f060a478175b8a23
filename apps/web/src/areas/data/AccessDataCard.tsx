import { Alert, Button, Card, Descriptions, Form, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { Purpose } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { useConsortiumId } from '../../layout/consortium';
import { DataAccessDatasetMutation } from './data.queries';
import { PURPOSES } from './enums';

/**
 * "Access data": asks the API for the storage location under a live contract, for a purpose.
 * The API records every attempt; a refusal comes back in words (no contract, wrong purpose, …).
 */
export function AccessDataCard({ datasetId, offered }: { datasetId: string; offered: readonly Purpose[] }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const consortiumId = useConsortiumId();
  const [purpose, setPurpose] = useState<Purpose>(offered[0] ?? 'RESEARCH');
  const [{ data, error, fetching }, access] = useMutation(DataAccessDatasetMutation);
  const problem = toApiProblem(error);
  const grant = data?.accessDataset;
  return (
    <Card title={t('access.title')} size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" onFinish={() => void access({ datasetId, purpose })}>
        <Form.Item label={t('access.purpose')} htmlFor="access-purpose">
          <Select
            id="access-purpose"
            value={purpose}
            onChange={(p: Purpose) => setPurpose(p)}
            options={PURPOSES.map((p) => ({ value: p, label: t(`enums.Purpose.${p}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={fetching}>
            {t('access.button')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('access.hint')}
      </Typography.Paragraph>
      {problem ? (
        <>
          {problem.code === 'FORBIDDEN' ? (
            <Typography.Paragraph data-testid="access-refused">{t('access.refused')}</Typography.Paragraph>
          ) : null}
          <ApiErrorAlert problem={problem} />
        </>
      ) : null}
      {grant && !problem ? (
        <Alert
          type="success"
          showIcon
          title={t('access.granted')}
          description={
            <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
              <Descriptions.Item label={t('access.storageLocation')}>
                <Typography.Text code copyable>
                  {grant.storageLocation}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('access.validUntil')}>
                {format.dateTime(grant.validUntil)}
              </Descriptions.Item>
              <Descriptions.Item label={t('access.modalities')}>
                <Space size={[0, 4]} wrap>
                  {grant.modalities.map((m) => (
                    <Tag key={m}>{t(`enums.DataModality.${m}`)}</Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              {grant.excludedModalities.length ? (
                <Descriptions.Item label={t('access.excluded')}>
                  {grant.excludedModalities.map((m) => t(`enums.DataModality.${m}`)).join(t('listSeparator'))}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('access.checksum')}>{grant.checksum || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('access.contract')}>
                <Link to={`/c/${consortiumId}/contracts/${grant.contractId}`}>
                  {grant.contractId.slice(0, 8)}
                </Link>
              </Descriptions.Item>
            </Descriptions>
          }
        />
      ) : null}
    </Card>
  );
}
