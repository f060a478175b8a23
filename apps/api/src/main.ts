import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ConfigurationError,
  DatabaseUnreachableError,
  loadConfig,
  waitForDatabase,
  type AppConfig,
} from '@tetrad/core';
import { createApp } from './create-app';

/** Prints one line and stops: what a person needs when Tetrad cannot start. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function start(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigurationError ? error.message : `Invalid configuration: ${String(error)}`);
  }
  try {
    await waitForDatabase(config.database, (attempt, delayMs, reason) =>
      process.stderr.write(`PostgreSQL not reachable (${reason}); retry ${attempt} in ${delayMs} ms\n`),
    );
  } catch (error) {
    fail(error instanceof DatabaseUnreachableError ? error.message : String(error));
  }
  let app: NestFastifyApplication;
  try {
    app = await createApp(config);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    fail(`Tetrad could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  const where =
    config.database.kind === 'postgres' ? 'PostgreSQL' : `embedded PostgreSQL in ${config.database.dataDir}`;
  process.stdout.write(`Tetrad API ready on ${await app.getUrl()}/graphql (${where})\n`);
  handleShutdown(app, config.shutdownTimeoutMs);
}

/** Finish in-flight requests, close the database (PGlite flushes to disk), then exit. */
function handleShutdown(app: NestFastifyApplication, timeoutMs: number): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`Received ${signal}; shutting down\n`);
    setTimeout(() => {
      process.stderr.write(`Shutdown took longer than ${timeoutMs} ms; exiting anyway\n`);
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`Shutdown failed: ${String(error)}`),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

void start();
