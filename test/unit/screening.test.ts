// Claims screening R01–R11 (INSTITUTIONS.md §6) on hand-worked rows: each rule's edges as the
// table names them, file order, the first row deciding a settlement, sex and age from the ID
// number, refunds left out, and half-up rounding of 基金损失 per row.
import { describe, expect, it } from 'vitest';
import type { CatalogEntry, ClaimRow, ItemCategory } from '../../shared/domain/claims';
import { decimalFrom } from '../../shared/rules/money';
import { idCheckChar } from '../../shared/rules/personId';
import { fundLossFen } from '../../shared/rules/screening/exact';
import { DEFAULT_SCREENING_PARAMS, parseScreeningParams, type ScreeningParams } from '../../shared/rules/screening/params';
import { ageOn, sexFromId } from '../../shared/rules/screening/person';
import { toScreeningJson } from '../../shared/rules/screening/resultJson';
import { screenClaims, type RuleCode } from '../../shared/rules/screening/screen';

/** A valid 18-digit ID; the last digit of `seq` is the 17th digit (odd: 男). */
function makeId(birth: string, seq: string): string {
  const first17 = `130102${birth}${seq}`;
  return first17 + idCheckChar(first17);
}
const MAN = makeId('19800101', '001');
const WOMAN = makeId('19850315', '002');

let nextRow = 2;
function row(over: Partial<Omit<ClaimRow, 'quantity' | 'unitPrice' | 'amount' | 'fundPaid'>> & { qty?: string; price?: string; amount?: number; fund?: number } = {}): ClaimRow {
  const { qty = '1', price = '10', amount, fund, ...rest } = over;
  const amountFen = amount ?? Math.round(Number(qty) * Number(price) * 100);
  return {
    ref: { file: '结算明细.xlsx', sheet: 'Sheet1', row: nextRow++ },
    settlementId: 'S1',
    personId: MAN,
    name: '张三',
    sex: null,
    birthDate: null,
    visitType: '门诊',
    admissionDate: null,
    dischargeDate: null,
    feeDate: '2024-03-05',
    itemCode: 'X001',
    itemName: '项目',
    quantity: decimalFrom(qty),
    unitPrice: decimalFrom(price),
    amount: amountFen,
    fundPaid: fund ?? Math.round(amountFen * 0.7),
    ...rest,
  };
}

function entry(itemCode: string, over: Partial<Omit<CatalogEntry, 'maxPrice' | 'dailyLimit'>> & { max?: string; daily?: string; category?: ItemCategory } = {}): CatalogEntry {
  const { max, daily, ...rest } = over;
  return {
    ref: { file: '目录.xlsx', sheet: '目录', row: 2 },
    itemCode,
    itemName: itemCode,
    category: '诊疗',
    maxPrice: max === undefined ? null : decimalFrom(max),
    sexLimit: null,
    minAge: null,
    maxAge: null,
    dailyLimit: daily === undefined ? null : decimalFrom(daily),
    ...rest,
  };
}

function screen(rows: ClaimRow[], catalog: CatalogEntry[], params: ScreeningParams = DEFAULT_SCREENING_PARAMS) {
  return screenClaims({ rows, catalog, params });
}
const hitsOf = (r: ReturnType<typeof screen>, rule: RuleCode) => r.hits.filter((h) => h.rule === rule);

describe('R01 重复收费', () => {
  it('hits each row identical to an earlier one in 结算ID, 项目编码, 费用日期, 数量, 单价; its 金额, fund loss from its own row', () => {
    const a = row({ qty: '2', price: '15.5' });
    const b = row({ qty: '2.0', price: '15.50', fund: 2170 });
    const c = row({ qty: '2', price: '15.5', fund: 3100 });
    const otherQty = row({ qty: '3', price: '15.5' });
    const otherSettlement = row({ settlementId: 'S2', qty: '2', price: '15.5' });
    const r = screen([a, b, c, otherQty, otherSettlement], [entry('X001')]);
    const hits = hitsOf(r, 'R01');
    expect(hits.map((h) => h.rows)).toEqual([
      [b.ref, a.ref],
      [c.ref, a.ref],
    ]);
    expect(hits.map((h) => [h.amount, h.fundLoss])).toEqual([
      [3100, 2170],
      [3100, 3100],
    ]);
    expect(r.totals.R01).toEqual({ hits: 2, amount: 6200, fundLoss: 5270, pending: 0 });
  });
});

describe('R02 超标准收费', () => {
  it('a price equal to the maximum does not hit; above it hits (单价 − 最高单价) × 数量, half-up to the fen', () => {
    const equal = row({ itemCode: 'D1', price: '12.30', qty: '4' });
    const above = row({ itemCode: 'D1', price: '12.333', qty: '3', amount: 3700, fund: 1850 });
    const r = screen([equal, above], [entry('D1', { max: '12.3', category: '药品' })]);
    const hits = hitsOf(r, 'R02');
    expect(hits).toHaveLength(1);
    // (12.333 − 12.30) × 3 = 0.099 yuan → 0.10; fund loss 10 × 1850 / 3700 = 5.
    expect(hits[0]).toMatchObject({ rows: [above.ref], amount: 10, fundLoss: 5 });
    expect(hits[0]!.derivation.catalog?.itemCode).toBe('D1');
    expect(hits[0]!.derivation.arithmetic.join('\n')).toContain('(12.333 − 12.3) × 数量 3 = 0.10 元');
  });
});

describe('R03 限性别 and a row hitting two rules', () => {
  it('sex from the ID number’s 17th digit when there is no 性别; one row hits R02 and R03 with their own amounts', () => {
    expect(sexFromId(MAN)).toBe('男');
    expect(sexFromId(WOMAN)).toBe('女');
    const both = row({ itemCode: 'G1', price: '120', qty: '1', amount: 12000, fund: 8400 });
    const womanRow = row({ settlementId: 'S2', personId: WOMAN, itemCode: 'G1', price: '100', amount: 10000 });
    // The 性别 column, when present, decides over the ID.
    const statedFemale = row({ settlementId: 'S3', personId: MAN, sex: '女', itemCode: 'G1', price: '100', amount: 10000 });
    const r = screen([both, womanRow, statedFemale], [entry('G1', { sexLimit: '女', max: '100' })]);
    expect(hitsOf(r, 'R03').map((h) => h.rows[0])).toEqual([both.ref]);
    expect(hitsOf(r, 'R03')[0]).toMatchObject({ amount: 12000, fundLoss: 8400 });
    expect(hitsOf(r, 'R02').map((h) => [h.rows[0], h.amount, h.fundLoss])).toEqual([[both.ref, 2000, 1400]]);
  });
});

describe('R04 限年龄', () => {
  it('full years on the fee date: the birthday itself counts', () => {
    expect(ageOn('2006-03-15', '2024-03-15')).toBe(18);
    expect(ageOn('2006-03-15', '2024-03-14')).toBe(17);
    const child = makeId('20060315', '011');
    const onBirthday = row({ personId: child, itemCode: 'P1', feeDate: '2024-03-15' });
    const dayBefore = row({ personId: child, itemCode: 'P1', feeDate: '2024-03-14', settlementId: 'S2' });
    const adultOnly = row({ personId: child, itemCode: 'A1', feeDate: '2024-03-14', settlementId: 'S3' });
    const adultOnBirthday = row({ personId: child, itemCode: 'A1', feeDate: '2024-03-15', settlementId: 'S4' });
    const r = screen([onBirthday, dayBefore, adultOnly, adultOnBirthday], [entry('P1', { maxAge: 17 }), entry('A1', { minAge: 18 })]);
    expect(hitsOf(r, 'R04').map((h) => h.rows[0])).toEqual([onBirthday.ref, adultOnly.ref]);
  });

  it('出生日期, when given, decides over the ID number', () => {
    const r = screen([row({ birthDate: '2010-01-01', itemCode: 'A1' })], [entry('A1', { minAge: 18 })]);
    expect(hitsOf(r, 'R04')).toHaveLength(1);
    expect(hitsOf(r, 'R04')[0]!.derivation.arithmetic[0]).toContain('取自出生日期');
  });
});

describe('R05 超限定频次', () => {
  it('sums every row of the person, item and day across settlements; price and fund loss from the group’s last row, half-up', () => {
    const a = row({ itemCode: 'T1', qty: '1', price: '5' });
    const dup = row({ itemCode: 'T1', qty: '1', price: '5' });
    const other = row({ settlementId: 'S2', itemCode: 'T1', qty: '1', price: '6.25', amount: 1250, fund: 625 });
    const otherDay = row({ itemCode: 'T1', qty: '2', price: '5', feeDate: '2024-03-06' });
    const r = screen([a, dup, other, otherDay], [entry('T1', { daily: '2' })]);
    const hits = hitsOf(r, 'R05');
    expect(hits).toHaveLength(1);
    // (3 − 2) × 6.25 = 6.25 yuan; 625 × 625 / 1250 = 312.5 → 313 fen.
    expect(hits[0]).toMatchObject({ rows: [a.ref, dup.ref, other.ref], amount: 625, fundLoss: 313 });
  });
});

describe('R06 住院期间外收费', () => {
  it('fee dates on the admission and discharge days are inside; the day before and after are not; dates from the first row', () => {
    const stay = { settlementId: 'Z1', visitType: '住院' as const, admissionDate: '2024-03-01', dischargeDate: '2024-03-10' };
    const first = row({ ...stay, feeDate: '2024-03-01' });
    const before = row({ ...stay, feeDate: '2024-02-29' });
    const last = row({ ...stay, feeDate: '2024-03-10', admissionDate: '2024-03-20', dischargeDate: '2024-03-30' });
    const after = row({ ...stay, feeDate: '2024-03-11' });
    const r = screen([first, before, last, after], [entry('X001')]);
    expect(hitsOf(r, 'R06').map((h) => h.rows[0])).toEqual([before.ref, after.ref]);
  });
});

describe('R07 分解住院', () => {
  const stay = (id: string, adm: string, dis: string, personId = MAN) => row({ settlementId: id, personId, visitType: '住院', admissionDate: adm, dischargeDate: dis, feeDate: adm });
  it('a gap of 0 and of 15 days hits, 16 does not; the parameter moves the edge; 待核定', () => {
    const a = stay('A', '2024-01-01', '2024-01-10');
    const gap0 = stay('B', '2024-01-10', '2024-01-12');
    const w = makeId('19700101', '021');
    const c = stay('C', '2024-01-01', '2024-01-05', w);
    const gap15 = stay('D', '2024-01-20', '2024-01-25', w);
    const v = makeId('19700101', '031');
    const e = stay('E', '2024-01-01', '2024-01-05', v);
    const gap16 = stay('F', '2024-01-21', '2024-01-25', v);
    const rows = [a, gap0, c, gap15, e, gap16];
    const r = screen(rows, [entry('X001')]);
    const hits = hitsOf(r, 'R07');
    expect(hits.map((h) => h.rows)).toEqual([
      [gap0.ref, a.ref],
      [gap15.ref, c.ref],
    ]);
    expect(hits.every((h) => h.amount === null && h.fundLoss === null)).toBe(true);
    expect(r.totals.R07).toEqual({ hits: 2, amount: 0, fundLoss: 0, pending: 2 });
    const wider = parseScreeningParams({ R07: { maxGapDays: 16 } });
    if (!wider.ok) throw new Error('params');
    expect(hitsOf(screen(rows, [entry('X001')], wider.params), 'R07')).toHaveLength(3);
  });

  it('"earlier" is file order: a later stay listed first is not an earlier settlement', () => {
    const late = stay('L', '2024-02-01', '2024-02-05');
    const early = stay('E', '2024-01-20', '2024-01-25');
    const r = screen([late, early], [entry('X001')]);
    expect(hitsOf(r, 'R07')).toHaveLength(0);
  });
});

describe('R08 挂床住院', () => {
  const cat = [entry('BED', { category: '床位' }), entry('DRUG', { category: '药品' })];
  function stayWith(activeDays: number, n: number): ClaimRow[] {
    const stay = { settlementId: `H${activeDays}-${n}`, visitType: '住院' as const, admissionDate: '2024-04-01', dischargeDate: `2024-04-${String(1 + n).padStart(2, '0')}` };
    const rows = [row({ ...stay, itemCode: 'BED', feeDate: '2024-04-01' })];
    for (let d = 0; d < activeDays; d++) rows.push(row({ ...stay, itemCode: 'DRUG', feeDate: `2024-04-${String(1 + d).padStart(2, '0')}` }));
    // A drug on the discharge day is outside 入院日期 … 出院日期 − 1.
    rows.push(row({ ...stay, itemCode: 'DRUG', feeDate: stay.dischargeDate }));
    return rows;
  }
  it('exactly 30 % active days does not hit, fewer does; stays under 3 days never hit; bed rows do not count', () => {
    expect(hitsOf(screen(stayWith(3, 10), cat), 'R08')).toHaveLength(0);
    const r = screen(stayWith(2, 10), cat);
    expect(hitsOf(r, 'R08')).toHaveLength(1);
    expect(hitsOf(r, 'R08')[0]!.derivation.arithmetic[2]).toBe('2 < 0.3 × 10 = 3');
    expect(hitsOf(screen(stayWith(0, 2), cat), 'R08')).toHaveLength(0);
    expect(hitsOf(screen(stayWith(0, 3), cat), 'R08')).toHaveLength(1);
  });
});

describe('R09 非目录项目', () => {
  it('an item not in the catalog with fund payment > 0 hits; without fund payment it does not', () => {
    const paid = row({ itemCode: 'NOPE', amount: 800, fund: 560 });
    const unpaid = row({ itemCode: 'NOPE', amount: 800, fund: 0, settlementId: 'S9' });
    const r = screen([paid, unpaid], [entry('X001')]);
    expect(hitsOf(r, 'R09').map((h) => [h.rows[0], h.amount, h.fundLoss])).toEqual([[paid.ref, 800, 560]]);
    // Items outside the catalog have no limits: only R01, R06, R09 can hit them.
    expect(r.hits.map((h) => h.rule)).toEqual(['R09']);
  });
});

describe('R10 就诊次数异常', () => {
  it('10 distinct outpatient fee dates in a calendar month hit, 9 do not; two rows on a day count once', () => {
    const rows = (person: string, days: number) => Array.from({ length: days }, (_, d) => row({ personId: person, settlementId: `${person}-${d}`, feeDate: `2024-05-${String(d + 1).padStart(2, '0')}` }));
    const p9 = makeId('19900101', '041');
    const p10 = makeId('19900101', '051');
    const extra = row({ personId: p9, settlementId: 'extra', feeDate: '2024-05-01' });
    const nextMonth = row({ personId: p9, settlementId: 'june', feeDate: '2024-06-01' });
    const r = screen([...rows(p9, 9), extra, nextMonth, ...rows(p10, 10)], [entry('X001')]);
    expect(hitsOf(r, 'R10').map((h) => [h.personId, h.rows.length, h.key])).toEqual([[p10, 10, `R10:${p10}:2024-05`]]);
  });
});

describe('R11 门诊高额费用', () => {
  it('Σ金额 of an outpatient settlement at exactly 5,000 yuan hits, 4,999.99 does not', () => {
    const hit = [row({ settlementId: 'M1', amount: 300000 }), row({ settlementId: 'M1', itemCode: 'X002', amount: 200000 })];
    const miss = [row({ settlementId: 'M2', amount: 499999 })];
    const stay = [row({ settlementId: 'M3', visitType: '住院', admissionDate: '2024-03-05', dischargeDate: '2024-03-05', amount: 900000 })];
    const r = screen([...hit, ...miss, ...stay], [entry('X001'), entry('X002')]);
    expect(hitsOf(r, 'R11').map((h) => h.rows)).toEqual([[hit[0]!.ref, hit[1]!.ref]]);
    const lower = parseScreeningParams({ R11: { minAmount: '4999.99' } });
    if (!lower.ok) throw new Error('params');
    expect(hitsOf(screen([...hit, ...miss], [entry('X001'), entry('X002')], lower.params), 'R11')).toHaveLength(2);
  });
});

describe('settlements, refunds and rounding', () => {
  it('a settlement’s person and visit type are those of its first row', () => {
    const first = row({ settlementId: 'K', personId: MAN, visitType: '门诊', amount: 300000 });
    const second = row({ settlementId: 'K', personId: WOMAN, visitType: '住院', itemCode: 'X002', amount: 200000 });
    const r = screen([first, second], [entry('X001'), entry('X002')]);
    expect(hitsOf(r, 'R11').map((h) => h.personId)).toEqual([MAN]);
  });

  it('refund rows (negative 数量 or 金额) are left out: they neither hit nor make a later row a duplicate', () => {
    const refund = row({ qty: '-1', amount: -1000 });
    const again = row({ qty: '-1', amount: -1000 });
    const r = screen([refund, again], [entry('X001')]);
    expect(r.hits).toEqual([]);
    expect(r.refundRows).toEqual([refund.ref, again.ref]);
    expect(r.rowsScreened).toBe(0);
  });

  it('基金损失 is rounded half-up per row, not half-even and not on the sum', () => {
    expect(fundLossFen(105, 1, 2)).toBe(53);
    expect(fundLossFen(125, 1, 2)).toBe(63);
    expect(fundLossFen(100, 2, 3)).toBe(67);
    expect(fundLossFen(100, 1, 3)).toBe(33);
    expect(fundLossFen(500, 0, 0)).toBe(0);
    // Two R02 hits of 1.00 yuan on rows of 11.00 with 3.67 paid by the fund: 100 × 367 / 1100 =
    // 33.36 → 0.33 each, 0.66 in all — not the 0.67 a rounding of the sum would give.
    const cat = [entry('D2', { max: '10' })];
    const rows = [row({ itemCode: 'D2', price: '11', fund: 367 }), row({ itemCode: 'D2', price: '11', fund: 367, settlementId: 'S2' })];
    const r = screen(rows, cat);
    expect(hitsOf(r, 'R02').map((h) => [h.amount, h.fundLoss])).toEqual([
      [100, 33],
      [100, 33],
    ]);
    expect(r.totals.R02.fundLoss).toBe(66);
  });
});

describe('parameters and the command-line JSON', () => {
  it('refuses unknown fields and bad values with Chinese field names', () => {
    const r = parseScreeningParams({ R08: { ratio: '1.5', minDays: 2.5 }, R12: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => `${e.path}：${e.message}`).join('\n');
    expect(text).toContain('无法识别的字段：R12');
    expect(text).toContain('R08 挂床住院 › 最少住院天数：应为整数');
    expect(text).toContain('R08 挂床住院 › 有诊疗日期的最低比例：比例不能大于 1');
    expect(parseScreeningParams({ R11: { minAmount: '50.001' } }).ok).toBe(false);
    const ok = parseScreeningParams({ version: 2, R08: { ratio: 0.25 } });
    expect(ok).toEqual({ ok: true, params: { ...DEFAULT_SCREENING_PARAMS, version: 2, R08: { minDays: 3, ratio: '0.25' } } });
  });

  it('prints every rule, money with two decimals and 待核定 as null', () => {
    const a = row({ amount: 1234, fund: 1000 });
    const b = row({ amount: 1234, fund: 1000 });
    const json = toScreeningJson(screen([a, b], [entry('X001')]));
    expect(Object.keys(json.rules)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11']);
    expect(json.rules.R01).toEqual({ hits: 1, amount: '12.34', fundLoss: '10.00' });
    expect(json.rules.R07).toEqual({ hits: 0, amount: '0.00', fundLoss: '0.00' });
    expect(json.hits).toEqual([{ rule: 'R01', rows: [{ sheet: 'Sheet1', row: b.ref.row }, { sheet: 'Sheet1', row: a.ref.row }], personId: MAN, amount: '12.34', fundLoss: '10.00' }]);
  });
});
