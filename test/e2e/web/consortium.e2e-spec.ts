import type { Browser, Page } from 'playwright-core';
import {
  graphqlAs,
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

/** GraphQL with the page's own session, for data this test is not about. */
const gql = <T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> =>
  graphqlAs<T>(page, stack, query, variables);

async function consortiumIdOf(page: Page, name: string): Promise<string> {
  const data = await gql<{ me: { consortia: { nodes: { id: string; name: string }[] } } }>(
    page,
    '{ me { consortia(first: 100) { nodes { id name } } } }',
  );
  const found = data.me.consortia.nodes.find((c) => c.name === name);
  if (!found) throw new Error(`${name} is not among the consortia of the signed-in person`);
  return found.id;
}

const DAY = 86_400_000;

describe('consortium overview, scenarios and audit trail', () => {
  it('shows the members by party kind, a scenario’s KPI chart, and the audit trail with its verification', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack, 'li.wei@jiading-auto.example');
    const id = await consortiumIdOf(page, 'Parcel Sorting Humanoids, Yangtze Delta');

    await page.goto(`${stack.url}/c/${id}/overview`);
    await page.getByRole('heading', { level: 1, name: 'Parcel Sorting Humanoids, Yangtze Delta' }).waitFor();
    const kinds: [string, string][] = [
      ['场景用户', 'Shanghai Jiading Auto Body Works'],
      ['机器人整机厂商', 'Hangzhou Lingbu Robotics'],
      ['零部件供应商', 'Suzhou Precision Harmonic Drives'],
      ['科研院所', 'Beijing Institute for Embodied Intelligence'],
    ];
    for (const [kind, organization] of kinds) {
      const section = page.getByRole('region', { name: kind });
      await section.getByText(organization).waitFor();
      await section.getByText('正式成员').first().waitFor();
    }
    await page.getByText('运行中').first().waitFor();
    await screenshot(page, 'consortium-overview');

    // A second report, submitted and not yet verified, so the chart has a line over time.
    const scenarios = await gql<{ scenarios: { nodes: { id: string; name: string }[] } }>(
      page,
      'query($c: UUID) { scenarios(consortiumId: $c) { nodes { id name } } }',
      { c: id },
    );
    const scenario = scenarios.scenarios.nodes.find((s) => s.name === 'Parcel sorting, Jiading hub line 1');
    expect(scenario).toBeDefined();
    await gql(
      page,
      `mutation($input: SubmitKpiReportInput!) { submitKpiReport(input: $input) { id status } }`,
      {
        input: {
          scenarioId: scenario!.id,
          periodStart: new Date(Date.now() - 18 * DAY).toISOString(),
          periodEnd: new Date(Date.now() - 8 * DAY).toISOString(),
          robotsInService: 3,
          unitsProcessed: 262_000,
          operatingHours: 200,
          interventions: 9,
          successes: 255_000,
          attempts: 262_000,
          values: [
            { kpiKey: 'throughput', value: 21.8 },
            { kpiKey: 'success_rate', value: 0.973 },
          ],
        },
      },
    );

    await page.getByRole('link', { name: 'Parcel sorting, Jiading hub line 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Parcel sorting, Jiading hub line 1' }).waitFor();
    const card = page.locator('.ant-card', { hasText: 'Parcels sorted a minute' });
    const chart = card.getByRole('img', {
      name: 'Parcels sorted a minute随时间变化图，含人工基准与里程碑目标',
    });
    await chart.locator('svg').waitFor();
    await card.getByRole('cell', { name: '已核验' }).waitFor();
    await card.getByRole('cell', { name: '已提交' }).waitFor();
    await card.getByRole('cell', { name: '21.8' }).waitFor();
    await card.getByText('人工基准：30–40').waitFor();
    await page.waitForTimeout(1500); // the chart's entry animation
    await screenshot(page, 'consortium-scenario');

    await page.goto(`${stack.url}/c/${id}/audit`);
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await page.getByText(/校验通过：本联盟的哈希链共 \d+ 条记录，与签名检查点一致/).waitFor();
    await page.locator('tbody code').first().waitFor();
    await page.getByLabel('操作', { exact: true }).fill('kpiReport.submit');
    await page.getByRole('button', { name: /^筛\s?选$/ }).click();
    await page.waitForURL(/action=kpiReport.submit/);
    await page.getByText('已显示 1 / 1 条').waitFor();
    expect(await page.locator('tbody code').allTextContents()).toEqual(['kpiReport.submit']);
    await page.getByRole('button', { name: '重新校验' }).click();
    await page.getByText(/校验通过/).waitFor();
    // A row opens to what the entry recorded, field by field, and its place in the chain.
    await page.getByRole('button', { name: '展开行' }).click();
    await page.getByRole('cell', { name: 'unitsProcessed', exact: true }).waitFor();
    await page.getByText('上一条哈希').waitFor();
    await screenshot(page, 'audit');
    await context.close();
  });

  it('shows a FORMING consortium what it lacks before it can be activated', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack, 'huang.mei@pearl-care.example');
    const id = await consortiumIdOf(page, 'Nursing Home Assistance, Pearl River');

    await page.goto(`${stack.url}/c/${id}/overview`);
    await page.getByRole('heading', { level: 1, name: 'Nursing Home Assistance, Pearl River' }).waitFor();
    await page.getByText('尚缺：零部件供应商、科研院所').waitFor();
    expect(await page.getByRole('button', { name: '启用联合体' }).isDisabled()).toBe(true);

    // Invite the missing supplier: the checklist shows it on its way.
    await page.getByRole('button', { name: '邀请机构' }).click();
    const dialog = page.getByRole('dialog', { name: '邀请机构加入联合体' });
    await dialog.getByLabel('机构').click();
    await page.locator('.ant-select-item-option', { hasText: 'Suzhou Precision Harmonic Drives' }).click();
    await dialog.getByRole('button', { name: '发送邀请' }).click();
    await page.getByText('邀请中：Suzhou Precision Harmonic Drives').waitFor();
    await page.getByRole('region', { name: '零部件供应商' }).getByText('已邀请').waitFor();
    await screenshot(page, 'consortium-activation');

    // At tablet width the overview still fits: no horizontal scroll of the page itself.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByText('尚缺：零部件供应商、科研院所').waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(768);
    await screenshot(page, 'consortium-activation-tablet');
    await context.close();
  });
});
