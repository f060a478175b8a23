import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataDatasetQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/i18n';
import { scaleBytes } from './bytes';
import { METADATA_FIELDS } from './dataset-form';
import { SENSITIVITY_COLOR } from './enums';

export type DatasetData = DataDatasetQuery['dataset'];

function metadataOf(dataset: DatasetData): Record<string, unknown> {
  const m = dataset.metadata;
  return m && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : {};
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Overview, consent and privacy, and the offer of one dataset. */
export function DatasetDetails({ dataset }: { dataset: DatasetData }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const metadata = metadataOf(dataset);
  const size = scaleBytes(dataset.sizeBytes);
  const others = Object.entries(metadata).filter(
    ([k]) => !(METADATA_FIELDS as readonly string[]).includes(k),
  );
  return (
    <>
      <Card title={t('dataset.overview')} size="small" style={{ marginBottom: 16 }}>
        {dataset.description ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {dataset.description}
          </Typography.Paragraph>
        ) : null}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={t('dataset.owner')}>{dataset.owner.name}</Descriptions.Item>
          <Descriptions.Item label={t('dataset.robotType')}>{dataset.robotType}</Descriptions.Item>
          <Descriptions.Item label={t('dataset.format')}>
            {t(`enums.DatasetFormat.${dataset.format}`)} {dataset.formatVersion}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.modalities')} span={{ xs: 1, sm: 2 }}>
            <Space size={[0, 4]} wrap>
              {dataset.modalities.map((m) => (
                <Tag key={m}>{t(`enums.DataModality.${m}`)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.episodes')}>
            {format.number(dataset.episodes)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.hours')}>{format.number(dataset.hours, 1)}</Descriptions.Item>
          <Descriptions.Item label={t('dataset.fps')}>{format.number(dataset.fps)}</Descriptions.Item>
          <Descriptions.Item label={t('dataset.size')}>
            {format.number(size.value, 1)} {size.unit}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.annotationStandard')}>
            {show(metadata['annotationStandard'])}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.collectionPeriod')}>
            {show(metadata['collectionPeriod'])}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.version')}>{dataset.version}</Descriptions.Item>
          <Descriptions.Item label={t('dataset.updatedAt')}>
            {format.dateTime(dataset.updatedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.checksum')}>
            <Typography.Text style={{ wordBreak: 'break-all' }}>{dataset.checksum || '—'}</Typography.Text>
          </Descriptions.Item>
          {dataset.storageLocation ? (
            <Descriptions.Item label={t('dataset.storageLocation')} span={{ xs: 1, sm: 2 }}>
              <Typography.Text code copyable>
                {dataset.storageLocation}
              </Typography.Text>
            </Descriptions.Item>
          ) : null}
          {others.map(([key, value]) => (
            <Descriptions.Item key={key} label={key}>
              {show(value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card title={t('dataset.consent')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={t('dataset.sensitivity')}>
            <Tag color={SENSITIVITY_COLOR[dataset.sensitivity]}>
              {t(`enums.DatasetSensitivity.${dataset.sensitivity}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.personalData')}>
            {dataset.personalData ? t('dataset.yes') : t('dataset.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.anonymisation')}>
            {t(`enums.AnonymisationStatus.${dataset.anonymisation}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataset.consentBasis')}>
            {show(metadata['consentBasis'])}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('dataset.offer')} size="small" style={{ marginBottom: 16 }}>
        {dataset.allowedPurposes.length ? (
          <Space size={[0, 8]} wrap>
            {dataset.allowedPurposes.map((p) => (
              <Tag key={p} color="blue">
                {t(`enums.Purpose.${p}`)}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('dataset.noOffer')}</Typography.Text>
        )}
      </Card>
    </>
  );
}
