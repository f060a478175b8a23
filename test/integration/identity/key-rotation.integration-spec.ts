import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { ISSUER_KEY_SET_DEFAULTS } from '@tetrad/core';
import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { startDevIdp, type RunningDevIdp } from '../../../apps/dev-idp/src/dev-idp';
import { retireOldKeys, rotateKeys } from '../../../apps/dev-idp/src/keys';
import { browserSession } from '../../support/browser-session';
import { obtainAccessToken } from '../../support/sign-in';
import { startTestApp, type TestApp } from '../../support/test-app';

const ENGINEER = 'zhang.min@jiading-auto.example';
const ME = '{ me { email } }';
/** Every timer stays real; only the date moves, when the test says so. */
const ONLY_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * A signing-key rotation at the issuer while one Tetrad keeps running: this file has its own
 * issuer (the bundled provider, in process, with its own keys file), so the shared one is untouched.
 */
describe('signing-key rotation at the issuer', () => {
  let dir: string;
  let keysFile: string;
  let idp: RunningDevIdp;
  let port: number;
  let t: TestApp;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tetrad-rotation-'));
    keysFile = join(dir, 'jwks.json');
    idp = await startDevIdp({ port: 0, host: '127.0.0.1', keysFile });
    port = Number(new URL(idp.issuer).port);
    t = await startTestApp({ OIDC_ISSUER: idp.issuer });
  });

  afterAll(async () => {
    jest.useRealTimers();
    await t?.close();
    await idp?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const signIn = (email = DEMO_PLATFORM_ADMIN_EMAIL) => obtainAccessToken(email, undefined, idp.issuer);
  const kid = (token: string) => decodeProtectedHeader(token).kid;

  async function meWith(bearer: string) {
    return t.graphql<{ me: { email: string } }>(ME, undefined, { bearer });
  }

  async function expectAccepted(bearer: string) {
    const response = await meWith(bearer);
    expect(response.errors).toBeUndefined();
    expect(response.data?.me.email).toBe(DEMO_PLATFORM_ADMIN_EMAIL);
  }

  it('accepts a token signed with the key in use (token A)', async () => {
    tokenA = await signIn();
    expect(kid(tokenA)).toEqual(expect.any(String));
    await expectAccepted(tokenA);
  });

  it('after a rotation, accepts a token signed by the new key at once, without restarting Tetrad', async () => {
    const { added, kept } = await rotateKeys(keysFile);
    await idp.reloadKeys();
    tokenB = await signIn();
    // Not vacuous: B is signed by the new key, A by one that is now secondary.
    expect(kid(tokenB)).not.toBe(kid(tokenA));
    expect(added).toContain(kid(tokenB));
    expect(kept).toContain(kid(tokenA));
    await expectAccepted(tokenB);
  });

  it('keeps accepting token A while its key is still published', async () => {
    await expectAccepted(tokenA);
  });

  it('signs a person in with a session cookie after the rotation (the ID token is checked against the new key)', async () => {
    const cookie = await browserSession(t, ENGINEER);
    const me = await t.graphql<{ me: { email: string } }>(ME, undefined, { cookie });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.email).toBe(ENGINEER);
  });

  it('once the old key is withdrawn (issuer restarted), refuses token A with UNAUTHENTICATED and keeps accepting token B', async () => {
    const { retired } = await retireOldKeys(keysFile);
    expect(retired).toContain(kid(tokenA));
    await idp.close();
    idp = await startDevIdp({ port, host: '127.0.0.1', keysFile });
    // Tetrad learns of a withdrawal when its cached key set expires: move the date past that.
    jest.useFakeTimers({
      doNotFake: [...ONLY_DATE],
      advanceTimers: true,
      now: Date.now() + ISSUER_KEY_SET_DEFAULTS.maxAgeMs + 1000,
    });

    const refused = await meWith(tokenA);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0]?.message).toMatch(
      /^The bearer token was refused: it is signed with a key the issuer does not publish.*sign in again/,
    );
    await expectAccepted(tokenB);
    // A new sign-in still gets the current key, and a browser session still works.
    expect(kid(await signIn())).toBe(kid(tokenB));
    const cookie = await browserSession(t, ENGINEER);
    const me = await t.graphql<{ me: { email: string } }>(ME, undefined, { cookie });
    expect(me.data?.me.email).toBe(ENGINEER);
  });
});
