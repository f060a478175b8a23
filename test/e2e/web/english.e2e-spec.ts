import type { Browser, Page } from 'playwright-core';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import {
  graphqlAs,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  startWebStack,
  type WebStack,
} from '../../support/web-stack';

/**
 * Chinese first, English second: a person whose browser asks for English sees every page in English.
 * The demo data is in English, so any Chinese character in a page's main content is a string that
 * was not translated.
 */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;

let stack: WebStack;
let browser: Browser;
let page: Page;
let consortiumId: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  page = await (await newContext(browser, 'en-GB')).newPage();
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

async function chineseOn(path: string, name: string): Promise<string[]> {
  await page.goto(`${stack.url}${path}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, `en-${name}`);
  const text = await page.locator('#main').innerText();
  return [...new Set(text.match(CJK) ?? [])];
}

describe('the web app in English', () => {
  it.each([
    ['my-work', () => '/'],
    ['overview', () => `/c/${consortiumId}/overview`],
    ['tickets-board', () => `/c/${consortiumId}/tickets`],
    ['tickets-list', () => `/c/${consortiumId}/tickets/list`],
    ['tickets-new', () => `/c/${consortiumId}/tickets/new`],
    ['data-catalog', () => `/c/${consortiumId}/data`],
    ['data-new', () => `/c/${consortiumId}/data/new`],
    ['reviews', () => `/c/${consortiumId}/reviews`],
    ['contracts', () => `/c/${consortiumId}/contracts`],
    ['milestones', () => `/c/${consortiumId}/milestones`],
    ['milestones-reports', () => `/c/${consortiumId}/milestones/reports`],
    ['milestones-ledger', () => `/c/${consortiumId}/milestones/ledger`],
    ['portfolio', () => `/c/${consortiumId}/portfolio`],
    ['audit', () => `/c/${consortiumId}/audit`],
  ])('%s shows no untranslated Chinese', async (name, path) => {
    expect(await chineseOn(path(), name)).toEqual([]);
  });

  it('follows the language switch at once, and remembers it', async () => {
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '我的工作', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '我的工作', level: 1 }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
  });
});
