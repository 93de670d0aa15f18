// The back-pay schedule as an XLSX workbook (DOMAIN.md §8 “also as XLSX”; the dossier's working
// paper): sheet 补缴明细 has the PDF's columns (employer and employee in separate columns) under a
// header block naming the case, and a totals row equal to the PDF's; 分险种基数 has every
// insurance line of every row; 数据来源 has the file, sheet and row of every source row, so each
// line is traceable. Amounts are numeric cells of exactly fen/100 with a two-decimal format;
// totals are the ComputeResult's totals, written as values, never summed in floating point.
import { ESTIMATED_MARK, estimationSentences } from '../../../shared/documents/estimationNote';
import ExcelJS from 'exceljs';
import { INSURANCE_NAMES } from '../../../shared/domain/insurance';
import type { ComputeResult } from '../../../shared/domain/result';
import type { CaseFacts } from '../../../shared/documents/caseFacts';
import { formatPeriod } from '../../../shared/documents/auditNotice';
import { scheduleInsurances, scheduleLines } from '../../../shared/documents/backPaySchedule';
import { assertRowsMatchTotals } from '../../../shared/documents/findingsDigest';
import { formatChineseDate } from '../../../shared/rules/month';

export interface ScheduleXlsxParams {
  facts: CaseFacts;
  result: ComputeResult;
  annexTo: { name: string; number: string };
}

const MONEY_FORMAT = '#,##0.00';
/** A fen amount as the number Excel stores: the double nearest to the two-decimal value. */
const num = (fen: number) => Number((fen / 100).toFixed(2));

export async function buildScheduleXlsx(p: ScheduleXlsxParams): Promise<Uint8Array> {
  assertRowsMatchTotals(p.result);
  const { facts: f, result: r } = p;
  const codes = scheduleInsurances(r);
  const lines = scheduleLines(r);
  const wb = new ExcelJS.Workbook();
  wb.creator = f.agency.name;
  wb.title = `${f.employer.name}补缴明细表`;
  wb.subject = `${p.annexTo.name}（${p.annexTo.number}）附件`;
  // a fixed date keeps the workbook byte-stable for the same case
  wb.created = new Date(`${r.asOf}T00:00:00Z`);
  wb.modified = wb.created;

  const ws = wb.addWorksheet('补缴明细', { views: [{ state: 'frozen', ySplit: 6 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const lastCol = 7 + codes.length * 2 + 5;
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = `补缴明细表（${p.annexTo.name}${p.annexTo.number}附件）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, lastCol);
  ws.getCell(2, 1).value = `被稽核单位：${f.employer.name}　统一社会信用代码：${f.employer.creditCode}　案件编号：${f.caseNumber}`;
  ws.mergeCells(3, 1, 3, lastCol);
  ws.getCell(3, 1).value = `稽核期间：${formatPeriod(f.periodFrom, f.periodTo)}　缴费政策：${r.planName}　滞纳金计至：${formatChineseDate(r.asOf)}　编制：${f.agency.name}　金额单位：元`;

  // two header rows: insurance names merged over 单位 / 个人
  const fixed = ['序号', '姓名', '身份证号码', '所属月份', '应缴基数', '申报基数', '基数差额'];
  const tail = ['补缴合计', '缴费期限', '滞纳天数', '滞纳金', ESTIMATED_MARK];
  const h1 = 5;
  const h2 = 6;
  fixed.forEach((t, i) => {
    ws.mergeCells(h1, i + 1, h2, i + 1);
    ws.getCell(h1, i + 1).value = t;
  });
  codes.forEach((c, j) => {
    const col = 8 + j * 2;
    ws.mergeCells(h1, col, h1, col + 1);
    ws.getCell(h1, col).value = INSURANCE_NAMES[c];
    ws.getCell(h2, col).value = '单位';
    ws.getCell(h2, col + 1).value = '个人';
  });
  tail.forEach((t, i) => {
    const col = 8 + codes.length * 2 + i;
    ws.mergeCells(h1, col, h2, col);
    ws.getCell(h1, col).value = t;
  });
  for (const rowNo of [h1, h2]) {
    const row = ws.getRow(rowNo);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  const moneyCols: number[] = [5, 6, 7, ...codes.flatMap((_, j) => [8 + j * 2, 9 + j * 2]), 8 + codes.length * 2, 11 + codes.length * 2];
  for (const l of lines) {
    ws.addRow([
      l.seq,
      l.row.name,
      l.row.personId,
      l.row.month,
      num(l.dueBaseFen),
      num(l.declaredBaseFen),
      num(l.shortfallFen),
      ...l.perInsurance.flatMap((x) => (x ? [num(x.employerFen), num(x.employeeFen)] : [null, null])),
      num(l.row.totalFen),
      l.row.dueDate,
      l.row.lateFeeDays,
      num(l.row.lateFeeFen),
      l.row.estimated ? ESTIMATED_MARK : null,
    ]);
  }
  const totals = ws.addRow([
    '合计',
    null,
    null,
    null,
    null,
    null,
    null,
    ...codes.flatMap((c) => {
      const v = r.byInsurance[c] ?? { employerFen: 0, employeeFen: 0 };
      return [num(v.employerFen), num(v.employeeFen)];
    }),
    num(r.totals.backPayFen),
    null,
    null,
    num(r.totals.lateFeeFen),
  ]);
  totals.font = { bold: true };
  ws.addRow([]);
  for (const sentence of estimationSentences(r)) ws.addRow([sentence]);
  ws.addRow([`单位补缴 ${num(r.totals.employerFen).toFixed(2)} 元，个人补缴 ${num(r.totals.employeeFen).toFixed(2)} 元，补缴合计 ${num(r.totals.backPayFen).toFixed(2)} 元，滞纳金 ${num(r.totals.lateFeeFen).toFixed(2)} 元，总计 ${num(r.totals.totalFen).toFixed(2)} 元`]);
  for (const c of moneyCols) ws.getColumn(c).numFmt = MONEY_FORMAT;
  ws.getColumn(3).numFmt = '@';
  const widths: Record<number, number> = { 1: 6, 2: 10, 3: 21, 4: 9 };
  for (let c = 1; c <= lastCol; c++) ws.getColumn(c).width = widths[c] ?? 12;

  // every insurance line of every row: the bases per insurance behind the summary columns
  const perIns = wb.addWorksheet('分险种基数', { views: [{ state: 'frozen', ySplit: 1 }] });
  perIns.addRow(['序号', '姓名', '身份证号码', '所属月份', '险种', '费率（单位）', '费率（个人）', '下限', '上限', '应缴基数', '申报基数', '基数差额', '单位应补缴', '个人应补缴']).font = { bold: true };
  for (const l of lines) {
    for (const ins of l.row.insurances) {
      perIns.addRow([l.seq, l.row.name, l.row.personId, l.row.month, ins.name, ins.employerRate, ins.employeeRate, num(ins.floorFen), num(ins.ceilingFen), num(ins.dueBaseFen), num(ins.declaredBaseFen), num(ins.shortfallFen), num(ins.employerFen), num(ins.employeeFen)]);
    }
  }
  for (const c of [8, 9, 10, 11, 12, 13, 14]) perIns.getColumn(c).numFmt = MONEY_FORMAT;
  perIns.getColumn(3).width = 21;

  // where each line comes from
  const src = wb.addWorksheet('数据来源', { views: [{ state: 'frozen', ySplit: 1 }] });
  src.addRow(['序号', '姓名', '身份证号码', '所属月份', '来源', '文件', '工作表', '行号']).font = { bold: true };
  for (const l of lines) {
    for (const s of l.row.payrollSources) src.addRow([l.seq, l.row.name, l.row.personId, l.row.month, '工资表', s.fileName, s.sheet, s.row]);
    for (const s of l.row.declarationSources) src.addRow([l.seq, l.row.name, l.row.personId, l.row.month, '缴费申报明细', s.fileName, s.sheet, s.row]);
  }
  src.getColumn(3).width = 21;
  src.getColumn(6).width = 24;

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
