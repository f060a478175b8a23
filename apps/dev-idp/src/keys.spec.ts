import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevIdpKeysError, loadOrCreateKeys, retireOldKeys, rotateKeys } from './keys';

describe('dev-idp signing-key rotation', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-idp-keys-'));
    file = join(dir, 'jwks.json');
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  const kidsOf = async () => (await loadOrCreateKeys(file)).keys.map((key) => [key.alg, key.kid]);

  it('puts a new key of each algorithm first and keeps the previous ones published', async () => {
    const before = await loadOrCreateKeys(file);
    const { added, kept } = await rotateKeys(file);
    const after = await loadOrCreateKeys(file);
    expect(after.keys.map((key) => key.alg)).toEqual(['RS256', 'ES256', 'RS256', 'ES256']);
    expect(after.keys.slice(0, 2).map((key) => key.kid)).toEqual(added);
    expect(after.keys.slice(2)).toEqual(before.keys);
    expect(kept).toEqual(before.keys.map((key) => key.kid));
    expect(added.some((kid) => kept.includes(kid))).toBe(false);
    expect(after.cookieSecrets).toEqual(before.cookieSecrets);
    expect(await readdir(dir)).toEqual(['jwks.json']);
  });

  it('withdraws every key but the signing one of each algorithm', async () => {
    await loadOrCreateKeys(file);
    const { added, kept: previous } = await rotateKeys(file);
    const { kept, retired } = await retireOldKeys(file);
    expect(kept).toEqual(added);
    expect(retired).toEqual(previous);
    expect(await kidsOf()).toEqual([
      ['RS256', added[0]],
      ['ES256', added[1]],
    ]);
    expect((await retireOldKeys(file)).retired).toEqual([]);
  });

  it('refuses to rotate keys that do not exist yet, naming the file', async () => {
    await expect(rotateKeys(file)).rejects.toThrow(DevIdpKeysError);
    await expect(retireOldKeys(file)).rejects.toThrow(`There is no keys file at ${file}`);
  });
});
