import { createHash, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What the keys file holds: a private JWKS (RS256 first, then ES256) and the cookie-signing secrets. */
export interface DevIdpKeys {
  keys: JsonWebKey[];
  cookieSecrets: string[];
}

export class DevIdpKeysError extends Error {
  override readonly name = 'DevIdpKeysError';
}

/**
 * Reads the keys file, or creates it on first start. Reusing it means tokens issued before a
 * restart still verify afterwards, and signed cookies stay valid.
 */
export async function loadOrCreateKeys(file: string): Promise<DevIdpKeys> {
  const existing = await readKeys(file);
  if (existing) return existing;
  const created = generateKeys();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': when two processes start at once, the second one reads what the first wrote.
    await writeFile(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKeys(file);
    throw new DevIdpKeysError(`Cannot write the keys file ${file}: ${(error as Error).message}`);
  }
  return created;
}

async function readKeys(file: string): Promise<DevIdpKeys | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DevIdpKeysError(`Cannot read the keys file ${file}: ${(error as Error).message}`);
  }
  const keys = parseKeys(text);
  if (!keys) {
    throw new DevIdpKeysError(
      `The keys file ${file} is not a dev-idp keys file (a private RS256 and ES256 JWKS with cookieSecrets); delete it to generate new keys.`,
    );
  }
  return keys;
}

function parseKeys(text: string): DevIdpKeys | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { keys, cookieSecrets } = (value ?? {}) as Partial<DevIdpKeys>;
  const usable = (kty: string, alg: string) =>
    keys?.some(
      (key) => key.kty === kty && key.alg === alg && typeof key.d === 'string' && typeof key.kid === 'string',
    );
  const secretsOk =
    Array.isArray(cookieSecrets) &&
    cookieSecrets.length > 0 &&
    cookieSecrets.every((secret) => typeof secret === 'string' && secret.length >= 32);
  if (!Array.isArray(keys) || !usable('RSA', 'RS256') || !usable('EC', 'ES256') || !secretsOk) {
    return undefined;
  }
  return { keys, cookieSecrets };
}

function generateKeys(): DevIdpKeys {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    keys: [toSigningJwk(rsa.privateKey, 'RS256'), toSigningJwk(ec.privateKey, 'ES256')],
    cookieSecrets: [randomBytes(32).toString('base64url')],
  };
}

function toSigningJwk(privateKey: KeyObject, alg: string): JsonWebKey {
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: jwkThumbprint(jwk), alg, use: 'sig' };
}

/** RFC 7638 thumbprint: the kid then names the key itself, whatever file it sits in. */
function jwkThumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === 'RSA'
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}
