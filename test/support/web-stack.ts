import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@tetrad/demo-data';
import { launchChromium } from '../../scripts/chromium';
import { createTestDatabase, type TestDatabase } from './test-database';

const START = join(__dirname, '..', '..', 'dist', 'scripts', 'start.js');
export const SCREENSHOTS = join(__dirname, '..', 'e2e', 'screenshots');

export interface WebStack {
  url: string;
  /** The PostgreSQL server's database under TEST_DATABASE_URL; undefined on the embedded one. */
  databaseUrl: string | undefined;
  output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * Tetrad exactly as `npm start` runs it (built web app, bundled identity provider, demo data),
 * on a free port and a fresh database: the local PostgreSQL under TEST_DATABASE_URL, else PGlite.
 */
export async function startWebStack(): Promise<WebStack> {
  const port = await freePort();
  const database: TestDatabase = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'tetrad-web-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DEV_IDP_PORT: '0',
    DEV_IDP_KEYS_FILE: join(dataDir, 'jwks.json'),
    // A web build elsewhere than dist/web (several builds side by side while developing).
    ...(process.env['WEB_DIR'] ? { WEB_DIR: process.env['WEB_DIR'] } : {}),
    ...(database.url ? { DATABASE_URL: database.url } : { DATA_DIR: join(dataDir, 'db') }),
  };
  const child: ChildProcess = spawn(process.execPath, [START], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Tetrad exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Tetrad did not become ready:\n${output}`);
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    url,
    databaseUrl: database.url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await database.drop();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A fresh browser context (its own cookies) at 1280×800, Chinese unless told otherwise. */
export async function newContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
}

/** Signs in through the web app's button and the bundled identity provider's form. */
export async function signIn(page: Page, stack: WebStack, email: string, path = '/'): Promise<void> {
  await page.goto(`${stack.url}${path}`);
  await page.locator('a[href^="/auth/login"]').click();
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]', { hasText: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** Writes a full-page screenshot to test/e2e/screenshots/<name>.png (not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * A GraphQL request with the browser context's own session cookie, for setting up data that the
 * page under test is not about. Throws on any error, so a broken setup fails loudly.
 */
export async function graphqlAs<T>(
  page: Page,
  stack: WebStack,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.request.post(`${stack.url}/graphql`, {
    headers: { 'x-tetrad-csrf': '1' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data)
    throw new Error(`GraphQL setup failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}
