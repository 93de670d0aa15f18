// Working papers, judgments and sign-off in Chromium (issue 4 items 1–3): the first account is
// created from the bootstrap banner, the administrator adds an auditor (张三) and a section head
// (李四); 张三 imports the worked example (DOMAIN.md §6.5), opens 甲's derivation (720.088 → 720.09,
// 1,611.18 × 0.05% × 350天 = 281.9565 → 281.96), exempts 乙 as 实习学生 (total 1,893.14) and cannot
// approve; 李四 approves; 张三's next judgment shows "审核后已变更"; 李四 approves again, and 张三
// drafts the audit opinion in the 文书 tab (preview: 1,893.14, 壹仟捌佰玖拾叁元壹角肆分) and issues it
// as 示医保稽意〔2025〕1号.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './session';

const WORKED_EXAMPLE = path.resolve('test/fixtures/worked-example');
const PASSWORD = 'Jihe#2026-e2e';
const ONE_TIME_PASSWORD = 'Once#2026-e2e';

describe('working papers, judgments and sign-off in Chromium', () => {
  let session: Session;
  let page: Page;
  let caseId = 0;
  const shot = (name: string) => session.shot(`findings-${name}`);

  beforeAll(async () => {
    session = await openSession();
    page = session.page;
  });
  let stepFailed = false;
  beforeEach((ctx) => {
    if (stepFailed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    stepFailed = true;
    if (page) await shot(`failed-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff-]+/g, '_')}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Accounts the administrator created: their first login replaces the one-time password. */
  const oneTime = new Set<string>();
  async function login(username: string) {
    await page.getByRole('heading', { name: '稽核工作站 · 登录' }).or(page.getByText('稽核工作站 · 登录')).first().waitFor();
    await page.getByLabel('用户名').fill(username);
    const first = oneTime.delete(username);
    await page.getByLabel('密码').fill(first ? ONE_TIME_PASSWORD : PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    if (first) {
      await page.getByTestId('login-must-change').waitFor();
      await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
      await page.getByLabel('确认新密码').fill(PASSWORD);
      await page.getByRole('button', { name: '设置新密码并登录' }).click();
    }
    await page.getByTestId('user-badge').waitFor();
  }

  async function logout() {
    await page.getByTestId('user-badge').getByRole('button', { name: /退\s*出/ }).click();
    await page.getByText('稽核工作站 · 登录').waitFor();
  }

  async function openPapers() {
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    await page.getByRole('tab', { name: '稽核发现' }).click();
    await expect.poll(() => page.getByTestId('papers-as-of').innerText()).toContain('2025年3月31日');
  }

  const total = () => page.getByTestId('papers-total-total').innerText();

  it('creates the first (administrator) account from the banner, then 张三 and 李四', async () => {
    await page.goto(session.harness.url);
    const banner = page.getByTestId('bootstrap-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('本机尚未建立用户账户');
    await shot('01-bootstrap-banner');
    await banner.getByRole('button', { name: '建立管理员账户' }).click();
    const dialog = page.getByRole('dialog', { name: '创建管理员账户' });
    await dialog.getByLabel('用户名').fill('admin');
    await dialog.getByLabel('姓名').fill('管理员');
    await dialog.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await dialog.getByLabel('确认密码').fill(PASSWORD);
    await dialog.getByRole('button', { name: '创建并登录' }).click();
    const badge = page.getByTestId('user-badge');
    await badge.waitFor();
    expect(await badge.innerText()).toContain('系统管理员');
    await expect.poll(() => page.getByTestId('bootstrap-banner').count()).toBe(0);

    await page.getByRole('menuitem', { name: /用户管理/ }).click();
    for (const [username, name, role] of [
      ['zhangsan', '张三', '稽核员'],
      ['lisi', '李四', '科室负责人'],
    ] as const) {
      await page.getByRole('button', { name: '新建用户' }).click();
      const d = page.getByRole('dialog', { name: '新建用户' });
      await d.getByLabel('用户名').fill(username);
      await d.getByLabel('姓名').fill(name);
      await d.getByLabel('角色').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: role }).click();
      await d.getByLabel('一次性密码').fill(ONE_TIME_PASSWORD);
      await d.getByLabel('确认密码').fill(ONE_TIME_PASSWORD);
      await d.getByRole('button', { name: '创建用户' }).click();
      oneTime.add(username);
      await page.getByTestId('users-table').locator('.ant-table-row', { hasText: name }).waitFor();
    }
    expect(await page.getByTestId('users-table').innerText()).toMatch(/李四\s+科室负责人/);
    await shot('02-users');
    await logout();
    await shot('03-login');
  });

  it('refuses a wrong password, then 张三 logs in and imports the worked example', async () => {
    await page.getByLabel('用户名').fill('zhangsan');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码不正确').waitFor();
    await login('zhangsan');
    expect(await page.getByTestId('user-badge').innerText()).toMatch(/张三[\s\S]*稽核员（zhangsan）/);

    // The page's session is the backend's: these calls act as 张三.
    const { api } = session;
    const employer = await api<{ id: number }>('employers.create', { name: '示例机械制造有限公司', creditCode: '91350100M000100Y43' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = (await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'lead' })).id;
    await session.importFile(caseId, 'payroll', 'payroll.xlsx', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'payroll.xlsx'))));
    await session.importFile(caseId, 'declaration', 'declarations.csv', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'declarations.csv'))));
    await api('figures.set', { caseId, asOf: '2025-03-31' });

    await openPapers();
    await expect.poll(total).toContain('3,575.74');

    // The ledger's 应付职工薪酬 typed in: 38,000.00 against the payroll's 37,500.55.
    await page.getByRole('tab', { name: /工资总额与账载/ }).click();
    const ledger = page.getByTestId('ledger-table');
    await ledger.getByLabel('2024年3月应付职工薪酬').fill('38000.00');
    await ledger.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => ledger.locator('.ant-table-row').innerText()).toMatch(/37,500.55\s+499.45\s+zhangsan/);
    await shot('11-ledger');
    await page.getByRole('tab', { name: '人数差异' }).click();
    expect(await page.getByTestId('headcount-table').locator('.ant-table-row').innerText()).toMatch(/2024年3月\s+3\s+3\s+0\s+2\s+1\s+1/);
    await page.getByRole('tab', { name: /未参保/ }).click();
    expect(await page.getByRole('tab', { name: '未参保（在册未保）（1）' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: '在保不在册（1）' }).count()).toBe(1);
    expect(await page.getByTestId('sign-off').innerText()).toContain('经办人：张三（zhangsan）');
    await shot('10-papers');
  });

  it("opens 甲's under-declared finding: plan terms, source rows and the arithmetic", async () => {
    await page.getByRole('tab', { name: '少报基数（1）' }).click();
    await page.getByTestId('papers-under-declared').locator('.ant-table-row', { hasText: '甲' }).getByRole('button', { name: '推导' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '推导：少报基数 · 甲 · 2024年3月' });
    const steps = drawer.getByTestId('derivation-steps');
    await steps.waitFor();
    const text = await steps.innerText();
    expect(text).toContain('基本养老保险 单位补缴：少报 4,500.55 × 16% = 720.088 → 720.09');
    expect(text).toContain('滞纳金：滞纳金 1,611.18 × 0.05% × 350天 = 281.9565 → 281.96');
    expect(text).toContain('应缴截止日 2024-04-15 至计算截止日 2025-03-31：350 天');
    const sheet = await drawer.innerText();
    expect(sheet).toContain('2024-01～2024-12');
    expect(sheet).toMatch(/基本养老保险\s+16%\s+8%\s+4,000.00\s+20,000.00\s+9,500.55\s+5,000.00\s+4,500.55\s+720.09\s+360.04/);
    expect(await drawer.getByTestId('derivation-sources').innerText()).toContain('declarations.csv · 第 2 行');
    await shot('20-derivation');
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();
  });

  it('exempts 乙 as 实习学生: the totals drop to 1,893.14 at once', async () => {
    await page.getByRole('tab', { name: '未参保（在册未保）（1）' }).click();
    const row = page.getByTestId('papers-payroll-only').locator('.ant-table-row', { hasText: '乙' });
    await row.getByRole('button', { name: '豁免' }).click();
    const dialog = page.getByRole('dialog', { name: /豁免：乙/ });
    await dialog.getByLabel('豁免原因').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '实习学生' }).click();
    await dialog.getByLabel('说明').fill('在校学生，实习协议在卷');
    await shot('30-exempt');
    await dialog.getByRole('button', { name: '记录豁免' }).click();
    await expect.poll(total).toContain('1,893.14');
    expect(await page.getByTestId('papers-total-backPay').innerText()).toContain('1,611.18');
    expect(await page.getByTestId('papers-total-lateFee').innerText()).toContain('281.96');
    await expect.poll(() => row.innerText()).toContain('豁免（实习学生）');
    await shot('31-exempted');
  });

  it('what-if: another as-of date with the late fee capped, without changing the case', async () => {
    await page.getByRole('tab', { name: '测算' }).click();
    const panel = page.getByTestId('what-if');
    const date = panel.getByLabel('测算截止日');
    await date.fill('2024年6月30日');
    await date.press('Enter');
    await panel.getByLabel('滞纳金上限').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '以本金为上限' }).click();
    await panel.getByRole('button', { name: /测\s*算/ }).click();
    const table = panel.getByTestId('what-if-table');
    await table.waitFor();
    // Only 甲 remains: 76 days to 2024-06-30 → 1,611.18 × 0.05% × 76 = 61.22484 → 61.22.
    expect(await table.locator('tr', { hasText: '滞纳金' }).innerText()).toMatch(/281.96\s+61.22\s+-220.74/);
    expect(await table.locator('tr', { hasText: '总计' }).innerText()).toMatch(/1,893.14\s+1,672.40\s+-220.74/);
    await shot('40-what-if');
    expect(await total()).toContain('1,893.14');
  });

  it('张三 cannot approve; 李四 approves', async () => {
    const signOff = page.getByTestId('sign-off');
    expect(await signOff.getByRole('button', { name: '审核通过' }).isDisabled()).toBe(true);
    expect(await signOff.getByTestId('sign-off-reason').innerText()).toBe('只有科室负责人可以审核稽核结论（当前用户为稽核员）');
    await expect(session.api('approvals.approve', { caseId, asOf: '2025-03-31' })).rejects.toThrow(/无权审核稽核结论/);
    await shot('50-cannot-approve');

    await logout();
    await login('lisi');
    await openPapers();
    await expect.poll(total).toContain('1,893.14');
    expect(await signOff.getByTestId('sign-off-reason').count()).toBe(0);
    await signOff.getByRole('button', { name: '审核通过' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '审核通过' }).click();
    await signOff.getByTestId('approved-by').waitFor();
    expect(await signOff.getByTestId('approved-by').innerText()).toMatch(/审核人：李四（lisi），\d{4}-\d{2}-\d{2} \d{2}:\d{2}，计算截止日 2025年3月31日/);
    expect(await signOff.innerText()).toContain('审核通过');
    expect(await signOff.getByTestId('sign-off-reason').innerText()).toBe('已由 李四 审核，此后没有变更');
    await shot('60-approved');
  });

  it("张三's next judgment shows 审核后已变更, and the finding's history names him", async () => {
    await logout();
    await login('zhangsan');
    await openPapers();
    await page.getByRole('tab', { name: '少报基数（1）' }).click();
    const row = page.getByTestId('papers-under-declared').locator('.ant-table-row', { hasText: '甲' });
    await row.getByRole('button', { name: '认定' }).click();
    const dialog = page.getByRole('dialog', { name: /认定：甲/ });
    await dialog.getByLabel('说明').fill('工资表两行合计 9,500.55，单位会计确认');
    await dialog.getByRole('button', { name: '记录认定' }).click();
    const warning = page.getByTestId('changed-after-review');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('审核后已变更');
    await expect.poll(() => row.innerText()).toContain('已认定');
    await shot('70-changed-after-review');

    await row.getByRole('button', { name: '推导' }).click();
    const history = page.locator('.ant-drawer').getByTestId('judgment-history');
    await history.waitFor();
    await history.scrollIntoViewIfNeeded();
    expect(await history.innerText()).toMatch(/认定\s+zhangsan · \d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+工资表两行合计 9,500.55，单位会计确认/);
    await shot('71-history');
    expect(session.consoleErrors).toEqual([]);
  });

  it('李四 approves again; 张三 drafts the audit opinion, previews 1,893.14 and issues it as 示医保稽意〔2025〕1号', async () => {
    // The change after review blocks the opinion until the section head approves the case as it is now.
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await logout();
    await login('lisi');
    await openPapers();
    await expect.poll(total).toContain('1,893.14');
    const signOff = page.getByTestId('sign-off');
    await page.getByTestId('changed-after-review').waitFor();
    await signOff.getByRole('button', { name: '审核通过' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => signOff.getByTestId('sign-off-reason').innerText()).toBe('已由 李四 审核，此后没有变更');
    await expect.poll(() => page.getByTestId('changed-after-review').count()).toBe(0);
    expect(await session.api('approvals.status', { caseId })).toMatchObject({ approved: true, approvedBy: 'lisi', asOf: '2025-03-31', changedAfterReview: false });
    await shot('2x-01-reapproved');

    // Documents are case work: the auditor who prepared the findings drafts and issues them.
    await logout();
    await login('zhangsan');
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    await page.getByRole('tab', { name: /文书/ }).click();
    await page.getByRole('button', { name: '案件信息' }).click();
    const facts = page.getByRole('dialog', { name: /案件信息/ });
    await facts.getByLabel('稽核人员 1 姓名').fill('王建国');
    await facts.getByLabel('稽核人员 1 执法证号').fill('示医保稽字第000123号');
    await facts.getByLabel('稽核人员 2 姓名').fill('李晓梅');
    await facts.getByLabel('稽核人员 2 执法证号').fill('示医保稽字第000456号');
    for (const [label, value] of [
      ['实地稽核开始日期', '2025年3月20日'],
      ['实地稽核结束日期', '2025年3月21日'],
    ] as const) {
      const input = facts.getByLabel(label);
      await input.fill(value);
      await input.press('Enter');
    }
    await facts.getByLabel('实地稽核地点').fill('被稽核单位财务部会议室');
    await facts.getByLabel('联系人').fill('王建国');
    await facts.getByLabel('联系电话').fill('0000-12345678');
    await shot('2x-02-case-facts');
    await facts.getByRole('button', { name: /保\s*存/ }).click();
    await facts.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: /新建文书/ }).click();
    const opinionItem = page.locator('.ant-dropdown-menu-item[data-menu-id$="-audit-opinion"]');
    await opinionItem.waitFor();
    await expect.poll(() => opinionItem.getAttribute('aria-disabled')).not.toBe('true');
    await opinionItem.click();
    const form = page.getByRole('dialog', { name: '新建稽核意见书' });
    for (const label of ['成文日期']) {
      const input = form.getByLabel(label);
      await input.fill('2025年3月31日');
      await input.press('Enter');
    }
    await shot('2x-03-opinion-form');
    await form.getByRole('button', { name: '生成草稿' }).click();
    await form.waitFor({ state: 'hidden', timeout: 60_000 });

    // The preview shows the case as approved: 乙 exempted, so 甲's 1,611.18 + 281.96 = 1,893.14.
    const preview = page.getByTestId('model-preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect.poll(() => preview.innerText()).toContain('1,893.14');
    const draftText = await preview.innerText();
    expect(draftText).toContain('稽核意见书');
    expect(draftText).toContain('壹仟捌佰玖拾叁元壹角肆分'); // the total in capitals
    expect(draftText).toContain('1,611.18'); // back-pay
    expect(draftText).toContain('281.96'); // late fee
    expect(draftText).not.toContain('3,575.74'); // not the figures before the exemption
    expect(draftText).toContain('草稿');
    expect(draftText).toContain('示医保稽意〔2025〕　号'); // no number yet
    expect(await page.getByText('尚未经科室负责人审核').count()).toBe(0);
    expect(await page.getByText('审核后已有变更').count()).toBe(0);
    await page.locator('.ant-table-row', { hasText: '稽核意见书' }).getByText('草稿').first().waitFor();
    await page.getByTestId('pdf-frame').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000);
    await shot('2x-04-opinion-draft-preview');
    await preview.getByText(/壹仟捌佰玖拾叁元壹角肆分/).first().scrollIntoViewIfNeeded();
    await shot('2x-04b-opinion-draft-total');

    await page.getByRole('button', { name: /签\s*发/ }).first().click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/签发稽核意见书[\s\S]*分配文号[\s\S]*冻结/);
    await shot('2x-05-issue-confirm');
    await confirm.getByRole('button', { name: /签\s*发/ }).click();
    const issuedRow = page.locator('.ant-table-row', { hasText: '示医保稽意〔2025〕1号' });
    await issuedRow.waitFor({ timeout: 60_000 });
    expect(await issuedRow.innerText()).toContain('已签发');
    await expect.poll(() => preview.innerText(), { timeout: 30_000 }).toContain('示医保稽意〔2025〕1号');
    const issuedText = await preview.innerText();
    expect(issuedText).not.toContain('草稿');
    expect(issuedText).toContain('1,893.14');
    expect(issuedText).toContain('壹仟捌佰玖拾叁元壹角肆分');
    const listed = await session.api<{ number: string; status: string; type: string }[]>('documents.list', { caseId });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ number: '示医保稽意〔2025〕1号', status: 'issued', type: 'audit-opinion' });
    await page.getByTestId('pdf-frame').waitFor();
    await page.waitForTimeout(2000);
    await shot('2x-06-opinion-issued');
    expect(session.consoleErrors).toEqual([]);
  });
});
