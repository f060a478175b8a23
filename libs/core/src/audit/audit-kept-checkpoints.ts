import { InvalidInputError } from '../errors/domain-error';
import type { AuditCheckpoint } from './audit-signing';

/** At most this many checkpoints in a kept file per verification. */
export const MAX_KEPT_CHECKPOINTS = 10_000;

/**
 * A kept checkpoint file: what auditCheckpoints returned (an object with `checkpoints` and/or
 * `latest`), or a list of checkpoints. Each must belong to the chain verified.
 */
export function keptCheckpoints(value: unknown, chain: string): AuditCheckpoint[] {
  if (value === undefined || value === null) return [];
  const record =
    typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const listed: unknown = record?.['checkpoints'];
  const list: unknown[] = Array.isArray(value)
    ? (value as unknown[])
    : [
        ...(Array.isArray(listed) ? (listed as unknown[]) : []),
        ...(record?.['latest'] ? [record['latest']] : []),
      ];
  if (list.length === 0) {
    throw new InvalidInputError(
      '`checkpoints` holds no checkpoint: pass what auditCheckpoints returned, or its list.',
    );
  }
  if (list.length > MAX_KEPT_CHECKPOINTS) {
    throw new InvalidInputError(
      `Pass at most ${MAX_KEPT_CHECKPOINTS} checkpoints (the latest one you kept is enough).`,
    );
  }
  return list.map((item, index) => {
    const checkpoint = item as Partial<Record<keyof AuditCheckpoint, unknown>>;
    const fields = ['chain', 'seq', 'hash', 'signedAt', 'keyId', 'signature'] as const;
    if (
      typeof item !== 'object' ||
      item === null ||
      fields.some((field) => typeof checkpoint[field] !== 'string') ||
      !/^\d{1,19}$/.test(checkpoint.seq as string)
    ) {
      throw new InvalidInputError(
        `Checkpoint ${index + 1} is not a checkpoint: it needs chain, seq, hash, signedAt, keyId and signature (as auditCheckpoints returns them).`,
      );
    }
    if (checkpoint.chain !== chain) {
      throw new InvalidInputError(
        `Checkpoint ${index + 1} belongs to chain ${String(checkpoint.chain)}, not to the chain verified (${chain}).`,
      );
    }
    return Object.fromEntries(
      fields.map((field) => [field, checkpoint[field]]),
    ) as unknown as AuditCheckpoint;
  });
}
