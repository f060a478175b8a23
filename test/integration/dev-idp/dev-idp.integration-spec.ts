import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { DEMO_PASSWORD } from '@tetrad/demo-data';
import { accountIdFor } from '../../../apps/dev-idp/src/accounts';
import { startDevIdp, type RunningDevIdp } from '../../../apps/dev-idp/src/dev-idp';
import { CookieJar, followLogin, followLogout, LoginRefusedError } from '../../support/browserless-login';

const AUDIENCE = 'urn:tetrad:api';
const CLI_REDIRECT = 'http://127.0.0.1/cli-callback';
const API_REDIRECT = 'http://localhost:3000/auth/callback';
const API_SECRET = 'tetrad-dev-client-secret';
const LI_WEI = 'li.wei@jiading-auto.example';

describe('bundled development identity provider', () => {
  let dir: string;
  let keysFile: string;
  let idp: RunningDevIdp;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-idp-'));
    keysFile = join(dir, 'keys', 'jwks.json');
    idp = await startDevIdp({ port: 0, host: '127.0.0.1', keysFile });
  });

  afterAll(async () => {
    await idp?.close();
    await rm(dir, { recursive: true, force: true });
  });

  function discover(clientId = 'tetrad-cli', auth = oidc.None()): Promise<oidc.Configuration> {
    return oidc.discovery(new URL(idp.issuer), clientId, undefined, auth, {
      execute: [oidc.allowInsecureRequests],
    });
  }

  /** An authorization request with PKCE and state, as `npm run token` and Tetrad's API make them. */
  async function authorization(config: oidc.Configuration, redirectUri: string) {
    const pkceCodeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
      state,
      resource: AUDIENCE,
    });
    const exchange = (callback: URL) =>
      oidc.authorizationCodeGrant(
        config,
        callback,
        { pkceCodeVerifier, expectedState: state },
        { resource: AUDIENCE },
      );
    return { url, exchange };
  }

  async function cliSignIn(email: string, password = DEMO_PASSWORD, jar?: CookieJar) {
    const config = await discover();
    const { url, exchange } = await authorization(config, CLI_REDIRECT);
    const callback = await followLogin(
      url.href,
      { email, password },
      {
        stopAt: (u) => u.href.startsWith(CLI_REDIRECT),
        jar,
      },
    );
    return { callback, exchange };
  }

  it('publishes a discovery document for its issuer with PKCE S256 and RP-initiated logout', async () => {
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: `${idp.issuer}/jwks`,
      end_session_endpoint: `${idp.issuer}/session/end`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
  });

  it('signs a demo person in as tetrad-cli and issues an RFC 9068 access token for the API carrying the email', async () => {
    const { callback, exchange } = await cliSignIn(LI_WEI);
    expect(callback.searchParams.get('code')).toBeTruthy();
    const tokens = await exchange(callback);

    const header = decodeProtectedHeader(tokens.access_token);
    expect(header).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
    const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/jwks`));
    const { payload } = await jwtVerify(tokens.access_token, jwks, {
      issuer: idp.issuer,
      audience: AUDIENCE,
      typ: 'at+jwt',
      algorithms: ['RS256'],
    });
    expect(payload).toMatchObject({
      sub: accountIdFor(LI_WEI),
      email: LI_WEI,
      email_verified: true,
      client_id: 'tetrad-cli',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(tokens.claims()).toMatchObject({ sub: accountIdFor(LI_WEI), email: LI_WEI, name: 'Li Wei' });
  });

  it('derives a stable subject from the lower-cased email', () => {
    expect(accountIdFor('Li.Wei@Jiading-Auto.example')).toBe(accountIdFor(LI_WEI));
    expect(accountIdFor(LI_WEI)).toMatch(/^[0-9a-f]{24}$/);
    expect(accountIdFor('zhang.min@jiading-auto.example')).not.toBe(accountIdFor(LI_WEI));
  });

  it.each([
    ['a wrong password', LI_WEI, 'not-the-password'],
    ['an email that is not a demo account', 'nobody@jiading-auto.example', DEMO_PASSWORD],
  ])('refuses %s with 401 (LoginRefusedError)', async (_case, email, password) => {
    await expect(cliSignIn(email, password)).rejects.toBeInstanceOf(LoginRefusedError);
  });

  it('refuses a replayed authorization code', async () => {
    const { callback, exchange } = await cliSignIn(LI_WEI);
    await exchange(callback);
    await expect(exchange(callback)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an authorization request without PKCE', async () => {
    const config = await discover();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CLI_REDIRECT,
      scope: 'openid',
      state: 's',
    });
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it.each([
    ['client_secret_basic', oidc.ClientSecretBasic(API_SECRET)],
    ['client_secret_post', oidc.ClientSecretPost(API_SECRET)],
  ])(
    'lets tetrad-api (%s) in by single sign-on with consent granted automatically',
    async (_method, auth) => {
      const jar = new CookieJar();
      await cliSignIn(LI_WEI, DEMO_PASSWORD, jar);
      const { url, exchange } = await authorization(await discover('tetrad-api', auth), API_REDIRECT);
      // A wrong password proves no login form was shown: the session from the first sign-in is used.
      const callback = await followLogin(
        url.href,
        { email: LI_WEI, password: 'unused' },
        {
          stopAt: (u) => u.href.startsWith(API_REDIRECT),
          jar,
        },
      );
      const tokens = await exchange(callback);
      expect(decodeProtectedHeader(tokens.access_token).typ).toBe('at+jwt');
      expect(tokens.claims()?.email).toBe(LI_WEI);
    },
  );

  it('ends the session through a self-submitting logout page and returns to the API', async () => {
    const jar = new CookieJar();
    await cliSignIn(LI_WEI, DEMO_PASSWORD, jar);
    const endSession = new URL(`${idp.issuer}/session/end`);
    endSession.search = new URLSearchParams({
      client_id: 'tetrad-api',
      post_logout_redirect_uri: 'http://localhost:3000/',
      state: 'bye',
    }).toString();
    const landed = await followLogout(endSession.href, {
      stopAt: (u) => u.origin === 'http://localhost:3000',
      jar,
    });
    expect(landed.href).toBe('http://localhost:3000/?state=bye');
    // Signed out: the next sign-in shows the login form again, where a wrong password is refused.
    await expect(cliSignIn(LI_WEI, 'wrong', jar)).rejects.toBeInstanceOf(LoginRefusedError);
  });

  it('keeps its signing keys in a 0600 file and reuses them after a restart', async () => {
    const kids = async () => {
      const response = await fetch(`${idp.issuer}/jwks`);
      const { keys } = (await response.json()) as { keys: { kid: string; kty: string; alg: string }[] };
      return keys.map(({ kid, kty, alg }) => ({ kid, kty, alg }));
    };
    const before = await kids();
    expect(before).toEqual([
      { kid: expect.any(String), kty: 'RSA', alg: 'RS256' },
      { kid: expect.any(String), kty: 'EC', alg: 'ES256' },
    ]);
    expect((await stat(keysFile)).mode & 0o777).toBe(0o600);
    const { callback, exchange } = await cliSignIn(LI_WEI);
    const token = (await exchange(callback)).access_token;
    const port = new URL(idp.issuer).port;
    const fileBefore = await readFile(keysFile, 'utf8');

    await idp.close();
    idp = await startDevIdp({ port: Number(port), host: '127.0.0.1', keysFile });

    expect(await kids()).toEqual(before);
    expect(await readFile(keysFile, 'utf8')).toBe(fileBefore);
    const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/jwks`));
    await expect(jwtVerify(token, jwks, { issuer: idp.issuer, audience: AUDIENCE })).resolves.toBeDefined();
  });
});
