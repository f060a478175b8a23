import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_CONSORTIA, DEMO_DATASETS } from '@tetrad/demo-data';
import { graphqlAs, launchBrowser, signIn, startWebStack, type WebStack } from '../../support/web-stack';

/**
 * Every main page checked by axe-core against WCAG 2.2 level A and AA rules (labels, names, roles,
 * contrast, structure), in Chinese as most people see it. axe finds what a machine can: keyboard
 * paths are exercised by the other browser tests.
 */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let stack: WebStack;
let browser: Browser;
let page: Page;
let consortiumId: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  // axe is injected as a script, which the app's Content-Security-Policy rightly refuses.
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', bypassCSP: true })
  ).newPage();
  await signIn(page, stack, 'li.wei@jiading-auto.example');
  const { me } = await graphqlAs<{ me: { consortia: { nodes: { id: string; name: string }[] } } }>(
    page,
    stack,
    '{ me { consortia(first: 10) { nodes { id name } } } }',
  );
  consortiumId = me.consortia.nodes.find((c) => c.name === DEMO_CONSORTIA[0]!.name)!.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function violationsOn(path: string): Promise<string[]> {
  await page.goto(`${stack.url}${path}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
  await page.addScriptTag({ content: AXE });
  // Runs in the page (DOM types are not in this Node project's lib).
  const violations = await page.evaluate<Violation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } }).then((r) => r.violations)`,
  );
  return violations.map(
    (v) =>
      `${v.impact ?? 'minor'} ${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

describe('accessibility of the main pages (axe-core, WCAG 2.2 A and AA)', () => {
  it.each([
    ['my work', () => '/'],
    ['the consortium overview', () => `/c/${consortiumId}/overview`],
    ['the ticket board', () => `/c/${consortiumId}/tickets`],
    ['the ticket list', () => `/c/${consortiumId}/tickets/list`],
    ['raising a ticket', () => `/c/${consortiumId}/tickets/new`],
    ['the data catalog', () => `/c/${consortiumId}/data`],
    ['the review queue', () => `/c/${consortiumId}/reviews`],
    ['the contracts', () => `/c/${consortiumId}/contracts`],
    ['the milestones', () => `/c/${consortiumId}/milestones`],
    ['the ledger', () => `/c/${consortiumId}/milestones/ledger`],
    ['the portfolio', () => `/c/${consortiumId}/portfolio`],
    ['the audit trail', () => `/c/${consortiumId}/audit`],
  ])('%s has no violations', async (_page, path) => {
    expect(await violationsOn(path())).toEqual([]);
  });

  it('the wide lists have no violations on a 768 px tablet either (their tables scroll by keyboard)', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      for (const area of ['tickets/list', 'data', 'contracts', 'milestones', 'audit']) {
        expect(await violationsOn(`/c/${consortiumId}/${area}`)).toEqual([]);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('a dataset page has no violations', async () => {
    await page.goto(`${stack.url}/c/${consortiumId}/data`);
    await page.getByRole('link', { name: DEMO_DATASETS[0]!.name }).click();
    await page.waitForURL(/\/data\/[0-9a-f-]{36}$/);
    expect(await violationsOn(new URL(page.url()).pathname)).toEqual([]);
  });
});
