// Claims screening, rules R01–R11 (INSTITUTIONS.md §6), exactly as the table says. Rows arrive
// in file order (files in the order given, then rows), which is what "earlier" and "last" mean.
// Each hit names its rows, the person, the 违规金额 (null = 待核定) and the 基金损失, and carries
// its derivation: rows, catalog entry, parameter and the arithmetic as Chinese text.
import type { CatalogEntry, ClaimRow, ItemCategory, RowRef } from '../../domain/claims';
import { formatFen, formatFenGrouped, type Fen } from '../money';
import { daysBetween, type IsoDate } from '../month';
import {
  addDecimal,
  compareDecimal,
  decimalFrom,
  decimalText,
  fundLossFen,
  isNegative,
  lessThanShare,
  subDecimal,
  yuanTimesQuantityFen,
  yuanToFen,
  ZERO,
} from './exact';
import type { ScreeningParams } from './params';
import { ageOn, settlementOf, type Settlement } from './person';

export const RULE_CODES = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11'] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export const RULE_NAMES: Readonly<Record<RuleCode, string>> = {
  R01: '重复收费',
  R02: '超标准收费',
  R03: '限性别',
  R04: '限年龄',
  R05: '超限定频次',
  R06: '住院期间外收费',
  R07: '分解住院',
  R08: '挂床住院（疑似）',
  R09: '非目录项目',
  R10: '就诊次数异常',
  R11: '门诊高额费用',
};

/** 类别 of items that count as treatment for R08. */
export const ACTIVE_CATEGORIES: readonly ItemCategory[] = ['药品', '诊疗', '检查', '耗材'];

export interface Derivation {
  /** Every row the hit was derived from, including rows it was compared with. */
  rows: RowRef[];
  catalog: CatalogEntry | null;
  /** The parameter applied, e.g. "间隔天数上限 = 15", or null. */
  parameter: string | null;
  /** The reasoning and arithmetic, one step a line. */
  arithmetic: string[];
}

export interface Hit {
  /** Stable across re-runs of the same files: the rule and its first row (or person and month). */
  key: string;
  rule: RuleCode;
  /** The rows the hit is about (for R01 the repeated row, then the earlier row it repeats). */
  rows: RowRef[];
  personId: string;
  name: string;
  /** 违规金额 in fen; null = 待核定 (the rule only raises a suspicion). */
  amount: Fen | null;
  fundLoss: Fen | null;
  derivation: Derivation;
}

export interface RuleTotal {
  hits: number;
  amount: Fen;
  fundLoss: Fen;
  /** Hits whose amount is 待核定. */
  pending: number;
}

export interface ScreeningResult {
  params: ScreeningParams;
  rowsScreened: number;
  /** Refund and correction rows (negative 数量 or 金额), left out of this version of the rules. */
  refundRows: RowRef[];
  hits: Hit[];
  totals: Record<RuleCode, RuleTotal>;
}

export function refText(ref: RowRef): string {
  return `${ref.file}${ref.sheet ? `“${ref.sheet}”` : ''}第 ${ref.row} 行`;
}

const yuan = (fen: Fen) => `${formatFenGrouped(fen)} 元`;

export function isRefundRow(row: ClaimRow): boolean {
  return isNegative(row.quantity) || row.amount < 0;
}

interface Context {
  rows: ClaimRow[];
  catalog: Map<string, CatalogEntry>;
  settlements: Settlement[];
  settlementOfRow: Map<ClaimRow, Settlement>;
  params: ScreeningParams;
}

function fundLossLines(violation: Fen, row: ClaimRow): { fundLoss: Fen; text: string } {
  const fundLoss = fundLossFen(violation, row.fundPaid, row.amount);
  const text =
    row.amount === 0
      ? `基金损失 = 0.00 元（该行金额为 0）`
      : `基金损失 = ${formatFen(violation)} × 医保支付 ${formatFen(row.fundPaid)} ÷ 金额 ${formatFen(row.amount)} = ${yuan(fundLoss)}（按行四舍五入到分）`;
  return { fundLoss, text };
}

/** A hit whose 违规金额 is the row's whole 金额 (R01, R03, R04, R06, R09). */
function wholeRowHit(ctx: Context, rule: RuleCode, row: ClaimRow, reason: string[], extra: Partial<Derivation> = {}, rows: RowRef[] = [row.ref]): Hit {
  const s = ctx.settlementOfRow.get(row) as Settlement;
  const loss = fundLossLines(row.amount, row);
  return {
    key: `${rule}:${row.ref.file}:${row.ref.sheet}:${row.ref.row}`,
    rule,
    rows,
    personId: s.personId,
    name: s.name,
    amount: row.amount,
    fundLoss: loss.fundLoss,
    derivation: {
      rows: extra.rows ?? rows,
      catalog: extra.catalog ?? null,
      parameter: extra.parameter ?? null,
      arithmetic: [...reason, `违规金额 = 该行金额 = ${yuan(row.amount)}`, loss.text],
    },
  };
}

function r01(ctx: Context): Hit[] {
  const seen = new Map<string, ClaimRow>();
  const out: Hit[] = [];
  for (const row of ctx.rows) {
    const key = [row.settlementId, row.itemCode, row.feeDate, decimalText(row.quantity), decimalText(row.unitPrice)].join('\u0001');
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, row);
      continue;
    }
    out.push(
      wholeRowHit(ctx, 'R01', row, [`与${refText(earlier.ref)}的结算ID（${row.settlementId}）、项目编码（${row.itemCode}）、费用日期（${row.feeDate}）、数量（${decimalText(row.quantity)}）、单价（${decimalText(row.unitPrice)}）相同`], {}, [row.ref, earlier.ref]),
    );
  }
  return out;
}

function r02(ctx: Context): Hit[] {
  const out: Hit[] = [];
  for (const row of ctx.rows) {
    const entry = ctx.catalog.get(row.itemCode);
    if (!entry?.maxPrice || compareDecimal(row.unitPrice, entry.maxPrice) <= 0) continue;
    const s = ctx.settlementOfRow.get(row) as Settlement;
    const excess = subDecimal(row.unitPrice, entry.maxPrice);
    const amount = yuanTimesQuantityFen(excess, row.quantity);
    const loss = fundLossLines(amount, row);
    out.push({
      key: `R02:${row.ref.file}:${row.ref.sheet}:${row.ref.row}`,
      rule: 'R02',
      rows: [row.ref],
      personId: s.personId,
      name: s.name,
      amount,
      fundLoss: loss.fundLoss,
      derivation: {
        rows: [row.ref],
        catalog: entry,
        parameter: null,
        arithmetic: [
          `单价 ${decimalText(row.unitPrice)} 元 > 目录最高单价 ${decimalText(entry.maxPrice)} 元（${entry.itemCode} ${entry.itemName}）`,
          `违规金额 = (${decimalText(row.unitPrice)} − ${decimalText(entry.maxPrice)}) × 数量 ${decimalText(row.quantity)} = ${yuan(amount)}（四舍五入到分）`,
          loss.text,
        ],
      },
    });
  }
  return out;
}

function r03(ctx: Context): Hit[] {
  const out: Hit[] = [];
  for (const row of ctx.rows) {
    const entry = ctx.catalog.get(row.itemCode);
    const s = ctx.settlementOfRow.get(row) as Settlement;
    if (!entry?.sexLimit || !s.sex || s.sex === entry.sexLimit) continue;
    out.push(wholeRowHit(ctx, 'R03', row, [`项目 ${entry.itemCode} ${entry.itemName} 限${entry.sexLimit}性使用，参保人性别为${s.sex}（取自${s.sexSource}）`], { catalog: entry }));
  }
  return out;
}

function r04(ctx: Context): Hit[] {
  const out: Hit[] = [];
  for (const row of ctx.rows) {
    const entry = ctx.catalog.get(row.itemCode);
    const s = ctx.settlementOfRow.get(row) as Settlement;
    if (!entry || (entry.minAge === null && entry.maxAge === null) || !s.birthDate) continue;
    const age = ageOn(s.birthDate, row.feeDate);
    const below = entry.minAge !== null && age < entry.minAge;
    const above = entry.maxAge !== null && age > entry.maxAge;
    if (!below && !above) continue;
    const limit = below ? `最小年龄 ${entry.minAge}` : `最大年龄 ${entry.maxAge}`;
    out.push(
      wholeRowHit(ctx, 'R04', row, [`出生日期 ${s.birthDate}（取自${s.birthSource}），费用日期 ${row.feeDate} 时周岁 ${age} 岁，${below ? '小于' : '大于'}项目 ${entry.itemCode} ${entry.itemName} 的${limit} 岁`], { catalog: entry }),
    );
  }
  return out;
}

function r05(ctx: Context): Hit[] {
  const groups = new Map<string, ClaimRow[]>();
  for (const row of ctx.rows) {
    const entry = ctx.catalog.get(row.itemCode);
    if (!entry?.dailyLimit) continue;
    const s = ctx.settlementOfRow.get(row) as Settlement;
    const key = [s.personId, row.itemCode, row.feeDate].join('\u0001');
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const out: Hit[] = [];
  for (const rows of groups.values()) {
    const first = rows[0] as ClaimRow;
    const last = rows[rows.length - 1] as ClaimRow;
    const entry = ctx.catalog.get(first.itemCode) as CatalogEntry;
    const limit = entry.dailyLimit as NonNullable<CatalogEntry['dailyLimit']>;
    const total = rows.reduce((sum, r) => addDecimal(sum, r.quantity), ZERO);
    if (compareDecimal(total, limit) <= 0) continue;
    const s = ctx.settlementOfRow.get(first) as Settlement;
    const excess = subDecimal(total, limit);
    const amount = yuanTimesQuantityFen(last.unitPrice, excess);
    const loss = fundLossLines(amount, last);
    const refs = rows.map((r) => r.ref);
    out.push({
      key: `R05:${first.ref.file}:${first.ref.sheet}:${first.ref.row}`,
      rule: 'R05',
      rows: refs,
      personId: s.personId,
      name: s.name,
      amount,
      fundLoss: loss.fundLoss,
      derivation: {
        rows: refs,
        catalog: entry,
        parameter: null,
        arithmetic: [
          `${first.feeDate} 项目 ${entry.itemCode} ${entry.itemName} 数量合计 ${rows.map((r) => decimalText(r.quantity)).join(' + ')} = ${decimalText(total)}，超过每日限量 ${decimalText(limit)}`,
          `违规金额 = (${decimalText(total)} − ${decimalText(limit)}) × 单价 ${decimalText(last.unitPrice)}（取自最后一行 ${refText(last.ref)}）= ${yuan(amount)}`,
          loss.text.replace('基金损失 =', `基金损失（按${refText(last.ref)}）=`),
        ],
      },
    });
  }
  return out;
}

function r06(ctx: Context): Hit[] {
  const out: Hit[] = [];
  for (const row of ctx.rows) {
    const s = ctx.settlementOfRow.get(row) as Settlement;
    if (s.visitType !== '住院' || !s.admissionDate || !s.dischargeDate) continue;
    const before = row.feeDate < s.admissionDate;
    if (!before && row.feeDate <= s.dischargeDate) continue;
    out.push(
      wholeRowHit(ctx, 'R06', row, [
        `住院结算 ${s.id} 的入院日期 ${s.admissionDate}、出院日期 ${s.dischargeDate}（取自${refText(s.first.ref)}），费用日期 ${row.feeDate} ${before ? '早于入院日期' : '晚于出院日期'}`,
      ]),
    );
  }
  return out;
}

function pendingHit(rule: RuleCode, key: string, s: { personId: string; name: string }, rows: RowRef[], derivation: Omit<Derivation, 'rows'> & { rows?: RowRef[] }): Hit {
  return {
    key,
    rule,
    rows,
    personId: s.personId,
    name: s.name,
    amount: null,
    fundLoss: null,
    derivation: { rows: derivation.rows ?? rows, catalog: derivation.catalog, parameter: derivation.parameter, arithmetic: [...derivation.arithmetic, '违规金额：待核定'] },
  };
}

function r07(ctx: Context): Hit[] {
  const max = ctx.params.R07.maxGapDays;
  const out: Hit[] = [];
  const earlierByPerson = new Map<string, Settlement[]>();
  for (const s of ctx.settlements) {
    if (s.visitType !== '住院') continue;
    const earlier = earlierByPerson.get(s.personId) ?? [];
    if (s.admissionDate) {
      let best: { e: Settlement; gap: number } | null = null;
      for (const e of earlier) {
        if (!e.dischargeDate) continue;
        const gap = daysBetween(e.dischargeDate, s.admissionDate);
        if (gap >= 0 && gap <= max && (!best || gap < best.gap)) best = { e, gap };
      }
      if (best) {
        const e = best.e;
        out.push(
          pendingHit('R07', `R07:${s.first.ref.file}:${s.first.ref.sheet}:${s.first.ref.row}`, s, [s.first.ref, e.first.ref], {
            catalog: null,
            parameter: `间隔天数上限 = ${max}`,
            arithmetic: [
              `住院结算 ${s.id} 入院日期 ${s.admissionDate}（${refText(s.first.ref)}）`,
              `同一参保人此前的住院结算 ${e.id} 出院日期 ${e.dischargeDate}（${refText(e.first.ref)}）`,
              `间隔 ${best.gap} 天，在 0–${max} 天之内`,
            ],
          }),
        );
      }
    }
    earlier.push(s);
    earlierByPerson.set(s.personId, earlier);
  }
  return out;
}

function r08(ctx: Context): Hit[] {
  const { minDays, ratio: ratioText } = ctx.params.R08;
  const ratio = decimalFrom(ratioText);
  const out: Hit[] = [];
  for (const s of ctx.settlements) {
    if (s.visitType !== '住院' || !s.admissionDate || !s.dischargeDate) continue;
    const n = daysBetween(s.admissionDate, s.dischargeDate);
    if (n < minDays) continue;
    const lastDay = s.dischargeDate;
    const active = new Set<IsoDate>();
    for (const row of s.rows) {
      const cat = ctx.catalog.get(row.itemCode)?.category;
      if (cat && ACTIVE_CATEGORIES.includes(cat) && row.feeDate >= (s.admissionDate as string) && row.feeDate < lastDay) active.add(row.feeDate);
    }
    if (!lessThanShare(active.size, ratio, n)) continue;
    out.push(
      pendingHit('R08', `R08:${s.first.ref.file}:${s.first.ref.sheet}:${s.first.ref.row}`, s, s.rows.map((r) => r.ref), {
        catalog: null,
        parameter: `最少住院天数 = ${minDays}，有诊疗日期的最低比例 = ${ratioText}`,
        arithmetic: [
          `住院结算 ${s.id}：${s.admissionDate} 入院，${s.dischargeDate} 出院，n = ${n} 天`,
          `${s.admissionDate} 至出院前一日的 ${n} 天中，有药品、诊疗、检查或耗材收费的日期 ${active.size} 天${active.size > 0 ? `（${[...active].sort().join('、')}）` : ''}`,
          `${active.size} < ${ratioText} × ${n} = ${decimalText({ numerator: ratio.numerator * BigInt(n), scale: ratio.scale })}`,
        ],
      }),
    );
  }
  return out;
}

function r09(ctx: Context): Hit[] {
  const out: Hit[] = [];
  for (const row of ctx.rows) {
    if (ctx.catalog.has(row.itemCode) || row.fundPaid <= 0) continue;
    out.push(wholeRowHit(ctx, 'R09', row, [`项目编码 ${row.itemCode}（${row.itemName}）不在目录中，医保支付 ${yuan(row.fundPaid)}`]));
  }
  return out;
}

function r10(ctx: Context): Hit[] {
  const min = ctx.params.R10.minVisits;
  const groups = new Map<string, { s: Settlement; rows: ClaimRow[]; dates: Set<IsoDate>; month: string }>();
  for (const row of ctx.rows) {
    const s = ctx.settlementOfRow.get(row) as Settlement;
    if (s.visitType !== '门诊') continue;
    const month = row.feeDate.slice(0, 7);
    const key = `${s.personId}\u0001${month}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { s, rows: [], dates: new Set(), month }));
    g.rows.push(row);
    g.dates.add(row.feeDate);
  }
  const out: Hit[] = [];
  for (const g of groups.values()) {
    if (g.dates.size < min) continue;
    out.push(
      pendingHit('R10', `R10:${g.s.personId}:${g.month}`, g.s, g.rows.map((r) => r.ref), {
        catalog: null,
        parameter: `每月就诊日数下限 = ${min}`,
        arithmetic: [`${g.month} 门诊就诊日期 ${g.dates.size} 个（${[...g.dates].sort().join('、')}）`, `${g.dates.size} ≥ ${min}`],
      }),
    );
  }
  return out;
}

function r11(ctx: Context): Hit[] {
  const minText = ctx.params.R11.minAmount;
  const min = yuanToFen(decimalFrom(minText));
  const out: Hit[] = [];
  for (const s of ctx.settlements) {
    if (s.visitType !== '门诊') continue;
    const total = s.rows.reduce((sum, r) => sum + r.amount, 0);
    if (total < min) continue;
    out.push(
      pendingHit('R11', `R11:${s.first.ref.file}:${s.first.ref.sheet}:${s.first.ref.row}`, s, s.rows.map((r) => r.ref), {
        catalog: null,
        parameter: `单次结算金额下限 = ${minText} 元`,
        arithmetic: [`门诊结算 ${s.id} 共 ${s.rows.length} 行，金额合计 ${yuan(total)} ≥ ${yuan(min)}`],
      }),
    );
  }
  return out;
}

const RULES: Readonly<Record<RuleCode, (ctx: Context) => Hit[]>> = { R01: r01, R02: r02, R03: r03, R04: r04, R05: r05, R06: r06, R07: r07, R08: r08, R09: r09, R10: r10, R11: r11 };

export function emptyTotals(): Record<RuleCode, RuleTotal> {
  return Object.fromEntries(RULE_CODES.map((c) => [c, { hits: 0, amount: 0, fundLoss: 0, pending: 0 }])) as Record<RuleCode, RuleTotal>;
}

/** Count, Σ违规金额 and Σ基金损失 per rule of a list of hits (all of a run, or only the 认定 ones). */
export function totalsOf(hits: readonly Pick<Hit, 'rule' | 'amount' | 'fundLoss'>[]): Record<RuleCode, RuleTotal> {
  const totals = emptyTotals();
  for (const h of hits) {
    const t = totals[h.rule];
    t.hits++;
    if (h.amount === null) t.pending++;
    else t.amount += h.amount;
    if (h.fundLoss !== null) t.fundLoss += h.fundLoss;
  }
  return totals;
}

/**
 * Runs every rule on the rows (file order) against the catalog. Refund and correction rows are
 * left out first; the settlement's person, type and dates come from its first remaining row.
 */
export function screenClaims(input: { rows: readonly ClaimRow[]; catalog: readonly CatalogEntry[]; params: ScreeningParams }): ScreeningResult {
  const refundRows: RowRef[] = [];
  const rows: ClaimRow[] = [];
  for (const r of input.rows) {
    if (isRefundRow(r)) refundRows.push(r.ref);
    else rows.push(r);
  }
  const catalog = new Map<string, CatalogEntry>();
  for (const e of input.catalog) if (!catalog.has(e.itemCode)) catalog.set(e.itemCode, e);
  const byId = new Map<string, Settlement>();
  const settlements: Settlement[] = [];
  const settlementOfRow = new Map<ClaimRow, Settlement>();
  rows.forEach((row) => {
    let s = byId.get(row.settlementId);
    if (!s) {
      s = settlementOf(row);
      byId.set(row.settlementId, s);
      settlements.push(s);
    }
    s.rows.push(row);
    settlementOfRow.set(row, s);
  });
  const ctx: Context = { rows, catalog, settlements, settlementOfRow, params: input.params };
  const rowIndex = new Map<string, number>();
  rows.forEach((r, i) => rowIndex.set(`${r.ref.file}\u0001${r.ref.sheet}\u0001${r.ref.row}`, i));
  const position = (h: Hit) => rowIndex.get(`${h.rows[0]?.file}\u0001${h.rows[0]?.sheet}\u0001${h.rows[0]?.row}`) ?? 0;
  const hits: Hit[] = [];
  for (const code of RULE_CODES) {
    const found = RULES[code](ctx);
    found.sort((a, b) => position(a) - position(b));
    for (const h of found) hits.push(h); // not a spread: a rule may find more hits than the stack holds arguments
  }
  return { params: input.params, rowsScreened: rows.length, refundRows, hits, totals: totalsOf(hits) };
}
