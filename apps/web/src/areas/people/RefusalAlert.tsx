import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { toApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { refusalOf, type Refusal } from './people';

/** A refusal in the person's words: what the rule is and what to do instead; other errors as usual. */
export function RefusalAlert({
  error,
  refusal,
}: {
  error?: CombinedError | undefined;
  /** A refusal the page foresees before asking the API. */
  refusal?: Refusal | null;
}) {
  const { t } = useTranslation('people');
  const known = refusal ?? refusalOf(error);
  if (known) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 16 }}
        title={t(`refusal.${known}`)}
        data-testid="people-refusal"
      />
    );
  }
  return <ApiErrorAlert problem={toApiProblem(error)} />;
}
