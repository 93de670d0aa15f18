// The result's JSON written in pieces (computeResultDtoJson, for big results in the CLI and the
// benchmark) is exactly JSON.stringify of the DTO, whatever the piece size, on a result with
// rows, an exemption, over-declared and payroll-only months.
import { describe, expect, it } from 'vitest';
import { compute } from '../../shared/rules/compute';
import { computeResultDtoJson, toComputeResultDto } from '../../shared/rules/resultDto';
import { decl, ID, pay, simplePlan } from './computeFixtures';

describe('computeResultDtoJson', () => {
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
  const expected = JSON.stringify(toComputeResultDto(result));

  it.each([1, 2, 500])('joined pieces of %i item(s) are the DTO JSON', (size) => {
    const pieces = [...computeResultDtoJson(result, size)];
    expect(pieces.join('')).toBe(expected);
    if (size === 1) expect(pieces.length).toBeGreaterThan(result.rows.length);
  });

  it('the example is not trivial', () => {
    const dto = toComputeResultDto(result);
    expect(dto.rows.length).toBeGreaterThan(0);
    expect(dto.exempted.length + dto.overDeclared.length + dto.declaredOnly.length).toBeGreaterThan(0);
  });
});
