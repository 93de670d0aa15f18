// Issue 10 items 2, 5 and 6 in Chromium: a messy payroll workbook (net pay with three decimals)
// and a GBK declarations CSV with a paid flag. The import report groups its issues by kind with
// the rounding of net pay last and collapsed; without a roster the headcount compares payroll with
// declarations and draws roster/payroll/declared/paying per month; findings are grouped by person,
// whole persons are exempted and a whole tab judged in one action each (each row in the trail,
// named by person); exemptions come from a file; 操作 stays inside the window at 1280 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { generateEmployer } from '../fixtures/employer';
import { buildDeclarationSheets, buildPayrollSheets, serialise, type FixtureSheet } from '../fixtures/employerFiles';
import { encodeGb18030 } from '../fixtures/gb18030';
import { openSession, type Session } from './session';

const MONTHS = ['2024-01', '2024-02', '2024-03'];

/** The payroll as the employer's clerk keeps it: 实发工资 worked out to a tenth of a fen. */
function payrollWithRawNetPay(sheets: FixtureSheet[]): FixtureSheet[] {
  for (const sheet of sheets) {
    const headerRow = sheet.rows.findIndex((r) => r.some((c) => typeof c === 'string' && /实发/.test(c)));
    if (headerRow < 0) continue;
    const col = sheet.rows[headerRow]!.findIndex((c) => typeof c === 'string' && /实发/.test(c));
    for (const row of sheet.rows.slice(headerRow + 1)) if (typeof row[col] === 'number') row[col] = Math.round((row[col] as number) * 100 + 3) / 100 + 0.004;
  }
  return sheets;
}

/** The declarations with the collection system's 缴费状态 column: one person's March unpaid. */
function declarationsWithPaidFlag(sheets: FixtureSheet[], unpaid: string): FixtureSheet[] {
  const sheet = sheets[0]!;
  const headerRow = sheet.rows.findIndex((r) => r.some((c) => typeof c === 'string' && /身份证|证件号/.test(c)));
  sheet.rows[headerRow]!.push('缴费状态');
  for (const row of sheet.rows.slice(headerRow + 1)) if (row.length > 2) row.push(row.some((c) => c === unpaid) && row.some((c) => typeof c === 'string' && c.startsWith('2024-03')) ? '未到账' : '已到账');
  return sheets;
}

describe('the auditor’s desk: bulk judging, headcount without a roster, grouped warnings', () => {
  let session: Session;
  let caseId: number;
  let clicks = 0;
  const click = async (l: Locator) => {
    clicks++;
    await l.click();
  };
  const data = generateEmployer(31, { persons: 40, months: MONTHS, undeclaredShare: 0.2 });

  beforeAll(async () => {
    session = await openSession();
    const { api } = session;
    const employer = await api<{ id: number }>('employers.create', { name: data.employerName, creditCode: '91110000600037341L' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = (await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: MONTHS[0], periodTo: MONTHS[2], ratePlanId: plan.id, source: 'plan' })).id;
    const payroll = serialise(payrollWithRawNetPay(buildPayrollSheets(data, { title: true, ids: 'messy', totals: true })), 'xlsx');
    await session.importFile(caseId, 'payroll', '工资表（财务）.xlsx', payroll);
    const someone = data.declarationRows[0]!.personId;
    const csv = serialise(declarationsWithPaidFlag(buildDeclarationSheets(data, {}), someone), 'csv-utf8');
    await session.importFile(caseId, 'declaration', '缴费申报明细.csv', encodeGb18030(new TextDecoder().decode(csv)));
  }, 240_000);
  afterAll(async () => {
    console.log(`desk-bulk: ${clicks} clicks in the replayed judging`);
    await session?.close();
  });

  it('groups the import warnings by kind, the rounding of net pay last and collapsed, across the full width', async () => {
    const { page, shots } = session;
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    await click(page.getByRole('tab', { name: /数据导入/ }));
    const files = page.getByTestId('imported-files');
    await click(files.locator('.ant-table-row', { hasText: '工资表（财务）.xlsx' }).locator('.ant-table-row-expand-icon'));
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    const groups = await issues.getByTestId('issue-group').allInnerTexts();
    expect(groups.length).toBeGreaterThan(1);
    const last = groups[groups.length - 1]!;
    expect(last).toMatch(/金额超过两位小数（已四舍五入） · 实发工资列\s*\d+ 条（该列不参与计算）/);
    // Collapsed: its rows are not shown, the others' are.
    const lastPanel = issues.locator('.ant-collapse-item').last();
    expect(await lastPanel.getAttribute('class')).not.toContain('ant-collapse-item-active');
    const box = (await issues.boundingBox())!;
    expect(box.width).toBeGreaterThan(1100);
    await shots('desk-20-import-issues-grouped');
  });

  it('compares payroll with declarations when no roster is imported, with the monthly chart', async () => {
    const { page, shots } = session;
    const headcount = page.getByTestId('headcount');
    await headcount.scrollIntoViewIfNeeded();
    await headcount.getByTestId('headcount-no-roster').waitFor();
    const heads = (await headcount.locator('thead th').allInnerTexts()).map((t) => t.trim());
    expect(heads).toEqual(['月份', '工资表人数', '申报人数', '实缴人数', '人数差（工资表−申报）', '发薪未申报', '申报未发薪']);
    expect(heads).not.toContain('发薪不在册');
    const chart = headcount.getByTestId('headcount-chart');
    await expect.poll(() => chart.locator('.recharts-line').count()).toBe(3);
    for (const series of ['工资表人数', '申报人数', '实缴人数']) expect(await chart.innerText()).toContain(series);
    // March: one person's declaration is unpaid, so paying is one fewer than declared.
    const march = (await headcount.locator('tr[data-row-key="2024-03"] td').allInnerTexts()).map((t) => t.trim());
    expect(Number(march[3])).toBe(Number(march[2]) - 1);
    expect(Number(march[5])).toBeGreaterThan(0);
    await shots('desk-21-headcount-no-roster');
  });

  it('exempts whole persons and judges a whole tab in one action each; the trail names the persons', async () => {
    const { page, shots } = session;
    await click(page.getByRole('tab', { name: '稽核发现' }));
    await click(page.getByRole('tab', { name: /^未参保（在册未保）/ }));
    const table = page.getByTestId('papers-payroll-only');
    const groups = table.locator('tr.person-group');
    await expect.poll(() => groups.count()).toBeGreaterThan(1);
    const names = [await groups.nth(0).locator('td').nth(1).innerText(), await groups.nth(1).locator('td').nth(1).innerText()];
    const months = Number((await groups.nth(0).locator('td').nth(3).innerText()).match(/(\d+) 个月/)![1]) + Number((await groups.nth(1).locator('td').nth(3).innerText()).match(/(\d+) 个月/)![1]);
    for (const i of [0, 1]) await click(groups.nth(i).locator('.ant-checkbox-input'));
    const bulk = page.getByTestId('papers-payroll-only-bulk');
    await click(bulk.getByRole('button', { name: `批量豁免（${months}）` }));
    const dialog = page.getByRole('dialog', { name: `批量豁免：${months} 项（2 人）` });
    await click(dialog.getByLabel('豁免原因'));
    await click(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '退休返聘' }));
    await dialog.getByLabel('说明').fill('退休返聘协议在卷');
    await shots('desk-22-bulk-exempt');
    await click(dialog.getByRole('button', { name: '记录豁免' }));
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => groups.nth(0).innerText()).toContain('已处理');
    await click(groups.nth(0).locator('.ant-table-row-expand-icon'));
    await expect.poll(() => table.locator('tr.ant-table-row-level-1', { hasText: '豁免（退休返聘）' }).count()).toBeGreaterThanOrEqual(2);

    await click(page.getByRole('tab', { name: /^少报基数/ }));
    const under = page.getByTestId('papers-under-declared');
    // 操作 stays inside the window at both sizes.
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width, height });
      const derive = under.locator('tr.ant-table-row-level-0:not(.person-group)').first().getByRole('button', { name: '推导' }).or(under.locator('th', { hasText: '操作' })).first();
      const b = (await derive.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await click(under.locator('thead .ant-checkbox-input'));
    const accept = page.getByTestId('papers-under-declared-bulk').getByRole('button', { name: /批量认定（\d+）/ });
    const n = Number((await accept.innerText()).match(/（(\d+)）/)![1]);
    expect(n).toBeGreaterThan(10);
    await click(accept);
    const confirm = page.getByRole('dialog', { name: new RegExp(`批量认定：${n} 项`) });
    await click(confirm.getByRole('button', { name: '记录认定' }));
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => under.locator('tr', { hasText: '待认定' }).count(), { timeout: 60_000 }).toBe(0);
    await shots('desk-23-bulk-accepted');

    await click(page.getByRole('tab', { name: '操作记录' }));
    const trail = page.locator('.ant-table-row, .ant-timeline-item, li', { hasText: `${names[0]}（` }).first();
    await trail.waitFor();
    expect(await trail.innerText()).toMatch(/未参保[\s\S]*：豁免|登记豁免|认定意见/);
    await shots('desk-24-trail-names');
  });

  it('imports exemptions from a file in the papers, refusing a bad one with its lines', async () => {
    const { page, shots } = session;
    await click(page.getByRole('tab', { name: '稽核发现' }));
    const input = page.getByTestId('findings-panel').locator('input[type=file]');
    const someone = data.payrollRows.find((r) => r.month === '2024-02')!.personId;
    const file = (body: string) => ({ name: '豁免清单.csv', mimeType: 'text/csv', buffer: Buffer.from(encodeGb18030(`身份证号,月份,原因,备注\n${body}`)) });
    await input.setInputFiles(file(`${someone},2023-12,实习学生,\n`));
    const problem = page.getByTestId('exemptions-file-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('豁免月份有误：2023年12月不在稽核期间');
    await shots('desk-25-exemptions-file-refused');
    await click(page.getByRole('dialog', { name: '豁免文件未导入' }).locator('.ant-modal-close'));
    await input.setInputFiles(file(`${someone},2024-02,已在他处参保,\n`));
    await page.getByText(/已从《豁免清单\.csv》导入 1 条豁免（1 人）/).waitFor();
    expect(session.consoleErrors).toEqual([]);
  });
});
