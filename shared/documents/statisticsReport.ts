// The monthly statistics report as printed and exported (seed 004 附表; DOMAIN.md §11): the
// two-row header of each table (a group over its columns; a lone column spans both rows), the
// rows sent (cumulative per region and for the bureau, then the bureau's month alone), the
// header fields and the signature fields. One layout read by the PDF (a DocumentModel, landscape
// A4) and the XLSX writer, so both show the same cells.
import type { StatsReport } from '../rules/statistics/report';
import { allColumns, type StatsRow, type StatsTable } from '../rules/statistics/table';
import { formatChineseDate, formatChineseMonth } from '../rules/month';
import type { DocumentModel, TableCell } from './model';

export interface HeaderCell {
  text: string;
  /** 0 or 1: the header row. */
  row: number;
  /** 0-based column, the label column being 0. */
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** The seed's two header rows, as positioned cells (merges given by the spans). */
export function headerCells(t: Pick<StatsTable, 'labelHeader' | 'groups'>): HeaderCell[] {
  const out: HeaderCell[] = [{ text: t.labelHeader, row: 0, col: 0, colSpan: 1, rowSpan: 2 }];
  let col = 1;
  for (const g of t.groups) {
    const lone = g.columns.length === 1 && g.columns[0]!.label === g.label;
    if (lone) out.push({ text: g.label, row: 0, col, colSpan: 1, rowSpan: 2 });
    else {
      out.push({ text: g.label, row: 0, col, colSpan: g.columns.length, rowSpan: 1 });
      g.columns.forEach((c, i) => out.push({ text: c.label, row: 1, col: col + i, colSpan: 1, rowSpan: 1 }));
    }
    col += g.columns.length;
  }
  return out;
}

export const MONTH_ROW_SUFFIX = '其中本月';

/** The body rows printed: cumulative per region and for the bureau, then the bureau's month. */
export function printedRows(t: StatsTable): { label: string; cells: string[]; row: StatsRow }[] {
  const cols = allColumns(t);
  const line = (label: string, r: StatsRow) => ({ label, cells: cols.map((c) => r.cells[c.key]?.text ?? ''), row: r });
  const monthTotal = t.month.find((r) => r.region === null);
  return [...t.cumulative.map((r) => line(r.label, r)), ...(monthTotal ? [line(`${MONTH_ROW_SUFFIX}（${monthTotal.label.replace(/（合计）$/, '')}）`, monthTotal)] : [])];
}

export interface ReportSignatures {
  head: string;
  checker: string;
  preparer: string;
  phone: string;
}

export function reportTitle(r: Pick<StatsReport, 'month'>): string {
  return `医保基金监督检查情况统计表（${formatChineseMonth(r.month)}）`;
}

/** 填报单位 and the period, printed over each table. */
export function headerLine(r: Pick<StatsReport, 'unit' | 'from' | 'to'>, filledOn: string): string {
  return `填报单位：${r.unit}（公章）　　统计期间：${formatChineseDate(r.from)}至${formatChineseDate(r.to)}（自1月1日起累计）　　填报日期：${formatChineseDate(filledOn)}`;
}

/** Wider columns for the figures with decimals, so 100.00 and 123456.78 stay on one line. */
const COLUMN_WEIGHT: Record<string, number> = { chkProgress: 1.7, hRecovered: 1.7, orderedBackPay: 2.6, orderedLateFee: 2.2, recoveredBackPay: 2.6, recoveredLateFee: 2.2 };

function tableBlock(t: StatsTable): DocumentModel['blocks'][number] {
  const cells = headerCells(t);
  const width = 1 + allColumns(t).length;
  const header: TableCell[][] = [0, 1].map((row) => {
    const out: TableCell[] = [];
    for (let col = 0; col < width; ) {
      const c = cells.find((h) => h.row === row && h.col === col);
      // a cell spanning down from row 0 leaves an empty placeholder in row 1
      if (c) {
        out.push({ content: [c.text], align: 'center', ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}), ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}) });
        col += c.colSpan;
      } else {
        out.push({ content: [''], align: 'center' });
        col += 1;
      }
    }
    return out;
  });
  return {
    kind: 'table',
    columns: [{ weight: 3.2 }, ...allColumns(t).map((c) => ({ weight: COLUMN_WEIGHT[c.key] ?? 1, align: 'right' as const }))],
    header,
    rows: printedRows(t).map((r) => [{ content: [r.label], align: 'left' }, ...r.cells.map((text) => ({ content: [text], align: 'right' as const }))]),
    size: 'tiny',
  };
}

function signatureLines(s: ReportSignatures): DocumentModel['blocks'][number] {
  return {
    kind: 'received',
    lines: [
      [
        { label: '单位主要负责人', blank: 6, value: s.head },
        { label: '核对人', blank: 5, value: s.checker },
        { label: '制表人', blank: 5, value: s.preparer },
        { label: '制表人电话', blank: 8, value: s.phone },
      ],
    ],
  };
}

export function buildStatisticsDoc(r: StatsReport, s: ReportSignatures, filledOn: string): DocumentModel {
  const part = (t: StatsTable, first: boolean): DocumentModel['blocks'] => [
    ...(first ? [] : [{ kind: 'page-break' as const }, { kind: 'paragraph' as const, align: 'center' as const, content: [`${t.title}（${formatChineseMonth(r.month)}）`] }]),
    { kind: 'paragraph', content: [headerLine(r, filledOn)], small: true },
    tableBlock(t),
    signatureLines(s),
    { kind: 'notes', label: '备注', items: t.notes.map((n) => [n]) },
  ];
  return {
    kind: 'statistics-report',
    title: reportTitle(r),
    blocks: [...part(r.institutions, true), ...part(r.employers, false)],
    page: { size: 'A4', orientation: 'landscape', marginsMm: { top: 18, right: 15, bottom: 15, left: 15 }, pageNumbers: 'centered' },
    meta: { author: r.unit || '稽核工作站', subject: reportTitle(r) },
  };
}
