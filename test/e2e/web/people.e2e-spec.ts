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

const NEW_HIRE = 'new.hire@jiading-auto.example';

describe('people and roles in the web app', () => {
  it('an admin changes a role, invites someone, is told why the last admin keeps the role, and revokes the invitation', async () => {
    // Zhang Min joins by signing in once (a person exists from their first sign-in).
    const zhang = await personPage('zhang.min@jiading-auto.example');
    const li = await personPage('li.wei@jiading-auto.example');

    await li.getByRole('link', { name: '人员与角色' }).click();
    await li.getByRole('heading', { level: 1, name: '人员与角色' }).waitFor();

    // Change Zhang Min's roles: engineer and data steward.
    const zhangRow = li.getByRole('row', { name: /Zhang Min/ });
    await zhangRow.getByRole('button', { name: '更改角色' }).click();
    const rolesDialog = li.getByRole('dialog', { name: /更改 Zhang Min 的角色/ });
    const steward = rolesDialog.getByRole('checkbox', { name: '数据专员' });
    // Under load the dialog's opening animation can swallow the first click: click until it holds.
    for (let attempt = 0; attempt < 5 && !(await steward.isChecked()); attempt += 1) await steward.click();
    expect(await steward.isChecked()).toBe(true);
    await rolesDialog.getByRole('button', { name: '保存角色' }).click();
    await zhangRow.getByText('数据专员').waitFor();
    const roles = await graphqlAs<{ me: { roles: string[] } }>(zhang, stack, '{ me { roles } }');
    expect(roles.me.roles).toEqual(['DATA_STEWARD', 'ENGINEER']);

    // The last admin cannot drop the admin role: the page says why before asking.
    await li
      .getByRole('row', { name: /Li Wei/ })
      .getByRole('button', { name: '更改角色' })
      .click();
    const ownDialog = li.getByRole('dialog', { name: /更改 Li Wei/ });
    await ownDialog.getByRole('checkbox', { name: '机构管理员' }).uncheck();
    await ownDialog.getByText('此人是本机构最后一位在职的机构管理员').waitFor();
    expect(await ownDialog.getByRole('button', { name: '保存角色' }).isDisabled()).toBe(true);
    await ownDialog.getByRole('button', { name: /取\s?消/ }).click();

    // Invite a new engineer.
    await li.getByRole('button', { name: '邀请人员' }).click();
    const inviteDialog = li.getByRole('dialog', { name: /邀请人员加入/ });
    await inviteDialog.getByLabel('邮箱').fill(NEW_HIRE);
    await inviteDialog.getByRole('checkbox', { name: '工程师' }).check();
    await inviteDialog.getByRole('button', { name: '发送邀请' }).click();
    const invitation = li.getByRole('row', { name: new RegExp(NEW_HIRE.replace(/\./g, '\\.')) });
    await invitation.getByText('工程师').waitFor();
    await screenshot(li, 'people');

    // Inviting the same email again is refused, and the page says what to do instead.
    await li.getByRole('button', { name: '邀请人员' }).click();
    const again = li.getByRole('dialog', { name: /邀请人员加入/ });
    await again.getByLabel('邮箱').fill(NEW_HIRE);
    await again.getByRole('checkbox', { name: '法务' }).check();
    await again.getByRole('button', { name: '发送邀请' }).click();
    await again.getByText('此邮箱已有一份待接受的邀请').waitFor();
    await again.getByRole('button', { name: /取\s?消/ }).click();

    // Revoke it.
    await invitation.getByRole('button', { name: '撤销邀请' }).click();
    await li.getByRole('button', { name: /确\s?定|OK/ }).click();
    await invitation.waitFor({ state: 'detached' });
  });
});
