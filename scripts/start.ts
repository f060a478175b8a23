import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { reloadKeysOnSignal, startDevIdp, type RunningDevIdp } from '../apps/dev-idp/src/dev-idp';
import { loadDevIdpConfig } from '../apps/dev-idp/src/dev-idp.config';

/**
 * `npm start`: Tetrad for a newcomer. Without OIDC_ISSUER it starts the bundled identity
 * provider (in this process) and points the API at it, seeds the demo organisations and
 * invitations, and runs the API (dist/apps/api) as a child process in development mode. The two
 * live and die together: when the API exits this process closes the identity provider and exits;
 * when this process is stopped, killed or orphaned, the API stops (see `exitWithSupervisor`).
 */
const API_MAIN = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
const DEV_CLIENT_SECRET = 'tetrad-dev-client-secret';

async function start(): Promise<void> {
  const port = process.env['PORT'] ?? '3000';
  const publicUrl = (process.env['PUBLIC_URL'] ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'development',
    SEED_DEMO_DATA: 'true',
    PLATFORM_ADMIN_EMAILS: DEMO_PLATFORM_ADMIN_EMAIL,
    ...process.env,
    PUBLIC_URL: publicUrl,
  };
  let idp: RunningDevIdp | undefined;
  if (!process.env['OIDC_ISSUER']) {
    const config = loadDevIdpConfig({
      ...process.env,
      DEV_IDP_API_CLIENT_SECRET: DEV_CLIENT_SECRET,
      DEV_IDP_API_REDIRECT_URIS: `${publicUrl}/auth/callback`,
      DEV_IDP_API_POST_LOGOUT_REDIRECT_URIS: `${publicUrl}/`,
    });
    idp = await startDevIdp(config);
    reloadKeysOnSignal(idp, config.keysFile);
    Object.assign(env, {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'tetrad-api',
      OIDC_CLIENT_SECRET: DEV_CLIENT_SECRET,
    });
    process.stdout.write(
      `Bundled identity provider on ${idp.issuer}: demo people (npm run token -- --list) sign in with password "${DEMO_PASSWORD}".\n`,
    );
  }
  // With an IPC channel the API notices when this process dies, even by kill -9, and stops too.
  const api = spawn(process.execPath, [API_MAIN], { env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  const stop = (signal: NodeJS.Signals): void => {
    if (api.exitCode === null && api.signalCode === null) api.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  process.on('exit', () => stop('SIGTERM'));
  // Orphaned (whoever ran `npm start` is gone, and this process was handed to another parent): stop.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGTERM');
  }, 1000).unref();
  api.on('exit', (code, signal) => {
    const done = (): never => process.exit(code ?? (signal ? 0 : 1));
    if (idp) idp.close().then(done, done);
    else done();
  });
  process.stdout.write(`Sign in at ${publicUrl}/auth/login, or script the API: npm run token -- <email>\n`);
}

start().catch((error: unknown) => {
  process.stderr.write(`Tetrad could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
