import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@tetrad/demo-data';
import { launchChromium } from '../scripts/chromium';

// `npm run bench:web`: how long "my work" takes to load in a real browser, on the embedded demo
// exactly as `npm start` runs it (PGlite, bundled identity provider, demo data, built web app).

const ROOT = join(__dirname, '..', '..'); // this file runs from dist/bench/
const START = join(ROOT, 'dist', 'scripts', 'start.js');
const PORT = Number(process.env['BENCH_WEB_PORT'] ?? 3410);
const RUNS = Number(process.env['BENCH_WEB_RUNS'] ?? 15);
const URL_BASE = `http://localhost:${PORT}`;

interface Sample {
  totalMs: number;
  /** The slowest GraphQL request of the load (the page's data). */
  slowestGraphqlMs: number;
  ttfbMs: number;
  domContentLoadedMs: number;
  transferredKiB: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function waitReady(output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${URL_BASE}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Tetrad did not start:\n${output()}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-bench-web-'));
  let log = '';
  const server = spawn(process.execPath, [START], {
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: String(PORT),
      DATA_DIR: join(dir, 'db'),
      LOG_LEVEL: 'warn',
      DEV_IDP_PORT: '0',
      DEV_IDP_KEYS_FILE: join(dir, 'jwks.json'),
      ...(process.env['WEB_DIR'] ? { WEB_DIR: process.env['WEB_DIR'] } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const browser = await launchChromium();
  try {
    await waitReady(() => log);
    const login = await browser.newContext({ locale: 'zh-CN' });
    const page = await login.newPage();
    await page.goto(URL_BASE);
    await page.locator('a[href^="/auth/login"]').click();
    await page.locator('#email').fill('li.wei@jiading-auto.example');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]', { hasText: 'Sign in' }).click();
    await page.getByTestId('my-work').and(page.locator('[aria-busy="false"]')).waitFor();
    const session = await login.storageState();
    await login.close();

    const cold: Sample[] = [];
    const warm: Sample[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Cold: a new context has no HTTP cache, only the session cookie.
      const context = await browser.newContext({
        locale: 'zh-CN',
        storageState: session,
        viewport: { width: 1280, height: 800 },
      });
      const tab = await context.newPage();
      cold.push(await measure(tab, () => tab.goto(URL_BASE)));
      warm.push(await measure(tab, () => tab.reload()));
      await context.close();
    }
    report({ cold, warm });
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  page: import('playwright-core').Page,
  navigate: () => Promise<unknown>,
): Promise<Sample> {
  const started = Date.now();
  await navigate();
  await page.getByTestId('my-work').and(page.locator('[aria-busy="false"]')).waitFor();
  const totalMs = Date.now() - started;
  // Runs in the page (DOM types are not in this Node project's lib).
  const timing = await page.evaluate<{ ttfb: number; dcl: number; bytes: number; graphql: number }>(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const bytes = performance
      .getEntriesByType('resource')
      .reduce((sum, r) => sum + r.transferSize, nav.transferSize);
    const graphql = Math.max(0, ...performance
      .getEntriesByType('resource')
      .filter((r) => r.name.includes('/graphql'))
      .map((r) => r.duration));
    return { ttfb: nav.responseStart - nav.startTime, dcl: nav.domContentLoadedEventEnd - nav.startTime, bytes, graphql };
  })()`);
  return {
    totalMs,
    slowestGraphqlMs: Math.round(timing.graphql),
    ttfbMs: Math.round(timing.ttfb),
    domContentLoadedMs: Math.round(timing.dcl),
    transferredKiB: Math.round(timing.bytes / 1024),
  };
}

function report(samples: { cold: Sample[]; warm: Sample[] }): void {
  const median = (list: Sample[], key: keyof Sample) =>
    percentile(
      list.map((sample) => sample[key]),
      50,
    );
  const rows = Object.entries(samples).map(([kind, list]) => ({
    kind,
    runs: list.length,
    medianMs: median(list, 'totalMs'),
    p95Ms: percentile(
      list.map((sample) => sample.totalMs),
      95,
    ),
    medianTtfbMs: median(list, 'ttfbMs'),
    medianDomContentLoadedMs: median(list, 'domContentLoadedMs'),
    medianSlowestGraphqlMs: median(list, 'slowestGraphqlMs'),
    medianTransferredKiB: median(list, 'transferredKiB'),
  }));
  process.stdout.write(
    '"My work" first load, embedded demo, headless Chromium, 1280×800 (until its data is shown):\n',
  );
  console.table(rows);
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `web-first-load-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), rows, samples }, null, 2)}\n`);
  process.stdout.write(`Raw samples: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
