import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_CONSORTIA, DEMO_SCENARIO } from '@tetrad/demo-data';
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
let admin: BrowserContext;
let page: Page;
let consortiumId: string;

const CONSORTIUM = DEMO_CONSORTIA.find((c) => c.key === DEMO_SCENARIO.consortium)!.name;
const NAME = 'Scale-up acceptance: 25 parcels a minute';
const DAY_MS = 86_400_000;

/** A calendar day `days` from today as the date pickers type it (the browser runs in the machine's zone). */
function day(days: number): string {
  const d = new Date(Date.now() + days * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function consortiumOf(p: Page): Promise<string> {
  const response = await p.request.post(`${stack.url}/graphql`, {
    headers: { 'x-tetrad-csrf': '1' },
    data: { query: '{ me { consortia(first: 100) { nodes { id name } } } }' },
  });
  const body = (await response.json()) as {
    data: { me: { consortia: { nodes: { id: string; name: string }[] } } };
  };
  return body.data.me.consortia.nodes.find((c) => c.name === CONSORTIUM)!.id;
}

/**
 * Ant Design draws a Select's options apart from the hidden accessible list; click the visible one,
 * then wait for the dropdown to close so that the next Select's options are not confused with it.
 */
async function choose(p: Page, text: string): Promise<void> {
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await p.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

async function pickDay(p: Page, label: string, value: string): Promise<void> {
  const input = p.getByLabel(label);
  await input.fill(value);
  await input.press('Enter');
}

const target = (p: Page, n: number) => p.locator('.ant-card-type-inner').nth(n - 1);

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  admin = await newContext(browser);
  page = await admin.newPage();
  // Li Wei: ORG_ADMIN of the scenario user, so the API lets him create milestones.
  await signIn(page, stack, 'li.wei@jiading-auto.example');
  consortiumId = await consortiumOf(page);
}, 120_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await stack?.stop();
});

describe('creating a milestone in the web app', () => {
  it('offers "新建里程碑" only to member admins', async () => {
    const context = await newContext(browser);
    const engineer = await context.newPage();
    await signIn(engineer, stack, 'zhang.min@jiading-auto.example', `/c/${consortiumId}/milestones`);
    await engineer.getByRole('heading', { level: 1, name: '里程碑与分账' }).waitFor();
    await engineer.getByRole('link', { name: DEMO_SCENARIO.milestone.name }).waitFor();
    expect(await engineer.getByRole('button', { name: '新建里程碑' }).count()).toBe(0);
    await engineer.goto(`${stack.url}/c/${consortiumId}/milestones/new`);
    await engineer.getByText('仅成员单位的管理员可以新建里程碑。').waitFor();
    await context.close();
  });

  it('refuses a window that ends before it starts on that field, keeps the draft, then creates it', async () => {
    await page.goto(`${stack.url}/c/${consortiumId}/milestones`);
    await page.getByRole('button', { name: '新建里程碑' }).click();
    await page.getByRole('heading', { level: 1, name: '新建里程碑' }).waitFor();

    await page.getByLabel('场景').click();
    await choose(page, DEMO_SCENARIO.name);
    await page.getByLabel('里程碑名称').fill(NAME);
    await page.getByLabel('说明').fill('Five humanoids on line 1 after the gripper upgrade.');
    await pickDay(page, '考核窗口开始日期', day(10));
    await pickDay(page, '考核窗口结束日期（含当天）', day(5));
    await pickDay(page, '截止日期', day(45));
    await page.getByLabel('收益池金额（元）').fill('300000');
    await page.getByLabel('风险金额（元，未达成时分摊）').fill('100000');

    await target(page, 1).getByLabel('KPI').click();
    await choose(page, 'Parcels sorted a minute');
    await target(page, 1).getByLabel('目标值').fill('25');
    await target(page, 1).getByText('人工基准：30–40 parcels/min').waitFor();
    await page.getByRole('button', { name: '添加 KPI 目标' }).click();
    await target(page, 2).getByLabel('KPI').click();
    await choose(page, 'Parcels sorted right the first time');
    await target(page, 2).getByLabel('目标值').fill('97');
    await target(page, 2).getByLabel('最低运行时长（小时）').fill('100');
    await target(page, 2).getByText('人工基准：99%').waitFor();

    const shares = page.getByRole('spinbutton', { name: /的分配比例（%）$/ });
    expect(await shares.count()).toBe(4);
    for (const [index, percent] of ['25', '40', '15', '10'].entries()) {
      await shares.nth(index).fill(percent);
      await shares.nth(index).blur();
    }
    await page.getByText('合计为 90%，必须正好为 100%。').waitFor();

    await page.getByRole('button', { name: '创建里程碑' }).click();
    await page.getByText('结束日期不能早于开始日期').waitFor();
    await page.getByText('分配比例合计须正好为 100%').waitFor();
    // Enter in a date picker submitted the form early; what was filled in since carries no refusal.
    expect(await page.getByText('此项为必填项').count()).toBe(0);
    expect(page.url()).toContain('/milestones/new');
    await page.getByLabel('考核窗口结束日期（含当天）').scrollIntoViewIfNeeded();
    await screenshot(page, 'milestones-create');

    // A reload loses nothing typed: the draft lives in this tab's sessionStorage.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '新建里程碑' }).waitFor();
    expect(await page.getByLabel('里程碑名称').inputValue()).toBe(NAME);
    expect(await target(page, 2).getByLabel('目标值').inputValue()).toBe('97');
    await pickDay(page, '考核窗口结束日期（含当天）', day(40));
    await shares.nth(3).fill('20');
    await shares.nth(3).blur();
    await page.getByTestId('split-total').getByText('100%').waitFor();
    await page.getByRole('button', { name: '创建里程碑' }).click();

    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    expect(page.url()).toMatch(/\/milestones\/[0-9a-f-]{36}$/);
    await page.getByText('¥300,000.00').first().waitFor();
    // Proposed terms: Li Wei's organisation accepted as it proposed; the three others have yet to.
    await page.getByText('待各方确认').first().waitFor();
    await page
      .getByTestId('must-act')
      .getByText('Hangzhou Lingbu Robotics 的机构管理员或签署人确认条款')
      .waitFor();
    await page.getByRole('cell', { name: '≥ 97%' }).waitFor();
    await page.getByRole('cell', { name: '100 小时' }).waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'milestones-created');
  });

  it('amends the proposed terms in the same form: a new version, earlier acceptances void but the amender’s', async () => {
    await page.getByRole('button', { name: '修改条款' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('修改条款会产生新的条款版本').waitFor();
    expect(await drawer.getByLabel('里程碑名称').inputValue()).toBe(NAME);
    await drawer.getByLabel('收益池金额（元）').fill('350000');
    await drawer.getByRole('button', { name: '提交修改' }).click();
    await page.getByText('条款已修改').waitFor();
    const agreement = page.getByTestId('agreement');
    await agreement.getByText('第 2 版').waitFor();
    await page.getByText('¥350,000.00').first().waitFor();
    await agreement
      .getByRole('row')
      .filter({ hasText: 'Shanghai Jiading Auto Body Works' })
      .getByText(/^已确认/)
      .waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'milestones-amended');
  });

  it('fits a tablet: the form does not overflow the page at 768 px', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${stack.url}/c/${consortiumId}/milestones/new`);
    await page.getByRole('heading', { level: 1, name: '新建里程碑' }).waitFor();
    await page.getByLabel('场景').click();
    await choose(page, DEMO_SCENARIO.name);
    await page.getByTestId('split-total').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
    await screenshot(page, 'milestones-create-tablet');
  });
});
