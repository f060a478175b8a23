import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFormat } from '../../i18n/i18n';
import { AuditVerifyDocument } from './queries';

/** The result of recomputing the whole hash chain, and a button to recompute it now. */
export function ChainVerification() {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const [{ data, error, fetching }, verify] = useQuery({
    query: AuditVerifyDocument,
    requestPolicy: 'network-only',
  });
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
        <Button
          icon={<ReloadOutlined />}
          loading={fetching}
          onClick={() => verify({ requestPolicy: 'network-only' })}
        >
          {t('verify.again')}
        </Button>
      }
    >
      <ApiErrorAlert problem={toApiProblem(error)} />
      <div aria-live="polite">
        {fetching && !result ? (
          <Typography.Text type="secondary">{t('verify.running')}</Typography.Text>
        ) : null}
        {result?.valid ? (
          <Alert type="success" showIcon title={t('verify.valid', { count: result.checkedEntries })} />
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
                {problem ? (
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
