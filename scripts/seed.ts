import 'reflect-metadata';
import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { ConfigurationError, loadConfig } from '@tetrad/core';
import { createApp } from '../apps/api/src/create-app';

/**
 * `npm run seed`: the demo organisations, consortia and invitations in the database named by
 * DATABASE_URL (or the embedded one in DATA_DIR), migrating first. Idempotent: run it any time.
 */
async function seed(): Promise<void> {
  const config = loadConfig({
    PLATFORM_ADMIN_EMAILS: DEMO_PLATFORM_ADMIN_EMAIL,
    LOG_LEVEL: 'warn',
    ...process.env,
    // No server and no sign-in here: only the database is opened.
    NODE_ENV: 'test',
    SEED_DEMO_DATA: 'true',
  });
  const app = await createApp(config);
  await app.init();
  await app.close();
  process.stdout.write(
    `Demo data is in place (${config.database.kind === 'postgres' ? 'PostgreSQL' : config.database.dataDir}).\n`,
  );
}

seed().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigurationError ? error.message : `Seeding failed: ${error instanceof Error ? error.message : String(error)}`}\n`,
  );
  process.exit(1);
});
