import { reloadKeysOnSignal, startDevIdp, type RunningDevIdp } from './dev-idp';
import { DevIdpConfigError, loadDevIdpConfig, type DevIdpConfig } from './dev-idp.config';

/** Prints one line and stops: what a person needs when the provider cannot start. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function start(): Promise<void> {
  let config: DevIdpConfig;
  try {
    config = loadDevIdpConfig();
  } catch (error) {
    fail(error instanceof DevIdpConfigError ? error.message : `Invalid configuration: ${String(error)}`);
  }
  let idp: RunningDevIdp;
  try {
    idp = await startDevIdp(config);
  } catch (error) {
    fail(`Dev identity provider could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stdout.write(`Dev identity provider ready on ${idp.issuer}\n`);
  handleShutdown(idp);
  reloadKeysOnSignal(idp, config.keysFile);
}

function handleShutdown(idp: RunningDevIdp): void {
  const shutdown = (): void => {
    idp.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`Shutdown failed: ${String(error)}`),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

void start();
