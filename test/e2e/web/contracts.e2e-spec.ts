import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  graphqlAs,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  startWebStack,
  type WebStack,
} from '../../support/web-stack';

// Ant Design puts a space between the two characters of a two-character button label.
const SIGN = /^签\s?署$/;

let stack: WebStack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

/** A signed-in page of its own browser context (its own session cookie). */
async function personPage(email: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, stack, email);
  return page;
}

/** GraphQL with the page's own session, for data this test is not about. */
const gql = <T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> =>
  graphqlAs<T>(page, stack, query, variables);

/** Opens the panel of a clause in the editor and appends text to it. */
async function appendToClause(page: Page, title: string, text: string): Promise<void> {
  await page.getByText(new RegExp(`^\\d+\\. ${title}`)).click();
  const box = page.getByLabel('条款内容（Markdown）');
  await box.waitFor();
  await box.fill(`${await box.inputValue()}${text}`);
}

describe('data contracts in the web app', () => {
  it('negotiates, merges a stale edit on the server, compares versions, agrees, signs and grants access', async () => {
    const wang = await personPage('wang.fang@jiading-auto.example');
    const sun = await personPage('sun.li@embodied-institute.example');
    const li = await personPage('li.wei@jiading-auto.example');

    // Setup through the API: a dataset of jiading-auto, a request by the institute, approved.
    const me = await gql<{ me: { consortia: { nodes: { id: string; name: string }[] } } }>(
      wang,
      '{ me { consortia(first: 10) { nodes { id name } } } }',
    );
    const consortiumId = me.me.consortia.nodes.find((c) => c.name.startsWith('Parcel Sorting'))!.id;
    const scenarios = await gql<{ scenarios: { nodes: { id: string }[] } }>(
      wang,
      'query ($c: UUID) { scenarios(consortiumId: $c, first: 1) { nodes { id } } }',
      { c: consortiumId },
    );
    const dataset = await gql<{ registerDataset: { id: string } }>(
      wang,
      `mutation ($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }`,
      {
        input: {
          scenarioId: scenarios.scenarios.nodes[0]!.id,
          name: 'Sorting line 1, wrist camera and force',
          format: 'LEROBOT',
          robotType: 'humanoid-h1',
          modalities: ['RGB', 'FORCE_TORQUE', 'JOINT_STATES', 'AUDIO'],
          sensitivity: 'CONSORTIUM',
          allowedPurposes: ['RESEARCH', 'MODEL_TRAINING'],
          storageLocation: 's3://jiading-data/sorting-line-1/',
          hours: 200,
          episodes: 1200,
        },
      },
    );
    const datasetId = dataset.registerDataset.id;
    const request = await gql<{ submitDataAccessRequest: { id: string } }>(
      sun,
      `mutation ($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }`,
      {
        input: {
          datasetIds: [datasetId],
          purpose: 'RESEARCH',
          durationDays: 180,
          intendedOutputs: 'A grasping policy paper',
          securityMeasures: 'Encrypted storage, named researchers only',
        },
      },
    );
    const reviewed = await gql<{ reviewDataAccessRequest: { contractId: string } }>(
      wang,
      `mutation ($input: ReviewDataAccessRequestInput!) {
        reviewDataAccessRequest(input: $input) { contractId }
      }`,
      { input: { requestId: request.submitDataAccessRequest.id, decisions: [{ datasetId, approve: true }] } },
    );
    const contractId = reviewed.reviewDataAccessRequest.contractId;
    // No one at the institute is LEGAL or SIGNATORY: its ORG_ADMIN takes both roles.
    const sunUser = await gql<{ me: { id: string } }>(sun, '{ me { id } }');
    await gql(sun, 'mutation ($input: UpdateUserRolesInput!) { updateUserRoles(input: $input) { id } }', {
      input: { userId: sunUser.me.id, roles: ['ORG_ADMIN', 'RESEARCHER', 'LEGAL', 'SIGNATORY'] },
    });

    const base = `${stack.url}/c/${consortiumId}/contracts`;

    // The list, filtered by status.
    await wang.goto(base);
    await wang.getByRole('heading', { name: '数据合同', level: 1 }).waitFor();
    const title = wang.getByRole('link', { name: /数据使用协议/ });
    await title.waitFor();
    await wang.getByText('草稿').first().waitFor();
    await screenshot(wang, 'contracts-list');

    // Two legal users open version 1 at the same time.
    await wang.goto(`${base}/${contractId}/edit`);
    await sun.goto(`${base}/${contractId}/edit`);
    await wang.getByText('基于第 1 版编辑').waitFor();
    await sun.getByText('基于第 1 版编辑').waitFor();

    // The institute saves first: version 2, with a clause edit and BENCHMARKING added to the purposes.
    await appendToClause(sun, '安全保障', ' Access logs are kept for three years.');
    await sun.getByRole('tab', { name: '授权条件' }).click();
    await sun.locator('input[type="checkbox"][value="BENCHMARKING"]').check();
    await sun.getByLabel('修改说明').fill('Keep access logs for three years; benchmarks too');
    await screenshot(sun, 'contracts-editor');
    await sun.getByRole('button', { name: '审阅并保存' }).click();
    await sun.getByRole('button', { name: '保存为第 2 版' }).click();
    await sun.getByText('当前版本').waitFor();
    await sun.getByText('第 2 版').first().waitFor();

    // Jiading edits the stale version 1: another clause, audio excluded, and MODEL_TRAINING added to
    // the purposes (the field the other party also changed: a browser-side reapply used to drop theirs).
    await appendToClause(wang, '发表成果', ' Drafts are shared 30 days before submission.');
    await wang.getByRole('tab', { name: '授权条件' }).click();
    await wang.getByLabel('音频').check();
    await wang.locator('input[type="checkbox"][value="MODEL_TRAINING"]').check();
    await wang.getByRole('button', { name: '审阅并保存' }).click();

    // The server merged onto version 2 and shows only what differs from it.
    await wang.getByText('您打开第 1 版后，已有人保存了第 2 版').waitFor();
    const review = wang.getByRole('tabpanel', { name: /将保存为第 3 版/ });
    await review.getByText('不再提供模态：音频').waitFor();
    await review.getByText('Drafts are shared 30 days before submission.').waitFor();
    expect(await review.getByText('Access logs are kept for three years.').count()).toBe(0);
    const reviewedHash = (await wang.getByTestId('reviewed-hash').innerText()).replace('…', '').trim();
    await screenshot(wang, 'contracts-merge-review');
    await wang.getByRole('button', { name: '保存为第 3 版' }).click();
    // The contract's page (its overview), not the review's own "将保存为第 3 版", says it is saved.
    await wang.getByText('当前版本').waitFor();
    await wang.getByText('第 3 版').first().waitFor();

    // Version 3 holds both parties' changes and nothing else, and is exactly what was reviewed.
    const stored = await gql<{
      dataSharingContract: {
        version: {
          number: number;
          contentHash: string;
          terms: { purposes: string[]; excludedModalities: string[] };
          clauses: { key: string; text: string }[];
        };
      };
      compareContractVersions: { clauses: { key: string; change: string }[]; terms: { field: string }[] };
    }>(
      wang,
      `query ($id: UUID!) {
        dataSharingContract(id: $id) { version { number contentHash terms { purposes excludedModalities } clauses { key text } } }
        compareContractVersions(contractId: $id, fromVersion: 2, toVersion: 3) { clauses { key change } terms { field } }
      }`,
      { id: contractId },
    );
    const v3 = stored.dataSharingContract.version;
    expect(v3.number).toBe(3);
    expect(v3.contentHash.startsWith(reviewedHash)).toBe(true);
    expect([...v3.terms.purposes].sort()).toEqual(['BENCHMARKING', 'MODEL_TRAINING', 'RESEARCH']);
    expect(v3.terms.excludedModalities).toEqual(['AUDIO']);
    expect(v3.clauses.find((clause) => clause.key === 'security')!.text).toContain('Access logs are kept');
    expect(v3.clauses.find((clause) => clause.key === 'publications')!.text).toContain('Drafts are shared');
    const changed = stored.compareContractVersions.clauses.filter((clause) => clause.change !== 'UNCHANGED');
    expect(changed.map((clause) => clause.key)).toEqual(['publications']);
    expect(stored.compareContractVersions.terms.map((term) => term.field).sort()).toEqual([
      'excludedModalities',
      'purposes',
    ]);

    // Reopening the editor right after saving starts from the saved version, with no stale draft.
    await wang.goto(`${base}/${contractId}/edit`);
    await wang.getByText('基于第 3 版编辑').waitFor();
    expect(await wang.getByText(/已恢复您上次未保存的修改/).count()).toBe(0);
    await wang.goto(`${base}/${contractId}`);

    // Compare versions 1 and 3: both clause edits and the permission change in words.
    await wang.getByRole('checkbox', { name: '选择第 1 版' }).check();
    await wang.getByRole('checkbox', { name: '选择第 3 版' }).check();
    await wang.getByRole('button', { name: '比较所选的两个版本' }).click();
    await wang.getByText('不再提供模态：音频').waitFor();
    await wang.getByText('Access logs are kept for three years.').waitFor();
    await wang.getByText('Drafts are shared 30 days before submission.').waitFor();
    expect(await wang.getByRole('cell', { name: /修改/ }).count()).toBeGreaterThanOrEqual(2);
    await screenshot(wang, 'contracts-diff');

    // Agree version 3, with its content hash shown.
    await wang.goto(`${base}/${contractId}`);
    await wang.getByRole('button', { name: '确认定稿' }).click();
    const agreedHash = (await wang.getByTestId('hash-to-confirm').innerText()).trim();
    expect(agreedHash).toMatch(/^[0-9a-f]{64}$/);
    await wang.getByRole('dialog').getByRole('button', { name: '确认定稿' }).click();
    await wang.getByTestId('agreed-hash').getByText(agreedHash).waitFor();
    // Legal users do not sign.
    expect(await wang.getByRole('button', { name: SIGN }).count()).toBe(0);

    // Each party's signatory signs that hash.
    for (const signatory of [li, sun]) {
      await signatory.goto(`${base}/${contractId}`);
      await signatory.getByRole('button', { name: SIGN }).click();
      expect((await signatory.getByTestId('hash-to-confirm').innerText()).trim()).toBe(agreedHash);
      await signatory.getByRole('dialog').getByRole('button', { name: SIGN }).click();
      await signatory.getByText('已签署（第 3 版）').first().waitFor();
    }
    await sun.getByText('生效中').first().waitFor();

    // The recipient's researcher reads the dataset under the live contract.
    await sun.getByRole('button', { name: '访问数据' }).click();
    await sun.getByText('s3://jiading-data/sorting-line-1/').waitFor();
    await sun.getByText('访问结果').waitFor();
    await screenshot(sun, 'contracts-contract');

    await sun.setViewportSize({ width: 768, height: 1024 });
    await screenshot(sun, 'contracts-contract-tablet');
    await sun.setViewportSize({ width: 1280, height: 800 });

    // Downloads: the readable document (Markdown, PDF, Word) and the ODRL export, as files.
    const [document] = await Promise.all([
      sun.waitForEvent('download'),
      sun.getByRole('button', { name: '下载合同文本（Markdown）' }).click(),
    ]);
    expect(document.suggestedFilename()).toMatch(/-v3\.md$/);
    const [pdf] = await Promise.all([
      sun.waitForEvent('download'),
      sun.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/-v3\.pdf$/);
    const [word] = await Promise.all([
      sun.waitForEvent('download'),
      sun.getByRole('button', { name: '下载 Word 文档（.docx）' }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/-v3\.docx$/);
    const [odrl] = await Promise.all([
      sun.waitForEvent('download'),
      sun.getByRole('button', { name: '下载 ODRL 导出（JSON-LD）' }).click(),
    ]);
    expect(odrl.suggestedFilename()).toMatch(/-v3\.odrl\.jsonld$/);

    // The list filters by status.
    await wang.goto(base);
    await wang.getByRole('link', { name: /数据使用协议/ }).waitFor();
    await wang.getByText('生效中').first().waitFor();
    await wang.getByLabel('合同状态').click();
    // Ant Design's listbox for screen readers is hidden; click the visible option.
    await wang.locator('.ant-select-item-option').filter({ hasText: '草稿' }).click();
    await wang.getByText('暂无数据合同').waitFor();
    expect(await wang.getByRole('link', { name: /数据使用协议/ }).count()).toBe(0);
  }, 240_000);
});
