// The whole path an auditor takes, in a real browser against the real backend on a fresh data
// folder: employer → case → import payroll and declarations → results as of 2025-03-31 (the
// worked example of DOMAIN.md §6.5) → audit notice as PDF. Screenshots of every step go to
// test-output/e2e/ so a human can look at what the auditor sees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../../electron/harness/server';
import { openSession, type Session } from './session';

const WORKED_EXAMPLE = path.resolve('test/fixtures/worked-example');

describe('auditor walk-through in Chromium', () => {
  let session: Session;
  let harness: Harness;
  let page: Page;
  const shot = (name: string) => session.shot(name);
  const currentCaseId = () => Number(/#\/cases\/(\d+)/.exec(page.url())?.[1]);

  beforeAll(async () => {
    session = await openSession();
    ({ harness, page } = session);
  });

  // Each step builds on the one before: after a failure the rest would only time out.
  let stepFailed = false;
  beforeEach((ctx) => {
    if (stepFailed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    stepFailed = true;
    if (page) await shot(`failed-${ctx.task.name.slice(0, 40).replace(/[^\w\u4e00-\u9fff-]+/g, '_')}`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('serves the UI with a strict CSP and refuses API calls without the token', async () => {
    const response = await page.goto(harness.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    const api = await fetch(new URL('api/employers.list', harness.url), { method: 'POST', body: '{}' });
    expect(api.status).toBe(403);
    await page.getByRole('heading', { name: '单位' }).waitFor();
    expect(await page.getByRole('heading', { name: '单位' }).count()).toBe(1);
    await page.getByText('还没有单位').waitFor();
    await shot('01-employers-empty');
  });

  it('creates an employer, showing the backend message for a wrong credit code', async () => {
    await page.getByRole('button', { name: '新建单位' }).click();
    const dialog = page.getByRole('dialog', { name: '新建单位' });
    await dialog.getByLabel('单位名称').fill('示例科技有限公司');
    await dialog.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
    await dialog.getByLabel('地址').fill('示例市高新区创业路 8 号');
    await dialog.getByLabel('联系人').fill('王会计');
    await dialog.getByLabel('所属行业').fill('软件和信息技术服务业');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const fieldError = dialog.locator('#employer_creditCode_help');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toMatch(/校验|统一社会信用代码/);
    await shot('02-employer-bad-code');

    await dialog.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '91350100M000100Y43' }).waitFor();
    await shot('03-employer-created');
  });

  it('opens a case for 2024-03 with the example rate plan', async () => {
    await page.getByRole('menuitem', { name: /稽核案件/ }).click();
    await page.getByRole('button', { name: '新建稽核案件' }).click();
    const dialog = page.getByRole('dialog', { name: '新建稽核案件' });
    await dialog.getByLabel('被稽核单位').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '示例科技有限公司' }).click();
    const range = dialog.locator('.ant-picker-range input');
    await range.nth(0).fill('2024年03月');
    await range.nth(0).press('Enter');
    await range.nth(1).fill('2024年03月');
    await range.nth(1).press('Enter');
    await dialog.getByLabel('缴费政策').click();
    // The plan of DOMAIN.md §5 (monthly base), labelled as an example.
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '示例地区 2024' }).first();
    expect(await option.innerText()).toContain('示例');
    await option.click();
    await shot('04-case-form');
    await dialog.getByRole('button', { name: /立\s*项/ }).click();
    await page.getByText('下一步：导入单位的工资表').waitFor();
    await shot('05-case-created');
  });

  it('imports the payroll and the declarations and shows the import reports', async () => {
    // The worked example of DOMAIN.md §6.5 as the employer's files (test/fixtures/worked-example).
    await page.locator('[data-testid="import-payroll"] input[type=file]').setInputFiles({
      name: '2024年3月工资表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync(path.join(WORKED_EXAMPLE, 'payroll.xlsx')),
    });
    // Choosing a file opens the column-mapping screen: confirm what was detected.
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.locator('[data-testid="import-payroll"]').getByText(/已导入 2024年3月工资表\.xlsx：4 行，3 人/).waitFor({ timeout: 60_000 });
    await page.getByText('下一步：导入缴费申报明细').waitFor();
    await shot('06-payroll-imported');

    await page.locator('[data-testid="import-declaration"] input[type=file]').setInputFiles({
      name: '缴费申报明细_202403.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(path.join(WORKED_EXAMPLE, 'declarations.csv')),
    });
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.locator('[data-testid="import-declaration"]').getByText(/已导入 缴费申报明细_202403\.csv：3 行，3 人/).waitFor({ timeout: 60_000 });
    await page.getByText('工资表和缴费申报明细都已导入').waitFor();
    await shot('07-declarations-imported');
  });

  it('computes the worked example as of 2025-03-31', async () => {
    await page.getByRole('button', { name: '查看稽核结果' }).click();
    // the case's cut-off date is set once, in the case header, for every tab
    await page.getByTestId('case-as-of').getByRole('button', { name: /更\s*改/ }).click();
    const dialog = page.getByRole('dialog', { name: '本案计算截止日与缴费方案' });
    const asOf = dialog.getByLabel('计算截止日（滞纳金计至）');
    await asOf.fill('2025年3月31日');
    await asOf.press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('as-of').innerText()).toContain('2025年3月31日');
    const total = page.getByTestId('total-total');
    await expect.poll(() => total.innerText(), { timeout: 30_000 }).toContain('3,575.74');
    expect(await page.getByTestId('total-backPay').innerText()).toContain('3,043.18');
    expect(await page.getByTestId('total-lateFee').innerText()).toContain('532.56');
    expect(await page.getByTestId('total-employer').innerText()).toContain('2,150.63');
    expect(await page.getByTestId('total-employee').innerText()).toContain('892.55');

    const monthRow = page.locator('[data-testid="month-table"] tr[data-row-key="2024-03"] td');
    const cells = await monthRow.allInnerTexts();
    // 月份, 工资表人数, 申报人数, 未参保, 在保不在册, …
    expect(cells.slice(0, 5)).toEqual(['2024-03', '3', '3', '1', '1']);

    const rows = page.locator('[data-testid="rows-table"] tbody tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    await shot('08-results');

    await rows.filter({ hasText: '乙' }).locator('.ant-table-row-expand-icon').click();
    // 乙 is on row 4 of the payroll sheet (title row, header row, 甲, 乙).
    await page.getByText('2024年3月工资表.xlsx · 2024年3月 · 第 4 行').waitFor();
    const detail = page.locator('[data-testid="rows-table"] .ant-table-expanded-row');
    const rateCells = await detail.locator('tr.ant-table-row').filter({ hasText: '生育保险' }).locator('td').allInnerTexts();
    // 生育保险: 0.8 % of the 4,000.00 floor for the employer, nothing for the employee.
    expect(rateCells.slice(0, 3)).toEqual(['生育保险', '0.8%', '0%']);
    expect(rateCells).toContain('32.00');
    expect(await detail.innerText()).toMatch(/250\.60（350 天）/);
    await shot('09-results-row-detail');

    await page.getByRole('tab', { name: /在保不在册/ }).click();
    await page.getByRole('cell', { name: '110105197511110047' }).waitFor();
    await shot('10-declared-only');
  });

  it('generates the audit notice and shows its PDF', async () => {
    await page.getByRole('tab', { name: /文书/ }).click();
    await page.getByRole('button', { name: '生成稽核通知书' }).click();
    const dialog = page.getByRole('dialog', { name: '生成稽核通知书' });
    await dialog.getByPlaceholder('稽核人员 1 姓名').fill('张明');
    await dialog.getByPlaceholder('执法证号').nth(0).fill('闽医保稽 2024001');
    await dialog.getByPlaceholder('稽核人员 2 姓名').fill('李华');
    await dialog.getByPlaceholder('执法证号').nth(1).fill('闽医保稽 2024002');
    await dialog.getByLabel('联系人').fill('陈科长');
    await dialog.getByLabel('联系电话').fill('0591-12345678');

    // Served tomorrow for an audit the day after: the backend refuses (notice ≥ 3 days ahead).
    const chineseDate = (daysFromToday: number) => {
      const d = new Date();
      d.setDate(d.getDate() + daysFromToday);
      return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
    };
    const onsite = dialog.getByLabel('实地稽核日期');
    await onsite.fill(chineseDate(1));
    await onsite.press('Enter');
    await dialog.getByRole('button', { name: /生\s*成/ }).click();
    const refusal = dialog.locator('.ant-alert-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/提前\s*(?:3\s*[日天]|三日)/);
    await shot('11-notice-too-soon');

    await onsite.fill(chineseDate(7));
    await onsite.press('Enter');
    await shot('12-notice-form');
    await dialog.getByRole('button', { name: /生\s*成/ }).click();
    const frame = page.getByTestId('pdf-frame');
    await frame.waitFor({ timeout: 60_000 });
    const src = await frame.getAttribute('src');
    expect(src).toMatch(/^blob:/);
    // The CSP keeps page scripts from reading blob: URLs, so compare with the bytes the API gives.
    const listed = await session.api<{ documents: { id: number }[] }>('cases.get', { caseId: currentCaseId() });
    const pdf = await session.api<{ fileName: string; data: Uint8Array }>('documents.pdf', { documentId: listed.documents[0]!.id });
    const bytes = Buffer.from(pdf.data);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await frame.getAttribute('data-size')).toBe(String(bytes.length));
    // Chromium's PDF viewer attaches to the blob frame: the PDF is really shown, not only linked.
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/')), { timeout: 20_000 }).toBe(true);
    await page.getByRole('row', { name: /稽核通知书.*〔\d{4}〕\d+号/ }).waitFor();
    await page.waitForTimeout(3000);
    await shot('13-notice-pdf');
  });

  it('lists the case with its state among all cases', async () => {
    await page.getByRole('menuitem', { name: /稽核案件/ }).click();
    const row = page.locator('.ant-table-row', { hasText: '示例科技有限公司' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/稽〔\d{4}〕\d+号[\s\S]*2024年3月[\s\S]*示例地区 2024/);
    await shot('14-case-list');
  });

  it('logged no console errors along the way', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
