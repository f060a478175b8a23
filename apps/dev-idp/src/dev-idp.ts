import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import { loadDevIdpConfig, type DevIdpConfig } from './dev-idp.config';
import { interactionRoute, sendHtml } from './interactions';
import { loadOrCreateKeys } from './keys';
import { createMemoryAdapterFactory } from './memory-adapter';
import { oidcConfiguration } from './oidc-configuration';
import { messagePage } from './pages';

/** Anything left out takes the default of the matching DEV_IDP_* variable (port 0: any free port). */
export type DevIdpOptions = Partial<DevIdpConfig>;

export interface RunningDevIdp {
  issuer: string;
  /** Reads the keys file again (after `rotateKeys` or `retireOldKeys`); sessions and grants are kept. */
  reloadKeys(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the development OpenID provider on a plain node:http server; usable in-process by tests. */
export async function startDevIdp(options: DevIdpOptions = {}): Promise<RunningDevIdp> {
  const config: DevIdpConfig = { ...loadDevIdpConfig({}), ...withoutUndefined(options) };
  await loadOrCreateKeys(config.keysFile);
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) =>
    sendHtml(res, 503, messagePage('Starting', 'The identity provider is starting; try again.'));
  const server = createServer((req, res) => handle(req, res));
  await listen(server, config.port, config.host);
  const issuer = config.issuer ?? `http://localhost:${(server.address() as AddressInfo).port}`;
  const adapter = createMemoryAdapterFactory();
  // oidc-provider reads its keys once, at construction: a reload builds a new provider.
  const reloadKeys = async (): Promise<void> => {
    const keys = await loadOrCreateKeys(config.keysFile);
    const provider = new Provider(
      issuer,
      oidcConfiguration({ ...config, adapter, jwks: keys.keys, cookieSecrets: keys.cookieSecrets }),
    );
    provider.on('server_error', (_ctx, error) =>
      process.stderr.write(`dev-idp: ${error.stack ?? error.message}\n`),
    );
    const providerCallback = provider.callback();
    handle = (req, res) => {
      const route = interactionRoute(provider, req);
      (route ? route(req, res) : providerCallback(req, res)).catch((error: unknown) => failed(res, error));
    };
  };
  await reloadKeys();
  return { issuer, reloadKeys, close: () => closeServer(server) };
}

/**
 * `kill -USR2 <pid>` after `npm run dev-idp:keys -- rotate|retire`: the provider takes the new keys
 * without a restart. (Not SIGHUP: a closed terminal must still stop the provider.)
 */
export function reloadKeysOnSignal(idp: RunningDevIdp, keysFile: string): void {
  process.on('SIGUSR2', () => {
    idp.reloadKeys().then(
      () => process.stdout.write(`Dev identity provider reloaded its keys from ${keysFile}\n`),
      (error: unknown) =>
        process.stderr.write(
          `Keys not reloaded (the previous ones stay in use): ${error instanceof Error ? error.message : String(error)}\n`,
        ),
    );
  });
}

function withoutUndefined(options: DevIdpOptions): DevIdpOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function failed(res: ServerResponse, error: unknown): void {
  process.stderr.write(
    `dev-idp: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendHtml(res, 500, messagePage('Something went wrong', 'The identity provider failed; see its log.'));
}

/** Stops accepting connections; idle keep-alive sockets go now, busy ones after a short grace. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  });
}
