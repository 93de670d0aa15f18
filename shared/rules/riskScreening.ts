// Risk screening of employers (DOMAIN.md §10.2; seed 001 一（四）, seed 003 三（三）): six
// transparent indicators computed from what the workstation holds, each with its value, threshold
// and contribution, summed to a score that maps to a tier 高/中/低 (which feeds the draw's quotas).
// Pure and exact: ratios are compared in integer (BigInt) arithmetic, shown rounded half-up. The
// weights and thresholds are a versioned setting (RiskParams); the backend gathers the facts.
import { z } from 'zod';
import type { DrawTier } from './draw';
import { formatFen } from './money';
import { addMonths, type Month } from './month';

export const RISK_INDICATORS = ['baseToWage', 'floorShare', 'headcountChange', 'tipOffs', 'backPay', 'yearsSinceAudit'] as const;
export type RiskIndicatorCode = (typeof RISK_INDICATORS)[number];

export const RISK_INDICATOR_NAMES: Readonly<Record<RiskIndicatorCode, string>> = {
  baseToWage: '平均申报基数 ÷ 行业平均工资',
  floorShare: '按基数下限申报的人月占比',
  headcountChange: '12 个月申报人数变化',
  tipOffs: '近 12 个月举报次数',
  backPay: '以往稽核查补金额',
  yearsSinceAudit: '距上次稽核年数',
};

const weight = z.number().int().min(0).max(1000);
export const RiskParamsSchema = z.object({
  weights: z.object(Object.fromEntries(RISK_INDICATORS.map((c) => [c, weight])) as Record<RiskIndicatorCode, typeof weight>),
  thresholds: z.object({
    /** Triggered when the ratio is BELOW this many per mille (600 = 60%). */
    baseToWagePermille: z.number().int().min(1).max(10_000),
    /** Triggered when at least this percentage of person-months is declared at the floor. */
    floorSharePercent: z.number().int().min(1).max(100),
    /** Triggered when the headcount FELL by at least this percentage over 12 months. */
    headcountDropPercent: z.number().int().min(1).max(100),
    /** Triggered at this many tip-offs or more in the last 12 months. */
    tipOffs: z.number().int().min(1),
    /** Triggered when earlier audits found at least this much back-pay (fen). */
    backPayFen: z.number().int().min(1),
    /** Triggered this many years after the last audit or more, and when never audited. */
    yearsSinceAudit: z.number().int().min(1),
  }),
  /** Score at or above `high` → 高; at or above `medium` → 中; else 低. */
  tiers: z.object({ high: z.number().int().min(1), medium: z.number().int().min(1) }).refine((t) => t.high > t.medium, { message: '“高”的分数线应高于“中”', path: ['high'] }),
});
export type RiskParams = z.infer<typeof RiskParamsSchema>;

export const DEFAULT_RISK_PARAMS: RiskParams = {
  weights: { baseToWage: 25, floorShare: 20, headcountChange: 15, tipOffs: 20, backPay: 10, yearsSinceAudit: 10 },
  thresholds: { baseToWagePermille: 600, floorSharePercent: 50, headcountDropPercent: 20, tipOffs: 1, backPayFen: 1, yearsSinceAudit: 3 },
  tiers: { high: 50, medium: 25 },
};

/** One declared person-month (the highest base over the insurances the person is declared for). */
export interface DeclaredPersonMonth {
  personId: string;
  month: Month;
  baseFen: number;
}

/** What the declarations say over the latest 12 months they cover. */
export interface DeclarationSummary {
  from: Month;
  to: Month;
  personMonths: number;
  baseSumFen: number;
  /** Person-months declared at or below the plan's base floor for the month. */
  atFloor: number;
  /** Person-months whose month has no floor known (not counted either way). */
  floorUnknown: number;
  /** Persons declared in the latest month, and 12 months before it (null: no declaration then). */
  headcountNow: number;
  headcountBefore: number | null;
}

/**
 * Summarises declaration lines: one row per person and month (the highest base among the lines),
 * restricted to the 12 months ending at the latest month declared.
 */
export function summariseDeclarations(lines: readonly DeclaredPersonMonth[], floorOf: (m: Month) => number | null): DeclarationSummary | null {
  const byKey = new Map<string, DeclaredPersonMonth>();
  for (const l of lines) {
    const k = `${l.month}\t${l.personId}`;
    const had = byKey.get(k);
    if (!had || had.baseFen < l.baseFen) byKey.set(k, l);
  }
  if (byKey.size === 0) return null;
  const all = [...byKey.values()];
  const to = all.reduce((m, l) => (l.month > m ? l.month : m), all[0]!.month);
  const from = addMonths(to, -11);
  const before = addMonths(to, -12);
  const inWindow = all.filter((l) => l.month >= from);
  let baseSumFen = 0;
  let atFloor = 0;
  let floorUnknown = 0;
  for (const l of inWindow) {
    baseSumFen += l.baseFen;
    const floor = floorOf(l.month);
    if (floor === null) floorUnknown++;
    else if (l.baseFen <= floor) atFloor++;
  }
  const headcountBefore = all.filter((l) => l.month === before).length;
  return {
    from: inWindow.reduce((m, l) => (l.month < m ? l.month : m), to),
    to,
    personMonths: inWindow.length,
    baseSumFen,
    atFloor,
    floorUnknown,
    headcountNow: all.filter((l) => l.month === to).length,
    headcountBefore: headcountBefore === 0 ? null : headcountBefore,
  };
}

export interface RiskFacts {
  /** The screening year (the plan's year). */
  year: number;
  declarations: DeclarationSummary | null;
  /** The industry's average monthly wage in the employer's region (fen), with its table year. */
  averageWage: { fen: number; year: number; source: string } | null;
  tipOffs12m: number;
  backPayFen: number;
  /** Year of the employer's latest audit (a case past planning), null if never audited. */
  lastAuditYear: number | null;
}

export interface RiskIndicator {
  code: RiskIndicatorCode;
  name: string;
  /** The value as shown ("58.3%", "2 次", "无数据"). */
  value: string;
  threshold: string;
  triggered: boolean;
  /** Points added to the score: the weight when triggered, else 0. */
  contribution: number;
  weight: number;
  /** Where the value comes from. */
  note: string;
}

export interface RiskAssessment {
  indicators: RiskIndicator[];
  score: number;
  tier: DrawTier;
}

/** round(n / d) half-up for non-negative n and positive d. */
function roundDiv(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** Per mille as "58.3%". */
function permilleText(p: bigint): string {
  const neg = p < 0n;
  const a = neg ? -p : p;
  return `${neg ? '-' : ''}${a / 10n}.${a % 10n}%`;
}

/** n/d as a percentage with one decimal, rounded half-up (sign kept). */
function ratioText(n: bigint, d: bigint): string {
  const neg = n < 0n;
  const p = roundDiv((neg ? -n : n) * 1000n, d);
  return permilleText(neg ? -p : p);
}

export function tierOfScore(score: number, params: RiskParams): DrawTier {
  if (score >= params.tiers.high) return 'high';
  if (score >= params.tiers.medium) return 'medium';
  return 'low';
}

/** The indicators, the score and the tier of one employer. */
export function assessRisk(facts: RiskFacts, params: RiskParams = DEFAULT_RISK_PARAMS): RiskAssessment {
  const t = params.thresholds;
  const d = facts.declarations;
  const out: RiskIndicator[] = [];
  const add = (code: RiskIndicatorCode, value: string, threshold: string, triggered: boolean, note: string) =>
    out.push({ code, name: RISK_INDICATOR_NAMES[code], value, threshold, triggered, contribution: triggered ? params.weights[code] : 0, weight: params.weights[code], note });
  const window = d ? `申报明细 ${d.from}～${d.to}` : '';

  // 1. Average declared base ÷ the industry's average wage in the region.
  if (d && d.personMonths > 0 && facts.averageWage && facts.averageWage.fen > 0) {
    const sum = BigInt(d.baseSumFen);
    const denom = BigInt(facts.averageWage.fen) * BigInt(d.personMonths);
    const avgBase = roundDiv(sum, BigInt(d.personMonths));
    add(
      'baseToWage',
      ratioText(sum, denom),
      `低于 ${permilleText(BigInt(t.baseToWagePermille))}`,
      sum * 1000n < BigInt(t.baseToWagePermille) * denom,
      `${window}，平均基数 ${formatFen(Number(avgBase))} 元 ÷ ${facts.averageWage.year} 年行业平均工资 ${formatFen(facts.averageWage.fen)} 元（${facts.averageWage.source || '来源未填'}）`,
    );
  } else {
    add('baseToWage', '无数据', `低于 ${permilleText(BigInt(t.baseToWagePermille))}`, false, !d ? '没有以往的申报明细' : '行业平均工资表中没有该行业、地区的记录');
  }

  // 2. Share of person-months declared at the floor.
  const floorKnown = d ? d.personMonths - d.floorUnknown : 0;
  if (d && floorKnown > 0) {
    add(
      'floorShare',
      ratioText(BigInt(d.atFloor), BigInt(floorKnown)),
      `不低于 ${t.floorSharePercent}%`,
      BigInt(d.atFloor) * 100n >= BigInt(t.floorSharePercent) * BigInt(floorKnown),
      `${window}，${d.atFloor} / ${floorKnown} 人月按下限申报${d.floorUnknown > 0 ? `（${d.floorUnknown} 人月无下限可比）` : ''}`,
    );
  } else {
    add('floorShare', '无数据', `不低于 ${t.floorSharePercent}%`, false, !d ? '没有以往的申报明细' : '申报月份不在缴费方案期间内');
  }

  // 3. Change of declared headcount over 12 months (a fall is the warning).
  if (d && d.headcountBefore !== null) {
    const change = BigInt(d.headcountNow - d.headcountBefore);
    add(
      'headcountChange',
      ratioText(change, BigInt(d.headcountBefore)),
      `减少 ${t.headcountDropPercent}% 及以上`,
      -change * 100n >= BigInt(t.headcountDropPercent) * BigInt(d.headcountBefore),
      `${addMonths(d.to, -12)} 申报 ${d.headcountBefore} 人 → ${d.to} 申报 ${d.headcountNow} 人`,
    );
  } else {
    add('headcountChange', '无数据', `减少 ${t.headcountDropPercent}% 及以上`, false, d ? `没有 ${addMonths(d.to, -12)} 的申报明细` : '没有以往的申报明细');
  }

  // 4. Tip-offs in the last 12 months.
  add('tipOffs', `${facts.tipOffs12m} 次`, `${t.tipOffs} 次及以上`, facts.tipOffs12m >= t.tipOffs, '举报登记簿');

  // 5. Back-pay found in earlier audits.
  add('backPay', `${formatFen(facts.backPayFen)} 元`, `${formatFen(t.backPayFen)} 元及以上`, facts.backPayFen >= t.backPayFen, '以往案件审核通过的查补金额');

  // 6. Years since the last audit (never audited counts as due).
  const years = facts.lastAuditYear === null ? null : facts.year - facts.lastAuditYear;
  add(
    'yearsSinceAudit',
    years === null ? '从未稽核' : `${years} 年`,
    `${t.yearsSinceAudit} 年及以上或从未稽核`,
    years === null || years >= t.yearsSinceAudit,
    facts.lastAuditYear === null ? '没有以往的稽核案件' : `上次稽核：${facts.lastAuditYear} 年`,
  );

  const score = out.reduce((s, i) => s + i.contribution, 0);
  return { indicators: out, score, tier: tierOfScore(score, params) };
}
