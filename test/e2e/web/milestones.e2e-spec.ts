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
const MILESTONE = DEMO_SCENARIO.milestone.name;
const DAY_MS = 86_400_000;

/** A calendar day as the date pickers type it (the browser runs in the machine's zone). */
function day(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * DAY_MS);
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

/** Ant Design draws a Select's options apart from the hidden accessible list; click the visible one. */
async function choose(p: Page, text: string): Promise<void> {
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** How wide the page's content is; wider than the viewport means a horizontal scrollbar. */
function pageWidth(p: Page): Promise<number> {
  return p.evaluate<number>('document.documentElement.scrollWidth');
}

async function openMilestone(p: Page): Promise<void> {
  await p.goto(`${stack.url}/c/${consortiumId}/milestones`);
  await p.getByRole('link', { name: MILESTONE }).click();
  await p.getByRole('heading', { level: 1, name: MILESTONE }).waitFor();
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  admin = await newContext(browser);
  page = await admin.newPage();
  // Li Wei: ORG_ADMIN of the scenario user, so he may propose splits and submit KPI reports.
  await signIn(page, stack, 'li.wei@jiading-auto.example');
  consortiumId = await consortiumOf(page);
}, 120_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await stack?.stop();
});

describe('milestones and ledger in the web app', () => {
  it('lists the demo milestone with its state and filters it out by state', async () => {
    await page.goto(`${stack.url}/c/${consortiumId}/milestones`);
    await page.getByRole('heading', { level: 1, name: '里程碑与分账' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: MILESTONE });
    // Committed by all four parties before its window opened.
    await row.getByText('已生效').waitFor();
    await row.getByText('¥500,000.00').waitFor();
    await screenshot(page, 'milestones-list');
    await page.getByLabel('状态').click();
    await choose(page, '已达成');
    await page.getByText('暂无里程碑').waitFor();
  });

  it('explains the evaluation target by target, and evaluates again on demand', async () => {
    await openMilestone(page);
    await page.getByText('尚未达成：目前 1/2 项目标满足').waitFor();
    await page
      .getByText(/Parcels sorted a minute：实测 20\.8 parcels\/min，目标 ≥ 21 parcels\/min/)
      .waitFor();
    await page
      .getByText(/Parcels sorted right the first time：实测 99%，目标 ≥ 95%.*要求至少 200 小时/)
      .waitFor();
    const evaluate = page.getByRole('button', { name: '立即评估' });
    await evaluate.click();
    await page.getByText('尚未达成：目前 1/2 项目标满足').waitFor();
    await page.locator('.ant-btn-loading').waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    await page
      .locator('.ant-tooltip:visible')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    // Targets beside the human baseline of 30–40 parcels a minute.
    await page.getByRole('cell', { name: '30–40 parcels/min' }).waitFor();
    await screenshot(page, 'milestones-milestone');
  });

  it('refuses a split that does not total 100 %, then proposes a valid one for consensus', async () => {
    const jiading = page.getByRole('spinbutton', {
      name: 'Shanghai Jiading Auto Body Works 的分配比例（%）',
    });
    const lingbu = page.getByRole('spinbutton', { name: 'Hangzhou Lingbu Robotics 的分配比例（%）' });
    await page.getByText('条款已生效：调整分配需提交提案').waitFor();
    await jiading.fill('20');
    await jiading.blur();
    await page.getByText('合计为 95%，必须正好为 100%，才能保存。').waitFor();
    const propose = page.getByRole('button', { name: '提交调整提案' });
    expect(await propose.isDisabled()).toBe(true);
    await page.getByTestId('split-total').scrollIntoViewIfNeeded();
    await screenshot(page, 'milestones-split');
    await lingbu.fill('45');
    await lingbu.blur();
    await page.getByTestId('split-total').getByText('100%').waitFor();
    await page.getByLabel('调整理由').fill('Lingbu Robotics takes a larger share of the hardware risk.');
    await propose.click();
    await page.getByText('调整提案已提交').waitFor();
    const proposal = page.getByRole('row').filter({ hasText: '调整分配比例' });
    await proposal.getByText('待审批').waitFor();
    await proposal.getByText('Shanghai Jiading Auto Body Works', { exact: true }).waitFor();
    await proposal.getByText(/待批准：.*Hangzhou Lingbu Robotics/).waitFor();
    await screenshot(page, 'milestones-split-proposed');
  });

  it('books the ledger once a submitted report is verified by another party', async () => {
    await page.goto(`${stack.url}/c/${consortiumId}/milestones/reports`);
    await page.getByRole('button', { name: '提交 KPI 报告' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('场景').click();
    await choose(page, DEMO_SCENARIO.name);
    await drawer.getByLabel('期间开始日期').fill(day(10));
    await drawer.getByLabel('期间开始日期').press('Enter');
    await drawer.getByLabel('期间结束日期（含当天）').fill(day(3));
    await drawer.getByLabel('期间结束日期（含当天）').press('Enter');
    await drawer.getByLabel('运行时长（小时）').fill('50');
    await drawer.getByLabel('处理件数').fill('66000');
    await drawer.getByLabel('在役机器人数').fill('3');
    await drawer.getByLabel('人工干预次数').fill('2');
    // The success rate is computed from the counts: declared 0.98 must agree with them.
    await drawer.getByLabel('成功次数').fill('64680');
    await drawer.getByLabel('尝试次数').fill('66000');
    await drawer.getByLabel('Parcels sorted a minute（parcels/min）').fill('22');
    await drawer.getByLabel('Parcels sorted right the first time（ratio）').fill('0.98');
    await drawer.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.getByText('KPI 报告已提交').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: '待核验' })
      .getByText('本单位提交的报告由其他成员单位核验')
      .waitFor();

    // Chen Jie of Hangzhou Lingbu Robotics verifies it.
    const verifier = await newContext(browser);
    const other = await verifier.newPage();
    await signIn(other, stack, 'chen.jie@lingbu-robotics.example', `/c/${consortiumId}/milestones/reports`);
    await other
      .getByRole('row')
      .filter({ hasText: '待核验' })
      .getByRole('button', { name: '核验通过' })
      .click();
    await other.getByRole('dialog').getByLabel('核验备注（可选）').fill('Matches the sorter counters.');
    await other.getByRole('dialog').getByRole('button', { name: '核验通过' }).click();
    await other.getByText('报告已核验').waitFor();
    await verifier.close();

    await openMilestone(page);
    await page.getByText('已达成：2/2 项目标均已满足。').waitFor();
    const booked = page
      .getByRole('row')
      .filter({ hasText: 'Hangzhou Lingbu Robotics' })
      .filter({ hasText: '收益' });
    await booked.getByText('¥200,000.00').waitFor();

    // The scenario user funds the reward: it pays each other party's share.
    await booked.getByText('Shanghai Jiading Auto Body Works Hangzhou Lingbu Robotics').waitFor();

    await page.goto(`${stack.url}/c/${consortiumId}/milestones/ledger`);
    const statements = page.getByRole('row').filter({ hasText: 'CNY' });
    // Receivable by the robot maker; owed by the scenario user (its own share needs no transfer).
    await statements
      .filter({ hasText: 'Hangzhou Lingbu Robotics' })
      .getByText('¥200,000.00')
      .first()
      .waitFor();
    await statements
      .filter({ hasText: 'Shanghai Jiading Auto Body Works' })
      .getByText('¥375,000.00')
      .first()
      .waitFor();
    await screenshot(page, 'milestones-ledger');
  });

  it('shows the portfolio as charts, each with a table beneath for screen readers', async () => {
    await page.goto(`${stack.url}/c/${consortiumId}/portfolio`);
    await page.getByRole('heading', { level: 1, name: '项目组合' }).waitFor();
    for (const chart of ['各行业与地区的场景', '里程碑状态', '各成员单位分账']) {
      const card = page.locator('.ant-card').filter({ has: page.getByText(chart, { exact: true }) });
      // ECharts draws SVG and names the chart from its data (aria); the table holds the same figures.
      await card.locator('[role="img"] svg').waitFor();
      await card.locator('table caption', { hasText: `${chart}（数据表）` }).waitFor({ state: 'attached' });
    }
    const ledger = page.locator('table').filter({ hasText: '各成员单位分账（数据表）' });
    await ledger
      .getByRole('row')
      .filter({ hasText: 'Hangzhou Lingbu Robotics' })
      .getByText('¥200,000.00')
      .first()
      .waitFor({ state: 'attached' });
    await screenshot(page, 'portfolio');
  });

  it('fits a tablet: nothing overflows the page at 768 px', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    for (const path of ['milestones', 'milestones/reports', 'milestones/ledger', 'portfolio']) {
      await page.goto(`${stack.url}/c/${consortiumId}/${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .locator('.ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      expect(await pageWidth(page)).toBeLessThanOrEqual(768);
    }
    await openMilestone(page);
    await page.getByTestId('split-total').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(768);
    await screenshot(page, 'milestones-milestone-tablet');
  });
});
