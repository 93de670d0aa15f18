// Issue 10, items 3 and 4 in Chromium: the 新建文书 menu stays inside the window (its first kind,
// 稽核通知书, reachable) at 1440 × 900 and 1280 × 720; a date typed in the usual forms is taken
// by the date pickers (DateField); the case form's month range opens on last year, not on today.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session';

const WORKED_EXAMPLE = path.resolve('test/fixtures/worked-example');

describe('menus and date pickers in Chromium', () => {
  let session: Session;
  let caseId: number;

  beforeAll(async () => {
    session = await openSession();
    const { api } = session;
    const employer = await api<{ id: number }>('employers.create', { name: '示例机械制造有限公司', creditCode: '91350100M000100Y43' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = (await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'lead' })).id;
    await session.importFile(caseId, 'payroll', 'payroll.xlsx', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'payroll.xlsx'))));
    await session.importFile(caseId, 'declaration', 'declarations.csv', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'declarations.csv'))));
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it('opens 新建文书 inside the window at both sizes, with 稽核通知书 reachable', async () => {
    const { page, shot } = session;
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    await page.getByRole('tab', { name: /文书/ }).click();
    for (const [width, height, name] of [[1440, 900, 'desk-10-new-document-menu'], [1280, 720, 'desk-10-new-document-menu-1280']] as const) {
      await page.setViewportSize({ width, height });
      const button = page.getByRole('button', { name: /新建文书/ });
      await button.scrollIntoViewIfNeeded();
      await button.click();
      const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu');
      await menu.waitFor();
      await page.waitForTimeout(300);
      const box = (await menu.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      const notice = menu.locator('.ant-dropdown-menu-item', { hasText: '稽核通知书' }).first();
      const nb = (await notice.boundingBox())!;
      expect(nb.y).toBeGreaterThanOrEqual(0);
      expect(nb.y + nb.height).toBeLessThanOrEqual(height);
      await page.screenshot({ path: `test-output/e2e/${name}.png` });
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot('desk-10-documents-tab');
  });

  it('takes a date typed as 2025-04-14, 2025/4/14, 20250414 or 2025年4月14日', async () => {
    const { page, shots } = session;
    await page.getByRole('tab', { name: '稽核结果' }).click();
    // The case's cut-off date is set in the case header's dialog (one date for every tab).
    await page.getByTestId('case-as-of').getByRole('button', { name: /更\s*改/ }).click();
    const dialog = page.getByRole('dialog', { name: '本案计算截止日与缴费方案' });
    const asOf = dialog.locator('input').first();
    for (const typed of ['2025-04-14', '2025-4-14', '2025/4/14', '2025.04.14', '20250414', '2025年4月14日']) {
      await asOf.click();
      await asOf.fill(typed);
      await asOf.press('Enter');
      await expect.poll(() => asOf.inputValue()).toBe('2025年4月14日');
      await asOf.fill('2025年3月31日');
      await asOf.press('Enter');
      await expect.poll(() => asOf.inputValue()).toBe('2025年3月31日');
    }
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('total-total').innerText()).toContain('3,575.74');
    // The results table's 处理 column (豁免) stays inside the window at both sizes.
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width, height });
      const exempt = page.locator('[data-testid="rows-table"] tr.ant-table-row', { hasText: '乙' }).getByRole('button', { name: '豁免' });
      const box = (await exempt.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await shots('desk-11-typed-date');
  });

  it('opens the new case’s month range on last year', async () => {
    const { page, shots } = session;
    await page.goto(new URL('#/cases', session.harness.url).href);
    await page.getByRole('button', { name: /新建案件|立案|新建/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('稽核期间（起止月份）').click();
    const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await panel.waitFor();
    const lastYear = new Date().getFullYear() - 1;
    expect(await panel.locator('.ant-picker-header-view').first().innerText()).toContain(String(lastYear));
    await dialog.getByLabel('稽核期间（起止月份）').fill(`${lastYear}-01`);
    await shots('desk-12-month-range');
  });

  it('shows how many findings are still 待认定 beside 审核通过', async () => {
    const { page, shots } = session;
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    await page.getByRole('tab', { name: '稽核发现' }).click();
    const pending = page.getByTestId('pending-count');
    await expect.poll(() => pending.innerText()).toMatch(/^尚有 [1-9]\d* 条问题待认定$/);
    await shots('desk-13-pending-before-approval');
  });
});
