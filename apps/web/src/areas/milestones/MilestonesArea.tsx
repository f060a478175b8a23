import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function MilestonesArea() {
  const { t } = useTranslation('milestones');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
