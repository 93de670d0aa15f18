// The import report as an XLSX workbook the auditor can file or send back to the employer:
// 概况 (counts), 工作表与列 (how each sheet was read) and 问题清单 (every issue with file, sheet,
// row, column and reason), plus the ID joins suggested for the case when given.
import ExcelJS from 'exceljs';
import { IMPORT_KIND_NAMES, type ColumnRole, type ImportIssue, type ImportReport } from '../../../shared/domain/importReport';
import type { IdJoinSuggestion } from '../../../shared/api/dto/imports';
import { ROLE_NAMES } from './columnRoles';

const SEVERITY_NAMES: Record<ImportIssue['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

function header(sheet: ExcelJS.Worksheet, titles: readonly [string, number][]): void {
  sheet.columns = titles.map(([title, width]) => ({ header: title, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export interface ReportXlsxInput {
  report: ImportReport;
  /** Shown in 概况: when and by whom the file was imported ('' when it was refused). */
  importedAt?: string;
  importedBy?: string;
  status: string;
  idJoins?: readonly IdJoinSuggestion[];
}

export async function importReportXlsx(input: ReportXlsxInput): Promise<Uint8Array<ArrayBuffer>> {
  const { report } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = '稽核工作站';

  const summary = wb.addWorksheet('概况');
  header(summary, [
    ['项目', 18],
    ['内容', 70],
  ]);
  const months = report.months.length ? `${report.months[0]}～${report.months[report.months.length - 1]}（${report.months.length} 个月）` : '—';
  const count = (s: ImportIssue['severity']) => report.issues.filter((i) => i.severity === s).length;
  const rows: [string, string | number][] = [
    ['文件', report.fileName],
    ['文件类型', IMPORT_KIND_NAMES[report.kind]],
    ['导入结果', input.status],
    ['SHA-256', report.sha256],
    ['文件大小（字节）', report.size],
    ['读取行数', report.rowsRead],
    ['导入行数', report.rowsTaken],
    ['剔除行数', report.rowsLeftOut],
    ['人数', report.persons],
    ['月份', months],
    ['错误', count('error')],
    ['警告', count('warning')],
    ['提示', count('info')],
  ];
  if (input.importedAt) rows.push(['导入时间', input.importedAt.slice(0, 19).replace('T', ' ')]);
  if (input.importedBy) rows.push(['导入人', input.importedBy]);
  for (const r of rows) summary.addRow(r);

  const sheets = wb.addWorksheet('工作表与列');
  header(sheets, [
    ['工作表', 16],
    ['表头行', 8],
    ['表内月份', 10],
    ['列', 6],
    ['表头', 28],
    ['识别为', 14],
    ['说明', 40],
  ]);
  for (const s of report.sheets) {
    if (s.skipped) {
      sheets.addRow([s.sheet || '（CSV）', s.headerRow || '', s.sheetMonth ?? '', '', '', '', `未读取：${s.skipped}`]);
      continue;
    }
    for (const c of s.columns) {
      const role = ROLE_NAMES[c.role as ColumnRole];
      sheets.addRow([s.sheet || '（CSV）', s.headerRow, s.sheetMonth ?? '', c.letter, c.header, role, '']);
    }
  }

  const issues = wb.addWorksheet('问题清单');
  header(issues, [
    ['级别', 8],
    ['代码', 22],
    ['文件', 24],
    ['工作表', 14],
    ['行', 8],
    ['列', 6],
    ['原因', 90],
  ]);
  for (const i of report.issues) issues.addRow([SEVERITY_NAMES[i.severity], i.code, i.file, i.sheet, i.row || '', i.column, i.message]);
  issues.autoFilter = { from: 'A1', to: 'G1' };

  if (input.idJoins && input.idJoins.length > 0) {
    const joins = wb.addWorksheet('身份证号合并建议');
    header(joins, [
      ['姓名', 12],
      ['校验位错误的号码', 22],
      ['建议合并到', 22],
      ['工资表行数', 10],
      ['申报明细行数', 12],
      ['首次出现', 40],
    ]);
    for (const j of input.idJoins) joins.addRow([j.name, j.fromId, j.toId, j.payrollRows, j.declarationRows, j.where]);
  }
  // Keep ID numbers and codes as text (never numbers that lose digits).
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' ? (cell.numFmt = '@') : undefined)));
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
