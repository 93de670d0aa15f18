// The record of a draw (DOMAIN.md §10.3 step 6) and its verification: everything needed to re-run
// the draw (seed, parameters, snapshot text and hash, every ranking, the result, each replacement)
// in one JSON-serialisable object. The app stores it append-only and prints it; `jihe draw` writes
// it; `jihe draw verify` and the draw screen re-run it here.
import { z } from 'zod';
import {
  chooseReplacement,
  currentTeams,
  DRAW_TIER_NAMES,
  DRAW_TIERS,
  DrawRefused,
  parseQuota,
  parseSnapshot,
  runDraw,
  type DrawOutcome,
  type DrawTier,
  type TierQuota,
} from './draw';
import { sha256Hex } from './sha256';

export const DRAW_RECORD_FORMAT = 'jihe-draw-record/1';

const TierSchema = z.enum(DRAW_TIERS);
const PerTier = <T extends z.ZodType>(t: T) => z.object({ high: t, medium: t, low: t });

export const DrawReplacementSchema = z.object({
  creditCode: z.string(),
  withdrawn: z.string(),
  reason: z.string(),
  replacement: z.string(),
  at: z.string().optional(),
});

export const DrawRecordSchema = z.object({
  format: z.literal(DRAW_RECORD_FORMAT),
  task: z.string(),
  year: z.number().int(),
  seed: z.string().min(1),
  /** As given: "3", "10%", "0". */
  quotas: PerTier(z.string()),
  teamSize: z.number().int(),
  cap: z.number().int(),
  capIsDefault: z.boolean(),
  snapshotSha256: z.string(),
  snapshotText: z.string(),
  eligibleCounts: PerTier(z.number().int()),
  quotaCounts: PerTier(z.number().int()),
  targetRankings: PerTier(z.array(z.object({ creditCode: z.string(), hash: z.string() }))),
  selected: z.array(
    z.object({
      creditCode: z.string(),
      tier: TierSchema,
      rank: z.number().int(),
      team: z.array(z.string()),
      ranking: z.array(z.object({ credential: z.string(), hash: z.string(), step: z.enum(['team', 'conflict', 'cap', 'not-reached']) })),
    }),
  ),
  replacements: z.array(DrawReplacementSchema),
  /** When the draw was run (ISO timestamp); informative, not part of the re-run. */
  drawnAt: z.string().optional(),
});
export type DrawRecord = z.infer<typeof DrawRecordSchema>;

export function quotasOf(texts: Record<DrawTier, string>): Partial<Record<DrawTier, TierQuota>> {
  const out: Partial<Record<DrawTier, TierQuota>> = {};
  for (const tier of DRAW_TIERS) {
    const q = parseQuota(texts[tier]);
    if (!q.ok) throw new DrawRefused(`${DRAW_TIER_NAMES[tier]}风险的抽取数量有误：${q.reason}`);
    out[tier] = q.quota;
  }
  return out;
}

export function buildDrawRecord(
  meta: { task: string; year: number; seed: string; quotas: Record<DrawTier, string>; teamSize: number; drawnAt?: string },
  outcome: DrawOutcome,
): DrawRecord {
  const record: DrawRecord = {
    format: DRAW_RECORD_FORMAT,
    task: meta.task,
    year: meta.year,
    seed: meta.seed,
    quotas: meta.quotas,
    teamSize: meta.teamSize,
    cap: outcome.cap,
    capIsDefault: outcome.capIsDefault,
    snapshotSha256: outcome.snapshotSha256,
    snapshotText: outcome.snapshotText,
    eligibleCounts: outcome.eligibleCounts,
    quotaCounts: outcome.quotaCounts,
    targetRankings: outcome.targetRankings,
    selected: outcome.selected,
    replacements: [],
  };
  if (meta.drawnAt) record.drawnAt = meta.drawnAt;
  return record;
}

/** Re-runs steps 2–4 from the record's snapshot, seed and parameters alone. */
export function rerunDraw(record: Pick<DrawRecord, 'seed' | 'quotas' | 'teamSize' | 'cap' | 'capIsDefault' | 'snapshotText'>): DrawOutcome {
  const items = parseSnapshot(record.snapshotText);
  return runDraw({ seed: record.seed, ...items, quotas: quotasOf(record.quotas), teamSize: record.teamSize, cap: record.capIsDefault ? null : record.cap });
}

export interface DrawVerification {
  ok: boolean;
  /** Each difference in Chinese; empty when the record re-runs to the same result. */
  problems: string[];
  /** The teams after every replacement, as re-run. */
  teams: { creditCode: string; tier: DrawTier; team: string[] }[];
}

/** Re-runs a record (already parsed or raw JSON) and lists every place it differs. */
export function verifyDrawRecord(input: unknown): DrawVerification {
  const parsed = DrawRecordSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `记录格式不对：${i.path.join('.') || '（整体）'} ${i.message}`), teams: [] };
  }
  const record = parsed.data;
  const problems: string[] = [];
  const hash = sha256Hex(record.snapshotText);
  if (hash !== record.snapshotSha256) problems.push(`快照文本的 SHA-256 为 ${hash}，记录中为 ${record.snapshotSha256}：快照被改动过`);
  let again: DrawOutcome;
  try {
    again = rerunDraw(record);
  } catch (e) {
    if (e instanceof DrawRefused) return { ok: false, problems: [...problems, `按记录重新抽取未能完成：${e.message}`], teams: [] };
    throw e;
  }
  if (again.cap !== record.cap) problems.push(`每人上限重算为 ${again.cap}，记录中为 ${record.cap}`);
  for (const tier of DRAW_TIERS) {
    const name = DRAW_TIER_NAMES[tier];
    if (again.eligibleCounts[tier] !== record.eligibleCounts[tier]) problems.push(`${name}风险可抽对象数重算为 ${again.eligibleCounts[tier]}，记录中为 ${record.eligibleCounts[tier]}`);
    if (again.quotaCounts[tier] !== record.quotaCounts[tier]) problems.push(`${name}风险抽取数重算为 ${again.quotaCounts[tier]}，记录中为 ${record.quotaCounts[tier]}`);
    if (JSON.stringify(again.targetRankings[tier]) !== JSON.stringify(record.targetRankings[tier])) problems.push(`${name}风险对象的排序与重算结果不一致`);
  }
  const n = Math.max(again.selected.length, record.selected.length);
  for (let i = 0; i < n; i++) {
    const a = again.selected[i];
    const r = record.selected[i];
    if (!a || !r) {
      problems.push(`抽中对象数重算为 ${again.selected.length}，记录中为 ${record.selected.length}`);
      break;
    }
    if (a.creditCode !== r.creditCode || a.tier !== r.tier || a.rank !== r.rank) problems.push(`第 ${i + 1} 个抽中对象重算为 ${a.creditCode}，记录中为 ${r.creditCode}`);
    else if (a.team.join(',') !== r.team.join(',')) problems.push(`${a.creditCode} 的检查组重算为 ${a.team.join('、')}，记录中为 ${r.team.join('、')}`);
    else if (JSON.stringify(a.ranking) !== JSON.stringify(r.ranking)) problems.push(`${a.creditCode} 的检查人员排序与重算结果不一致`);
  }
  const done: DrawRecord['replacements'] = [];
  for (const [i, rep] of record.replacements.entries()) {
    try {
      const who = chooseReplacement(again, done, rep.creditCode, rep.withdrawn);
      if (who !== rep.replacement) problems.push(`第 ${i + 1} 次递补（${rep.creditCode} 的 ${rep.withdrawn}）应由 ${who} 递补，记录中为 ${rep.replacement}`);
    } catch (e) {
      if (!(e instanceof DrawRefused)) throw e;
      problems.push(`第 ${i + 1} 次递补无法重算：${e.message}`);
    }
    done.push(rep);
  }
  let teams: DrawVerification['teams'] = [];
  try {
    const map = currentTeams(again, done);
    teams = again.selected.map((s) => ({ creditCode: s.creditCode, tier: s.tier, team: map.get(s.creditCode) ?? [] }));
  } catch (e) {
    if (!(e instanceof DrawRefused)) throw e;
    problems.push(e.message);
  }
  return { ok: problems.length === 0, problems, teams };
}

/** Appends a replacement chosen by the rule (step 5); throws DrawRefused if none is possible. */
export function withReplacement(record: DrawRecord, creditCode: string, withdrawn: string, reason: string, at?: string): DrawRecord {
  if (reason.trim() === '') throw new DrawRefused('递补须写明原因（回避或因故不能参加）');
  const replacement = chooseReplacement(record, record.replacements, creditCode, withdrawn);
  const rep: DrawRecord['replacements'][number] = { creditCode, withdrawn, reason: reason.trim(), replacement };
  if (at) rep.at = at;
  return { ...record, replacements: [...record.replacements, rep] };
}
