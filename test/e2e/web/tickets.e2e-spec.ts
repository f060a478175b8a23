import type { Browser, Page } from 'playwright-core';
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

const ENGINEER = 'zhang.min@jiading-auto.example'; // jiading-auto, raises the ticket
const WATCHER = 'chen.jie@lingbu-robotics.example'; // lingbu-robotics, has the board open

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

/** Picks an option of an Ant Design select by its label, as a person clicks it. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
}

/** Drags a card's handle onto a column with the mouse, in steps as a person would. */
async function drag(page: Page, number: number, column: string): Promise<void> {
  const handle = page.getByRole('button', { name: `拖动 #${number} 以更改状态` });
  const target = page.getByTestId(`column-${column}`);
  await target.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
  await page.mouse.up();
}

describe('pain-point tickets in the web app', () => {
  it('raise, see it on the board, move it by drag and keyboard, comment; another member sees it live', async () => {
    const engineerContext = await newContext(browser);
    const page = await engineerContext.newPage();
    await signIn(page, stack, ENGINEER);
    const me = await gql<{ me: { consortia: { nodes: { id: string; name: string }[] } } }>(
      page,
      '{ me { consortia(first: 100) { nodes { id name } } } }',
    );
    const consortiumId = me.me.consortia.nodes.find((c) => c.name === DEMO_CONSORTIA[0]!.name)!.id;
    const scenarios = await gql<{ scenarios: { nodes: { id: string; name: string }[] } }>(
      page,
      'query S($c: UUID!) { scenarios(consortiumId: $c, first: 10) { nodes { id name } } }',
      { c: consortiumId },
    );
    const scenarioId = scenarios.scenarios.nodes.find((s) => s.name === DEMO_SCENARIO.name)!.id;
    for (const name of ['gripper', 'night-shift'])
      await gql(
        page,
        'mutation L($c: UUID!, $n: String!) { createTicketLabel(consortiumId: $c, name: $n) { name } }',
        {
          c: consortiumId,
          n: name,
        },
      );
    // A few tickets raised earlier, so the board is not empty.
    for (const [title, severity] of [
      ['视觉系统在天窗强光下识别失败', 'HIGH'],
      ['充电桩对位偏差 2 cm', 'LOW'],
    ] as const)
      await gql(page, 'mutation R($i: RaiseTicketInput!) { raiseTicket(input: $i) { id } }', {
        i: { scenarioId, title, severity, category: 'MODEL_ALGORITHM', description: '现场反复出现。' },
      });

    // The other member keeps the board open the whole time.
    const watcherContext = await newContext(browser);
    const watcher = await watcherContext.newPage();
    await signIn(watcher, stack, WATCHER, `/c/${consortiumId}/tickets`);
    await watcher.getByRole('heading', { name: '痛点工单', level: 1 }).waitFor();
    await watcher.getByText('充电桩对位偏差 2 cm').waitFor();

    // Raise through the form: an empty submit says what is missing, nothing typed is lost.
    await page.goto(`${stack.url}/c/${consortiumId}/tickets/new`);
    await page.getByRole('heading', { name: '提交痛点工单' }).waitFor();
    await page.getByLabel('标题').fill('夜班时抓手掉落软包');
    await page.getByRole('button', { name: '提交工单' }).click();
    await page.getByText('请选择场景').waitFor();
    await page.getByText('请描述问题').waitFor();
    expect(await page.getByLabel('标题').inputValue()).toBe('夜班时抓手掉落软包');
    await choose(page, '所属场景', DEMO_SCENARIO.name);
    await choose(page, '严重程度', '紧急');
    await page
      .getByLabel('问题描述（支持 Markdown）')
      .fill('**现象**：夜班灯光下，抓手在传送带拐角处掉落软包。\n\n- 频率：约每小时 3 次');
    await page.getByText('请描述问题').waitFor({ state: 'hidden' });
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await screenshot(page, 'tickets-new');
    await page.getByRole('button', { name: '提交工单' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /夜班时抓手掉落软包/ });
    await heading.waitFor();
    const number = Number(/#(\d+)/.exec((await heading.textContent()) ?? '')![1]);
    const ticketUrl = page.url();

    // The watcher sees it arrive without reloading.
    await watcher.getByTestId('column-OPEN').getByText('夜班时抓手掉落软包').waitFor();

    // Drag OPEN → TRIAGED.
    await page.goto(`${stack.url}/c/${consortiumId}/tickets`);
    await page.getByTestId(`ticket-card-${number}`).waitFor();
    await drag(page, number, 'TRIAGED');
    await page.getByTestId('column-TRIAGED').getByTestId(`ticket-card-${number}`).waitFor();
    await watcher.getByTestId('column-TRIAGED').getByTestId(`ticket-card-${number}`).waitFor();

    // Keyboard: pick up, one column right (TRIAGED → IN_PROGRESS), drop.
    const handle = page.getByRole('button', { name: `拖动 #${number} 以更改状态` });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await page.getByTestId('column-IN_PROGRESS').getByTestId(`ticket-card-${number}`).waitFor();
    await watcher.getByTestId('column-IN_PROGRESS').getByTestId(`ticket-card-${number}`).waitFor();

    // A move the state machine refuses is explained next to the card; nothing moves.
    await drag(page, number, 'OPEN');
    const card = page.getByTestId(`ticket-card-${number}`);
    await card.getByText(`不能把 #${number} 从「处理中」移到「待处理」。`).waitFor();
    await card.getByText('它目前只能移到：已解决、已分诊。').waitFor();
    expect(await page.getByTestId('column-IN_PROGRESS').getByTestId(`ticket-card-${number}`).count()).toBe(1);
    await page.mouse.move(5, 790); // no tooltip over the cards
    await page.waitForTimeout(300); // the columns' highlight fades after the drop
    await screenshot(page, 'tickets-board');

    // Resolving asks for a note first.
    await drag(page, number, 'RESOLVED');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('解决说明').fill('更换了夜班照明下的抓手吸盘，连续 4 小时无掉落。');
    await dialog.getByRole('button', { name: '确认变更' }).click();
    await page.getByTestId('column-RESOLVED').getByTestId(`ticket-card-${number}`).waitFor();
    await watcher.getByTestId('column-RESOLVED').getByTestId(`ticket-card-${number}`).waitFor();

    // The ticket page: comment, and the note and moves are in the timeline.
    await page.goto(ticketUrl);
    await page.getByText('更换了夜班照明下的抓手吸盘', { exact: false }).first().waitFor();
    await page.getByLabel('评论内容（支持 Markdown）').fill('已在 1 号线复测，请提出方验证。');
    await page.getByRole('button', { name: '发表评论' }).click();
    await page.getByRole('listitem').getByText('已在 1 号线复测，请提出方验证。').waitFor();
    await page.getByRole('listitem').getByText('更换了夜班照明下的抓手吸盘', { exact: false }).waitFor();
    expect(await page.getByLabel('评论内容（支持 Markdown）').inputValue()).toBe('');
    await page.getByText('将状态改为「已解决」').waitFor();
    await screenshot(page, 'tickets-ticket');

    // The list, filtered and bookmarkable.
    await page.goto(`${stack.url}/c/${consortiumId}/tickets/list?severity=CRITICAL,HIGH`);
    await page.getByRole('table').getByText('夜班时抓手掉落软包').waitFor();
    await page.getByRole('table').getByText('视觉系统在天窗强光下识别失败').waitFor();
    expect(await page.getByRole('table').getByText('充电桩对位偏差 2 cm').count()).toBe(0);
    await screenshot(page, 'tickets-list');

    await watcherContext.close();
    await engineerContext.close();
  }, 180_000);
});
