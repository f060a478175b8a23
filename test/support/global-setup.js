// Jest global setup: the bundled identity provider (built, in dist/) as a child process for every
// integration and e2e test, on a free port with its own keys file. Tests sign in against it for real.
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'dev-idp', 'src', 'main.js');
const API_PUBLIC_URL = 'http://localhost:3000';

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

module.exports = async function globalSetup(config) {
  const needsIdp = config.selectProjects?.some((name) => name !== 'unit' && name !== 'web') ?? true;
  if (!needsIdp) return;
  if (!existsSync(MAIN))
    throw new Error('Build first (npm run build): integration tests start dist/apps/dev-idp.');
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const keysFile = join(mkdtempSync(join(tmpdir(), 'tetrad-idp-')), 'jwks.json');
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      DEV_IDP_PORT: String(port),
      DEV_IDP_ISSUER: issuer,
      DEV_IDP_KEYS_FILE: keysFile,
      DEV_IDP_API_REDIRECT_URIS: `${API_PUBLIC_URL}/auth/callback`,
      DEV_IDP_API_POST_LOGOUT_REDIRECT_URIS: `${API_PUBLIC_URL}/`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`identity provider did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes('ready on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`identity provider exited (${code}):\n${output}`)));
  });
  globalThis.__TETRAD_DEV_IDP__ = child;
  process.env.TEST_OIDC_ISSUER = issuer;
  process.env.TEST_OIDC_KEYS_FILE = keysFile;
  process.env.TEST_PUBLIC_URL = API_PUBLIC_URL;
};
