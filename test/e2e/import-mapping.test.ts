// The column-mapping screen in Chromium: a messy payroll whose gross column has a header the
// importer does not know — the auditor assigns it on the mapping screen, saves the mapping as the
// employer's template, sees the progress and the report, exports the report as XLSX; the next
// month's file opens with the template applied; a big file's import is cancelled with 取消;
// declarations with swapped amounts are refused by the verification and imported with a reason;
// the ID typed with two digits swapped is joined from the suggestions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEmployer } from '../fixtures/employer';
import { declarationsXlsx, detailedPayrollXlsx, salaryRows, swapDigits } from '../fixtures/mappingFiles';
import { openSession, SHOTS_DIR, type Session } from './session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('import mapping in Chromium', () => {
  let session: Session;
  let caseId: number;
  const data = generateEmployer(21, { persons: 1200, months: ['2024-03', '2024-04'], undeclaredShare: 0 });
  const victim = salaryRows(data, '2024-03').find((r) => swapDigits(r.personId) !== r.personId)!;

  beforeAll(async () => {
    session = await openSession();
    const { api } = session;
    const employer = await api<{ id: number }>('employers.create', { name: data.employerName, creditCode: '91110000600037341L' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = (await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-04', ratePlanId: plan.id, source: 'random' })).id;
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('maps a column by hand, saves the template, shows progress and the report, and exports it', async () => {
    const { page, shot } = session;
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    const card = page.getByTestId('import-payroll');
    const march = detailedPayrollXlsx(data, { month: '2024-03', grossHeader: '本月应得', typoIds: [victim.personId] });
    await card.locator('input[type=file]').setInputFiles({ name: '2024年3月工资表.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(march) });

    const modal = page.locator('.ant-modal', { hasText: '确认列映射' });
    await modal.waitFor();
    await modal.getByText('缺少“应发工资”列').waitFor();
    expect(await modal.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    // The header row is highlighted, the title row above it dimmed.
    expect(await modal.locator('tr[data-row-kind="header"]').count()).toBe(1);
    expect(await modal.locator('tr[data-row-kind="above"]').innerText()).toContain('2024年3月工资表');
    expect(await modal.getByLabel('表内月份').inputValue()).toBe('2024-03');
    await shot('import-mapping-01-detected');

    await modal.getByTestId('role-J').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: /^应发工资$/ }).click();
    await modal.getByText('缺少“应发工资”列').waitFor({ state: 'detached' });
    await modal.getByTestId('save-template').click();
    await modal.getByLabel('模板名称').fill('瑞丰月度工资表');
    await shot('import-mapping-02-column-assigned');
    await modal.getByRole('button', { name: '确认导入' }).click();

    await card.getByTestId('import-progress').waitFor({ timeout: 30_000 });
    await shot('import-mapping-03-progress');
    await card.getByText(/已导入 2024年3月工资表\.xlsx：\d+ 行/).waitFor({ timeout: 120_000 });
    const taken = salaryRows(data, '2024-03').length;
    expect(await card.locator('.ant-alert-success').innerText()).toContain(`${taken} 行`);
    await shot('import-mapping-04-report');

    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: '导出报告' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('导入报告_2024年3月工资表.xlsx');
    const saved = path.join(SHOTS_DIR, 'import-mapping-report.xlsx');
    await file.saveAs(saved);
    const wb = XLSX.read(readFileSync(saved), { type: 'array' });
    expect(wb.SheetNames).toEqual(['概况', '工作表与列', '问题清单']);
    const summary = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['概况']!, { header: 1 });
    expect(summary).toContainEqual(['导入行数', taken]);
    const columns = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['工作表与列']!);
    expect(columns.find((r) => r['列'] === 'J')).toMatchObject({ 表头: '本月应得', 识别为: '应发工资' });
    const issues = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['问题清单']!);
    expect(issues.some((r) => r['代码'] === 'id-check-digit' && String(r['原因']).includes(swapDigits(victim.personId)))).toBe(true);
  }, 180_000);

  it('cancels a big import with 取消 and imports the next month with the template applied', async () => {
    const { page, shot, api } = session;
    const card = page.getByTestId('import-payroll');
    const big = generateEmployer(22, { persons: 12_000, months: ['2024-04'] });
    const bigFile = detailedPayrollXlsx(big, { month: '2024-04', grossHeader: '本月应得' });
    await card.locator('input[type=file]').setInputFiles({ name: '2024年4月工资表（集团）.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bigFile) });
    const modal = page.locator('.ant-modal', { hasText: '确认列映射' });
    await modal.getByText('已按模板“瑞丰月度工资表”识别列').waitFor({ timeout: 60_000 });
    await modal.getByRole('button', { name: '确认导入' }).click();
    await card.getByTestId('import-progress').waitFor({ timeout: 30_000 });
    await card.getByTestId('import-progress').getByRole('button', { name: /取\s*消/ }).click();
    await card.getByText('导入已取消，数据库未作任何修改').waitFor({ timeout: 60_000 });
    await shot('import-mapping-05-cancelled');
    expect((await api<{ files: unknown[] }>('cases.get', { caseId })).files).toHaveLength(1);

    const april = detailedPayrollXlsx(data, { month: '2024-04', grossHeader: '本月应得' });
    await card.locator('input[type=file]').setInputFiles({ name: '2024年4月工资表.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(april) });
    await modal.getByText('已按模板“瑞丰月度工资表”识别列').waitFor({ timeout: 30_000 });
    expect(await modal.getByLabel('表内月份').inputValue()).toBe('2024-04');
    expect(await modal.getByTestId('role-J').innerText()).toContain('应发工资');
    await shot('import-mapping-06-template-applied');
    await modal.getByRole('button', { name: '确认导入' }).click();
    await card.getByText(/已导入 2024年4月工资表\.xlsx：\d+ 行/).waitFor({ timeout: 120_000 });
    const list = await card.getByTestId('files-payroll').innerText();
    expect(list).toMatch(/已导入\s+2024年3月工资表\.xlsx/);
    expect(list).toMatch(/已取消\s+2024年4月工资表（集团）\.xlsx/);
    expect(list).toMatch(/已导入\s+2024年4月工资表\.xlsx/);
    expect((await api<{ files: unknown[] }>('cases.get', { caseId })).files).toHaveLength(2);
  }, 240_000);

  it('refuses declarations with swapped amounts, imports them with a reason, and joins the mistyped ID', async () => {
    const { page, shot, api } = session;
    const card = page.getByTestId('import-declaration');
    const swapped = declarationsXlsx(data, { months: ['2024-03'], swapAmounts: true });
    await card.locator('input[type=file]').setInputFiles({ name: '申报明细_202403.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(swapped) });
    await page.locator('.ant-modal', { hasText: '确认列映射' }).getByRole('button', { name: '确认导入' }).click();
    const refusal = card.getByTestId('verification-refusal');
    await refusal.waitFor({ timeout: 120_000 });
    expect(await refusal.innerText()).toMatch(/申报金额折算的费率不合理：基本养老保险单位缴费在 \d+ 行中有 \d+ 行折算费率不在 10%～20% 之间/);
    const overrideButton = refusal.getByRole('button', { name: '仍然导入' });
    expect(await overrideButton.isDisabled()).toBe(true);
    await refusal.getByRole('checkbox').first().check();
    await refusal.getByLabel('仍然导入的理由').fill('征缴系统导出时单位与个人两列次序对调，已与经办人核实');
    await shot('import-mapping-07-verification-refused');
    await overrideButton.click();
    await card.getByText(/已导入 申报明细_202403\.xlsx：\d+ 行/).waitFor({ timeout: 120_000 });
    expect(await card.locator('.ant-table-row', { hasText: '确认仍然导入' }).count()).toBeGreaterThan(0);

    const joins = page.getByTestId('id-joins');
    await joins.waitFor({ timeout: 30_000 });
    expect(await joins.innerText()).toContain(swapDigits(victim.personId));
    await shot('import-mapping-08-id-join-suggested');
    await joins.getByRole('button', { name: /合\s*并/ }).click();
    await joins.getByText(`已合并：${victim.name} ${swapDigits(victim.personId)} → ${victim.personId}`, { exact: false }).waitFor();
    const result = await api<{ payrollOnly: { personId: string }[] }>('results.compute', { caseId, asOf: '2024-12-31' });
    expect(result.payrollOnly.some((p) => p.personId === swapDigits(victim.personId))).toBe(false);
    await shot('import-mapping-09-joined');
    expect(session.consoleErrors).toEqual([]);
  }, 240_000);
});
