// The screening hits as an XLSX workbook (INSTITUTIONS.md §6, §8 违规费用明细表): 汇总 per rule
// (all hits and the 认定 ones), then 疑点明细 — every hit with its rule, person, rows, 违规金额,
// 基金损失, the inspector's judgment and the derivation, so each figure traces to its rows.
import ExcelJS from 'exceljs';
import type { HitDto, ScreeningResultDto } from '../../../shared/api/dto/institutions';
import { VERDICT_NAMES } from '../../../shared/api/dto/institutions';
import { RULE_CODES, RULE_NAMES, refText } from '../../../shared/rules/screening/screen';

function header(sheet: ExcelJS.Worksheet, titles: readonly [string, number][]): void {
  sheet.columns = titles.map(([title, width]) => ({ header: title, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

const money = (s: string | null) => (s === null ? '待核定' : Number(s));

export async function screeningHitsXlsx(title: string, result: ScreeningResultDto): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '稽核工作站';
  const summary = wb.addWorksheet('汇总');
  header(summary, [
    ['规则', 8],
    ['名称', 18],
    ['疑点数', 10],
    ['违规金额（元）', 16],
    ['基金损失（元）', 16],
    ['待核定', 10],
    ['认定数', 10],
    ['认定违规金额（元）', 18],
    ['认定基金损失（元）', 18],
  ]);
  for (const code of RULE_CODES) {
    const t = result.totals[code];
    const c = result.confirmed[code];
    summary.addRow([code, RULE_NAMES[code], t.hits, Number(t.amount), Number(t.fundLoss), t.pending, c.hits, Number(c.amount), Number(c.fundLoss)]);
  }
  for (const col of [4, 5, 8, 9]) summary.getColumn(col).numFmt = '#,##0.00';
  summary.insertRow(1, [title]);
  summary.getRow(1).font = { bold: true, size: 13 };

  const detail = wb.addWorksheet('疑点明细');
  header(detail, [
    ['序号', 6],
    ['规则', 8],
    ['名称', 16],
    ['身份证号', 21],
    ['姓名', 10],
    ['来源行', 40],
    ['违规金额（元）', 14],
    ['基金损失（元）', 14],
    ['认定', 8],
    ['理由', 24],
    ['推导', 90],
  ]);
  result.hits.forEach((h: HitDto, i) => {
    detail.addRow([
      i + 1,
      h.rule,
      RULE_NAMES[h.rule],
      h.personId,
      h.name,
      h.rows.map(refText).join('；'),
      money(h.amount),
      money(h.fundLoss),
      h.verdict ? VERDICT_NAMES[h.verdict] : '未认定',
      h.reason ?? '',
      [...h.derivation.arithmetic, ...(h.derivation.parameter ? [`参数：${h.derivation.parameter}`] : [])].join('\n'),
    ]);
  });
  detail.getColumn(7).numFmt = '#,##0.00';
  detail.getColumn(8).numFmt = '#,##0.00';
  detail.getColumn(4).numFmt = '@';
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
