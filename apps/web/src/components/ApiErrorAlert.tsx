import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/errors';

/**
 * An API failure in words a person understands (the code, in their language), with the server's
 * own sentence as the detail. Place it next to what caused it.
 */
export function ApiErrorAlert({
  problem,
  onRetry,
}: {
  problem: ApiProblem | undefined;
  onRetry?: () => void;
}) {
  const { t } = useTranslation('errors');
  const { t: tc } = useTranslation();
  if (!problem) return null;
  const showDetail = problem.code !== 'INTERNAL_SERVER_ERROR' && problem.code !== 'NETWORK';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t(problem.code, { requestId: problem.requestId ?? '—' })}
      description={showDetail ? `${t('detail')}${problem.message}` : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {tc('actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
