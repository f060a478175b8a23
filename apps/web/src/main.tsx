import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { Provider } from 'urql';
import { createApiClient } from './api/client';
import { App } from './App';
import { SessionGate } from './auth/session';
import { SignInPage } from './auth/SignInPage';
import { startI18n } from './i18n/i18n';
import './styles.css';
import { THEME } from './theme';

function Root() {
  const { i18n } = useTranslation();
  const [signedOut, setSignedOut] = useState(false);
  const { client } = useMemo(() => createApiClient(() => setSignedOut(true)), []);
  const english = i18n.language === 'en';
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <Provider value={client}>
          {signedOut ? (
            <SignInPage />
          ) : (
            <BrowserRouter>
              <SessionGate>
                <App />
              </SessionGate>
            </BrowserRouter>
          )}
        </Provider>
      </AntApp>
    </ConfigProvider>
  );
}

void startI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
});
