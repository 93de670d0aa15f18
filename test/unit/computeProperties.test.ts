// Properties of the computation over randomly generated but realistic data (seeded, so a failure
// is reproducible): totals are sums of rows, nothing is negative, a row always owes something
// and points back to payroll, and the result does not depend on the order of the input rows.
import { describe, expect, it } from 'vitest';
import { INSURANCE_CODES, type InsuranceCode } from '../../shared/domain/insurance';
import type { DeclarationLine, Exemption, PayrollLine } from '../../shared/domain/lines';
import type { RatePlan } from '../../shared/domain/ratePlan';
import type { BackPayRow, ComputeResult } from '../../shared/domain/result';
import { compute, type ComputeInput } from '../../shared/rules/compute';
import { addMonths, monthRange } from '../../shared/rules/month';
import { RatePlanSchema } from '../../shared/domain/ratePlan';

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const chance = (p: number) => next() < p;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return { next, int, pick, chance, shuffle };
}
type Rng = ReturnType<typeof prng>;

const RATES = [0, 0.002, 0.005, 0.008, 0.01, 0.02, 0.075, 0.08, 0.095, 0.12, 0.14, 0.16, 0.0048, 0.1234];

function randomPlan(rng: Rng, from: string, to: string): RatePlan {
  // 1–3 contiguous periods covering from…to, each with its own floors, ceilings and insurances
  const months = monthRange(from, to);
  const cuts = [...new Set([0, ...Array.from({ length: rng.int(0, 2) }, () => rng.int(1, months.length - 1))])].filter((c) => c < months.length).sort((a, b) => a - b);
  const periods = cuts.map((c, k) => {
    const end = k + 1 < cuts.length ? (cuts[k + 1] as number) - 1 : months.length - 1;
    const codes = rng.shuffle(INSURANCE_CODES).slice(0, rng.int(1, INSURANCE_CODES.length));
    const floor = rng.int(2000, 6000) + rng.pick([0, 0.5, 0.07]);
    const ceiling = floor * rng.int(2, 5) + rng.pick([0, 0.33]);
    return {
      from: months[c] as string,
      to: months[end] as string,
      insurances: codes.map((code) => ({
        code,
        name: code,
        employerRate: rng.pick(RATES),
        employeeRate: rng.pick(RATES),
        floor: rng.chance(0.8) ? floor : rng.int(1000, 3000),
        ceiling: Math.round(ceiling * 100) / 100,
      })),
    };
  });
  const plan: RatePlan = {
    name: '随机方案',
    region: '随机市',
    lateFeeDailyRate: rng.pick([0.0005, 0.002, 0.0003]),
    lateFeeCap: rng.pick(['none', 'principal'] as const),
    due: { monthOffset: rng.int(0, 2), day: rng.pick([1, 15, 28, 31, 'last'] as const) },
    baseRule: rng.pick([{ kind: 'monthly' }, { kind: 'annual', yearStartMonth: 1 }, { kind: 'annual', yearStartMonth: 7 }] as const),
    periods,
  };
  return RatePlanSchema.parse(plan);
}

function randomInput(seed: number): ComputeInput {
  const rng = prng(seed);
  const from = `20${rng.int(10, 24)}-${String(rng.int(1, 12)).padStart(2, '0')}`;
  const to = addMonths(from, rng.int(0, 14));
  const plan = randomPlan(rng, from, to);
  const persons = Array.from({ length: rng.int(3, 40) }, (_, i) => ({ id: `P${String(1000 + i)}`, name: `人员${i}`, wage: rng.int(1500, 40000) }));
  const months = monthRange(addMonths(from, -18), to);
  const payroll: PayrollLine[] = [];
  const declarations: DeclarationLine[] = [];
  let row = 2;
  const src = (fileName: string) => ({ fileId: rng.int(1, 3), fileName, sheet: 'Sheet1', row: row++ });
  for (const p of persons) {
    const start = rng.int(0, months.length - 1);
    for (const m of months.slice(start)) {
      if (rng.chance(0.1)) continue; // unpaid month
      const gross = Math.max(0, p.wage * 100 + rng.int(-50000, 50000));
      payroll.push({ personId: p.id, name: p.name, month: m, grossFen: gross, source: src('工资表.xlsx') });
      if (rng.chance(0.15)) payroll.push({ personId: p.id, name: p.name, month: m, grossFen: rng.int(1, 300000), source: src('奖金表.xlsx') });
      if (rng.chance(0.05)) payroll.push({ personId: p.id, name: p.name, month: m, grossFen: -gross, source: src('更正.xlsx') });
    }
    for (const m of monthRange(from, to)) {
      if (rng.chance(0.2)) continue; // not declared (payroll-only when paid)
      const base = rng.chance(0.3) ? p.wage * 100 : rng.int(100000, 4000000);
      if (rng.chance(0.5)) {
        const line: DeclarationLine = { personId: p.id, name: p.name, month: m, insurance: null, baseFen: base, source: src('申报明细.xlsx') };
        if (rng.chance(0.3)) line.employerFen = rng.int(0, 500000);
        if (rng.chance(0.3)) line.employeeFen = rng.int(0, 200000);
        declarations.push(line);
      }
      if (rng.chance(0.03)) declarations.push({ personId: p.id, name: p.name, month: m, insurance: null, baseFen: -rng.int(100000, 5000000), source: src('申报更正.xlsx') });
      if (rng.chance(0.6)) {
        for (const code of rng.shuffle(INSURANCE_CODES).slice(0, rng.int(1, 4)) as InsuranceCode[]) {
          declarations.push({ personId: p.id, name: p.name, month: m, insurance: code, baseFen: rng.int(50000, 3000000), source: src('险种申报.xlsx') });
        }
      }
    }
  }
  // a few declared-only persons (挂靠)
  for (let k = 0; k < rng.int(0, 3); k++) declarations.push({ personId: `G${k}`, name: `挂靠${k}`, month: rng.pick(monthRange(from, to)), insurance: null, baseFen: 400000, source: src('申报明细.xlsx') });
  const exemptions: Exemption[] = [];
  if (rng.chance(0.5)) exemptions.push({ personId: rng.pick(persons).id, reason: 'retiree-rehired' });
  if (rng.chance(0.5)) exemptions.push({ personId: rng.pick(persons).id, months: [from], reason: 'other', note: '随机' });
  const asOf = `${Number(to.slice(0, 4)) + rng.int(0, 6)}-0${rng.int(1, 9)}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return { plan, from, to, asOf, payroll, declarations, exemptions };
}

const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i * 7919);
const cases = SEEDS.map((seed) => ({ seed, input: randomInput(seed) })).map((c) => ({ ...c, result: compute(c.input) }));

it('the generated cases cover what the properties are about', () => {
  const all = (f: (c: (typeof cases)[number]) => number) => sum(cases.map(f));
  expect(all((c) => c.result.rows.length)).toBeGreaterThan(500);
  expect(all((c) => c.result.exempted.length)).toBeGreaterThan(5);
  expect(all((c) => c.result.payrollOnly.length)).toBeGreaterThan(50);
  expect(all((c) => c.result.declaredOnly.length)).toBeGreaterThan(10);
  expect(all((c) => c.result.overDeclared.length)).toBeGreaterThan(50);
  expect(all((c) => c.result.discrepancies.length)).toBeGreaterThan(50);
  expect(all((c) => c.result.rows.filter((r) => r.lateFeeCapped).length)).toBeGreaterThan(0);
  expect(all((c) => (c.input.plan.baseRule.kind === 'annual' ? 1 : 0))).toBeGreaterThan(10);
  expect(all((c) => (c.input.plan.periods.length > 1 ? 1 : 0))).toBeGreaterThan(10);
});

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

describe.each(cases)('random case (seed $seed)', ({ input, result }) => {
  it('generates something worth checking', () => {
    expect(input.payroll.length).toBeGreaterThan(0);
  });

  it('totals are sums of the rows’ rounded amounts', () => {
    const t = result.totals;
    expect(t.employerFen).toBe(sum(result.rows.map((r) => r.employerFen)));
    expect(t.employeeFen).toBe(sum(result.rows.map((r) => r.employeeFen)));
    expect(t.lateFeeFen).toBe(sum(result.rows.map((r) => r.lateFeeFen)));
    expect(t.backPayFen).toBe(t.employerFen + t.employeeFen);
    expect(t.totalFen).toBe(t.backPayFen + t.lateFeeFen);
    for (const code of INSURANCE_CODES) {
      const lines = result.rows.flatMap((r) => r.insurances.filter((i) => i.code === code));
      const acc = result.byInsurance[code];
      if (!acc) {
        expect(lines).toEqual([]);
        continue;
      }
      expect(acc.employerFen).toBe(sum(lines.map((l) => l.employerFen)));
      expect(acc.employeeFen).toBe(sum(lines.map((l) => l.employeeFen)));
    }
    for (const m of result.months) {
      const rows = result.rows.filter((r) => r.month === m.month);
      expect(m.rows).toBe(rows.length);
      expect(m.backPayFen).toBe(sum(rows.map((r) => r.totalFen)));
      expect(m.lateFeeFen).toBe(sum(rows.map((r) => r.lateFeeFen)));
    }
    expect(sum(result.months.map((m) => m.backPayFen))).toBe(t.backPayFen);
  });

  it('per row: employer + employee = total, each the sum of its insurances, nothing negative', () => {
    for (const r of [...result.rows, ...result.exempted]) {
      expect(r.employerFen + r.employeeFen).toBe(r.totalFen);
      expect(r.employerFen).toBe(sum(r.insurances.map((i) => i.employerFen)));
      expect(r.employeeFen).toBe(sum(r.insurances.map((i) => i.employeeFen)));
      expect(r.totalFen).toBeGreaterThan(0);
      expect(r.lateFeeFen).toBeGreaterThanOrEqual(0);
      expect(r.lateFeeDays).toBeGreaterThanOrEqual(0);
      for (const i of r.insurances) {
        for (const v of [i.dueBaseFen, i.shortfallFen, i.employerFen, i.employeeFen, i.floorFen, i.ceilingFen]) expect(v).toBeGreaterThanOrEqual(0);
        expect(i.dueBaseFen).toBeGreaterThanOrEqual(i.floorFen);
        expect(i.dueBaseFen).toBeLessThanOrEqual(i.ceilingFen);
        expect(i.shortfallFen).toBe(Math.max(0, i.dueBaseFen - Math.max(0, i.declaredBaseFen)));
        expect(i.shortfallFen).toBeLessThanOrEqual(i.dueBaseFen);
        // within half a fen of the exact product
        expect(Math.abs(i.employerFen - i.shortfallFen * Number(i.employerRate))).toBeLessThanOrEqual(0.5 + 1e-6);
        expect(Math.abs(i.employeeFen - i.shortfallFen * Number(i.employeeRate))).toBeLessThanOrEqual(0.5 + 1e-6);
      }
      if (input.plan.lateFeeCap === 'principal') expect(r.lateFeeFen).toBeLessThanOrEqual(r.totalFen);
    }
    for (const v of Object.values(result.totals)) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('no row where the declared base reaches the due base for every insurance', () => {
    for (const r of result.rows) expect(r.insurances.some((i) => i.declaredBaseFen < i.dueBaseFen)).toBe(true);
  });

  it('every row points back to payroll with gross > 0, and to its declarations', () => {
    const index = <T extends { personId: string; month: string }>(xs: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const x of xs) m.set(`${x.personId}|${x.month}`, [...(m.get(`${x.personId}|${x.month}`) ?? []), x]);
      return m;
    };
    const payrollBy = index(input.payroll);
    const declBy = index(input.declarations);
    for (const r of [...result.rows, ...result.exempted]) {
      expect(r.payrollSources.length).toBeGreaterThanOrEqual(1);
      const lines = payrollBy.get(`${r.personId}|${r.month}`) ?? [];
      expect(r.payrollSources).toHaveLength(lines.length);
      expect(sum(lines.map((l) => l.grossFen))).toBeGreaterThan(0);
      const decl = declBy.get(`${r.personId}|${r.month}`) ?? [];
      expect(r.declarationSources).toHaveLength(decl.length);
      expect(r.payrollOnly).toBe(decl.length === 0);
    }
  });

  it('headcounts add up, and declared-only persons are never back-paid', () => {
    for (const m of result.months) {
      expect(m.payrollHeadcount).toBe(m.matched + m.payrollOnly);
      expect(m.declaredHeadcount).toBe(m.matched + m.declaredOnly);
    }
    const declaredOnly = new Set(result.declaredOnly.map((d) => `${d.personId}|${d.month}`));
    for (const r of result.rows) expect(declaredOnly.has(`${r.personId}|${r.month}`)).toBe(false);
    expect(result.payrollOnly.length).toBe(sum(result.months.map((m) => m.payrollOnly)));
    expect(result.declaredOnly.length).toBe(sum(result.months.map((m) => m.declaredOnly)));
  });

  it('rows are sorted by month, then person, one per person-month', () => {
    const keys = result.rows.map((r) => `${r.month}|${r.personId}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not depend on the order of the input rows', () => {
    const rng = prng(input.payroll.length * 31 + input.declarations.length);
    const shuffled = compute({ ...input, payroll: rng.shuffle(input.payroll), declarations: rng.shuffle(input.declarations) });
    expect(shuffled).toEqual(result);
  });

  it('exemptions move rows to `exempted` without changing their amounts', () => {
    const without = compute({ ...input, exemptions: [] });
    const key = (r: BackPayRow) => `${r.month}|${r.personId}`;
    const strip = (r: BackPayRow) => ({ ...r, exemption: undefined });
    const merged = [...result.rows, ...result.exempted].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map(strip);
    expect(merged).toEqual(without.rows.map(strip));
    for (const r of result.exempted) expect(r.exemption).toBeDefined();
    expect(without.totals.backPayFen - result.totals.backPayFen).toBe(sum(result.exempted.map((r) => r.totalFen)));
  });
});

describe('scale', () => {
  it('is linear: 100,000 payroll rows and 300,000 declaration rows in well under the budget', () => {
    const rng = prng(42);
    const plan = randomPlan(rng, '2024-01', '2024-12');
    const payroll: PayrollLine[] = [];
    const declarations: DeclarationLine[] = [];
    const persons = 8334;
    const codes = plan.periods[0]!.insurances.map((i) => i.code);
    for (const m of monthRange('2024-01', '2024-12')) {
      for (let i = 0; i < persons; i++) {
        const id = `ID${i}`;
        const gross = 300000 + ((i * 7919) % 2500000);
        const source = { fileId: 1, fileName: 'big.xlsx', sheet: m, row: i + 2 };
        payroll.push({ personId: id, name: '张三', month: m, grossFen: gross, source });
        if (i % 10 === 0) continue;
        for (let k = 0; k < 3; k++) declarations.push({ personId: id, name: '张三', month: m, insurance: codes[k % codes.length]!, baseFen: i % 3 ? gross : 400000, source });
      }
    }
    const t0 = performance.now();
    const result: ComputeResult = compute({ plan, from: '2024-01', to: '2024-12', asOf: '2025-06-30', payroll, declarations });
    const ms = performance.now() - t0;
    expect(result.months.every((m) => m.payrollHeadcount === persons)).toBe(true);
    expect(result.rows.length).toBeGreaterThan(0);
    // about 0.3 s here; the bound leaves room for a busy 2-core machine, not for O(n²)
    expect(ms).toBeLessThan(10_000);
  }, 60_000);
});
