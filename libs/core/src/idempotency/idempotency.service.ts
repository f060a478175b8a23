import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a key's first answer is kept and replayed. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
/** How long a request holds its key before a retry may take over (the first attempt died). */
export const IDEMPOTENCY_LOCK_SECONDS = 60;
const CLEAN_EVERY_MS = 10 * 60 * 1_000;

/** What to do with a request carrying an Idempotency-Key. */
export type IdempotencyDecision =
  | { kind: 'run' }
  | { kind: 'replay'; statusCode: number; response: string }
  | { kind: 'in-progress' }
  | { kind: 'reused' }
  | { kind: 'applied'; committedAt: string };

interface RequestRow {
  fingerprint: string;
  response: string | null;
  status_code: number | null;
  committed_at: string | null;
  locked: boolean;
}

/**
 * The record of requests sent with an `Idempotency-Key` (per caller, kept for a day, shared by
 * every instance through the database). A retried request gets the first request's answer; a
 * request still running, or whose change committed but whose answer was lost, is reported as such.
 */
@Injectable()
export class IdempotencyService {
  private lastClean = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async begin(scope: string, key: string, fingerprint: string): Promise<IdempotencyDecision> {
    await this.cleanIfDue();
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotent_request (scope, key, fingerprint, locked_until)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (scope, key) DO NOTHING RETURNING 1`,
      [scope, key, fingerprint, IDEMPOTENCY_LOCK_SECONDS],
    );
    if (inserted.length > 0) return { kind: 'run' };
    const [row] = await this.dataSource.query<RequestRow[]>(
      `SELECT fingerprint, response, status_code, committed_at::text AS committed_at,
              coalesce(locked_until > now(), false) AS locked
         FROM idempotent_request WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!row) return this.begin(scope, key, fingerprint);
    if (row.fingerprint !== fingerprint) return { kind: 'reused' };
    if (row.response !== null)
      return { kind: 'replay', statusCode: row.status_code ?? 200, response: row.response };
    if (row.locked) return { kind: 'in-progress' };
    if (row.committed_at) return { kind: 'applied', committedAt: row.committed_at };
    // The first attempt died before its change committed: this one takes over.
    const taken = await this.dataSource.query<unknown[]>(
      `UPDATE idempotent_request SET locked_until = now() + make_interval(secs => $3)
        WHERE scope = $1 AND key = $2 AND response IS NULL AND committed_at IS NULL
          AND (locked_until IS NULL OR locked_until <= now())
       RETURNING 1`,
      [scope, key, IDEMPOTENCY_LOCK_SECONDS],
    );
    return taken.length > 0 ? { kind: 'run' } : { kind: 'in-progress' };
  }

  /** Keeps the answer for retries. */
  async complete(scope: string, key: string, statusCode: number, response: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotent_request SET response = $3, status_code = $4, locked_until = NULL
        WHERE scope = $1 AND key = $2`,
      [scope, key, response, statusCode],
    );
  }

  /**
   * The request failed in a way a retry may fix (the database was unreachable). If its change did
   * not commit, the key is released so that the retry runs; if it did, the record stays, and a
   * retry learns that the change was made.
   */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotent_request WHERE scope = $1 AND key = $2 AND committed_at IS NULL AND response IS NULL`,
      [scope, key],
    );
    await this.dataSource.query(
      `UPDATE idempotent_request SET locked_until = NULL WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
  }

  private async cleanIfDue(): Promise<void> {
    if (Date.now() - this.lastClean < CLEAN_EVERY_MS) return;
    this.lastClean = Date.now();
    await this.dataSource.query(
      `DELETE FROM idempotent_request WHERE created_at < now() - make_interval(hours => $1)`,
      [IDEMPOTENCY_RETENTION_HOURS],
    );
  }
}
