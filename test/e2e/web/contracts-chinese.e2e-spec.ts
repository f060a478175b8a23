import { DEMO_CONSORTIA, DEMO_ORGANIZATIONS, DEMO_PEOPLE } from '@tetrad/demo-data';
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

/**
 * A Chinese legal team reads a contract, its diff and its downloads with no English text: what is
 * left of each page once the names people gave (organisations, people, consortia, datasets, e-mail
 * addresses) and the hashes are taken out has no Latin words beyond a short list of product and format names.
 */
const ALLOWED = new Set([
  'Tetrad',
  'English',
  'Markdown',
  'ODRL',
  'JSON',
  'LD',
  'Word',
  'PDF',
  'SHA',
  'docx',
]);

let stack: WebStack;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

/** The Latin words left on the page's main area once the names people gave are removed. */
async function englishWords(page: Page): Promise<string[]> {
  let text = await page.locator('main').innerText();
  const names = [
    ...DEMO_ORGANIZATIONS.map((organization) => organization.name),
    ...DEMO_PEOPLE.map((person) => person.name),
    ...DEMO_CONSORTIA.map((consortium) => consortium.name),
  ].sort((a, b) => b.length - a.length);
  for (const name of names) text = text.split(name).join(' ');
  text = text.replace(/[\w.+-]+@[\w.-]+/g, ' ').replace(/[0-9a-f]{8,}/g, ' ');
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !ALLOWED.has(word));
}

describe('a contract in the Chinese web app', () => {
  it('shows the contract, its diff and its downloads in Chinese only', async () => {
    context = await newContext(browser);
    const wang = await context.newPage();
    await signIn(wang, stack, 'wang.fang@jiading-auto.example');
    const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
      graphqlAs<T>(wang, stack, query, variables);
    const sunContext = await newContext(browser);
    const sun = await sunContext.newPage();
    await signIn(sun, stack, 'sun.li@embodied-institute.example');

    const me = await gql<{ me: { consortia: { nodes: { id: string; name: string }[] } } }>(
      '{ me { consortia(first: 10) { nodes { id name } } } }',
    );
    const consortiumId = me.me.consortia.nodes.find((c) => c.name.startsWith('Parcel Sorting'))!.id;
    const scenarios = await gql<{ scenarios: { nodes: { id: string }[] } }>(
      'query ($c: UUID) { scenarios(consortiumId: $c, first: 1) { nodes { id } } }',
      { c: consortiumId },
    );
    const dataset = await gql<{ registerDataset: { id: string } }>(
      'mutation ($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: scenarios.scenarios.nodes[0]!.id,
          name: '分拣线二号腕部相机与力觉数据',
          format: 'LEROBOT',
          robotType: '人形机器人',
          modalities: ['RGB', 'FORCE_TORQUE'],
          sensitivity: 'CONSORTIUM',
          allowedPurposes: ['RESEARCH', 'MODEL_TRAINING'],
          storageLocation: 's3://jiading-data/sorting-line-2/',
        },
      },
    );
    const request = await graphqlAs<{ submitDataAccessRequest: { id: string } }>(
      sun,
      stack,
      'mutation ($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      {
        input: {
          datasetIds: [dataset.registerDataset.id],
          purpose: 'RESEARCH',
          durationDays: 90,
          intendedOutputs: '抓取策略论文',
          securityMeasures: '加密存储，仅限具名研究人员',
        },
      },
    );
    const reviewed = await gql<{ reviewDataAccessRequest: { contractId: string } }>(
      'mutation ($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { contractId } }',
      {
        input: {
          requestId: request.submitDataAccessRequest.id,
          decisions: [{ datasetId: dataset.registerDataset.id, approve: true }],
        },
      },
    );
    const contractId = reviewed.reviewDataAccessRequest.contractId;
    // A second version, so there is a diff to read.
    const edited = await gql<{ editContract: { number: number } }>(
      'mutation ($input: EditContractInput!) { editContract(input: $input) { number } }',
      {
        input: {
          contractId,
          baseVersion: 1,
          changes: {
            excludedModalities: { add: ['FORCE_TORQUE'] },
            clauses: {
              added: [{ key: 'audit', title: '审计', text: '数据提供方每年可审计一次数据的使用情况。' }],
            },
          },
          note: '增加审计条款',
        },
      },
    );
    expect(edited.editContract.number).toBe(2);

    const base = `${stack.url}/c/${consortiumId}/contracts/${contractId}`;
    await wang.goto(base);
    await wang.getByText('第 2 版').first().waitFor();
    await wang.getByText('审计').first().waitFor();
    await screenshot(wang, 'contracts-chinese-contract');
    expect(await englishWords(wang)).toEqual([]);

    await wang.goto(`${base}/diff?from=1&to=2`);
    await wang.getByText('数据提供方每年可审计一次数据的使用情况。').first().waitFor();
    await screenshot(wang, 'contracts-chinese-diff');
    expect(await englishWords(wang)).toEqual([]);
    await sunContext.close();
  });
});
