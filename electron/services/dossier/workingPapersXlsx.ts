// The working papers (工作底稿) of a case as one XLSX workbook for the dossier (DOMAIN.md §9): the
// findings lists as the computation produced them, one sheet each — monthly headcounts, people on
// the payroll but not declared (未参保), under-declared rows with the columns that derive the
// amount (base rule, due and declared bases, shortfall, amounts, due date, late-fee days), people
// declared but not on the payroll (在保不在册), over-declared bases and amount discrepancies, each
// row with the file, sheet and row it comes from. Amounts are fen/100 in two-decimal cells; totals
// are the result's own, never re-summed in floating point.
import ExcelJS from 'exceljs';
import { INSURANCE_NAMES } from '../../../shared/domain/insurance';
import type { SourceRef } from '../../../shared/domain/lines';
import type { ComputeResult } from '../../../shared/domain/result';

export interface WorkingPapersParams {
  caseNumber: string;
  employerName: string;
  agencyName: string;
  result: ComputeResult;
}

const MONEY_FORMAT = '#,##0.00';
const num = (fen: number) => Number((fen / 100).toFixed(2));
const refs = (s: readonly SourceRef[]) => s.map((r) => `${r.fileName}／${r.sheet}／第${r.row}行`).join('；');

/** Sheet names, in workbook order (tests and the dossier index name them). */
export const WORKING_PAPER_SHEETS = ['月度人数', '未参保人员', '少报基数明细', '在保不在册', '多报基数', '金额不符'] as const;

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], widths: Record<number, number>, moneyCols: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true };
  ws.addRow(header).font = { bold: true };
  header.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i + 1] ?? 12));
  for (const c of moneyCols) ws.getColumn(c).numFmt = MONEY_FORMAT;
  return ws;
}

export async function buildWorkingPapersXlsx(p: WorkingPapersParams): Promise<Uint8Array> {
  const r = p.result;
  const wb = new ExcelJS.Workbook();
  wb.creator = p.agencyName;
  wb.title = `${p.employerName}稽核工作底稿`;
  wb.subject = p.caseNumber;
  // a fixed date keeps the workbook byte-stable for the same result
  wb.created = new Date(`${r.asOf}T00:00:00Z`);
  wb.modified = wb.created;
  const head = (what: string) => `${what}（案件 ${p.caseNumber}，${p.employerName}，稽核期间 ${r.from} 至 ${r.to}，计至 ${r.asOf}，缴费方案 ${r.planName}，金额单位：元）`;

  const months = sheet(wb, WORKING_PAPER_SHEETS[0], head('月度人数核对'), ['所属月份', '工资表人数', '申报人数', '两者皆有', '未参保（漏报）', '在保不在册', '工资总额', '申报基数合计', '基数差额', '应补缴', '滞纳金', '补缴行数'], {}, [7, 8, 9, 10, 11]);
  for (const m of r.months) {
    months.addRow([m.month, m.payrollHeadcount, m.declaredHeadcount, m.matched, m.payrollOnly, m.declaredOnly, num(m.grossFen), num(m.declaredBaseFen), num(m.shortfallFen), num(m.backPayFen), num(m.lateFeeFen), m.rows]);
  }

  const onlyPayroll = sheet(wb, WORKING_PAPER_SHEETS[1], head('工资表有、申报无的人员（未参保/漏报）'), ['序号', '姓名', '身份证号码', '所属月份', '数据来源'], { 3: 21, 5: 60 }, []);
  r.payrollOnly.forEach((x, i) => onlyPayroll.addRow([i + 1, x.name, x.personId, x.month, refs(x.sources)]));

  const under = sheet(
    wb,
    WORKING_PAPER_SHEETS[2],
    head('少报基数及补缴的推导'),
    ['序号', '姓名', '身份证号码', '所属月份', '未参保', '计费依据（工资）', '依据说明', '方案期间', '险种', '单位费率', '个人费率', '下限', '上限', '应缴基数', '申报基数', '基数差额', '单位应补缴', '个人应补缴', '缴费期限', '滞纳天数', '滞纳金', '滞纳金封顶', '豁免', '工资表来源', '申报来源', '核定（规则、法律依据、理由）'],
    { 3: 21, 7: 28, 24: 40, 25: 40 },
    [6, 12, 13, 14, 15, 16, 17, 18, 21],
  );
  let seq = 0;
  for (const row of [...r.rows, ...r.exempted]) {
    seq++;
    row.insurances.forEach((ins, k) => {
      const first = k === 0;
      under.addRow([
        seq,
        row.name,
        row.personId,
        row.month,
        row.payrollOnly ? '是' : '否',
        num(row.basisFen),
        row.basisNote,
        row.planPeriod,
        INSURANCE_NAMES[ins.code] ?? ins.name,
        ins.employerRate,
        ins.employeeRate,
        num(ins.floorFen),
        num(ins.ceilingFen),
        num(ins.dueBaseFen),
        num(ins.declaredBaseFen),
        num(ins.shortfallFen),
        num(ins.employerFen),
        num(ins.employeeFen),
        first ? row.dueDate : null,
        first ? row.lateFeeDays : null,
        first ? num(row.lateFeeFen) : null,
        first ? (row.lateFeeCapped ? '是' : '否') : null,
        first && row.exemption ? `豁免：${row.exemption.reason}${row.exemption.note ? `（${row.exemption.note}）` : ''}` : null,
        first ? refs(row.payrollSources) : null,
        first ? refs(row.declarationSources) : null,
        first && row.estimated ? `核定：${row.estimated.rule}；依据${row.estimated.legalBasis}；理由：${row.estimated.reason}` : null,
      ]);
    });
  }
  const t = r.totals;
  under.addRow([]);
  under.addRow(['合计（不含豁免）', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, num(t.employerFen), num(t.employeeFen), null, null, num(t.lateFeeFen)]).font = { bold: true };

  const onlyDeclared = sheet(wb, WORKING_PAPER_SHEETS[3], head('申报有、工资表无的人员（在保不在册）'), ['序号', '姓名', '身份证号码', '所属月份', '数据来源'], { 3: 21, 5: 60 }, []);
  r.declaredOnly.forEach((x, i) => onlyDeclared.addRow([i + 1, x.name, x.personId, x.month, refs(x.sources)]));

  const over = sheet(wb, WORKING_PAPER_SHEETS[4], head('申报基数高于应缴基数'), ['序号', '姓名', '身份证号码', '所属月份', '险种', '应缴基数', '申报基数', '数据来源'], { 3: 21, 8: 60 }, [6, 7]);
  r.overDeclared.forEach((x, i) => over.addRow([i + 1, x.name, x.personId, x.month, INSURANCE_NAMES[x.insurance], num(x.dueBaseFen), num(x.declaredBaseFen), refs(x.sources)]));

  const disc = sheet(wb, WORKING_PAPER_SHEETS[5], head('申报金额与基数×费率不符'), ['序号', '姓名', '身份证号码', '所属月份', '险种', '缴费方', '申报基数', '应为金额', '申报金额', '数据来源'], { 3: 21, 10: 60 }, [7, 8, 9]);
  r.discrepancies.forEach((x, i) =>
    disc.addRow([i + 1, x.name, x.personId, x.month, x.insurance ? INSURANCE_NAMES[x.insurance] : '（未分险种）', x.side === 'employer' ? '单位' : '个人', num(x.declaredBaseFen), num(x.expectedFen), num(x.declaredAmountFen), refs([x.source])]),
  );

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
