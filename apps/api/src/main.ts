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

/** How this process stops when its supervisor goes away: at once while booting, gracefully once ready. */
let stopWithoutSupervisor = (): void =>
  fail('The process that started Tetrad (npm start) is gone; stopping before it was ready.');

/**
 * Started by a supervisor (`npm start`) with an IPC channel: the channel closes when the supervisor
 * dies, however it dies (kill -9 included). Then the API stops too, rather than run on without the
 * supervisor's identity provider. Without a channel (`npm run start:prod`) nothing changes.
 */
function exitWithSupervisor(): void {
  if (!process.channel) return;
  process.channel.unref(); // the channel alone does not keep the process alive
  process.once('disconnect', () => stopWithoutSupervisor());
}

async function start(): Promise<void> {
  exitWithSupervisor();
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
  const shutdown = (reason: string): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${reason}; shutting down\n`);
    setTimeout(() => {
      process.stderr.write(`Shutdown took longer than ${timeoutMs} ms; exiting anyway\n`);
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`Shutdown failed: ${String(error)}`),
    );
  };
  process.once('SIGTERM', () => shutdown('Received SIGTERM'));
  process.once('SIGINT', () => shutdown('Received SIGINT'));
  stopWithoutSupervisor = () => shutdown('The process that started Tetrad (npm start) is gone');
}

void start();
