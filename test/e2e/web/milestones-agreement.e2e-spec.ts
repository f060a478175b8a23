import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client } from 'pg';
import { DEMO_CONSORTIA, DEMO_SCENARIO } from '@tetrad/demo-data';
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
 * Issue 14 end to end in the browser: the scenario user proposes terms; the robot maker, the
 * supplier and the institute accept them, each by its admin; a report inside the committed window
 * is submitted and verified by another party; the milestone is ACHIEVED; the ledger names payer and
 * payee and a payee confirms it was paid; the portfolio shows the scenario's milestones.
 */

let stack: WebStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let consortiumId: string;
let milestoneId: string;

const CONSORTIUM = DEMO_CONSORTIA.find((c) => c.key === DEMO_SCENARIO.consortium)!.name;
const NAME = 'Four-party acceptance: 21 parcels a minute over 100 hours';
const JIADING = 'Shanghai Jiading Auto Body Works';
const LINGBU = 'Hangzhou Lingbu Robotics';
const HARMONIC = 'Suzhou Precision Harmonic Drives';
const INSTITUTE = 'Beijing Institute for Embodied Intelligence';
const DAY_MS = 86_400_000;

/** Time moves in SQL only on a PostgreSQL server (the embedded database belongs to the server process). */
const withSql = process.env['TEST_DATABASE_URL'] ? it : it.skip;

/** A calendar day as the date pickers type it (the browser runs in the machine's zone). */
function day(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function signedIn(email: string, path = '/'): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, stack, email, path);
  return page;
}

/** Ant Design draws a Select's options apart from the hidden accessible list; click the visible one. */
async function choose(p: Page, text: string): Promise<void> {
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** As the integration tests do: the terms were committed `days` ago, the window opened a day later. */
async function committedDaysAgo(id: string, days: number): Promise<void> {
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE milestone SET committed_at = committed_at - make_interval(days => $2),
              window_start = committed_at - make_interval(days => $2 - 1) WHERE id = $1`,
      [id, days],
    );
  } finally {
    await client.end();
  }
}

const milestonePath = () => `/c/${consortiumId}/milestones/${milestoneId}`;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

describe('a milestone agreed by four parties, judged, booked and settled in the web app', () => {
  let proposer: Page;

  it('shows the proposal as binding nobody yet, with who must act next', async () => {
    // Li Wei: ORG_ADMIN and SIGNATORY of the scenario user; proposing counts as its acceptance.
    proposer = await signedIn('li.wei@jiading-auto.example');
    const { me } = await graphqlAs<{ me: { consortia: { nodes: { id: string; name: string }[] } } }>(
      proposer,
      stack,
      '{ me { consortia(first: 100) { nodes { id name } } } }',
    );
    consortiumId = me.consortia.nodes.find((c) => c.name === CONSORTIUM)!.id;
    const { memberships, scenarios } = await graphqlAs<{
      memberships: { nodes: { organization: { id: string; name: string } }[] };
      scenarios: { nodes: { id: string; name: string }[] };
    }>(
      proposer,
      stack,
      `query($c: UUID!) {
        memberships(consortiumId: $c, first: 20, statuses: [ACTIVE]) { nodes { organization { id name } } }
        scenarios(consortiumId: $c, first: 20) { nodes { id name } }
      }`,
      { c: consortiumId },
    );
    const org = (name: string) =>
      memberships.nodes.find((m) => m.organization.name === name)!.organization.id;
    const now = Date.now();
    const { createMilestone } = await graphqlAs<{ createMilestone: { id: string } }>(
      proposer,
      stack,
      'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
      {
        input: {
          scenarioId: scenarios.nodes.find((s) => s.name === DEMO_SCENARIO.name)!.id,
          name: NAME,
          description: 'Agreed by all four parties before the window opens.',
          // The window opens after everyone will have accepted; time is moved afterwards.
          windowStart: new Date(now + 2 * 3_600_000).toISOString(),
          windowEnd: new Date(now + 20 * DAY_MS).toISOString(),
          dueAt: new Date(now + 30 * DAY_MS).toISOString(),
          currency: 'CNY',
          rewardPoolMinor: 10_000_000,
          riskAmountMinor: 4_000_000,
          targets: [
            { kpiKey: 'throughput', comparator: 'GTE', value: 21 },
            { kpiKey: 'success_rate', comparator: 'GTE', value: 0.95, minOperatingHours: 100 },
          ],
          shares: [
            { organizationId: org(JIADING), basisPoints: 2_500 },
            { organizationId: org(LINGBU), basisPoints: 4_000 },
            { organizationId: org(HARMONIC), basisPoints: 1_500 },
            { organizationId: org(INSTITUTE), basisPoints: 2_000 },
          ],
        },
      },
    );
    milestoneId = createMilestone.id;

    await proposer.goto(`${stack.url}${milestonePath()}`);
    await proposer.getByRole('heading', { level: 1, name: NAME }).waitFor();
    const agreement = proposer.getByTestId('agreement');
    await agreement.getByText('条款尚未生效').waitFor();
    await agreement.getByText('第 1 版').waitFor();
    await agreement
      .getByRole('row')
      .filter({ hasText: JIADING })
      .getByText(/^已确认/)
      .waitFor();
    await agreement.getByRole('row').filter({ hasText: JIADING }).getByText('出资收益池').waitFor();
    for (const party of [LINGBU, HARMONIC, INSTITUTE]) {
      await agreement.getByRole('row').filter({ hasText: party }).getByText('尚未确认').waitFor();
      await proposer.getByTestId('must-act').getByText(`${party} 的机构管理员或签署人确认条款`).waitFor();
    }
    // Nothing to accept for the proposer's organisation, and nothing to judge yet.
    expect(await agreement.getByRole('button', { name: /^确认第/ }).count()).toBe(0);
    await proposer.getByText('条款待各方确认：在各受约束方确认之前，不作评估').waitFor();
    expect(await proposer.getByRole('button', { name: '立即评估' }).isDisabled()).toBe(true);
    await screenshot(proposer, 'milestone-agreement-proposed');
  });

  it('is accepted in the browser by the robot maker, the supplier and the institute; the last commits it', async () => {
    const admins: [string, string][] = [
      ['chen.jie@lingbu-robotics.example', LINGBU],
      ['zhao.lei@harmonic-drives.example', HARMONIC],
      ['sun.li@embodied-institute.example', INSTITUTE],
    ];
    for (const [index, [email, party]] of admins.entries()) {
      const page = await signedIn(email);
      // My work lists the terms waiting for this organisation.
      const todo = page.locator('.ant-card', { hasText: '待我方确认的里程碑条款' });
      await todo.getByRole('link', { name: NAME }).click();
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      const agreement = page.getByTestId('agreement');
      await agreement.getByText(`确认即代表 ${party} 接受第 1 版条款`).waitFor();
      await agreement.getByRole('button', { name: '确认第 1 版条款' }).click();
      const last = index === admins.length - 1;
      await page
        .getByText(last ? '各方均已确认，里程碑已生效' : '已确认条款，等待其他受约束方确认')
        .waitFor();
      await agreement
        .getByRole('row')
        .filter({ hasText: party })
        .getByText(/^已确认/)
        .waitFor();
      if (last) {
        await agreement.getByText(/各受约束方已确认，条款于 .* 生效/).waitFor();
        await page.getByText('已生效', { exact: true }).first().waitFor();
        expect(await page.getByTestId('must-act').count()).toBe(0);
        await screenshot(page, 'milestone-agreement-committed');
      }
    }
  });

  withSql('achieves it with a report in the window, verified by another party', async () => {
    // The window opened 29 days ago, a day after the (now earlier) commitment.
    await committedDaysAgo(milestoneId, 30);
    await proposer.goto(`${stack.url}/c/${consortiumId}/milestones/reports`);
    await proposer.getByRole('button', { name: '提交 KPI 报告' }).click();
    const drawer = proposer.getByRole('dialog');
    await drawer.getByLabel('场景').click();
    await choose(proposer, DEMO_SCENARIO.name);
    await drawer.getByLabel('期间开始日期').fill(day(19));
    await drawer.getByLabel('期间开始日期').press('Enter');
    await drawer.getByLabel('期间结束日期（含当天）').fill(day(12));
    await drawer.getByLabel('期间结束日期（含当天）').press('Enter');
    // 22 parcels a minute: 198,000 parcels in 150 hours.
    await drawer.getByLabel('运行时长（小时）').fill('150');
    await drawer.getByLabel('处理件数').fill('198000');
    await drawer.getByLabel('在役机器人数').fill('3');
    await drawer.getByLabel('人工干预次数').fill('3');
    await drawer.getByLabel('成功次数').fill('194040');
    await drawer.getByLabel('尝试次数').fill('198000');
    await drawer.getByLabel('Parcels sorted a minute（parcels/min）').fill('22');
    await drawer.getByLabel('Parcels sorted right the first time（ratio）').fill('0.98');
    await drawer.getByRole('button', { name: /^提\s*交$/ }).click();
    await proposer.getByText('KPI 报告已提交').waitFor();

    await proposer.goto(`${stack.url}${milestonePath()}`);
    await proposer.getByRole('button', { name: '立即评估' }).click();
    await proposer.getByText(/^尚未达成：目前 0\/2 项目标满足/).waitFor();

    const verifier = await signedIn(
      'chen.jie@lingbu-robotics.example',
      `/c/${consortiumId}/milestones/reports`,
    );
    await verifier
      .getByRole('row')
      .filter({ hasText: '待核验' })
      .getByRole('button', { name: '核验通过' })
      .click();
    await verifier.getByRole('dialog').getByLabel('核验备注（可选）').fill('Matches the sorter counters.');
    await verifier.getByRole('dialog').getByRole('button', { name: '核验通过' }).click();
    await verifier.getByText('报告已核验').waitFor();

    await proposer.reload();
    await proposer.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await proposer.getByText('已达成：2/2 项目标均已满足。').waitFor();
    await proposer
      .getByTestId('decision-summary')
      .getByText(/Achieved with report/)
      .waitFor();
    expect(await proposer.getByRole('button', { name: '立即评估' }).isDisabled()).toBe(true);
    const booked = proposer.getByRole('row').filter({ hasText: '收益' }).filter({ hasText: '¥40,000.00' });
    await booked.getByTestId('ledger-flow').getByText(`${JIADING}`).waitFor();
    await booked.getByText('待结清').waitFor();
    await screenshot(proposer, 'milestone-agreement-achieved');
  });

  withSql(
    'shows payer and payee in the ledger; the payee confirms it was paid, with its reference',
    async () => {
      const payee = await signedIn(
        'chen.jie@lingbu-robotics.example',
        `/c/${consortiumId}/milestones/ledger`,
      );
      await payee.getByRole('heading', { level: 1 }).waitFor();
      await payee.getByText('待结清', { exact: true }).first().waitFor();
      await payee.locator('.ant-segmented-item', { hasText: '待结清' }).click();
      const entry = payee
        .getByRole('row')
        .filter({ hasText: NAME })
        .filter({ hasText: `${JIADING} ${LINGBU}` })
        .filter({ hasText: '¥40,000.00' });
      await entry.getByRole('button', { name: '确认收款' }).click();
      const dialog = payee.getByRole('dialog');
      await dialog.getByText(`确认已收到 ${JIADING} 支付的 ¥40,000.00`).waitFor();
      await dialog.getByRole('button', { name: '确认收款' }).click();
      await dialog.getByText('请填写收款凭证号').waitFor();
      await dialog.getByLabel('收款凭证号').fill('ICBC-2026-000417');
      await dialog.getByRole('button', { name: '确认收款' }).click();
      await payee.getByText('已确认收款，该笔分账已结清').waitFor();

      await payee.locator('.ant-segmented-item', { hasText: '已结清' }).click();
      const settled = payee
        .getByRole('row')
        .filter({ hasText: NAME })
        .filter({ hasText: 'ICBC-2026-000417' });
      await settled.getByText(/^已结清/).waitFor();
      // The proposer's own share needs no transfer and is settled at once.
      await payee
        .getByRole('row')
        .filter({ hasText: NAME })
        .filter({ hasText: '本方自有份额，无需转账' })
        .first()
        .waitFor();
      const statement = payee.getByRole('row').filter({ hasText: LINGBU }).filter({ hasText: 'CNY' });
      await statement.getByText('¥40,000.00').first().waitFor();
      await payee.getByRole('button', { name: '导出 Excel（.xlsx）' }).waitFor();
      await screenshot(payee, 'milestone-agreement-ledger');

      // The export is an .xlsx workbook (a zip file).
      const [download] = await Promise.all([
        payee.waitForEvent('download'),
        payee.getByRole('button', { name: '导出 Excel（.xlsx）' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    },
  );

  it("shows the scenario's row on the portfolio page: its KPIs against people, its milestones and its money", async () => {
    await proposer.goto(`${stack.url}/c/${consortiumId}/portfolio`);
    await proposer.getByRole('heading', { level: 1, name: '项目组合' }).waitFor();
    const outcomes = proposer.locator('table').filter({ hasText: '里程碑状态（数据表）' });
    await outcomes.getByRole('row').first().waitFor({ state: 'attached' });
    const states = await outcomes.locator('tbody').textContent();
    expect(states).toMatch(/已生效|已达成/);
    const row = proposer.locator('tr.ant-table-row').filter({ hasText: DEMO_SCENARIO.name });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    if (process.env['TEST_DATABASE_URL']) {
      // The report verified above (22 a minute) is the latest: past the target of 21, 73 % of people at 30.
      expect(text).toContain('22');
      expect(text).toContain('已达目标');
      expect(text).toMatch(/已达成 [12]/); // the demo milestone too: its window holds the same report
    } else {
      // Only the worked example's 20.8 parcels a minute, short of its target of 21.
      expect(text).toContain('20.8');
      expect(text).toContain('未达目标');
    }
    expect(text).toContain('¥');
    await screenshot(proposer, 'milestone-agreement-portfolio');
  });
});
