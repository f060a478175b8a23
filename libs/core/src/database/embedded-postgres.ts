import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

export const IN_MEMORY = 'memory://';

/**
 * PGlite (PostgreSQL compiled to WASM) in this process, persisted to a directory.
 * One process may open a directory at a time: a lock file guards against a second one.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly pglite: PGlite,
    private readonly lockFile: string | undefined,
  ) {}

  static async open(dataDir: string): Promise<EmbeddedPostgres> {
    if (dataDir === IN_MEMORY) {
      return new EmbeddedPostgres(await PGlite.create(), undefined);
    }
    const directory = resolve(dataDir);
    mkdirSync(directory, { recursive: true });
    const lockFile = acquireLock(directory);
    try {
      const pglite = await PGlite.create(join(directory, 'pgdata'));
      return new EmbeddedPostgres(pglite, lockFile);
    } catch (error) {
      rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** node-postgres options that route every client to this PGlite instance. */
  pgOptions(): Record<string, unknown> {
    return { ...createPgConfig(this.pglite), max: 1 };
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

function acquireLock(directory: string): string {
  const lockFile = join(directory, 'tetrad.pid');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return lockFile;
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `the embedded database in ${directory} is in use by process ${holder}; stop it or set DATA_DIR to another folder`,
      );
    }
    writeFileSync(lockFile, String(process.pid));
    return lockFile;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
