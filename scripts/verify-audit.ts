import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  AuditEntry,
  AuditTrail,
  dataSourceOptions,
  describeVerification,
  keptCheckpoints,
  loadConfig,
  loadVerifyingKeyring,
  openDataSource,
  PLATFORM_CHAIN,
  waitForDatabase,
  type AppConfig,
} from '@tetrad/core';
import { migrations } from '@tetrad/migrations';

/** The variables that locate the database and the audit keys; sign-in settings are not needed. */
const VARIABLES = [
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
  'DATABASE_CONNECT_RETRIES',
  'DATA_DIR',
  'AUDIT_SIGNING_KEY',
  'AUDIT_SIGNING_KEY_FILE',
  'AUDIT_PUBLIC_KEYS',
  'AUDIT_PUBLIC_KEYS_FILE',
];

/** Exit codes: 0 every chain checked is valid, 1 one is broken, 2 it could not be verified. */
const CANNOT_VERIFY = 2;

const USAGE = `Usage: npm run audit:verify -- [--consortium <id>|platform] [--checkpoints <file.json>]
  Without options: every chain, in full, against the stored signed checkpoints.
  --consortium    one chain: a consortium's id, or "platform".
  --checkpoints   a file of checkpoints you kept (what the auditCheckpoints query returned); its
                  chain is verified in full against them and the stored ones.`;

/**
 * `npm run audit:verify`: re-reads audit chains and checks every hash, link and signed
 * checkpoint. Opens only the database (PostgreSQL from DATABASE_URL, else the embedded one in
 * DATA_DIR), migrated as the API migrates it, not the application.
 */
async function verifyAudit(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      consortium: { type: 'string' },
      checkpoints: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const kept = values.checkpoints ? keptFile(values.checkpoints) : undefined;
  const config = loadEnvironment();
  const keyring = loadVerifyingKeyring(config.audit);
  await waitForDatabase(config.database);
  const dataSource = await openDataSource(config, {
    ...dataSourceOptions(config, migrations),
    entities: [AuditEntry],
  });
  try {
    const trail = new AuditTrail(dataSource, keyring);
    const only = values.consortium?.toLowerCase() ?? kept?.chain;
    const chains = only ? [only] : await trail.chains();
    let broken = 0;
    for (const chain of chains) {
      const verification = await trail.verify(chain, {
        full: true,
        kept: kept ? keptCheckpoints(kept.checkpoints, chain) : [],
      });
      process.stdout.write(`${describeVerification(verification, chain)}\n`);
      if (!verification.valid) broken += 1;
    }
    if (chains.length === 0) process.stdout.write('The audit trail is empty\n');
    return broken > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

/** A kept checkpoint file: its chain is the one its checkpoints name. */
function keptFile(path: string): { chain: string; checkpoints: unknown } {
  const checkpoints = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const body =
    (checkpoints as { data?: { auditCheckpoints?: unknown } } | null)?.data?.auditCheckpoints ?? checkpoints;
  const first = Array.isArray(body)
    ? (body[0] as { chain?: unknown } | undefined)
    : ((body as { chain?: unknown; latest?: { chain?: unknown } } | null) ?? undefined);
  const chain = first?.chain ?? (first as { latest?: { chain?: unknown } } | undefined)?.latest?.chain;
  if (typeof chain !== 'string') throw new Error(`${path} holds no checkpoint naming its chain`);
  return { chain: chain === PLATFORM_CHAIN ? chain : chain.toLowerCase(), checkpoints: body };
}

function loadEnvironment(): AppConfig {
  const environment = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  // Not production: that would demand the sign-in settings, which verifying does not use.
  return loadConfig({ ...environment, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
}

verifyAudit(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `Cannot verify the audit trail: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(CANNOT_VERIFY);
  },
);
