import { readFileSync } from 'node:fs';
import { importJWK, SignJWT, type JWK } from 'jose';
import { DEMO_PASSWORD, DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { accountIdFor } from '../../../apps/dev-idp/src/accounts';
import { followLogin } from '../../support/browserless-login';
import { browserSession, startBrowserLogin } from '../../support/browser-session';
import { accessTokenFor, TEST_AUDIENCE, testIssuer } from '../../support/sign-in';
import { startTestApp, type TestApp } from '../../support/test-app';
import { usesPostgresServer } from '../../support/test-database';

const ENGINEER = 'zhang.min@jiading-auto.example';
const ME = '{ me { email name roles platformAdmin organization { name kind } } }';

describe('sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function rows(table: string): Promise<number> {
    const [row] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    return row!.n;
  }

  /** Runs the browser flow up to the callback, without calling it. */
  async function pendingCallback(email = ENGINEER) {
    const login = await startBrowserLogin(t);
    const callback = await followLogin(
      login.authorizationUrl.href,
      { email, password: DEMO_PASSWORD },
      {
        stopAt: (u) => u.pathname === '/auth/callback',
      },
    );
    return { login, callback };
  }

  function callAuthCallback(callback: URL, cookie?: string) {
    return t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: cookie ? { cookie } : {},
    });
  }

  describe('in a browser (authorization code + PKCE, session cookie)', () => {
    it("provisions an invited person on first sign-in with the invitation's organisation and roles", async () => {
      const cookie = await browserSession(t, ENGINEER);
      const me = await t.graphql(ME, undefined, { cookie });
      expect(me.data).toEqual({
        me: {
          email: ENGINEER,
          name: 'Zhang Min',
          roles: ['ENGINEER'],
          platformAdmin: false,
          organization: { name: 'Shanghai Jiading Auto Body Works', kind: 'SCENARIO_USER' },
        },
      });
      const [invitation] = await t.dataSource.query<{ status: string }[]>(
        `SELECT status FROM invitation WHERE email = $1`,
        [ENGINEER],
      );
      expect(invitation?.status).toBe('ACCEPTED');
    });

    it('sets an httpOnly, SameSite session cookie and redirects to a local returnTo only', async () => {
      const login = await startBrowserLogin(t, 'https://evil.example/steal');
      const callback = await followLogin(
        login.authorizationUrl.href,
        { email: ENGINEER, password: DEMO_PASSWORD },
        {
          stopAt: (u) => u.pathname === '/auth/callback',
        },
      );
      const response = await callAuthCallback(callback, login.loginCookie);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/');
      const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join('\n');
      expect(setCookie).toMatch(/tetrad_session=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    });

    it('refuses a cookie-authenticated GraphQL request without the CSRF header or from a foreign origin', async () => {
      const cookie = await browserSession(t, ENGINEER);
      const noHeader = await t.graphql(ME, undefined, { cookie, csrf: false });
      expect(noHeader.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(noHeader.errors?.[0]?.message).toContain('x-tetrad-csrf');
      const foreign = await t.graphql(ME, undefined, { cookie, headers: { origin: 'https://evil.example' } });
      expect(foreign.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    });

    it("logs out: the session stops working and the browser goes on to the issuer's end-session endpoint", async () => {
      const cookie = await browserSession(t, ENGINEER);
      const response = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie } });
      expect(response.statusCode).toBe(302);
      const location = new URL(String(response.headers.location));
      expect(location.href.startsWith(testIssuer())).toBe(true);
      expect(location.searchParams.get('id_token_hint')).toBeTruthy();
      expect(location.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:3000/');
      const after = await t.graphql(ME, undefined, { cookie });
      expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(after.errors?.[0]?.message).toContain('expired or was signed out');
    });

    it('ends a session when it expires', async () => {
      const cookie = await browserSession(t, ENGINEER);
      await t.dataSource.query(`UPDATE session SET expires_at = now() - interval '1 second'`);
      const after = await t.graphql(ME, undefined, { cookie });
      expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a callback whose state is not the one this browser started with', async () => {
      const sessions = await rows('session');
      const { login, callback } = await pendingCallback();
      callback.searchParams.set('state', 'forged-state');
      const response = await callAuthCallback(callback, login.loginCookie);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(await rows('session')).toBe(sessions);
    });

    it("refuses a callback without the browser's login cookie (no PKCE verifier to send)", async () => {
      const sessions = await rows('session');
      const { callback } = await pendingCallback();
      const response = await callAuthCallback(callback);
      expect(response.statusCode).toBe(401);
      expect(await rows('session')).toBe(sessions);
    });

    it('refuses an ID token whose nonce is not the one sent', async () => {
      const sessions = await rows('session');
      const { login, callback } = await pendingCallback();
      await t.dataSource.query(`UPDATE login_attempt SET nonce = 'another-nonce'`);
      const response = await callAuthCallback(callback, login.loginCookie);
      expect(response.statusCode).toBe(401);
      expect(response.json().message).toMatch(/sign-in/i);
      expect(await rows('session')).toBe(sessions);
    });

    it('refuses a code exchanged with the wrong PKCE verifier', async () => {
      const sessions = await rows('session');
      const { login, callback } = await pendingCallback();
      await t.dataSource.query(`UPDATE login_attempt SET code_verifier = $1`, ['x'.repeat(64)]);
      const response = await callAuthCallback(callback, login.loginCookie);
      expect(response.statusCode).toBe(401);
      expect(await rows('session')).toBe(sessions);
    });

    it('refuses a replayed authorization code', async () => {
      const { login, callback } = await pendingCallback();
      expect((await callAuthCallback(callback, login.loginCookie)).statusCode).toBe(302);
      const sessions = await rows('session');
      const replay = await callAuthCallback(callback, login.loginCookie);
      expect(replay.statusCode).toBe(401);
      expect(await rows('session')).toBe(sessions);
    });

    it('answers a person without an invitation with a clear "not invited", creating no account', async () => {
      const users = await rows('user');
      const { login, callback } = await pendingCallback('outsider@example.com');
      const response = await callAuthCallback(callback, login.loginCookie);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(response.json().message).toContain('outsider@example.com has no invitation');
      expect(await rows('user')).toBe(users);
    });

    it('refuses an email the identity provider has not verified, even with an invitation', async () => {
      const { login, callback } = await pendingCallback('unverified@example.com');
      const response = await callAuthCallback(callback, login.loginCookie);
      expect(response.statusCode).toBe(403);
      expect(response.json().message).toContain('not verified your email');
    });
  });

  describe('with bearer access tokens from the issuer', () => {
    const keys = (): JWK[] =>
      (JSON.parse(readFileSync(process.env['TEST_OIDC_KEYS_FILE']!, 'utf8')) as { keys: JWK[] }).keys;

    async function forge(
      overrides: { payload?: Record<string, unknown>; header?: Record<string, unknown>; kid?: string } = {},
    ): Promise<string> {
      const jwk = keys().find((key) => key.kty === 'RSA')!;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: testIssuer(),
        sub: accountIdFor(DEMO_PLATFORM_ADMIN_EMAIL),
        aud: TEST_AUDIENCE,
        iat: now - 10,
        exp: now + 300,
        email: DEMO_PLATFORM_ADMIN_EMAIL,
        email_verified: true,
        client_id: 'tetrad-cli',
        scope: 'openid email profile',
        ...overrides.payload,
      })
        .setProtectedHeader({
          alg: 'RS256',
          typ: 'at+jwt',
          kid: overrides.kid ?? jwk.kid!,
          ...overrides.header,
        })
        .sign(await importJWK(jwk, 'RS256'));
    }

    async function refused(token: string, words: RegExp): Promise<void> {
      const response = await t.graphql(ME, undefined, { bearer: token });
      expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toMatch(words);
      expect(response.data ?? null).toBeNull();
    }

    it('accepts a real token from the issuer and one signed like it (the control case)', async () => {
      const real = await t.graphql(ME, undefined, {
        bearer: await accessTokenFor(DEMO_PLATFORM_ADMIN_EMAIL),
      });
      expect(real.data).toMatchObject({ me: { email: DEMO_PLATFORM_ADMIN_EMAIL, platformAdmin: true } });
      const forged = await t.graphql(ME, undefined, { bearer: await forge() });
      expect(forged.data).toMatchObject({ me: { email: DEMO_PLATFORM_ADMIN_EMAIL } });
    });

    it('refuses an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      await refused(await forge({ payload: { exp: now - 120, iat: now - 600 } }), /expired/);
    });

    it('refuses a token for another audience', async () => {
      await refused(await forge({ payload: { aud: 'urn:another:api' } }), /"aud" claim/);
    });

    it('refuses a token from another issuer', async () => {
      await refused(await forge({ payload: { iss: 'https://evil.example' } }), /"iss" claim/);
    });

    it('refuses a token that is not an access token (wrong typ)', async () => {
      await refused(await forge({ header: { typ: 'JWT' } }), /not a valid access token|"typ"/);
    });

    it('refuses an unsigned token (alg: none)', async () => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const token = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({
        iss: testIssuer(),
        sub: accountIdFor(DEMO_PLATFORM_ADMIN_EMAIL),
        aud: TEST_AUDIENCE,
        exp: now + 300,
      })}.`;
      await refused(token, /refused/);
    });

    it('refuses an HMAC-signed token, even keyed with the public key material', async () => {
      const jwk = keys().find((key) => key.kty === 'RSA')!;
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ email: DEMO_PLATFORM_ADMIN_EMAIL })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: jwk.kid! })
        .setIssuer(testIssuer())
        .setSubject(accountIdFor(DEMO_PLATFORM_ADMIN_EMAIL))
        .setAudience(TEST_AUDIENCE)
        .setExpirationTime(now + 300)
        .sign(new TextEncoder().encode(jwk.n));
      await refused(token, /asymmetric algorithm/);
    });

    it('refuses a token signed with a key the issuer does not publish (unknown kid)', async () => {
      await refused(await forge({ kid: 'not-a-published-key' }), /key the issuer does not publish/);
    });

    it('refuses a token with a bad signature', async () => {
      const token = await forge();
      const [header, payload] = token.split('.');
      await refused(`${header}.${payload}.${'A'.repeat(342)}`, /signature|refused/);
    });

    it('refuses even a public operation when the credentials are bad, and writes nothing', async () => {
      const users = await rows('user');
      const response = await t.graphql('{ __typename }', undefined, { bearer: 'not-a-token' });
      expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(await rows('user')).toBe(users);
    });
  });

  it('answers an anonymous request for a protected query with UNAUTHENTICATED saying how to sign in', async () => {
    const response = await t.graphql(ME);
    expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toContain('/auth/login');
  });

  // A PGlite folder belongs to one process, so this needs the PostgreSQL server (CI sets it).
  (usesPostgresServer ? it : it.skip)(
    'shares sessions between API instances on the same database',
    async () => {
      const cookie = await browserSession(t, ENGINEER);
      const other = await startTestApp({ DATABASE_URL: t.database.url! });
      try {
        const me = await other.graphql<{ me: { email: string } }>(ME, undefined, { cookie });
        expect(me.data?.me.email).toBe(ENGINEER);
      } finally {
        await other.close();
      }
    },
  );
});
