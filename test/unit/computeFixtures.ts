// Builders for compute tests: payroll and declaration rows as the importer would hand them over,
// each with its own source row, and the example plans shipped in resources/plans.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InsuranceCode } from '../../shared/domain/insurance';
import type { DeclarationLine, PayrollLine, SourceRef } from '../../shared/domain/lines';
import type { RatePlan } from '../../shared/domain/ratePlan';
import { fenFromString } from '../../shared/rules/money';
import { parseRatePlanText } from '../../shared/rules/ratePlan';

export function loadPlan(file: string): RatePlan {
  const path = fileURLToPath(new URL(`../../resources/plans/${file}`, import.meta.url));
  const r = parseRatePlanText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r.plan;
}

let nextRow = 2;
export function src(fileName: string, sheet = 'Sheet1', row = nextRow++): SourceRef {
  return { fileId: 0, fileName, sheet, row };
}

/** pay('110105198001010016', '甲', '2024-03', '9000.00') */
export function pay(personId: string, name: string, month: string, gross: string, source = src('工资表.xlsx')): PayrollLine {
  return { personId, name, month, grossFen: fenFromString(gross), source };
}

export function decl(
  personId: string,
  name: string,
  month: string,
  base: string,
  insurance: InsuranceCode | null = null,
  amounts: { employer?: string; employee?: string } = {},
  source = src('申报明细.xlsx'),
): DeclarationLine {
  const line: DeclarationLine = { personId, name, month, insurance, baseFen: fenFromString(base), source };
  if (amounts.employer !== undefined) line.employerFen = fenFromString(amounts.employer);
  if (amounts.employee !== undefined) line.employeeFen = fenFromString(amounts.employee);
  return line;
}

/** A plan with one insurance per entry and the given periods, for focused tests. */
export function simplePlan(overrides: Partial<RatePlan> = {}): RatePlan {
  return {
    name: '测试方案',
    region: '测试市',
    lateFeeDailyRate: 0.0005,
    lateFeeCap: 'none',
    due: { monthOffset: 1, day: 15 },
    baseRule: { kind: 'monthly' },
    periods: [
      {
        from: '2020-01',
        to: '2030-12',
        insurances: [
          { code: 'pension', name: '基本养老保险', employerRate: 0.16, employeeRate: 0.08, floor: 4000, ceiling: 20000 },
          { code: 'medical', name: '职工基本医疗保险', employerRate: 0.08, employeeRate: 0.02, floor: 4000, ceiling: 20000 },
        ],
      },
    ],
    ...overrides,
  };
}

export const ID = {
  jia: '110105198001010016',
  yi: '110105198503150027',
  bing: '110105199007200034',
  ding: '110105197511110047',
  wu: '11010519491231002X',
} as const;
