// 统计报表 in Chromium (DOMAIN.md §11): two employers in two regions, one audit archived in
// October with an order paid in part, another concluded; institutions in the directory; a tip-off.
// The page shows both tables with the seed's two-row header and the charts; a figure opens its
// cases; the XLSX downloads. Screenshots at 1440×900. The archive and conclusion dates are
// written as the workflow records them (the procedure itself is tested elsewhere).
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { openTestDatabase } from '../integration/db-helpers';
import { openSession, type Session } from './session';

const code = (n: number) => {
  const first = `9137010${String(n).padStart(10, '0')}`;
  return first + creditCodeCheckChar(first);
};

describe('statistics page in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the tables and charts, opens a figure to its cases and exports the XLSX', async () => {
    const { page, api, shot } = session;
    const plans = await api<{ id: number; name: string }[]>('ratePlans.list', {});
    const planId = plans[0]!.id;
    const e1 = await api<{ id: number }>('employers.create', { name: '济南市某某机械有限公司', creditCode: code(1) });
    const e2 = await api<{ id: number }>('employers.create', { name: '济南市某某商贸有限公司', creditCode: code(2) });
    const c1 = await api<{ id: number; number: string }>('cases.create', { employerId: e1.id, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId: planId, source: 'plan' });
    const c2 = await api<{ id: number; number: string }>('cases.create', { employerId: e2.id, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId: planId, source: 'tip-off' });
    await api('tipOffs.create', { receivedOn: '2026-09-01', channel: 'phone', subjectKind: 'employer', subjectCreditCode: code(2), subjectName: '济南市某某商贸有限公司', allegation: '未足额申报缴费基数' });

    const db = openTestDatabase(path.join(session.dataDir, 'jihe.sqlite'));
    try {
      db.prepare("UPDATE employers SET region = ? WHERE id = ?").run('历下区', e1.id);
      db.prepare("UPDATE employers SET region = ? WHERE id = ?").run('市中区', e2.id);
      const tr = db.prepare('INSERT INTO case_transitions (case_id, from_state, to_state, reopen, at, by) VALUES (?, ?, ?, 0, ?, ?)');
      tr.run(c1.id, 'summarised', 'concluded', '2026-09-10T02:00:00.000Z', 'e2e');
      tr.run(c1.id, 'concluded', 'rectifying', '2026-09-11T02:00:00.000Z', 'e2e');
      tr.run(c1.id, 'rectifying', 'archived', '2026-10-15T02:00:00.000Z', 'e2e');
      tr.run(c2.id, 'summarised', 'concluded', '2026-10-20T02:00:00.000Z', 'e2e');
      db.prepare("INSERT INTO rectification_entries (case_id, kind, paid_on, amount_fen, purpose, at, by) VALUES (?, 'payment', '2026-10-08', 1234500, 'back-pay', '2026-10-08T02:00:00.000Z', 'e2e')").run(c1.id);
      db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(c1.id);
      const inst = db.prepare("INSERT INTO institutions (kind, region, name, credit_code, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, '2026-01-05T00:00:00.000Z', 'e2e', '2026-01-05T00:00:00.000Z', 'e2e')");
      inst.run('hospital', '历下区', '济南市某某医院', code(11));
      inst.run('pharmacy', '市中区', '济南市某某大药房', code(12));
    } finally {
      db.close();
    }

    await page.goto(new URL('#/statistics', session.harness.url).href);
    const picker = page.getByLabel('统计月份');
    await picker.click();
    await picker.fill('2026-10');
    await picker.press('Enter');
    await page.getByText('统计期间：2026-01-01 至 2026-10-31').waitFor();
    // The seed's two-row headers.
    await page.getByRole('columnheader', { name: '定点医药机构处理情况' }).waitFor();
    await page.getByRole('columnheader', { name: '追回医保基金(万元)' }).waitFor();
    await page.getByRole('columnheader', { name: '已稽核单位数' }).waitFor();
    await page.locator('[aria-label="统计图表"] svg.recharts-surface').first().waitFor();
    expect(await page.locator('[aria-label="统计图表"] svg.recharts-surface').count()).toBeGreaterThanOrEqual(5);
    await shot('statistics-01-page');

    // 已追缴 补缴社会保险费 of the bureau: 12,345.00 yuan from case 1.
    await page.getByRole('button', { name: /（合计） 已追缴\(元\) 补缴社会保险费/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '已追缴(元)' });
    await modal.getByText(c1.number).waitFor();
    expect(await modal.getByText(c2.number).count()).toBe(0);
    await shot('statistics-02-figure-cases');
    await modal.locator('.ant-modal-close').click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 XLSX/ }).click()]);
    const file = path.join(session.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['定点医药机构', '参保单位']);
    const total = wb.getWorksheet('参保单位')!.getRows(5, 6)!.find((r) => String(r.getCell(1).value).endsWith('（合计）'))!;
    expect(total.getCell(3).value).toBe(1);
    expect(total.getCell(12).value).toBe(12345);
    expect(session.consoleErrors).toEqual([]);
  }, 120_000);
});
