// Risk screening (DOMAIN.md §10.2) on hand-worked examples: the declarations summarised by hand,
// each indicator's value, threshold and contribution, the score and the tier.
import { describe, expect, it } from 'vitest';
import { assessRisk, DEFAULT_RISK_PARAMS, summariseDeclarations, tierOfScore, type DeclaredPersonMonth, type RiskFacts } from '../../shared/rules/riskScreening';
import { monthRange } from '../../shared/rules/month';

const FLOOR = 3_000_00; // 3,000 yuan from 2024-01
const floorOf = (m: string) => (m >= '2024-01' ? FLOOR : null);

/** Four people in 2023-06; from 2023-07 only A, B and C; A and B at the floor, C at 6,000 yuan. */
function lines(): DeclaredPersonMonth[] {
  const out: DeclaredPersonMonth[] = [{ personId: 'D', month: '2023-06', baseFen: 4_000_00 }];
  for (const month of monthRange('2023-06', '2024-06')) {
    out.push({ personId: 'A', month, baseFen: FLOOR });
    out.push({ personId: 'B', month, baseFen: FLOOR });
    out.push({ personId: 'C', month, baseFen: 6_000_00 });
    // a second insurance line for C with a lower base: the person-month counts once, at its highest base
    out.push({ personId: 'C', month, baseFen: 5_000_00 });
  }
  return out;
}

describe('summariseDeclarations', () => {
  it('keeps the 12 months ending at the latest month, one row per person-month', () => {
    const s = summariseDeclarations(lines(), floorOf)!;
    expect(s.from).toBe('2023-07');
    expect(s.to).toBe('2024-06');
    expect(s.personMonths).toBe(36); // 3 persons × 12 months
    expect(s.baseSumFen).toBe(12 * (3_000_00 + 3_000_00 + 6_000_00)); // 144,000 yuan
    // 2023-07..2023-12 have no floor (6 months × 3 persons); 2024-01..06: A and B at the floor
    expect(s.floorUnknown).toBe(18);
    expect(s.atFloor).toBe(12);
    expect(s.headcountNow).toBe(3);
    expect(s.headcountBefore).toBe(4); // 2023-06: A, B, C, D
  });

  it('is null without declarations', () => {
    expect(summariseDeclarations([], floorOf)).toBeNull();
  });
});

const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  year: 2025,
  declarations: summariseDeclarations(lines(), floorOf),
  averageWage: { fen: 6_000_00, year: 2024, source: '市统计局 2024 年公报' },
  tipOffs12m: 0,
  backPayFen: 0,
  lastAuditYear: 2023,
  ...over,
});

describe('assessRisk', () => {
  it('computes each indicator with value, threshold and contribution', () => {
    const r = assessRisk(facts());
    const by = Object.fromEntries(r.indicators.map((i) => [i.code, i]));
    // average base 4,000 ÷ 6,000 = 66.7% (666.67‰ half-up) — not below 60%
    expect(by.baseToWage).toMatchObject({ value: '66.7%', threshold: '低于 60.0%', triggered: false, contribution: 0 });
    expect(by.baseToWage!.note).toContain('平均基数 4000.00 元');
    // 12 of the 18 person-months with a known floor: 66.7% ≥ 50%
    expect(by.floorShare).toMatchObject({ value: '66.7%', triggered: true, contribution: 20 });
    // 4 → 3 persons: -25.0%, a fall of at least 20%
    expect(by.headcountChange).toMatchObject({ value: '-25.0%', triggered: true, contribution: 15 });
    expect(by.tipOffs).toMatchObject({ value: '0 次', triggered: false, contribution: 0 });
    expect(by.backPay).toMatchObject({ value: '0.00 元', triggered: false });
    // audited in 2023, screened for 2025: 2 years < 3
    expect(by.yearsSinceAudit).toMatchObject({ value: '2 年', triggered: false });
    expect(r.score).toBe(35);
    expect(r.tier).toBe('medium');
  });

  it('a lower ratio, tip-offs and back-pay reach the high tier', () => {
    // average wage 7,000: 4,000 ÷ 7,000 = 57.1% < 60%
    const r = assessRisk(facts({ averageWage: { fen: 7_000_00, year: 2024, source: '' }, tipOffs12m: 2, backPayFen: 12_345_67 }));
    const by = Object.fromEntries(r.indicators.map((i) => [i.code, i]));
    expect(by.baseToWage).toMatchObject({ value: '57.1%', triggered: true, contribution: 25 });
    expect(by.tipOffs).toMatchObject({ value: '2 次', triggered: true, contribution: 20 });
    expect(by.backPay).toMatchObject({ value: '12345.67 元', triggered: true, contribution: 10 });
    expect(r.score).toBe(25 + 20 + 15 + 20 + 10);
    expect(r.tier).toBe('high');
  });

  it('the ratio threshold is exact: exactly 60% is not below it', () => {
    const r = assessRisk(facts({ averageWage: { fen: 6_666_67, year: 2024, source: '' } })); // 4,000 / 6,666.67 = 59.99997%
    expect(r.indicators[0]).toMatchObject({ value: '60.0%', triggered: true });
    const exact = assessRisk(facts({ averageWage: { fen: 6_666_66, year: 2024, source: '' } })); // 60.00006%
    expect(exact.indicators[0]).toMatchObject({ value: '60.0%', triggered: false });
  });

  it('missing data contributes nothing and says why; never audited counts as due', () => {
    const r = assessRisk(facts({ declarations: null, averageWage: null, lastAuditYear: null }));
    const by = Object.fromEntries(r.indicators.map((i) => [i.code, i]));
    expect(by.baseToWage).toMatchObject({ value: '无数据', contribution: 0, note: '没有以往的申报明细' });
    expect(by.floorShare!.value).toBe('无数据');
    expect(by.headcountChange!.value).toBe('无数据');
    expect(by.yearsSinceAudit).toMatchObject({ value: '从未稽核', triggered: true, contribution: 10 });
    expect(r.score).toBe(10);
    expect(r.tier).toBe('low');
  });

  it('maps scores to tiers at the thresholds', () => {
    expect(tierOfScore(50, DEFAULT_RISK_PARAMS)).toBe('high');
    expect(tierOfScore(49, DEFAULT_RISK_PARAMS)).toBe('medium');
    expect(tierOfScore(25, DEFAULT_RISK_PARAMS)).toBe('medium');
    expect(tierOfScore(24, DEFAULT_RISK_PARAMS)).toBe('low');
  });
});
