import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DatabaseReadiness {
  reachable: boolean;
  migrationsApplied: boolean;
}

const PROBE_TIMEOUT_MS = 2_000;

@Injectable()
export class DatabaseHealth {
  constructor(private readonly dataSource: DataSource) {}

  async readiness(): Promise<DatabaseReadiness> {
    try {
      const pending = await withTimeout(async () => {
        await this.dataSource.query('SELECT 1');
        return this.dataSource.showMigrations();
      });
      return { reachable: true, migrationsApplied: !pending };
    } catch {
      return { reachable: false, migrationsApplied: false };
    }
  }
}

async function withTimeout<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database probe timed out')), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
