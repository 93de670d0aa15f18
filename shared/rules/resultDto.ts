// The computation's result as it crosses the API and the CLI (DOMAIN.md §7): the same figures
// with money as two-decimal strings. `lines` is the number of back-pay rows.
import type { ComputeResultDto, ResultRow } from '../api/dto';
import type { ComputeSummaryDto } from '../api/dto/computeSummary';
import type { SourceRef } from '../domain/lines';
import type { BackPayRow, ComputeResult, InsuranceLine, OverDeclared, PersonMonthRef } from '../domain/result';
import { formatFen } from './money';

function insuranceDto(l: InsuranceLine): ResultRow['insurances'][number] {
  return {
    code: l.code,
    name: l.name,
    employerRate: l.employerRate,
    employeeRate: l.employeeRate,
    floor: formatFen(l.floorFen),
    ceiling: formatFen(l.ceilingFen),
    dueBase: formatFen(l.dueBaseFen),
    declaredBase: formatFen(l.declaredBaseFen),
    shortfall: formatFen(l.shortfallFen),
    employer: formatFen(l.employerFen),
    employee: formatFen(l.employeeFen),
  };
}

export function rowToDto(r: BackPayRow): ResultRow {
  const dto: ResultRow = {
    personId: r.personId,
    name: r.name,
    month: r.month,
    payrollOnly: r.payrollOnly,
    basis: formatFen(r.basisFen),
    basisNote: r.basisNote,
    planPeriod: r.planPeriod,
    insurances: r.insurances.map(insuranceDto),
    employer: formatFen(r.employerFen),
    employee: formatFen(r.employeeFen),
    total: formatFen(r.totalFen),
    dueDate: r.dueDate,
    lateFeeDays: r.lateFeeDays,
    lateFee: formatFen(r.lateFeeFen),
    lateFeeCapped: r.lateFeeCapped,
    payrollSources: r.payrollSources.map((s) => ({ ...s })),
    declarationSources: r.declarationSources.map((s) => ({ ...s })),
  };
  if (r.estimated) dto.estimated = { ...r.estimated };
  if (r.exemption) dto.exemption = r.exemption.note === undefined ? { reason: r.exemption.reason } : { reason: r.exemption.reason, note: r.exemption.note };
  return dto;
}

const sourcesDto = (sources: readonly SourceRef[]): SourceRef[] => sources.map((s) => ({ ...s }));

const personMonthDto = (p: PersonMonthRef): ComputeResultDto['payrollOnly'][number] => ({ personId: p.personId, name: p.name, month: p.month, sources: sourcesDto(p.sources) });

const overDeclaredDto = (o: OverDeclared): ComputeResultDto['overDeclared'][number] => ({
  personId: o.personId,
  name: o.name,
  month: o.month,
  insurance: o.insurance,
  dueBase: formatFen(o.dueBaseFen),
  declaredBase: formatFen(o.declaredBaseFen),
  sources: sourcesDto(o.sources),
});

const discrepancyDto = (d: ComputeResult['discrepancies'][number]): ComputeResultDto['discrepancies'][number] => ({
  personId: d.personId,
  name: d.name,
  month: d.month,
  insurance: d.insurance,
  side: d.side,
  declaredBase: formatFen(d.declaredBaseFen),
  expected: formatFen(d.expectedFen),
  declaredAmount: formatFen(d.declaredAmountFen),
  source: { ...d.source },
});

/** The lists of the DTO, each with how one element of the result becomes one of the DTO. */
const LISTS = {
  rows: (r: ComputeResult) => ({ items: r.rows as readonly unknown[], toDto: rowToDto as (x: never) => unknown }),
  exempted: (r: ComputeResult) => ({ items: r.exempted as readonly unknown[], toDto: rowToDto as (x: never) => unknown }),
  payrollOnly: (r: ComputeResult) => ({ items: r.payrollOnly as readonly unknown[], toDto: personMonthDto as (x: never) => unknown }),
  declaredOnly: (r: ComputeResult) => ({ items: r.declaredOnly as readonly unknown[], toDto: personMonthDto as (x: never) => unknown }),
  overDeclared: (r: ComputeResult) => ({ items: r.overDeclared as readonly unknown[], toDto: overDeclaredDto as (x: never) => unknown }),
  discrepancies: (r: ComputeResult) => ({ items: r.discrepancies as readonly unknown[], toDto: discrepancyDto as (x: never) => unknown }),
} as const;
type ListKey = keyof typeof LISTS;

export function toComputeResultDto(result: ComputeResult): ComputeResultDto {
  const byInsurance: ComputeResultDto['byInsurance'] = {};
  for (const [code, v] of Object.entries(result.byInsurance)) {
    if (v) byInsurance[code] = { employer: formatFen(v.employerFen), employee: formatFen(v.employeeFen) };
  }
  return {
    from: result.from,
    to: result.to,
    asOf: result.asOf,
    planName: result.planName,
    totals: {
      employer: formatFen(result.totals.employerFen),
      employee: formatFen(result.totals.employeeFen),
      backPay: formatFen(result.totals.backPayFen),
      lateFee: formatFen(result.totals.lateFeeFen),
      total: formatFen(result.totals.totalFen),
    },
    byInsurance,
    months: result.months.map((m) => ({
      month: m.month,
      payrollHeadcount: m.payrollHeadcount,
      declaredHeadcount: m.declaredHeadcount,
      matched: m.matched,
      payrollOnly: m.payrollOnly,
      declaredOnly: m.declaredOnly,
      gross: formatFen(m.grossFen),
      declaredBase: formatFen(m.declaredBaseFen),
      shortfall: formatFen(m.shortfallFen),
      backPay: formatFen(m.backPayFen),
      lateFee: formatFen(m.lateFeeFen),
      rows: m.rows,
    })),
    lines: result.rows.length,
    rows: result.rows.map(rowToDto),
    exempted: result.exempted.map(rowToDto),
    payrollOnly: result.payrollOnly.map(personMonthDto),
    declaredOnly: result.declaredOnly.map(personMonthDto),
    overDeclared: result.overDeclared.map(overDeclaredDto),
    discrepancies: result.discrepancies.map(discrepancyDto),
    warnings: result.warnings.map((w) => (w.months ? { code: w.code, message: w.message, months: [...w.months] } : { code: w.code, message: w.message })),
  };
}

/** The result without its lists, with their lengths (`jihe compute --json` without --rows). */
export function toComputeSummaryDto(result: ComputeResult): ComputeSummaryDto {
  const empty = { ...result, rows: [], exempted: [], payrollOnly: [], declaredOnly: [], overDeclared: [], discrepancies: [] };
  const { from, to, asOf, planName, totals, byInsurance, months, warnings } = toComputeResultDto(empty);
  return {
    from,
    to,
    asOf,
    planName,
    totals,
    byInsurance,
    months,
    lines: result.rows.length,
    counts: {
      rows: result.rows.length,
      persons: new Set(result.rows.map((r) => r.personId)).size,
      exempted: result.exempted.length,
      payrollOnly: result.payrollOnly.length,
      declaredOnly: result.declaredOnly.length,
      overDeclared: result.overDeclared.length,
      discrepancies: result.discrepancies.length,
    },
    warnings,
  };
}

/**
 * JSON.stringify(toComputeResultDto(result)) in pieces, for writing a big result to a file: the
 * list elements become DTOs and text a few hundred at a time, so neither the whole DTO nor the
 * whole text (past V8's largest string at 1,000,000 rows) is ever held. Joined, the pieces are
 * exactly that JSON text.
 */
export function* computeResultDtoJson(result: ComputeResult, itemsPerPiece = 500): Generator<string> {
  const empty = { ...result, rows: [], exempted: [], payrollOnly: [], declaredOnly: [], overDeclared: [], discrepancies: [] };
  const shell = { ...toComputeResultDto(empty), lines: result.rows.length } as Record<string, unknown>;
  let first = true;
  for (const [key, value] of Object.entries(shell)) {
    const prefix = `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!(key in LISTS)) {
      yield prefix + JSON.stringify(value);
      continue;
    }
    const { items, toDto } = LISTS[key as ListKey](result);
    let piece = `${prefix}[`;
    for (let i = 0; i < items.length; i++) {
      piece += (i > 0 ? ',' : '') + JSON.stringify(toDto(items[i] as never));
      if (i % itemsPerPiece === itemsPerPiece - 1) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}]`;
  }
  yield first ? '{}' : '}';
}
