import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function PortfolioArea() {
  const { t } = useTranslation('milestones');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
