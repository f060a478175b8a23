import { DEMO_PASSWORD } from '@tetrad/demo-data';
import { followLogin } from './browserless-login';
import { cookieFrom } from './sign-in';
import type { TestApp } from './test-app';

export interface BrowserLogin {
  /** Where /auth/login sent the browser (the issuer's authorization endpoint). */
  authorizationUrl: URL;
  /** The tetrad_login cookie binding the attempt to this browser. */
  loginCookie: string;
}

export async function startBrowserLogin(t: TestApp, returnTo?: string): Promise<BrowserLogin> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/auth/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  });
  if (response.statusCode !== 302)
    throw new Error(`/auth/login answered ${response.statusCode}: ${response.body}`);
  return {
    authorizationUrl: new URL(String(response.headers.location)),
    loginCookie: cookieFrom(response.headers['set-cookie'], 'tetrad_login'),
  };
}

/** Signs in through the real browser flow; returns the session cookie ("tetrad_session=..."). */
export async function browserSession(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<string> {
  const login = await startBrowserLogin(t);
  const callback = await followLogin(
    login.authorizationUrl.href,
    { email, password },
    {
      stopAt: (u) => u.pathname === '/auth/callback',
    },
  );
  const response = await t.app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: login.loginCookie },
  });
  if (response.statusCode !== 302)
    throw new Error(`/auth/callback answered ${response.statusCode}: ${response.body}`);
  return cookieFrom(response.headers['set-cookie'], 'tetrad_session');
}
