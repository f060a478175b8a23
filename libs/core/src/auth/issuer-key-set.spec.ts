import { errors, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { IssuerKeySet } from './issuer-key-set';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

function tokenSignedBy(key: { kid: string; privateKey: CryptoKey }): Promise<string> {
  return new SignJWT({ sub: 'someone' })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setExpirationTime('1h')
    .sign(key.privateKey);
}

/** A fake issuer (what it publishes, how often it was asked) and a clock that moves only when told. */
function fixture(published: SigningKey[]) {
  const issuer = { published, fetches: 0, failing: false };
  let now = 1_000_000;
  const keys = new IssuerKeySet(new URL('https://issuer.example/jwks'), {
    maxAgeMs: 600_000,
    unknownKeyCooldownMs: 30_000,
    timeoutMs: 1_000,
    now: () => now,
    fetchKeys: () => {
      issuer.fetches += 1;
      if (issuer.failing) return Promise.reject(new TypeError('fetch failed'));
      return Promise.resolve({ keys: issuer.published.map((key) => key.publicJwk) });
    },
  });
  const accepts = async (token: string) => {
    await jwtVerify(token, keys.getKey);
    return true;
  };
  return { issuer, accepts, advance: (ms: number) => (now += ms) };
}

describe('IssuerKeySet', () => {
  let oldKey: SigningKey;
  let newKey: SigningKey;

  beforeAll(async () => {
    [oldKey, newKey] = await Promise.all([signingKey('old'), signingKey('new')]);
  });

  it('fetches the key set once and reuses it for known keys', async () => {
    const { issuer, accepts } = fixture([oldKey]);
    const token = await tokenSignedBy(oldKey);
    await accepts(token);
    await accepts(token);
    expect(issuer.fetches).toBe(1);
  });

  it('accepts a key the issuer signs with right after publishing it, on first sight', async () => {
    const { issuer, accepts } = fixture([oldKey]);
    await accepts(await tokenSignedBy(oldKey));
    issuer.published = [newKey, oldKey];
    await expect(accepts(await tokenSignedBy(newKey))).resolves.toBe(true);
    await expect(accepts(await tokenSignedBy(oldKey))).resolves.toBe(true);
    expect(issuer.fetches).toBe(2);
  });

  it('refetches for unknown key ids at most once per cooldown, whatever the number of forged kids', async () => {
    const { issuer, accepts, advance } = fixture([oldKey]);
    await accepts(await tokenSignedBy(oldKey));
    for (const kid of ['forged-1', 'forged-2', 'forged-3']) {
      await expect(accepts(await tokenSignedBy({ ...oldKey, kid }))).rejects.toBeInstanceOf(
        errors.JWKSNoMatchingKey,
      );
    }
    expect(issuer.fetches).toBe(2);
    advance(30_000);
    await expect(accepts(await tokenSignedBy({ ...oldKey, kid: 'forged-4' }))).rejects.toBeInstanceOf(
      errors.JWKSNoMatchingKey,
    );
    expect(issuer.fetches).toBe(3);
  });

  it('answers concurrent requests for a new key with one fetch, accepting all of them', async () => {
    const { issuer, accepts } = fixture([oldKey]);
    await accepts(await tokenSignedBy(oldKey));
    issuer.published = [newKey, oldKey];
    const token = await tokenSignedBy(newKey);
    await expect(Promise.all([accepts(token), accepts(token), accepts(token)])).resolves.toEqual([
      true,
      true,
      true,
    ]);
    expect(issuer.fetches).toBe(2);
  });

  it('keeps accepting a withdrawn key until the cached set expires, then refuses it', async () => {
    const { issuer, accepts, advance } = fixture([newKey, oldKey]);
    const old = await tokenSignedBy(oldKey);
    await accepts(old);
    issuer.published = [newKey];
    advance(599_999);
    await expect(accepts(old)).resolves.toBe(true);
    advance(1);
    await expect(accepts(old)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    await expect(accepts(await tokenSignedBy(newKey))).resolves.toBe(true);
    expect(issuer.fetches).toBe(2);
  });

  it('passes on a failed fetch and fetches again on the next request', async () => {
    const { issuer, accepts } = fixture([oldKey]);
    const token = await tokenSignedBy(oldKey);
    issuer.failing = true;
    await expect(accepts(token)).rejects.toThrow('fetch failed');
    issuer.failing = false;
    await expect(accepts(token)).resolves.toBe(true);
    expect(issuer.fetches).toBe(2);
  });
});
