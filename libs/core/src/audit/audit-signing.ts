import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { canonicalJson } from './audit-hash';

/**
 * A signed statement about the head of one chain: "entry #seq of chain `chain` has hash `hash`",
 * signed at `signedAt` by the key `keyId`. Every entry before it is covered through the hash chain.
 */
export interface AuditCheckpoint {
  chain: string;
  seq: string;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export type SignatureCheck = 'valid' | 'invalid' | 'unknown-key';

export interface AuditPublicKey {
  keyId: string;
  /** SPKI, PEM-encoded. */
  publicKey: string;
  current: boolean;
}

/** What the configuration says about the keys (see AuditKeyConfig in app-config). */
export interface AuditKeySource {
  /** PEM (PKCS#8) of the current Ed25519 private key. */
  signingKey?: string | undefined;
  signingKeyFile?: string | undefined;
  /** Earlier public keys: PEM blocks, or base64 SPKI DER separated by commas or white space. */
  publicKeys?: string | undefined;
  publicKeysFile?: string | undefined;
  /** Where a development/test key is generated when none is configured (undefined: refuse). */
  generatedKeyFile?: string | undefined;
}

const CHECKPOINT_DOMAIN = 'tetrad.audit.checkpoint.v1';

/** The bytes a checkpoint's signature covers: a domain tag and the canonical JSON of its claim. */
export function checkpointPayload(checkpoint: Omit<AuditCheckpoint, 'signature' | 'keyId'>): Buffer {
  const claim = canonicalJson({
    chain: checkpoint.chain,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    signedAt: checkpoint.signedAt,
  });
  return Buffer.from(`${CHECKPOINT_DOMAIN}\n${claim}`, 'utf8');
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/**
 * The current signing key and every public key ever used: checkpoints name the key that signed
 * them, so checkpoints signed before a rotation keep verifying as long as the old public key is
 * listed. The private key lives outside the database (a file or the environment).
 */
export class AuditKeyring {
  /** The current key's id; undefined for a keyring that only verifies (public keys only). */
  readonly keyId: string | undefined;
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly privateKey: KeyObject | undefined,
    earlierPublicKeys: readonly KeyObject[] = [],
  ) {
    for (const key of earlierPublicKeys) {
      if (key.asymmetricKeyType !== 'ed25519') {
        throw new Error(`An audit public key is not an Ed25519 key (got ${key.asymmetricKeyType})`);
      }
      this.publicKeys.set(keyIdOf(key), key);
    }
    if (privateKey) {
      if (privateKey.asymmetricKeyType !== 'ed25519') {
        throw new Error(`The audit signing key must be an Ed25519 key (got ${privateKey.asymmetricKeyType})`);
      }
      const current = createPublicKey(privateKey);
      this.keyId = keyIdOf(current);
      this.publicKeys.set(this.keyId, current);
    }
  }

  static generate(earlierPublicKeys: readonly KeyObject[] = []): AuditKeyring {
    return new AuditKeyring(generateKeyPairSync('ed25519').privateKey, earlierPublicKeys);
  }

  /** The current public key, for handing to the next keyring after a rotation. */
  get publicKey(): KeyObject {
    const key = this.keyId === undefined ? undefined : this.publicKeys.get(this.keyId);
    if (!key) throw new Error('This audit keyring has no signing key');
    return key;
  }

  sign(claim: Omit<AuditCheckpoint, 'signature' | 'keyId'>): AuditCheckpoint {
    if (!this.privateKey || this.keyId === undefined) {
      throw new Error('This audit keyring has no signing key: it only verifies');
    }
    const signature = sign(null, checkpointPayload(claim), this.privateKey).toString('base64');
    return { ...claim, keyId: this.keyId, signature };
  }

  check(checkpoint: AuditCheckpoint): SignatureCheck {
    const key = this.publicKeys.get(checkpoint.keyId);
    if (!key) return 'unknown-key';
    try {
      const signature = Buffer.from(checkpoint.signature, 'base64');
      return verify(null, checkpointPayload(checkpoint), key, signature) ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  }

  list(): AuditPublicKey[] {
    return [...this.publicKeys].map(([keyId, key]) => ({
      keyId,
      publicKey: key.export({ type: 'spki', format: 'pem' }).toString(),
      current: keyId === this.keyId,
    }));
  }
}

/**
 * Builds the keyring from the configuration: the private key from AUDIT_SIGNING_KEY or
 * AUDIT_SIGNING_KEY_FILE; earlier public keys from AUDIT_PUBLIC_KEYS and AUDIT_PUBLIC_KEYS_FILE.
 * Without a private key (development and test only) one is generated once into
 * `generatedKeyFile` and reused from there; `onGenerated` is told where.
 */
export function loadAuditKeyring(
  source: AuditKeySource,
  onGenerated: (file: string) => void = () => undefined,
): AuditKeyring {
  const pem =
    source.signingKey ??
    (source.signingKeyFile ? readFileSync(source.signingKeyFile, 'utf8') : undefined) ??
    (source.generatedKeyFile ? generatedKey(source.generatedKeyFile, onGenerated) : undefined);
  if (pem === undefined) throw new Error('No audit signing key is configured (AUDIT_SIGNING_KEY_FILE)');
  return new AuditKeyring(privateKeyOf(pem), earlierPublicKeys(source));
}

/**
 * The keys that verify, for a process that only verifies (`npm run audit:verify`): the signing
 * key's public half when one is configured or was generated earlier (never generates one), and
 * the earlier public keys.
 */
export function loadVerifyingKeyring(source: AuditKeySource): AuditKeyring {
  const pem =
    source.signingKey ??
    (source.signingKeyFile ? readFileSync(source.signingKeyFile, 'utf8') : undefined) ??
    (source.generatedKeyFile ? readIfExists(source.generatedKeyFile) : undefined);
  const earlier = earlierPublicKeys(source);
  if (pem === undefined && earlier.length === 0) {
    throw new Error('No audit keys are configured: set AUDIT_PUBLIC_KEYS (or AUDIT_SIGNING_KEY_FILE)');
  }
  return new AuditKeyring(pem === undefined ? undefined : privateKeyOf(pem), earlier);
}

function earlierPublicKeys(source: AuditKeySource): KeyObject[] {
  return [
    ...parsePublicKeys(source.publicKeys ?? ''),
    ...(source.publicKeysFile ? parsePublicKeys(readFileSync(source.publicKeysFile, 'utf8')) : []),
  ];
}

function privateKeyOf(pem: string): KeyObject {
  return createPrivateKey(pem.includes('-----BEGIN') ? pem : pemOf(pem, 'PRIVATE KEY'));
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads the generated key, or creates it (exclusively: two processes starting together agree). */
function generatedKey(file: string, onGenerated: (file: string) => void): string {
  const existing = readIfExists(file);
  if (existing !== undefined) return existing;
  mkdirSync(dirname(file), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
    onGenerated(file);
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8');
  }
}

/** PEM blocks, or base64 DER (SPKI) items separated by commas or white space. */
export function parsePublicKeys(text: string): KeyObject[] {
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g);
  const items = blocks ?? text.split(/[\s,]+/).filter(Boolean);
  return items.map((item) => createPublicKey(item.includes('-----BEGIN') ? item : pemOf(item, 'PUBLIC KEY')));
}

function pemOf(base64: string, label: string): string {
  const body =
    base64
      .replace(/\s+/g, '')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/**
 * Where a development key is kept: beside the embedded database, or in the system's temporary
 * directory when the database is in memory or PostgreSQL without a data directory of its own.
 */
export function defaultGeneratedKeyFile(dataDir: string | undefined): string {
  if (dataDir && !dataDir.startsWith('memory://')) return resolve(dataDir, 'audit-signing-key.pem');
  return join(tmpdir(), 'tetrad-audit-signing-key.pem');
}
