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

const STEWARD = 'wang.fang@jiading-auto.example'; // jiading-auto: LEGAL, DATA_STEWARD
const RESEARCHER = 'sun.li@embodied-institute.example'; // embodied-institute: ORG_ADMIN, RESEARCHER
const DATASET = 'Jiading parcel grasps, line 1';

let stack: WebStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signedIn(email: string): Promise<{ page: Page; consortiumId: string }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, stack, email);
  // /c opens the person's first consortium (the parcel-sorting demo consortium for both).
  await page.goto(`${stack.url}/c`);
  await page.waitForURL(/\/c\/[0-9a-f-]{36}\//);
  const consortiumId = /\/c\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  return { page, consortiumId };
}

/** Picks an option of the antd Select labelled `label`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  // .last(): the feature's "模态" select comes after the modalities checkboxes of the same name.
  await page.getByLabel(label, { exact: true }).last().click();
  const item = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first();
  await item.waitFor();
  // Dispatched to the option itself: while the dropdown is still moving into place, a form label
  // under it can take a pointer click (seen on a busy machine).
  await item.dispatchEvent('click');
}

describe('data catalog and access reviews', () => {
  it('a steward registers a dataset, a researcher requests it, the steward approves', async () => {
    // The steward registers the dataset through the form.
    const steward = await signedIn(STEWARD);
    const data = `${stack.url}/c/${steward.consortiumId}/data`;
    await steward.page.goto(data);
    await steward.page.getByRole('button', { name: '登记数据集' }).click();
    await steward.page.getByRole('heading', { name: '登记数据集' }).waitFor();
    await choose(steward.page, '采集场景', 'Parcel sorting, Jiading hub line 1');
    await steward.page.getByLabel('名称', { exact: true }).fill(DATASET);
    await steward.page.getByLabel('机器人型号', { exact: true }).fill('Walker S');
    await steward.page.getByLabel('描述').fill('Wrist camera and force-torque recordings of parcel grasps.');
    await steward.page.getByLabel('RGB 图像').check();
    await steward.page.getByLabel('力/力矩').check();
    await choose(steward.page, '格式', 'LeRobot');
    await steward.page.getByLabel('存储位置').fill('s3://jiading-data/parcel-grasps/v1');
    await steward.page.getByRole('button', { name: '添加特征' }).click();
    await steward.page.getByLabel('键名').fill('observation.images.wrist');
    await choose(steward.page, '模态', 'RGB 图像');
    await steward.page.getByLabel('形状').fill('480,640,3');
    await choose(steward.page, '敏感级别', '联合体内部');
    await steward.page.getByLabel('同意依据').fill('员工书面同意（2025 年版）');
    await steward.page.getByLabel('科学研究').check();
    await steward.page.getByLabel('模型训练').check();
    await steward.page.getByRole('button', { name: '登记数据集' }).click();
    await steward.page.getByRole('heading', { name: DATASET }).waitFor();
    await steward.page.getByText('s3://jiading-data/parcel-grasps/v1').first().waitFor();

    // The researcher finds it by search and opens it.
    const researcher = await signedIn(RESEARCHER);
    await researcher.page.goto(`${stack.url}/c/${researcher.consortiumId}/data`);
    const search = researcher.page.getByLabel('搜索数据集');
    await search.fill('parcel grasps');
    await search.press('Enter');
    await researcher.page.waitForURL(/search=parcel\+grasps/);
    await researcher.page.getByRole('link', { name: DATASET }).waitFor();
    await researcher.page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
    await screenshot(researcher.page, 'data-catalog');
    // Tablet: the table scrolls sideways inside the page, the page itself does not.
    await researcher.page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(researcher.page, 'data-catalog-tablet');
    const pageWidth = await researcher.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(pageWidth).toBeLessThanOrEqual(768);
    await researcher.page.setViewportSize({ width: 1280, height: 800 });
    await researcher.page.getByRole('link', { name: DATASET }).click();
    await researcher.page.getByRole('heading', { name: DATASET }).waitFor();
    await researcher.page.getByRole('cell', { name: 'observation.images.wrist' }).waitFor();
    // No contract yet: reading the data is refused, in words.
    await researcher.page.getByRole('button', { name: '访问数据' }).click();
    await researcher.page.getByTestId('access-refused').waitFor();
    await researcher.page.getByText(/request access first/).waitFor();
    await screenshot(researcher.page, 'data-dataset');

    // Request access: the matcher's advice shows before submitting.
    await researcher.page.getByRole('button', { name: '申请访问' }).click();
    await choose(researcher.page, '使用目的', '科学研究');
    const verdict = researcher.page.getByTestId('match-verdict').getByText('建议批准');
    // On a busy machine a click on an option while the dropdown is still opening can be lost:
    // if no verdict shows, choose the purpose once more.
    await verdict.waitFor({ timeout: 10_000 }).catch(async () => {
      await choose(researcher.page, '使用目的', '科学研究');
      await verdict.waitFor();
    });
    await researcher.page.getByText('该数据集的授权用途包含“科学研究”。').waitFor();
    await researcher.page.getByLabel('预期产出').fill('一篇关于包裹抓取的基准测试论文');
    await researcher.page.getByLabel('安全措施').fill('物理隔离实验室，访问留痕');
    await screenshot(researcher.page, 'data-request');
    await researcher.page.getByRole('button', { name: '提交申请' }).click();
    await researcher.page.getByText('访问申请已提交').waitFor();

    // The steward sees it awaiting review and approves it.
    await steward.page.goto(`${stack.url}/c/${steward.consortiumId}/reviews`);
    const row = steward.page.getByRole('row', { name: new RegExp(DATASET) });
    await row.waitFor();
    await row.getByText('建议批准').waitFor();
    await screenshot(steward.page, 'reviews-queue');
    await row.getByRole('link').first().click();
    await steward.page.getByRole('heading', { name: /访问申请/ }).waitFor();
    await steward.page.getByText('Beijing Institute for Embodied Intelligence').first().waitFor();
    await screenshot(steward.page, 'reviews-request');
    await steward.page.getByText('批准', { exact: true }).click();
    await steward.page.getByRole('button', { name: '提交审核结果' }).click();
    await steward.page.getByText('申请已批准，已生成合同草案。').waitFor();

    // The researcher sees the request approved, and the contract draft it opened.
    await researcher.page.goto(`${stack.url}/c/${researcher.consortiumId}/reviews?view=mine`);
    const mine = researcher.page.getByRole('row', { name: new RegExp(DATASET) });
    await mine.getByText('已批准').waitFor();
    await mine.getByRole('link').first().click();
    await researcher.page.getByText('申请已批准，已生成合同草案。').waitFor();
    await researcher.page.getByRole('link', { name: '查看合同' }).waitFor();
    // Approval opens a draft, not a live contract: access is still refused.
    await researcher.page.getByRole('link', { name: DATASET }).click();
    await researcher.page.getByRole('button', { name: '访问数据' }).click();
    await researcher.page.getByText(/is DRAFT/).waitFor();
  }, 180_000);

  it('sets up the same flow through GraphQL (reusable setup for other specs)', async () => {
    const steward = await signedIn(STEWARD);
    const researcher = await signedIn(RESEARCHER);
    const gql = <T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> =>
      graphqlAs<T>(page, stack, query, variables);
    const { scenarios } = await gql<{ scenarios: { nodes: { id: string }[] } }>(steward.page, SCENARIOS, {
      consortiumId: steward.consortiumId,
    });
    const { registerDataset } = await gql<{ registerDataset: { id: string } }>(steward.page, REGISTER, {
      input: { ...DATASET_INPUT, scenarioId: scenarios.nodes[0]!.id },
    });
    const { submitDataAccessRequest } = await gql<{ submitDataAccessRequest: { id: string } }>(
      researcher.page,
      SUBMIT,
      { input: { ...REQUEST_INPUT, datasetIds: [registerDataset.id] } },
    );
    const { reviewDataAccessRequest } = await gql<{
      reviewDataAccessRequest: { status: string; contractId: string | null };
    }>(steward.page, REVIEW, {
      input: {
        requestId: submitDataAccessRequest.id,
        decisions: [{ datasetId: registerDataset.id, approve: true }],
      },
    });
    expect(reviewDataAccessRequest.status).toBe('APPROVED');
    expect(reviewDataAccessRequest.contractId).toEqual(expect.any(String));
    // The requester's "my requests" view lists it as approved.
    await researcher.page.goto(`${stack.url}/c/${researcher.consortiumId}/reviews?view=mine&status=APPROVED`);
    await researcher.page
      .getByRole('row', { name: /Jiading tactile pick/ })
      .getByText('已批准')
      .waitFor();
  }, 120_000);
});

// GraphQL used to set data up (the same as the form and the drawer send).
const SCENARIOS = `query Scenarios($consortiumId: UUID!) { scenarios(consortiumId: $consortiumId, first: 1) { nodes { id } } }`;
const REGISTER = `mutation Register($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }`;
const SUBMIT = `mutation Submit($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id status } }`;
const REVIEW = `mutation Review($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { id status contractId } }`;
const DATASET_INPUT = {
  name: 'Jiading tactile pick, line 1',
  modalities: ['RGB', 'TACTILE'],
  format: 'LEROBOT',
  robotType: 'Walker S',
  sensitivity: 'CONSORTIUM',
  allowedPurposes: ['RESEARCH', 'MODEL_TRAINING'],
  storageLocation: 's3://jiading-data/tactile-pick/v1',
  features: [{ key: 'observation.tactile', modality: 'TACTILE', dtype: 'float32', shape: [16], rateHz: 100 }],
};
const REQUEST_INPUT = {
  purpose: 'RESEARCH',
  durationDays: 90,
  intendedOutputs: 'A benchmark paper',
  securityMeasures: 'Air-gapped lab',
};
