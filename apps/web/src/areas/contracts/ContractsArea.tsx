import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ContractsArea() {
  const { t } = useTranslation('contracts');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
