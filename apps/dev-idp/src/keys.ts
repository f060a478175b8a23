import { createHash, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * What the keys file holds: a private JWKS and the cookie-signing secrets. The first key of each
 * algorithm signs; the others (kept after a rotation) are still published so tokens they signed verify.
 */
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

/**
 * Key rotation, step 1: a new RS256 and ES256 key go first (they sign from the next start or
 * reload), the previous keys stay published as secondary keys. Returns the new key ids.
 */
export async function rotateKeys(file: string): Promise<{ added: string[]; kept: string[] }> {
  const current = await requireKeys(file);
  const fresh = generateKeys();
  await replaceKeys(file, { keys: [...fresh.keys, ...current.keys], cookieSecrets: current.cookieSecrets });
  return { added: kids(fresh.keys), kept: kids(current.keys) };
}

/**
 * Key rotation, step 2: withdraws every key but the signing ones (the first of each algorithm);
 * tokens the withdrawn keys signed stop verifying. Returns the withdrawn key ids.
 */
export async function retireOldKeys(file: string): Promise<{ kept: string[]; retired: string[] }> {
  const current = await requireKeys(file);
  const signing = (['RS256', 'ES256'] as const).map((alg) => current.keys.find((key) => key.alg === alg)!);
  await replaceKeys(file, { keys: signing, cookieSecrets: current.cookieSecrets });
  return { kept: kids(signing), retired: kids(current.keys.filter((key) => !signing.includes(key))) };
}

async function requireKeys(file: string): Promise<DevIdpKeys> {
  const keys = await readKeys(file);
  if (!keys)
    throw new DevIdpKeysError(`There is no keys file at ${file}; start the provider once to create it.`);
  return keys;
}

/** Write then rename: a provider starting meanwhile reads the old file or the new one, never half. */
async function replaceKeys(file: string, keys: DevIdpKeys): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    throw new DevIdpKeysError(`Cannot write the keys file ${file}: ${(error as Error).message}`);
  }
}

function kids(keys: JsonWebKey[]): string[] {
  return keys.map((key) => String(key.kid));
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
