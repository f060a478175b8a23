import 'reflect-metadata';
import {
  AuditEntry,
  AuditTrail,
  dataSourceOptions,
  describeVerification,
  loadConfig,
  openDataSource,
  waitForDatabase,
  type AppConfig,
} from '@tetrad/core';
import { migrations } from '@tetrad/migrations';

/** The variables that locate the database; sign-in settings are not needed to verify. */
const DATABASE_VARIABLES = ['DATABASE_URL', 'DATABASE_POOL_MAX', 'DATABASE_CONNECT_RETRIES', 'DATA_DIR'];

/** Exit codes: 0 the chain is valid, 1 it is broken, 2 it could not be verified. */
const CANNOT_VERIFY = 2;

/**
 * `npm run audit:verify`: re-reads the whole audit trail and checks every hash and link. Opens only
 * the database (PostgreSQL from DATABASE_URL, else the embedded one in DATA_DIR), migrated as the
 * API migrates it, not the application.
 */
async function verifyAudit(): Promise<number> {
  const config = databaseConfig();
  await waitForDatabase(config.database);
  const dataSource = await openDataSource(config, {
    ...dataSourceOptions(config, migrations),
    entities: [AuditEntry],
  });
  try {
    const verification = await new AuditTrail(dataSource).verify();
    process.stdout.write(`${describeVerification(verification)}\n`);
    return verification.valid ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

function databaseConfig(): AppConfig {
  const environment = Object.fromEntries(DATABASE_VARIABLES.map((name) => [name, process.env[name]]));
  // Not production: that would demand the sign-in settings, which verifying does not use.
  return loadConfig({ ...environment, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
}

verifyAudit().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `Cannot verify the audit trail: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(CANNOT_VERIFY);
  },
);
