import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery, type CombinedError } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFormat } from '../../i18n/i18n';
import { AuditCheckpointsDocument, AuditVerifyDocument } from './queries';

/**
 * The verification of the consortium's own chain against its signed checkpoints, a button to
 * verify again, and one to download the latest checkpoint to keep (`verifyAuditChain(checkpoints:)`
 * and `npm run audit:verify -- --checkpoints` check the chain against it later).
 */
export function ChainVerification({ consortiumId }: { consortiumId: string }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const client = useClient();
  const [{ data, error, fetching }, verify] = useQuery({
    query: AuditVerifyDocument,
    variables: { consortiumId },
    requestPolicy: 'network-only',
  });
  const [downloadError, setDownloadError] = useState<CombinedError | undefined>();
  const download = async () => {
    const result = await client.query(
      AuditCheckpointsDocument,
      { consortiumId },
      { requestPolicy: 'network-only' },
    );
    setDownloadError(result.error);
    if (!result.data) return;
    const blob = new Blob([JSON.stringify(result.data.auditCheckpoints, null, 2)], {
      type: 'application/json',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `audit-checkpoints-${consortiumId}-${result.data.auditCheckpoints.length}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const [checkedAt, setCheckedAt] = useState<Date | undefined>();
  useEffect(() => {
    if (data && !fetching) setCheckedAt(new Date());
  }, [data, fetching]);
  const result = data?.verifyAuditChain;
  const problem = result?.firstProblem;

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('verify.title')}
        </Typography.Title>
      }
      extra={
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} onClick={() => void download()}>
            {t('verify.download')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            loading={fetching}
            onClick={() => verify({ requestPolicy: 'network-only' })}
          >
            {t('verify.again')}
          </Button>
        </Flex>
      }
    >
      <ApiErrorAlert problem={toApiProblem(error ?? downloadError)} />
      <div aria-live="polite">
        {fetching && !result ? (
          <Typography.Text type="secondary">{t('verify.running')}</Typography.Text>
        ) : null}
        {result?.valid ? (
          <Alert type="success" showIcon title={t('verify.valid', { count: Number(result.headSeq ?? 0) })} />
        ) : null}
        {result && !result.valid ? (
          <Alert
            type="error"
            showIcon
            title={t('verify.broken', { seq: problem?.seq ?? '—' })}
            description={
              <Flex vertical>
                <span>
                  {t('verify.brokenDetail', {
                    kind: problem ? t(`verify.kind.${problem.kind}`) : '—',
                    count: result.checkedEntries,
                  })}
                </span>
                {problem ? <span>{problem.message}</span> : null}
                {problem?.id ? (
                  <Typography.Text copyable={{ text: problem.id }}>
                    {t('verify.entry', { id: problem.id })}
                  </Typography.Text>
                ) : null}
              </Flex>
            }
          />
        ) : null}
      </div>
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('verify.scope')}</Typography.Text>
        {checkedAt ? (
          <Typography.Text type="secondary">
            {t('verify.checkedAt', { time: format.dateTime(checkedAt) })}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
