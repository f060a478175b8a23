import type { Browser, Page } from 'playwright-core';
import { DEMO_CONSORTIA, DEMO_DATASETS } from '@tetrad/demo-data';
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

async function signedIn(email: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, stack, email);
  return page;
}

const [PARCEL_SORTING, ELDER_CARE] = DEMO_CONSORTIA;
const INDUCTION = DEMO_DATASETS[0]!;

describe('my work', () => {
  it("shows a steward the access request awaiting review, a click away from the request's page", async () => {
    const researcher = await signedIn('sun.li@embodied-institute.example');
    const { datasets } = await graphqlAs<{ datasets: { nodes: { id: string; name: string }[] } }>(
      researcher,
      stack,
      'query($search: String!) { datasets(first: 5, search: $search) { nodes { id name } } }',
      { search: 'induction' },
    );
    const dataset = datasets.nodes.find((d) => d.name === INDUCTION.name);
    expect(dataset).toBeDefined();
    await graphqlAs(
      researcher,
      stack,
      'mutation($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      {
        input: {
          datasetIds: [dataset!.id],
          purpose: 'RESEARCH',
          durationDays: 90,
          intendedOutputs: 'A grasping benchmark paper',
          securityMeasures: 'Access-controlled lab cluster',
        },
      },
    );

    const steward = await signedIn('wang.fang@jiading-auto.example');
    const reviews = steward.locator('.ant-card', { hasText: '待我审核的数据访问申请' });
    await reviews.getByRole('link', { name: INDUCTION.name }).waitFor();
    await expect(reviews.locator('.ant-badge').textContent()).resolves.toBe('1');
    // Nothing else waits for her: the other sections say so.
    await steward.getByText('没有待编辑的合同').waitFor();
    await screenshot(steward, 'my-work');
    await reviews.getByRole('link', { name: INDUCTION.name }).click();
    await steward.waitForURL(/\/c\/[^/]+\/reviews\/[^/]+$/);
    await steward.getByText(INDUCTION.name).first().waitFor();
  });

  it('lets an invited organisation accept from my work, and its consortium appears at once', async () => {
    const founder = await signedIn('huang.mei@pearl-care.example');
    const { organizations } = await graphqlAs<{ organizations: { nodes: { id: string; name: string }[] } }>(
      founder,
      stack,
      '{ organizations(first: 20, filter: { search: "Harmonic" }) { nodes { id name } } }',
    );
    const { me } = await graphqlAs<{ me: { consortia: { nodes: { id: string; name: string }[] } } }>(
      founder,
      stack,
      '{ me { consortia(first: 10) { nodes { id name } } } }',
    );
    const elderCare = me.consortia.nodes.find((c) => c.name === ELDER_CARE!.name)!;
    await graphqlAs(
      founder,
      stack,
      'mutation($input: InviteOrganizationInput!) { inviteOrganization(input: $input) { id } }',
      { input: { consortiumId: elderCare.id, organizationId: organizations.nodes[0]!.id } },
    );

    const supplier = await signedIn('zhao.lei@harmonic-drives.example');
    const invitation = supplier.locator('.ant-card', { hasText: '待本单位处理的邀请' });
    await invitation.getByText(ELDER_CARE!.name).waitFor();
    await screenshot(supplier, 'my-work-invitation');
    await invitation.getByRole('button', { name: /接\s*受/ }).click();
    await supplier.getByText(`已加入「${ELDER_CARE!.name}」`).waitFor();
    await invitation.waitFor({ state: 'detached' });
    // The picker now offers both consortia, without signing in again.
    await supplier.locator('#consortium-picker').click();
    const options = supplier.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: ELDER_CARE!.name }).waitFor();
    await options.filter({ hasText: PARCEL_SORTING!.name }).waitFor();
  });
});
