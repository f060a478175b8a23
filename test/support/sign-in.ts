import * as oidc from 'openid-client';
import { DEMO_PASSWORD } from '@tetrad/demo-data';
import { followLogin } from './browserless-login';

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
    // One retry: the provider, shared by parallel test files, can drop a request under load.
    token = obtainAccessToken(email, password).catch(() => obtainAccessToken(email, password));
    tokens.set(key, token);
    token.catch(() => tokens.delete(key));
  }
  return token;
}

/** A fresh access token (never cached) from the given issuer, by default the shared one. */
export async function obtainAccessToken(
  email: string,
  password = DEMO_PASSWORD,
  issuer = testIssuer(),
): Promise<string> {
  const config = await oidc.discovery(new URL(issuer), CLI_CLIENT, undefined, oidc.None(), {
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

export function cookieFrom(header: string | string[] | undefined, name: string): string {
  const list = Array.isArray(header) ? header : header ? [header] : [];
  const found = list.find((cookie) => cookie.startsWith(`${name}=`) && !cookie.startsWith(`${name}=;`));
  if (!found) throw new Error(`no ${name} cookie in ${JSON.stringify(list)}`);
  return found.split(';')[0]!;
}
