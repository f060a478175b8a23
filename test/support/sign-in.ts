import * as oidc from 'openid-client';
import { DEMO_PASSWORD } from '@tetrad/demo-data';
import { followLogin } from './browserless-login';
import type { TestApp } from './test-app';

export const TEST_AUDIENCE = 'urn:tetrad:api';
const CLI_CLIENT = 'tetrad-cli';
const CLI_REDIRECT = 'http://127.0.0.1/cli-callback';

export function testIssuer(): string {
  const issuer = process.env['TEST_OIDC_ISSUER'];
  if (!issuer)
    throw new Error('TEST_OIDC_ISSUER is not set: the Jest global setup starts the identity provider.');
  return issuer;
}

const tokens = new Map<string, Promise<string>>();

/** A real access token for a demo person: authorization code + PKCE as the public CLI client. */
export function accessTokenFor(email: string, password = DEMO_PASSWORD): Promise<string> {
  const key = `${email}\n${password}`;
  let token = tokens.get(key);
  if (!token) {
    token = obtainAccessToken(email, password);
    tokens.set(key, token);
    token.catch(() => tokens.delete(key));
  }
  return token;
}

async function obtainAccessToken(email: string, password: string): Promise<string> {
  const config = await oidc.discovery(new URL(testIssuer()), CLI_CLIENT, undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
  const pkceCodeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CLI_REDIRECT,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    state,
    resource: TEST_AUDIENCE,
  });
  const callback = await followLogin(
    url.href,
    { email, password },
    { stopAt: (u) => u.href.startsWith(CLI_REDIRECT) },
  );
  const result = await oidc.authorizationCodeGrant(
    config,
    callback,
    { pkceCodeVerifier, expectedState: state },
    {
      resource: TEST_AUDIENCE,
    },
  );
  return result.access_token;
}

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

export function cookieFrom(header: string | string[] | undefined, name: string): string {
  const list = Array.isArray(header) ? header : header ? [header] : [];
  const found = list.find((cookie) => cookie.startsWith(`${name}=`) && !cookie.startsWith(`${name}=;`));
  if (!found) throw new Error(`no ${name} cookie in ${JSON.stringify(list)}`);
  return found.split(';')[0]!;
}
