// `jihe draw` and `jihe draw verify` (DOMAIN.md §10.3 command-line contract): the same draw module
// the app uses (shared/rules/draw.ts), straight from files, without a database. A draw that
// cannot be made, or a file that cannot be used, exits non-zero with the reason in Chinese on
// stderr and nothing on stdout.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DRAW_TIER_NAMES, DRAW_TIERS, DrawRefused, eligibleTargets, parseQuota, quotaText, runDraw, type DrawTier, type TierQuota } from '../../shared/rules/draw';
import { buildDrawRecord, verifyDrawRecord } from '../../shared/rules/drawRecord';
import { DRAW_HELP, DRAW_VERIFY_HELP } from './help';
import { InputFileError, loadConflicts, loadHistory, loadInspectors, loadTargets } from './drawFiles';
import { EXIT, type CliIo } from './io';

class CommandFailure extends Error {
  constructor(
    readonly exitCode: number,
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
  }
}

function usage(message: string): CommandFailure {
  return new CommandFailure(EXIT.usage, [
    `错误：${message}`,
    '用法：jihe draw --targets 文件 --inspectors 文件 --seed 文本 --team K --quota high=N,medium=N%,low=N [--conflicts 文件] [--history 文件] [--year YYYY] [--cap N] [--json]',
    '详见 jihe draw --help',
  ]);
}

const TIER_KEYS: Record<string, DrawTier> = { high: 'high', medium: 'medium', low: 'low', 高: 'high', 中: 'medium', 低: 'low' };

/** "high=3,medium=10%,low=0" → quotas; a tier not named gets 0. */
export function parseQuotaOption(text: string): { quotas: Partial<Record<DrawTier, TierQuota>>; texts: Record<DrawTier, string> } {
  const quotas: Partial<Record<DrawTier, TierQuota>> = {};
  for (const part of text.split(/[,，]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=＝]+)[=＝](.*)$/.exec(part);
    const tier = m ? TIER_KEYS[(m[1] as string).trim().toLowerCase()] : undefined;
    if (!m || !tier) throw usage(`--quota 中的“${part}”无法识别：应写成 high=N、medium=N%、low=N（或 高=N、中=N、低=N）`);
    if (quotas[tier]) throw usage(`--quota 中${DRAW_TIER_NAMES[tier]}风险写了两次`);
    const q = parseQuota(m[2] as string);
    if (!q.ok) throw usage(`--quota 中${DRAW_TIER_NAMES[tier]}风险：${q.reason}`);
    quotas[tier] = q.quota;
  }
  if (Object.keys(quotas).length === 0) throw usage('--quota 为空');
  const texts = Object.fromEntries(DRAW_TIERS.map((t) => [t, quotaText(quotas[t])])) as Record<DrawTier, string>;
  return { quotas, texts };
}

function positiveInt(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw usage(`${name} 应为不小于 ${min} 的整数，实际为“${text}”`);
  return Number(text);
}

async function drawRun(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        targets: { type: 'string' },
        inspectors: { type: 'string' },
        seed: { type: 'string' },
        team: { type: 'string' },
        quota: { type: 'string' },
        conflicts: { type: 'string' },
        history: { type: 'string' },
        year: { type: 'string' },
        cap: { type: 'string' },
        task: { type: 'string' },
        record: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw usage((e as Error).message.replace(/^Unknown option '(.+?)'.*$/s, '未知的选项 $1'));
  }
  const v = args.values;
  if (v.help) {
    io.stdout(DRAW_HELP);
    return EXIT.ok;
  }
  const missing = (['targets', 'inspectors', 'seed', 'team', 'quota'] as const).filter((k) => v[k] === undefined);
  if (missing.length > 0) throw usage(`缺少选项 ${missing.map((k) => `--${k}`).join('、')}`);
  const teamSize = positiveInt('--team', v.team, 2)!;
  const cap = positiveInt('--cap', v.cap, 1);
  const year = v.year === undefined ? new Date().getFullYear() : Number(v.year);
  if (v.year !== undefined && !/^\d{4}$/.test(v.year)) throw usage(`--year 应为四位年份，实际为“${v.year}”`);
  const seed = v.seed!;
  if (seed === '') throw usage('--seed 为空');
  const { quotas, texts } = parseQuotaOption(v.quota!);

  // Every file is read and checked before anything is drawn or written.
  const warn = (t: string) => io.stderr(t);
  const targets = await loadTargets(v.targets!, warn);
  const inspectors = await loadInspectors(v.inspectors!, warn);
  const conflicts = v.conflicts ? await loadConflicts(v.conflicts, warn) : [];
  const history = v.history ? await loadHistory(v.history, warn) : [];
  const credentials = new Set(inspectors.map((i) => i.credential));
  const strangers = [...new Set(conflicts.filter((c) => !credentials.has(c.credential)).map((c) => c.credential))];
  if (strangers.length > 0) io.stderr(`提示：回避关系中的执法证号 ${strangers.join('、')} 不在检查人员名单中\n`);

  const { eligible, excluded } = eligibleTargets(targets.map((t) => ({ ...t, active: true })), history, year);
  if (excluded.length > 0) io.stderr(`提示：${excluded.length} 个检查对象不参加本次抽取：\n${excluded.map((e) => `  ${e.target.creditCode} ${e.target.name}：${e.reason}`).join('\n')}\n`);

  let outcome;
  try {
    outcome = runDraw({ seed, targets: eligible.map((t) => ({ creditCode: t.creditCode, tier: t.tier })), inspectors: inspectors.map((i) => i.credential), conflicts, quotas, teamSize, cap });
  } catch (e) {
    if (e instanceof DrawRefused) throw new CommandFailure(EXIT.unreadable, [`错误：无法抽取：${e.message}`]);
    throw e;
  }
  if (v.record) {
    const record = buildDrawRecord({ task: v.task ?? '', year, seed, quotas: texts, teamSize, drawnAt: new Date().toISOString() }, outcome);
    await writeFile(v.record, JSON.stringify(record, null, 2) + '\n', 'utf8');
  }
  if (v.json) {
    const selected = outcome.selected.map((s) => ({ creditCode: s.creditCode, tier: s.tier, team: s.team }));
    io.stdout(JSON.stringify({ snapshotSha256: outcome.snapshotSha256, selected }, null, 2) + '\n');
    return EXIT.ok;
  }
  const names = new Map(targets.map((t) => [t.creditCode, t.name]));
  const who = new Map(inspectors.map((i) => [i.credential, i.name]));
  const lines = [
    `随机种子：${seed}`,
    `快照 SHA-256：${outcome.snapshotSha256}`,
    `可抽对象：${DRAW_TIERS.map((t) => `${DRAW_TIER_NAMES[t]} ${outcome.eligibleCounts[t]} 个（抽 ${outcome.quotaCounts[t]}）`).join('，')}；检查人员 ${inspectors.length} 名，每组 ${teamSize} 人，每人至多 ${outcome.cap} 个对象`,
    '',
    '序号  风险  统一社会信用代码      名称  检查组',
    ...outcome.selected.map((s, i) => `${String(i + 1).padStart(3)}  ${DRAW_TIER_NAMES[s.tier]}    ${s.creditCode}  ${names.get(s.creditCode) ?? ''}  ${s.team.map((c) => `${who.get(c) ?? ''}（${c}）`).join('、')}`),
  ];
  if (v.record) lines.push('', `抽查记录已写入 ${v.record}，可用 jihe draw verify 核验`);
  io.stdout(lines.join('\n') + '\n');
  return EXIT.ok;
}

async function drawVerify(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (e) {
    throw usage((e as Error).message.replace(/^Unknown option '(.+?)'.*$/s, '未知的选项 $1'));
  }
  if (args.values.help) {
    io.stdout(DRAW_VERIFY_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length !== 1) throw usage('jihe draw verify 需要一个抽查记录文件（JSON）');
  const file = args.positionals[0] as string;
  let data: unknown;
  try {
    data = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CommandFailure(EXIT.unreadable, [`错误：无法读取抽查记录 ${file}：${code === 'ENOENT' ? '文件不存在' : (e as Error).message}`]);
  }
  const v = verifyDrawRecord(data);
  if (!v.ok) throw new CommandFailure(EXIT.unreadable, [`核验未通过：抽查记录 ${file} 与重新抽取的结果不一致：`, ...v.problems.map((p) => `  ${p}`)]);
  const record = data as { snapshotSha256: string; replacements: unknown[] };
  if (args.values.json) io.stdout(JSON.stringify({ ok: true, snapshotSha256: record.snapshotSha256, selected: v.teams }, null, 2) + '\n');
  else io.stdout(`核验通过：按记录中的种子、参数和快照（SHA-256 ${record.snapshotSha256}）重新抽取，${v.teams.length} 个对象及其检查组与记录一致（含 ${record.replacements.length} 次递补）。\n`);
  return EXIT.ok;
}

export async function drawCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    return argv[0] === 'verify' ? await drawVerify(argv.slice(1), io) : await drawRun(argv, io);
  } catch (e) {
    if (e instanceof CommandFailure || e instanceof InputFileError) {
      io.stderr(e.lines.join('\n') + '\n');
      return e instanceof CommandFailure ? e.exitCode : EXIT.unreadable;
    }
    io.stderr(`内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.unreadable;
  }
}
