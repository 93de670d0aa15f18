// The tables several findings documents share: headcount per month, persons by finding with
// months and source rows, and the back-pay by insurance with totals. One layout, so the notice of
// findings, the opinion and the rectification notice list a person the same way.
import { ESTIMATED_MARK } from './estimationNote';
import { INSURANCE_NAMES, type InsuranceCode } from '../domain/insurance';
import type { ComputeResult } from '../domain/result';
import { formatFenGrouped } from '../rules/money';
import { formatChineseDate, formatChineseMonth } from '../rules/month';
import { cell, describeSources, monthList } from './caseFacts';
import type { PersonFinding } from './findingsDigest';
import type { TableBlock } from './model';

export function headcountTable(r: ComputeResult): TableBlock {
  return {
    kind: 'table',
    columns: [{ weight: 3 }, { weight: 2 }, { weight: 2 }, { weight: 2 }, { weight: 2.4 }, { weight: 2.4 }],
    header: [[cell('月份'), cell('工资表\n人数'), cell('申报\n人数'), cell('已参保\n人数'), cell('未参保\n（漏报）'), cell('在保\n不在册')]],
    rows: r.months.map((m) => [
      cell(formatChineseMonth(m.month)),
      cell(String(m.payrollHeadcount)),
      cell(String(m.declaredHeadcount)),
      cell(String(m.matched)),
      cell(String(m.payrollOnly)),
      cell(String(m.declaredOnly)),
    ]),
    // The person-months the texts count (人次), so a reader can check them against the table.
    footer: [
      [
        cell('合计（人次）'),
        cell(String(r.months.reduce((n, m) => n + m.payrollHeadcount, 0))),
        cell(String(r.months.reduce((n, m) => n + m.declaredHeadcount, 0))),
        cell(String(r.months.reduce((n, m) => n + m.matched, 0))),
        cell(String(r.months.reduce((n, m) => n + m.payrollOnly, 0))),
        cell(String(r.months.reduce((n, m) => n + m.declaredOnly, 0))),
      ],
    ],
    size: 'small',
  };
}

export interface PersonTableOptions {
  /** Columns of sums: 少报基数 and 补缴金额. */
  amounts?: boolean;
  /** The source-rows column (file, sheet, row) of each person's evidence rows. */
  sources?: boolean;
  sourcesLabel?: string;
  /** A note column (exemption reason). */
  notes?: boolean;
}

/**
 * Persons with their months (and sums); a person's source rows run under them across the whole
 * table, so an 18-digit ID and the row list each get the width they need in portrait.
 */
export function personTable(persons: readonly PersonFinding[], o: PersonTableOptions = {}): TableBlock {
  const columns: TableBlock['columns'] = [{ weight: 2.2 }, { weight: 4.6 }, { weight: 11.5 }, { weight: 8 }];
  const header = [cell('序号'), cell('姓名'), cell('身份证号码'), cell('所属月份')];
  if (o.amounts) {
    columns.push({ weight: 5.5 }, { weight: 5.5 });
    header.push(cell('少报基数\n合计（元）'), cell('补缴金额\n（元）'));
  }
  if (o.notes) {
    columns.push({ weight: 8 });
    header.push(cell('认定理由'));
  }
  const rows: TableBlock['rows'] = [];
  persons.forEach((p, i) => {
    rows.push([
      cell(String(i + 1)),
      cell(p.name),
      cell(p.personId),
      cell(`${monthList(p.months)}（${p.months.length}个月）${p.estimatedMonths?.length ? `\n其中${ESTIMATED_MARK}：${monthList(p.estimatedMonths)}` : ''}`, 'left'),
      ...(o.amounts ? [cell(formatFenGrouped(p.shortfallFen), 'right'), cell(formatFenGrouped(p.backPayFen), 'right')] : []),
      ...(o.notes ? [cell(p.note ?? '', 'left')] : []),
    ]);
    if (o.sources) rows.push([cell(`${o.sourcesLabel ?? '数据来源'}：${describeSources(p.evidence)}`, 'left', { colSpan: columns.length })]);
  });
  return { kind: 'table', columns, header: [header], rows, size: 'tiny' };
}

/** Back-pay by insurance, employer and employee, with the totals row; every figure from the result. */
export function byInsuranceTable(r: ComputeResult): TableBlock {
  const codes = Object.keys(r.byInsurance) as InsuranceCode[];
  return {
    kind: 'table',
    columns: [{ weight: 4 }, { weight: 3 }, { weight: 3 }],
    header: [[cell('险种'), cell('单位应补缴（元）'), cell('个人应补缴（元）')]],
    rows: codes.map((c) => {
      const v = r.byInsurance[c] ?? { employerFen: 0, employeeFen: 0 };
      return [cell(INSURANCE_NAMES[c] ?? c), cell(formatFenGrouped(v.employerFen), 'right'), cell(formatFenGrouped(v.employeeFen), 'right')];
    }),
    footer: [
      [cell('合计'), cell(formatFenGrouped(r.totals.employerFen), 'right'), cell(formatFenGrouped(r.totals.employeeFen), 'right')],
      [cell('补缴金额'), cell(formatFenGrouped(r.totals.backPayFen), 'right', { colSpan: 2 })],
      [cell(`滞纳金（计至${formatChineseDate(r.asOf)}）`), cell(formatFenGrouped(r.totals.lateFeeFen), 'right', { colSpan: 2 })],
      [cell('总计'), cell(formatFenGrouped(r.totals.totalFen), 'right', { colSpan: 2 })],
    ],
    size: 'small',
  };
}
