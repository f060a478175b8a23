import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function TicketsArea() {
  const { t } = useTranslation('tickets');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
