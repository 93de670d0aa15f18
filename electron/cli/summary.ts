// The readable Chinese summary `jihe compute` prints without --json: headcounts and amounts per
// month, per insurance, the totals in figures and capitals, and what the auditor should look at.
import type { ComputeResult } from '../../shared/domain/result';
import { INSURANCE_NAMES, type InsuranceCode } from '../../shared/domain/insurance';
import { formatFenGrouped } from '../../shared/rules/money';
import { formatChineseDate, formatChineseMonth } from '../../shared/rules/month';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';

function pad(text: string, width: number): string {
  // CJK characters take two columns in a terminal.
  const w = [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return ' '.repeat(Math.max(0, width - w)) + text;
}

export function formatSummary(r: ComputeResult): string {
  const out: string[] = [];
  out.push(`稽核计算结果`);
  out.push(`缴费方案：${r.planName}`);
  out.push(`稽核期间：${formatChineseMonth(r.from)}～${formatChineseMonth(r.to)}；滞纳金计算至 ${formatChineseDate(r.asOf)}`);
  out.push('');
  const head = ['月份', '工资表人数', '申报人数', '未参保/漏报', '在保不在册', '补缴行数', '补缴金额', '滞纳金'];
  const widths = [8, 10, 8, 11, 10, 8, 14, 12];
  out.push(head.map((h, i) => pad(h, widths[i]!)).join(' '));
  for (const m of r.months) {
    const cells = [m.month, String(m.payrollHeadcount), String(m.declaredHeadcount), String(m.payrollOnly), String(m.declaredOnly), String(m.rows), formatFenGrouped(m.backPayFen), formatFenGrouped(m.lateFeeFen)];
    out.push(cells.map((c, i) => pad(c, widths[i]!)).join(' '));
  }
  out.push('');
  out.push('分险种补缴：');
  for (const [code, v] of Object.entries(r.byInsurance)) {
    if (!v) continue;
    out.push(`  ${INSURANCE_NAMES[code as InsuranceCode] ?? code}：单位 ${formatFenGrouped(v.employerFen)} 元，个人 ${formatFenGrouped(v.employeeFen)} 元`);
  }
  out.push('');
  const t = r.totals;
  out.push(`单位补缴 ${formatFenGrouped(t.employerFen)} 元，个人补缴 ${formatFenGrouped(t.employeeFen)} 元，补缴合计 ${formatFenGrouped(t.backPayFen)} 元`);
  out.push(`滞纳金 ${formatFenGrouped(t.lateFeeFen)} 元`);
  out.push(`总计 ${formatFenGrouped(t.totalFen)} 元（${toChineseCapitals(t.totalFen)}）`);
  out.push(`补缴明细 ${r.rows.length} 行；未参保/漏报 ${r.payrollOnly.length} 人次；在保不在册 ${r.declaredOnly.length} 人次；申报基数高于应缴基数 ${r.overDeclared.length} 项；申报金额与费率不符 ${r.discrepancies.length} 项；豁免 ${r.exempted.length} 人次`);
  for (const w of r.warnings) out.push(`注意：${w.message}`);
  return out.join('\n') + '\n';
}
