import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function MyWorkPage() {
  const { t } = useTranslation('mywork');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
