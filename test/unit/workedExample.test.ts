// DOMAIN.md §6.5 to the cent: one month, monthly rule, the plan of §5 (resources/plans/example-2024.json).
import { describe, expect, it } from 'vitest';
import { compute } from '../../shared/rules/compute';
import { toComputeResultDto } from '../../shared/rules/resultDto';
import { formatFen } from '../../shared/rules/money';
import { ComputeResultDtoSchema } from '../../shared/api/dto';
import { decl, ID, loadPlan, pay } from './computeFixtures';

function workedExample() {
  return compute({
    plan: loadPlan('example-2024.json'),
    from: '2024-03',
    to: '2024-03',
    asOf: '2025-03-31',
    payroll: [
      pay(ID.jia, '甲', '2024-03', '9000.00'),
      pay(ID.jia, '甲', '2024-03', '500.55'),
      pay(ID.yi, '乙', '2024-03', '3000.00'),
      pay(ID.bing, '丙', '2024-03', '25000.00'),
    ],
    declarations: [decl(ID.jia, '甲', '2024-03', '5000.00'), decl(ID.bing, '丙', '2024-03', '20000.00'), decl(ID.ding, '丁', '2024-03', '4000.00')],
  });
}

const perInsurance = (r: ReturnType<typeof workedExample>['rows'][number]) =>
  Object.fromEntries(r.insurances.map((i) => [i.code, `${formatFen(i.employerFen)} / ${formatFen(i.employeeFen)}`]));

describe('DOMAIN.md §6.5 worked example', () => {
  const result = workedExample();

  it('counts heads: payroll 3, declared 3, payroll-only 1 (乙), declared-only 1 (丁)', () => {
    expect(result.months).toHaveLength(1);
    const m = result.months[0]!;
    expect([m.payrollHeadcount, m.declaredHeadcount, m.matched, m.payrollOnly, m.declaredOnly]).toEqual([3, 3, 2, 1, 1]);
    expect(result.payrollOnly.map((p) => p.name)).toEqual(['乙']);
    expect(result.declaredOnly.map((p) => [p.name, p.personId])).toEqual([['丁', ID.ding]]);
  });

  it('甲: two payroll rows added up to 9,500.55, shortfall 4,500.55', () => {
    const jia = result.rows.find((r) => r.personId === ID.jia)!;
    expect(formatFen(jia.basisFen)).toBe('9500.55');
    expect(jia.insurances.map((i) => formatFen(i.shortfallFen))).toEqual(['4500.55', '4500.55', '4500.55', '4500.55']);
    expect(perInsurance(jia)).toEqual({
      pension: '720.09 / 360.04',
      medical: '360.04 / 90.01',
      maternity: '36.00 / 0.00',
      unemployment: '22.50 / 22.50',
    });
    expect(formatFen(jia.totalFen)).toBe('1611.18');
    expect(jia.payrollSources).toHaveLength(2);
    expect(jia.declarationSources).toHaveLength(1);
    expect(jia.payrollOnly).toBe(false);
  });

  it('乙: basis 3,000.00 raised to the floor 4,000.00', () => {
    const yi = result.rows.find((r) => r.personId === ID.yi)!;
    expect(formatFen(yi.basisFen)).toBe('3000.00');
    expect(yi.insurances.every((i) => formatFen(i.dueBaseFen) === '4000.00' && formatFen(i.shortfallFen) === '4000.00')).toBe(true);
    expect(perInsurance(yi)).toEqual({
      pension: '640.00 / 320.00',
      medical: '320.00 / 80.00',
      maternity: '32.00 / 0.00',
      unemployment: '20.00 / 20.00',
    });
    expect(formatFen(yi.totalFen)).toBe('1432.00');
    expect(yi.payrollOnly).toBe(true);
    expect(yi.declarationSources).toEqual([]);
  });

  it('丙: 25,000.00 capped at the ceiling 20,000.00 = declared, so no row', () => {
    expect(result.rows.map((r) => r.name)).toEqual(['甲', '乙']);
    expect(result.overDeclared).toEqual([]);
  });

  it('late fees: due 2024-04-15, 350 days to 2025-03-31 → 281.96 and 250.60', () => {
    expect(result.rows.map((r) => [r.dueDate, r.lateFeeDays, formatFen(r.lateFeeFen)])).toEqual([
      ['2024-04-15', 350, '281.96'],
      ['2024-04-15', 350, '250.60'],
    ]);
  });

  it('totals: employer 2,150.63; employee 892.55; back-pay 3,043.18; late fee 532.56; total 3,575.74', () => {
    const dto = toComputeResultDto(result);
    expect(dto.totals).toEqual({ employer: '2150.63', employee: '892.55', backPay: '3043.18', lateFee: '532.56', total: '3575.74' });
    expect(dto.lines).toBe(2);
    expect(dto.months[0]).toMatchObject({ month: '2024-03', payrollHeadcount: 3, declaredHeadcount: 3, payrollOnly: 1, declaredOnly: 1 });
    expect(dto.byInsurance['pension']).toEqual({ employer: '1360.09', employee: '680.04' });
    expect(dto.byInsurance['maternity']).toEqual({ employer: '68.00', employee: '0.00' });
    expect(() => ComputeResultDtoSchema.parse(dto)).not.toThrow();
  });

  it('month summary: gross, declared base, shortfall and back-pay of the month', () => {
    const m = result.months[0]!;
    expect(formatFen(m.grossFen)).toBe('37500.55');
    expect(formatFen(m.declaredBaseFen)).toBe('29000.00');
    expect(formatFen(m.shortfallFen)).toBe('8500.55');
    expect(formatFen(m.backPayFen)).toBe('3043.18');
    expect(formatFen(m.lateFeeFen)).toBe('532.56');
    expect(m.rows).toBe(2);
  });
});
