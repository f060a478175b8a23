import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** The only page without a session: one way in, through the API's OIDC flow. */
export function SignInPage() {
  const { t } = useTranslation();
  const returnTo = `${window.location.pathname}${window.location.search}`;
  return (
    <main className="tetrad-signin">
      <Card style={{ maxWidth: 520, margin: '12vh auto' }}>
        <Typography.Title level={1} style={{ fontSize: 28 }}>
          {t('signIn.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('signIn.lead')}</Typography.Paragraph>
        <Button type="primary" size="large" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
          {t('signIn.button')}
        </Button>
        <div style={{ marginTop: 24 }}>
          <LanguageSwitch />
        </div>
      </Card>
    </main>
  );
}
