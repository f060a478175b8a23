import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ConsortiumArea() {
  const { t } = useTranslation('consortium');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
