// The double-random draw (双随机, DOMAIN.md §10.3), exactly as specified so that anyone can re-run
// it from the record: a snapshot text of the eligible targets, inspectors and conflicts; targets
// ranked per tier by SHA-256(seed|T|code); teams walked down SHA-256(seed|I|code|credential);
// the quota, cap and replacement rules. Pure: the app, `jihe draw` and `jihe draw verify` all
// call this one module.
import { sha256Hex } from './sha256';

export const DRAW_TIERS = ['high', 'medium', 'low'] as const;
export type DrawTier = (typeof DRAW_TIERS)[number];
export const DRAW_TIER_NAMES: Readonly<Record<DrawTier, string>> = { high: '高', medium: '中', low: '低' };

/** A tier as written in a directory or an input file: 高/中/低, 高风险…, high/medium/low, H/M/L. */
export function parseTier(text: string): DrawTier | null {
  const t = text.trim().replace(/\s/g, '').toLowerCase();
  if (['high', 'h', '高', '高风险', '风险高'].includes(t)) return 'high';
  if (['medium', 'm', 'mid', '中', '中风险', '风险中'].includes(t)) return 'medium';
  if (['low', 'l', '低', '低风险', '风险低'].includes(t)) return 'low';
  return null;
}

/** A tier's quota: a count of targets, or a percentage (decimal text, "10" or "12.5") of the tier. */
export type TierQuota = { count: number } | { percent: string };

export interface DrawTarget {
  creditCode: string;
  tier: DrawTier;
}

export interface DrawConflict {
  credential: string;
  creditCode: string;
}

export interface DrawParams {
  seed: string;
  /** The eligible targets (rule 1 already applied, see eligibleTargets). */
  targets: readonly DrawTarget[];
  /** Credential numbers of the eligible inspectors. */
  inspectors: readonly string[];
  conflicts: readonly DrawConflict[];
  /** A tier the quota does not name gets 0. */
  quotas: Partial<Record<DrawTier, TierQuota>>;
  teamSize: number;
  /** Per-inspector cap; absent or null = ⌈k × selected / eligible inspectors⌉. */
  cap?: number | null;
}

export interface RankedTarget {
  creditCode: string;
  hash: string;
}

/** One inspector in a target's ranking and what the walk did with him. */
export interface RankedInspector {
  credential: string;
  hash: string;
  /** taken into the team, skipped for a conflict or the cap, or not reached (team already full). */
  step: 'team' | 'conflict' | 'cap' | 'not-reached';
}

export interface DrawnTarget {
  creditCode: string;
  tier: DrawTier;
  /** 1-based rank within the tier. */
  rank: number;
  /** Credentials in walk order. */
  team: string[];
  ranking: RankedInspector[];
}

export interface DrawOutcome {
  snapshotText: string;
  snapshotSha256: string;
  eligibleCounts: Record<DrawTier, number>;
  quotaCounts: Record<DrawTier, number>;
  cap: number;
  capIsDefault: boolean;
  targetRankings: Record<DrawTier, RankedTarget[]>;
  /** In the order of step 4: tier high, medium, low, then rank. */
  selected: DrawnTarget[];
}

/** A draw that cannot be made; the message is Chinese and says what to change. Nothing is saved. */
export class DrawRefused extends Error {
  override name = 'DrawRefused';
}

/** Compares strings by Unicode code point (JavaScript's < compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(j) as number;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  const restA = a.length - i;
  const restB = b.length - j;
  return restA === restB ? 0 : restA < restB ? -1 : 1;
}

const UNSAFE_TEXT = /[\t\r\n]/;

/** "3" → count, "10%" or "12.5%" → percent; the reason in Chinese otherwise. */
export function parseQuota(text: string): { ok: true; quota: TierQuota } | { ok: false; reason: string } {
  const t = text.trim().replace(/％/g, '%');
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) {
    const p = pct[1] as string;
    if (Number(p) > 100) return { ok: false, reason: `比例“${text}”超过 100%` };
    if ((p.split('.')[1] ?? '').length > 6) return { ok: false, reason: `比例“${text}”的小数位过多（至多 6 位）` };
    return { ok: true, quota: { percent: p } };
  }
  if (/^\d+$/.test(t) && Number.isSafeInteger(Number(t))) return { ok: true, quota: { count: Number(t) } };
  return { ok: false, reason: `抽取数量“${text}”无效：应为整数（如 3）或百分比（如 10%）` };
}

export function quotaText(q: TierQuota | undefined): string {
  if (!q) return '0';
  return 'count' in q ? String(q.count) : `${q.percent}%`;
}

/** The tier's number of targets to take: a count, or ⌈p × n / 100⌉ in exact integer arithmetic. */
export function quotaCount(q: TierQuota | undefined, n: number): number {
  if (!q) return 0;
  if ('count' in q) return Math.min(q.count, n);
  const [whole, frac = ''] = q.percent.split('.');
  // p = num / 10^d exactly, so ⌈p·n/100⌉ = ⌈num·n / (100·10^d)⌉ = floor((num·n + den − 1) / den).
  const num = BigInt(`${whole}${frac}`);
  const den = 100n * 10n ** BigInt(frac.length);
  const count = Number((num * BigInt(n) + den - 1n) / den);
  return Math.min(count, n);
}

/** ⌈a / b⌉ for non-negative integers, b > 0. */
function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

export function defaultCap(teamSize: number, selected: number, inspectors: number): number {
  return inspectors === 0 ? 0 : ceilDiv(teamSize * selected, inspectors);
}

/** Step 2: the snapshot text, one `\n`-terminated line per item, each block sorted by code point. */
export function snapshotText(targets: readonly DrawTarget[], inspectors: readonly string[], conflicts: readonly DrawConflict[]): string {
  const sorted = (lines: Iterable<string>) => [...new Set(lines)].sort(compareCodePoints);
  const t = sorted(targets.map((x) => `T\t${x.creditCode}\t${x.tier}`));
  const i = sorted(inspectors.map((c) => `I\t${c}`));
  const c = sorted(conflicts.map((x) => `C\t${x.credential}\t${x.creditCode}`));
  return [...t, ...i, ...c].map((line) => `${line}\n`).join('');
}

/** The items of a snapshot text, for re-running a recorded draw. */
export function parseSnapshot(text: string): { targets: DrawTarget[]; inspectors: string[]; conflicts: DrawConflict[] } {
  const out = { targets: [] as DrawTarget[], inspectors: [] as string[], conflicts: [] as DrawConflict[] };
  if (text === '') return out;
  if (!text.endsWith('\n')) throw new DrawRefused('快照文本的最后一行没有以换行结束');
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, i) => {
      const f = line.split('\t');
      if (f[0] === 'T' && f.length === 3 && (DRAW_TIERS as readonly string[]).includes(f[2] as string)) out.targets.push({ creditCode: f[1] as string, tier: f[2] as DrawTier });
      else if (f[0] === 'I' && f.length === 2) out.inspectors.push(f[1] as string);
      else if (f[0] === 'C' && f.length === 3) out.conflicts.push({ credential: f[1] as string, creditCode: f[2] as string });
      else throw new DrawRefused(`快照文本第 ${i + 1} 行格式不对：“${line}”`);
    });
  return out;
}

export function targetHash(seed: string, creditCode: string): string {
  return sha256Hex(`${seed}|T|${creditCode}`);
}

export function inspectorHash(seed: string, creditCode: string, credential: string): string {
  return sha256Hex(`${seed}|I|${creditCode}|${credential}`);
}

/** Ascending by hash; equal hashes (never in practice) fall back to the key so the order is total. */
function byHash<T extends { hash: string }>(key: (x: T) => string) {
  return (a: T, b: T) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : compareCodePoints(key(a), key(b)));
}

/** A target's inspector ranking (step 4), before any walk. */
export function inspectorRanking(seed: string, creditCode: string, inspectors: readonly string[]): { credential: string; hash: string }[] {
  return inspectors.map((credential) => ({ credential, hash: inspectorHash(seed, creditCode, credential) })).sort(byHash((x) => x.credential));
}

function checkParams(p: DrawParams): void {
  if (!Number.isInteger(p.teamSize) || p.teamSize < 2) throw new DrawRefused(`每组检查人员数应为不少于 2 的整数，实际为 ${p.teamSize}`);
  if (p.cap !== undefined && p.cap !== null && (!Number.isInteger(p.cap) || p.cap < 1)) throw new DrawRefused(`每名检查人员的上限应为正整数，实际为 ${p.cap}`);
  if (p.seed === '') throw new DrawRefused('随机种子文本为空');
  const seen = new Set<string>();
  for (const t of p.targets) {
    if (t.creditCode === '' || UNSAFE_TEXT.test(t.creditCode)) throw new DrawRefused(`检查对象的统一社会信用代码无效：“${t.creditCode}”`);
    if (seen.has(t.creditCode)) throw new DrawRefused(`检查对象重复：${t.creditCode}`);
    seen.add(t.creditCode);
  }
  const creds = new Set<string>();
  for (const c of p.inspectors) {
    if (c === '' || UNSAFE_TEXT.test(c)) throw new DrawRefused(`检查人员的执法证号无效：“${c}”`);
    if (creds.has(c)) throw new DrawRefused(`检查人员执法证号重复：${c}`);
    creds.add(c);
  }
  for (const c of p.conflicts) {
    if (c.credential === '' || c.creditCode === '' || UNSAFE_TEXT.test(c.credential) || UNSAFE_TEXT.test(c.creditCode)) {
      throw new DrawRefused(`回避关系无效：“${c.credential}”—“${c.creditCode}”`);
    }
  }
}

/** Steps 2–4. Throws DrawRefused when a team cannot be made; nothing is returned then. */
export function runDraw(p: DrawParams): DrawOutcome {
  checkParams(p);
  const text = snapshotText(p.targets, p.inspectors, p.conflicts);
  const eligibleCounts = { high: 0, medium: 0, low: 0 };
  const quotaCounts = { high: 0, medium: 0, low: 0 };
  const targetRankings: Record<DrawTier, RankedTarget[]> = { high: [], medium: [], low: [] };
  for (const tier of DRAW_TIERS) {
    const inTier = p.targets.filter((t) => t.tier === tier);
    eligibleCounts[tier] = inTier.length;
    quotaCounts[tier] = quotaCount(p.quotas[tier], inTier.length);
    targetRankings[tier] = inTier.map((t) => ({ creditCode: t.creditCode, hash: targetHash(p.seed, t.creditCode) })).sort(byHash((x) => x.creditCode));
  }
  const total = DRAW_TIERS.reduce((s, t) => s + quotaCounts[t], 0);
  const capIsDefault = p.cap === undefined || p.cap === null;
  const cap = capIsDefault ? defaultCap(p.teamSize, total, p.inspectors.length) : (p.cap as number);
  const conflicts = new Set(p.conflicts.map((c) => `${c.credential}\t${c.creditCode}`));
  const load = new Map<string, number>();
  const selected: DrawnTarget[] = [];
  for (const tier of DRAW_TIERS) {
    targetRankings[tier].slice(0, quotaCounts[tier]).forEach((t, i) => {
      const team: string[] = [];
      const ranking: RankedInspector[] = inspectorRanking(p.seed, t.creditCode, p.inspectors).map((r) => {
        let step: RankedInspector['step'] = 'not-reached';
        if (team.length < p.teamSize) {
          if (conflicts.has(`${r.credential}\t${t.creditCode}`)) step = 'conflict';
          else if ((load.get(r.credential) ?? 0) >= cap) step = 'cap';
          else {
            step = 'team';
            team.push(r.credential);
            load.set(r.credential, (load.get(r.credential) ?? 0) + 1);
          }
        }
        return { ...r, step };
      });
      if (team.length < p.teamSize) {
        throw new DrawRefused(
          `无法为${DRAW_TIER_NAMES[tier]}风险对象 ${t.creditCode} 组成 ${p.teamSize} 人检查组：符合条件的检查人员只有 ${team.length} 名` +
            `（共 ${p.inspectors.length} 名检查人员，每人上限 ${cap} 个对象，另有回避关系）。请提高每人上限或增加检查人员；本次抽取未保存`,
        );
      }
      selected.push({ creditCode: t.creditCode, tier, rank: i + 1, team, ranking });
    });
  }
  return { snapshotText: text, snapshotSha256: sha256Hex(text), eligibleCounts, quotaCounts, cap, capIsDefault, targetRankings, selected };
}

/** A withdrawn inspector and who replaced him (step 5), in the order they happened. */
export interface DrawReplacement {
  creditCode: string;
  withdrawn: string;
  reason: string;
  replacement: string;
}

/** Teams after the replacements so far, by credit code. */
export function currentTeams(outcome: Pick<DrawOutcome, 'selected'>, replacements: readonly DrawReplacement[]): Map<string, string[]> {
  const teams = new Map(outcome.selected.map((s) => [s.creditCode, [...s.team]]));
  for (const r of replacements) {
    const team = teams.get(r.creditCode);
    const at = team?.indexOf(r.withdrawn) ?? -1;
    if (!team || at < 0) throw new DrawRefused(`递补记录有误：${r.withdrawn} 不在 ${r.creditCode} 的检查组中`);
    team[at] = r.replacement;
  }
  return teams;
}

/**
 * Step 5: the replacement of `withdrawn` in `creditCode`'s team — walking down that target's
 * ranking from the withdrawn inspector's place, the first who is not in the team, has not
 * withdrawn from this target before, is not in conflict with it, and is under the cap (counted
 * on the teams as they stand after earlier replacements). The replacement takes the withdrawn
 * inspector's place in the team's order.
 */
export function chooseReplacement(
  outcome: Pick<DrawOutcome, 'selected' | 'cap' | 'snapshotText'>,
  replacements: readonly DrawReplacement[],
  creditCode: string,
  withdrawn: string,
): string {
  const drawn = outcome.selected.find((s) => s.creditCode === creditCode);
  if (!drawn) throw new DrawRefused(`${creditCode} 不是本次抽中的检查对象`);
  const teams = currentTeams(outcome, replacements);
  const team = teams.get(creditCode) as string[];
  if (!team.includes(withdrawn)) throw new DrawRefused(`${withdrawn} 不在 ${creditCode} 的检查组中`);
  const conflicts = new Set(parseSnapshot(outcome.snapshotText).conflicts.map((c) => `${c.credential}\t${c.creditCode}`));
  const withdrawnBefore = new Set(replacements.filter((r) => r.creditCode === creditCode).map((r) => r.withdrawn));
  const load = new Map<string, number>();
  for (const t of teams.values()) for (const c of t) load.set(c, (load.get(c) ?? 0) + 1);
  const from = drawn.ranking.findIndex((r) => r.credential === withdrawn);
  for (const r of drawn.ranking.slice(from + 1)) {
    if (team.includes(r.credential) || withdrawnBefore.has(r.credential) || r.credential === withdrawn) continue;
    if (conflicts.has(`${r.credential}\t${creditCode}`)) continue;
    if ((load.get(r.credential) ?? 0) >= outcome.cap) continue;
    return r.credential;
  }
  throw new DrawRefused(`${creditCode} 的排序中 ${withdrawn} 之后没有可递补的检查人员（均已在组内、回避或达到每人上限 ${outcome.cap}）`);
}

/** Rule 1 for targets: active, and drawn fewer than 2 times in the draw's calendar year. */
export const MAX_DRAWS_PER_YEAR = 2;

export function drawsInYear(history: readonly { creditCode: string; date: string }[], year: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of history) if (h.date.slice(0, 4) === String(year)) counts.set(h.creditCode, (counts.get(h.creditCode) ?? 0) + 1);
  return counts;
}

export function eligibleTargets<T extends { creditCode: string; active: boolean }>(
  targets: readonly T[],
  history: readonly { creditCode: string; date: string }[],
  year: number,
): { eligible: T[]; excluded: { target: T; reason: string }[] } {
  const counts = drawsInYear(history, year);
  const eligible: T[] = [];
  const excluded: { target: T; reason: string }[] = [];
  for (const t of targets) {
    const n = counts.get(t.creditCode) ?? 0;
    if (!t.active) excluded.push({ target: t, reason: '已停用' });
    else if (n >= MAX_DRAWS_PER_YEAR) excluded.push({ target: t, reason: `${year} 年已被抽取 ${n} 次（同一年度至多两次）` });
    else eligible.push(t);
  }
  return { eligible, excluded };
}
