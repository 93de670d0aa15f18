// The computation's result as it crosses the API and the CLI (DOMAIN.md §7): the same figures
// with money as two-decimal strings. `lines` is the number of back-pay rows.
import type { ComputeResultDto, ResultRow } from '../api/dto';
import type { BackPayRow, ComputeResult, InsuranceLine } from '../domain/result';
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
  if (r.exemption) dto.exemption = r.exemption.note === undefined ? { reason: r.exemption.reason } : { reason: r.exemption.reason, note: r.exemption.note };
  return dto;
}

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
    payrollOnly: result.payrollOnly.map((p) => ({ personId: p.personId, name: p.name, month: p.month, sources: p.sources.map((s) => ({ ...s })) })),
    declaredOnly: result.declaredOnly.map((p) => ({ personId: p.personId, name: p.name, month: p.month, sources: p.sources.map((s) => ({ ...s })) })),
    overDeclared: result.overDeclared.map((o) => ({
      personId: o.personId,
      name: o.name,
      month: o.month,
      insurance: o.insurance,
      dueBase: formatFen(o.dueBaseFen),
      declaredBase: formatFen(o.declaredBaseFen),
      sources: o.sources.map((s) => ({ ...s })),
    })),
    discrepancies: result.discrepancies.map((d) => ({
      personId: d.personId,
      name: d.name,
      month: d.month,
      insurance: d.insurance,
      side: d.side,
      declaredBase: formatFen(d.declaredBaseFen),
      expected: formatFen(d.expectedFen),
      declaredAmount: formatFen(d.declaredAmountFen),
      source: { ...d.source },
    })),
    warnings: result.warnings.map((w) => (w.months ? { code: w.code, message: w.message, months: [...w.months] } : { code: w.code, message: w.message })),
  };
}
