import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  startWebStack,
  type WebStack,
} from '../../support/web-stack';

let stack: WebStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('signing in to the web app', () => {
  it('shows the sign-in page without a session, then my work after the identity provider', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(stack.url);
    await page.getByRole('heading', { name: '欢迎使用 Tetrad' }).waitFor();
    await screenshot(page, '00-sign-in');
    await signIn(page, stack, 'li.wei@jiading-auto.example');
    await page.getByText('Li Wei · ').waitFor();
    await context.close();
  });

  it('answers in English when the browser asks for English', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await page.goto(stack.url);
    await page.getByRole('heading', { name: 'Welcome to Tetrad' }).waitFor();
    await context.close();
  });

  it('serves a client-side route on reload and refuses unknown API paths as JSON', async () => {
    const page = await fetch(`${stack.url}/c/00000000-0000-4000-8000-000000000000/tickets`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const api = await fetch(`${stack.url}/graphql/nope`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
  });

  it('serves the hashed assets compressed and cached for good, the page itself never cached', async () => {
    const page = await fetch(stack.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const asset = await fetch(`${stack.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await asset.text()).length).toBeGreaterThan(1000); // fetch decodes it: real JavaScript
  });
});
