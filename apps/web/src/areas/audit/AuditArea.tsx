import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function AuditArea() {
  const { t } = useTranslation('audit');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
