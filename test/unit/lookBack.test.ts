// The plan's look-back (DOMAIN.md §13), worked by hand on the plan of §5 with lookBackMonths 12 and
// the as-of date 2025-03-31: the look-back starts 2024-03, so 2024-01 and 2024-02 are beyond it.
// 乙 earns 3,000.00 a month and declares nothing: each month owes on the floor 4,000.00 = 1,432.00
// (§6.5). Late fees at 0.05 % a day: 2024-01 due 2024-02-15, 410 days → 1,432.00 × 0.205 = 293.56;
// 2024-02 due 2024-03-15, 381 days → 272.796 → 272.80; 2024-03 due 2024-04-15, 350 days → 250.60.
import { describe, expect, it } from 'vitest';
import { compute } from '../../shared/rules/compute';
import { formatFen } from '../../shared/rules/money';
import { lookBackStart } from '../../shared/rules/lookBack';
import { ID, loadPlan, pay } from './computeFixtures';

const plan = { ...loadPlan('example-2024.json'), lookBackMonths: 12 };
const input = {
  plan,
  from: '2024-01',
  to: '2024-03',
  asOf: '2025-03-31',
  payroll: ['2024-01', '2024-02', '2024-03'].map((m) => pay(ID.yi, '乙', m, '3000.00')),
  declarations: [],
};

describe('look-back', () => {
  it('starts 12 months before the as-of month; none without the setting', () => {
    expect(lookBackStart(plan, '2025-03-31')).toBe('2024-03');
    expect(lookBackStart(loadPlan('example-2024.json'), '2025-03-31')).toBeNull();
  });

  it('include (the default): charged and flagged with the months, person-months and amounts', () => {
    const r = compute(input);
    expect(r.rows.map((x) => [x.month, formatFen(x.totalFen), x.lateFeeDays, formatFen(x.lateFeeFen)])).toEqual([
      ['2024-01', '1432.00', 410, '293.56'],
      ['2024-02', '1432.00', 381, '272.80'],
      ['2024-03', '1432.00', 350, '250.60'],
    ]);
    expect(formatFen(r.totals.lateFeeFen)).toBe('816.96');
    const w = r.warnings.find((x) => x.code === 'beyond-look-back')!;
    expect(w.months).toEqual(['2024-01', '2024-02']);
    // 2 × 1,432.00 = 2,864.00; 293.56 + 272.80 = 566.36
    expect(w.message).toContain('2人次，补缴 2,864.00 元，滞纳金 566.36 元，已按稽核人员的选择计入补缴');
  });

  it('exclude: not charged, kept visible among the rows not pursued with the reason, and flagged', () => {
    const r = compute({ ...input, beyondLookBack: 'exclude' });
    expect(r.rows.map((x) => x.month)).toEqual(['2024-03']);
    expect(formatFen(r.totals.totalFen)).toBe('1682.60'); // 1,432.00 + 250.60
    expect(r.exempted.map((x) => [x.month, x.exemption?.note])).toEqual([
      ['2024-01', '超出缴费政策的追溯期限，稽核人员决定不予追缴'],
      ['2024-02', '超出缴费政策的追溯期限，稽核人员决定不予追缴'],
    ]);
    expect(r.warnings.find((x) => x.code === 'beyond-look-back')?.message).toContain('稽核人员选择不予追缴');
  });

  it('no setting: nothing flagged', () => {
    expect(compute({ ...input, plan: loadPlan('example-2024.json') }).warnings.filter((w) => w.code === 'beyond-look-back')).toEqual([]);
  });
});
