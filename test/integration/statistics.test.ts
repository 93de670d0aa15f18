// The monthly statistics on a real case (DOMAIN.md §11): a case walked to rectification with an
// approved order, a payment and a penalty referral; a tip-off. The report reads the order the
// rectification module reads, counts the payment on its day, and the case only once archived;
// the XLSX reads back (exceljs and LibreOffice) with the seed's merged two-row header and the
// figures; the PDF renders in landscape; marking the month sent is in the trail; an
// administrator (no case role) is refused.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StatsReportDto } from '../../shared/api/dto/statistics';
import type { RectificationStatus } from '../../shared/api/dto/workflow';
import { listAudit } from '../../electron/services/audit/auditLog';
import { rectifyingCase } from './archive-helpers';
import { fail, login, ok, useBackend } from './judgments-helpers';

const cell = (r: StatsReportDto, table: 'employers' | 'institutions', scope: 'cumulative' | 'month', key: string) =>
  r[table][scope].find((x) => x.region === null)!.cells[key]!;

describe('statistics on a real case', () => {
  const env = useBackend('jihe-stats-');

  it('reads the approved order, the payment and the referral; counts the case once archived; exports; marks sent', async () => {
    const b = env.backend;
    const c = await rectifyingCase(env);
    const status = ok<RectificationStatus>(await b.invoke('rectification.recordPayment', { caseId: c.id, paidOn: '2026-07-10', amount: '1000.00', purpose: 'back-pay' }));
    ok(await b.invoke('tipOffs.create', { receivedOn: '2026-07-02', channel: 'phone', subjectKind: 'employer', subjectName: c.employerName ?? '某单位', allegation: '少报缴费基数' }));

    const july = ok<StatsReportDto>(await b.invoke('statistics.report', { month: '2026-07' }));
    expect(cell(july, 'employers', 'cumulative', 'orderedBackPay').text).toBe(status.ordered.backPay);
    expect(cell(july, 'employers', 'cumulative', 'orderedBackPay').caseIds).toEqual([c.id]);
    expect(cell(july, 'employers', 'cumulative', 'orderedLateFee').text).toBe(status.ordered.lateFee);
    expect(cell(july, 'employers', 'month', 'recoveredBackPay').text).toBe('1000.00');
    expect(cell(july, 'employers', 'cumulative', 'referred').value).toBe(1);
    expect(cell(july, 'employers', 'cumulative', 'tipReceived').value).toBe(1);
    // Not archived: not yet audited (已稽核) in July.
    expect(cell(july, 'employers', 'cumulative', 'audTotal').value).toBe(0);
    expect(cell(july, 'employers', 'cumulative', 'empTotal').value).toBe(1);
    expect(july.cases.find((x) => x.id === c.id)?.concludedOn).toBe('2026-07-06');
    // June knows nothing of July.
    const june = ok<StatsReportDto>(await b.invoke('statistics.report', { month: '2026-06' }));
    expect(cell(june, 'employers', 'cumulative', 'orderedBackPay').value).toBe(0);

    // Archived on 2026-08-03 (the transition as the workflow records it): audited in August, not July.
    b.db.prepare("INSERT INTO case_transitions (case_id, from_state, to_state, reopen, at, by) VALUES (?, 'rectifying', 'archived', 0, '2026-08-03T02:00:00.000Z', 'chenda')").run(c.id);
    const aug = ok<StatsReportDto>(await b.invoke('statistics.report', { month: '2026-08' }));
    expect(cell(aug, 'employers', 'cumulative', 'audTotal').caseIds).toEqual([c.id]);
    expect(cell(aug, 'employers', 'cumulative', 'audPlan').value).toBe(1);
    expect(cell(aug, 'employers', 'cumulative', 'rectDone').value).toBe(1);
    expect(cell(ok<StatsReportDto>(await b.invoke('statistics.report', { month: '2026-07' })), 'employers', 'cumulative', 'audTotal').value).toBe(0);

    // XLSX: two sheets, the seed's two-row header merged, the figures as numbers.
    const xlsx = ok<{ fileName: string; data: Uint8Array }>(await b.invoke('statistics.export', { month: '2026-08', format: 'xlsx', signatures: { head: '王局长', checker: '刘科长', preparer: '张明', phone: '0531-1234567' } }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['定点医药机构', '参保单位']);
    const inst = wb.getWorksheet('定点医药机构')!;
    expect(String(inst.getCell('A3').value)).toBe('填报单位');
    expect(inst.getCell('A4').isMerged).toBe(true);
    expect(String(inst.getCell('B3').value)).toBe('定点医药机构数');
    expect(inst.getCell('D3').isMerged).toBe(true);
    expect(['B4', 'C4', 'D4', 'E4', 'I4', 'J4'].map((a) => String(inst.getCell(a).value))).toEqual(['总数', '医疗机构', '零售药店', '总数', '检查进度(%)', '医疗机构']);
    expect(String(inst.getCell('R4').value)).toBe('追回医保基金(万元)');
    const emp = wb.getWorksheet('参保单位')!;
    const totalRow = emp.getRows(5, 10)!.find((r) => String(r.getCell(1).value).endsWith('（合计）'))!;
    expect(totalRow.getCell(3).value).toBe(1); // 已稽核 总数
    expect(totalRow.getCell(10).value).toBe(Number(status.ordered.backPay)); // 责令补缴 补缴社会保险费
    expect(totalRow.getCell(12).value).toBe(1000); // 已追缴 补缴社会保险费

    const dir = env.dir;
    const file = path.join(dir, xlsx.fileName);
    writeFileSync(file, xlsx.data);
    if (existsSync('/usr/bin/soffice')) {
      execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
      const csv = readFileSync(file.replace(/\.xlsx$/, '-参保单位.csv'), 'utf8');
      expect(csv).toContain('填报单位,参保单位数,已稽核单位数');
      expect(csv).toContain(',总数,年度计划,双随机抽查,举报,线索移交,');
      expect(csv.split('\n').find((l) => l.includes('（合计）'))).toContain(`,1,1,0,0,0,`);
    }

    // PDF: landscape A4 pages with the signature fields.
    const pdf = ok<{ fileName: string; data: Uint8Array }>(await b.invoke('statistics.export', { month: '2026-08', format: 'pdf' }));
    const text = Buffer.from(pdf.data).toString('latin1');
    expect(text.startsWith('%PDF')).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 841\.89 595\.28/);
    writeFileSync(path.join(dir, pdf.fileName), pdf.data);

    // Marking sent: recorded, in the trail, and it ends the reminder for that month.
    env.clock = new Date('2026-09-02T02:00:00Z');
    expect(ok<{ month: string } | null>(await b.invoke('statistics.reminder', {}))).toMatchObject({ month: '2026-08', due: '2026-09-03', overdue: false });
    ok(await b.invoke('statistics.markSent', { month: '2026-08' }));
    expect(ok(await b.invoke('statistics.reminder', {}))).toBeNull();
    expect(listAudit(b.db, null).some((e) => e.action === 'statistics.sent' && e.detail.month === '2026-08')).toBe(true);
    expect(ok<StatsReportDto>(await b.invoke('statistics.report', { month: '2026-08' })).sent?.by).toBeTruthy();

    // Aggregates for case staff: the archivist reads them; the administrator does not.
    await login(b, 'chenda');
    ok(await b.invoke('statistics.report', { month: '2026-08' }));
    await login(b, 'admin');
    expect(fail(await b.invoke('statistics.report', { month: '2026-08' })).code).toBe('forbidden');
  }, 120_000);
});
