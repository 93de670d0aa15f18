// The first run in Chromium (issue 8 item 2): on a fresh data folder with no accounts the app shows
// only the Chinese create-administrator screen, whatever address is opened; nothing of the app is
// reachable behind it. Creating the administrator logs him in to 用户管理 and 系统设置 only: he
// holds no case role (稽核案件 and 单位 are not offered, and the backend refuses his case reads).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session';

describe('first run in Chromium', () => {
  let session: Session;
  const shot = (name: string) => session.shot(`first-run-${name}`);

  beforeAll(async () => {
    session = await openSession({ firstRun: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows only the create-administrator screen, then the administrator gets no case', async () => {
    const { page, api } = session;
    for (const route of ['', '#/cases', '#/employers', '#/settings']) {
      await page.goto(new URL(route, session.harness.url).href);
      await page.getByTestId('first-run').waitFor();
      expect(await page.locator('.ant-menu').count(), route).toBe(0);
      expect(await page.getByText('稽核案件').count(), route).toBe(0);
    }
    const card = page.getByTestId('first-run');
    expect(await card.innerText()).toContain('首次使用：创建系统管理员');
    await shot('01-screen');

    // mismatched passwords are refused in Chinese, nothing is created
    await card.getByLabel('用户名').fill('admin');
    await card.getByLabel('姓名').fill('李管理');
    await card.getByLabel('密码', { exact: true }).fill('Jihe#2026-admin');
    await card.getByLabel('确认密码').fill('Jihe#2026-other');
    await card.getByRole('button', { name: '创建管理员并登录' }).click();
    await card.getByText('两次填写的密码不一致').waitFor();
    expect((await api<{ bootstrap: boolean }>('auth.current', {})).bootstrap).toBe(true);
    await shot('02-mismatch');

    await card.getByLabel('确认密码').fill('Jihe#2026-admin');
    await card.getByRole('button', { name: '创建管理员并登录' }).click();
    await page.locator('.ant-menu').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);
    const menu = await page.locator('.ant-menu').innerText();
    expect(menu).toContain('用户管理');
    expect(menu).toContain('系统设置');
    expect(menu).not.toContain('稽核案件');
    expect(menu).not.toContain('单位');
    const current = await api<{ bootstrap: boolean; user: { username: string; role: string } | null }>('auth.current', {});
    expect(current).toMatchObject({ bootstrap: false, user: { username: 'admin', role: 'admin' } });
    await expect(api('cases.list', {})).rejects.toThrow(/无权/);
    await shot('03-administrator');
    expect(session.consoleErrors).toEqual([]);
  }, 120_000);
});
