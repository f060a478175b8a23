import { createHash, randomBytes } from 'node:crypto';

/** Secrets (session ids, API tokens, login states) are stored only as SHA-256 digests. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
