import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function DataArea() {
  const { t } = useTranslation('data');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
