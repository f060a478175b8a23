import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** A small "live" mark: changes by other members arrive by themselves while it is green. */
export function LiveIndicator({ live }: { live: boolean }) {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  return (
    <Tooltip title={live ? t('live.hint') : tc('states.offline')}>
      <span role="status" aria-live="polite" data-testid="tickets-live">
        <Badge status={live ? 'processing' : 'warning'} text={live ? t('live.on') : tc('states.offline')} />
      </span>
    </Tooltip>
  );
}
