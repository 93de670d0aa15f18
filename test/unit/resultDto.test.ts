// The result as the API and `jihe compute --json` carry it (DOMAIN.md §7): money as two-decimal
// strings, `lines` = rows, every part valid against the contract's schema.
import { describe, expect, it } from 'vitest';
import { ComputeResultDtoSchema } from '../../shared/api/dto';
import { compute } from '../../shared/rules/compute';
import { toComputeResultDto } from '../../shared/rules/resultDto';
import { decl, ID, pay, simplePlan } from './computeFixtures';

describe('toComputeResultDto', () => {
  const result = compute({
    plan: simplePlan({ baseRule: { kind: 'annual', yearStartMonth: 1 } }),
    from: '2024-03',
    to: '2024-04',
    asOf: '2024-06-30',
    payroll: [pay(ID.jia, '甲', '2024-03', '9000.00'), pay(ID.jia, '甲', '2024-04', '9000.00'), pay(ID.yi, '乙', '2024-03', '12000.05'), pay(ID.bing, '丙', '2024-03', '5000.00')],
    declarations: [
      decl(ID.jia, '甲', '2024-03', '9500.00'),
      decl(ID.yi, '乙', '2024-03', '5000.00', 'pension', { employer: '700.00' }),
      decl(ID.ding, '丁', '2024-04', '4000.00'),
    ],
    exemptions: [{ personId: ID.bing, reason: 'other', note: '劳务派遣，由派遣单位参保' }],
  });
  const dto = toComputeResultDto(result);

  it('is valid against the API schema', () => {
    expect(() => ComputeResultDtoSchema.parse(dto)).not.toThrow();
  });

  it('totals have exactly the five two-decimal fields of DOMAIN.md §7', () => {
    expect(Object.keys(dto.totals).sort()).toEqual(['backPay', 'employee', 'employer', 'lateFee', 'total']);
    for (const v of Object.values(dto.totals)) expect(v).toMatch(/^\d+\.\d{2}$/);
    expect(dto.lines).toBe(result.rows.length);
    expect(dto.lines).toBeGreaterThan(0);
  });

  it('carries every list, with money formatted and sources copied', () => {
    expect(dto.rows.map((r) => [r.month, r.name, r.basisNote])).toEqual(result.rows.map((r) => [r.month, r.name, r.basisNote]));
    expect(dto.exempted).toHaveLength(1);
    expect(dto.exempted[0]!.exemption).toEqual({ reason: 'other', note: '劳务派遣，由派遣单位参保' });
    expect(dto.overDeclared.map((o) => [o.name, o.insurance, o.declaredBase])).toEqual([
      ['甲', 'pension', '9500.00'],
      ['甲', 'medical', '9500.00'],
    ]);
    expect(dto.discrepancies.map((d) => [d.name, d.side, d.expected, d.declaredAmount])).toEqual([['乙', 'employer', '800.00', '700.00']]);
    expect(dto.declaredOnly.map((d) => [d.month, d.name])).toEqual([['2024-04', '丁']]);
    expect(dto.warnings.map((w) => w.code)).toEqual(['reference-year-missing']);
    const yi = dto.rows.find((r) => r.name === '乙')!;
    expect(yi.basis).toBe('12000.05');
    expect(yi.insurances[0]).toMatchObject({ code: 'pension', employerRate: '0.16', floor: '4000.00', ceiling: '20000.00', dueBase: '12000.05', declaredBase: '5000.00', shortfall: '7000.05' });
    expect(yi.payrollSources[0]).toEqual(result.rows.find((r) => r.name === '乙')!.payrollSources[0]);
    expect(yi.payrollSources[0]).not.toBe(result.rows.find((r) => r.name === '乙')!.payrollSources[0]);
  });

  it('survives JSON and back unchanged', () => {
    expect(JSON.parse(JSON.stringify(dto))).toEqual(dto);
  });
});
