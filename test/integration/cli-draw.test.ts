// `jihe draw` and `jihe draw verify` through the command line (DOMAIN.md §10.3 contract): messy
// files laid out like seed 003's annexes (title rows, split headers, 高风险/中/低 labels, totals
// and signature rows, GB18030 CSV, Chinese dates) give the same draw as clean CSV files; bad
// input exits non-zero with a Chinese reason naming the file and row and nothing on stdout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { serialise, type FixtureSheet } from '../fixtures/employerFiles';
import { createRng } from '../fixtures/prng';
import { ROOT, tempDir } from './db-helpers';

const TIERS = ['高', '中', '低'] as const;
const rng = createRng(20260305);
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const TARGETS = Array.from({ length: 30 }, (_, i) => {
  const first = `91410${String(900 + (i % 7))}` + Array.from({ length: 9 }, () => alphabet[rng.int(0, 30)]).join('');
  return { code: first + creditCodeCheckChar(first), name: `濮阳市第${i + 1}医药有限公司`, tier: TIERS[i % 3] as string };
});
const INSPECTORS = Array.from({ length: 9 }, (_, i) => ({ credential: `豫濮医保执${String(i + 1).padStart(4, '0')}`, name: ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰'][i] as string }));
const CONFLICTS = [
  { credential: INSPECTORS[0]!.credential, code: TARGETS[0]!.code },
  { credential: INSPECTORS[3]!.credential, code: TARGETS[4]!.code },
  { credential: INSPECTORS[3]!.credential, code: TARGETS[7]!.code },
];
// Two draws this year leave target 2 out; one this year and one last year keep target 5 in.
const HISTORY = [
  { code: TARGETS[2]!.code, date: [2026, 3, 1] },
  { code: TARGETS[2]!.code, date: [2026, 9, 15] },
  { code: TARGETS[5]!.code, date: [2026, 4, 2] },
  { code: TARGETS[5]!.code, date: [2025, 11, 30] },
];
const SEED = '2026年3月5日 福彩3D第2026058期开奖号码 471';
const ARGS = ['--seed', SEED, '--team', '2', '--quota', 'high=4,medium=30%,low=1', '--year', '2026'];

const sheet = (rows: FixtureSheet['rows'], merges: FixtureSheet['merges'] = [], name = 'Sheet1'): FixtureSheet => ({ name, rows, merges });

function clean(dir: string) {
  const w = (name: string, rows: FixtureSheet['rows']) => {
    const file = path.join(dir, name);
    writeFileSync(file, serialise([sheet(rows)], 'csv-utf8'));
    return file;
  };
  return {
    targets: w('targets.csv', [['统一社会信用代码', '名称', '风险等级'], ...TARGETS.map((t) => [t.code, t.name, t.tier])]),
    inspectors: w('inspectors.csv', [['执法证号', '姓名'], ...INSPECTORS.map((i) => [i.credential, i.name])]),
    conflicts: w('conflicts.csv', [['执法证号', '统一社会信用代码'], ...CONFLICTS.map((c) => [c.credential, c.code])]),
    history: w('history.csv', [['统一社会信用代码', '抽查日期'], ...HISTORY.map((h) => [h.code, h.date.map((n) => String(n).padStart(2, '0')).join('-')])]),
  };
}

function messy(dir: string) {
  const labels: Record<string, string> = { 高: '高风险', 中: '中', 低: '低风险' };
  const targetRows: FixtureSheet['rows'] = [
    ['濮阳市医保基金监管检查对象名录库基本信息表', null, null, null, null, null],
    ['序号', '所在\n地区', '名称', '统一社会\n信用代码', '医保\n编码', '风险等级'],
    // Lower case and a space inside the code, as typed by hand.
    ...TARGETS.map((t, i) => [i + 1, '华龙区', t.name, i === 3 ? `${t.code.slice(0, 9).toLowerCase()} ${t.code.slice(9)}` : t.code, `P4109${String(i).padStart(5, '0')}`, labels[t.tier] ?? t.tier]),
    ['合计', null, `${TARGETS.length} 家`, null, null, null],
    ['制表：基金监管科', null, null, null, '审核：', null],
  ];
  const targets = path.join(dir, '检查对象名录.xlsx');
  writeFileSync(targets, serialise([sheet(targetRows, [{ top: 0, left: 0, bottom: 0, right: 5 }], '定点医药机构')], 'xlsx'));
  const inspectors = path.join(dir, '检查人员库.csv');
  writeFileSync(
    inspectors,
    serialise(
      [sheet([['濮阳市医保基金监管检查人员库基本信息表'], ['序号', '所在地区', '姓名', '性别', '工作单位', '专业学历', '部门岗位', '职务（职称）', '执法证号', '执法区域', '备注'], ...INSPECTORS.map((x, i) => [i + 1, '濮阳市', x.name, i % 2 ? '女' : '男', '濮阳市医疗保障局', '会计 本科', '基金监管科', '科员', x.credential, '濮阳市', null])])],
      'csv-gb18030',
    ),
  );
  const conflicts = path.join(dir, '回避关系.xlsx');
  writeFileSync(conflicts, serialise([sheet([['回避关系登记表'], ['执法证号', '姓名', '统一社会信用代码', '单位名称', '回避原因'], ...CONFLICTS.map((c) => [c.credential, '某人', c.code, '某单位', '近亲属任职'])], [], '回避')], 'xlsx'));
  const history = path.join(dir, '抽查历史.csv');
  writeFileSync(history, serialise([sheet([['以往抽查记录'], ['统一社会信用代码', '单位名称', '抽查日期'], ...HISTORY.map((h) => [h.code, '某单位', `${h.date[0]}年${h.date[1]}月${h.date[2]}日`])])], 'csv-gb18030'));
  return { targets, inspectors, conflicts, history };
}

const files = (f: { targets: string; inspectors: string; conflicts: string; history: string }) => ['--targets', f.targets, '--inspectors', f.inspectors, '--conflicts', f.conflicts, '--history', f.history];

async function jihe(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('jihe draw', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cleanFiles: ReturnType<typeof clean>;
  beforeAll(() => {
    tmp = tempDir('jihe-draw-');
    cleanFiles = clean(tmp.dir);
  });
  afterAll(() => tmp.cleanup());

  it('draws from clean files per the contract (npx jihe draw … --json) and the record verifies', () => {
    const record = path.join(tmp.dir, 'record.json');
    const r = spawnSync('npx', ['--no-install', 'jihe', 'draw', ...files(cleanFiles), ...ARGS, '--record', record, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { snapshotSha256: string; selected: { creditCode: string; tier: string; team: string[] }[] };
    expect(Object.keys(out)).toEqual(['snapshotSha256', 'selected']);
    // 10 targets per tier; target 2 (低), drawn twice this year, is left out: 高 10, 中 10, 低 9.
    // Quotas: 4 high, ⌈30 × 10 / 100⌉ = 3 medium, 1 low.
    expect(out.selected.map((s) => s.tier)).toEqual(['high', 'high', 'high', 'high', 'medium', 'medium', 'medium', 'low']);
    expect(out.selected.map((s) => s.creditCode)).not.toContain(TARGETS[2]!.code);
    const saved = JSON.parse(readFileSync(record, 'utf8')) as { snapshotText: string; snapshotSha256: string; cap: number };
    expect(saved.snapshotSha256).toBe(out.snapshotSha256);
    expect(createHash('sha256').update(saved.snapshotText, 'utf8').digest('hex')).toBe(out.snapshotSha256);
    expect(saved.snapshotText.split('\n').filter((l) => l.startsWith('T\t'))).toHaveLength(29);
    expect(saved.cap).toBe(2); // ⌈2 × 8 / 9⌉
    for (const s of out.selected) {
      expect(s.team).toHaveLength(2);
      for (const c of CONFLICTS) if (c.code === s.creditCode) expect(s.team).not.toContain(c.credential);
    }
    const v = spawnSync(process.execPath, [path.join(ROOT, 'bin/jihe.mjs'), 'draw', 'verify', record], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toContain('核验通过');
  });

  it('gives the same result on messy annex-style files (title rows, 高风险, GB18030, Chinese dates) as on clean ones', async () => {
    const a = await jihe(['draw', ...files(cleanFiles), ...ARGS, '--json']);
    const b = await jihe(['draw', ...files(messy(tmp.dir)), ...ARGS, '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('verify refuses a record whose team was edited', async () => {
    const record = path.join(tmp.dir, 'edited.json');
    expect((await jihe(['draw', ...files(cleanFiles), ...ARGS, '--record', record])).code).toBe(0);
    const data = JSON.parse(readFileSync(record, 'utf8')) as { selected: { team: string[] }[] };
    data.selected[1]!.team = [...data.selected[1]!.team].reverse();
    writeFileSync(record, JSON.stringify(data));
    const r = await jihe(['draw', 'verify', record]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/核验未通过.*\n.*的检查组重算为/);
  });

  const bad = async (name: string, rows: FixtureSheet['rows']) => {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, serialise([sheet(rows)], 'csv-utf8'));
    return jihe(['draw', ...files({ ...cleanFiles, targets: file }), ...ARGS, '--json']);
  };
  const header = ['统一社会信用代码', '名称', '风险等级'];
  const row = (i: number, tier = '高', code = TARGETS[i]!.code) => [code, TARGETS[i]!.name, tier];

  it.each([
    ['a duplicate credit code', 'dup.csv', [header, row(0), row(1), row(0)], /检查对象文件 dup\.csv 有误[\s\S]*dup\.csv，第 4 行，A 列：统一社会信用代码 \S+ 重复（已见于第 2 行）/],
    ['an invalid credit code', 'check.csv', [header, row(0), row(1, '中', TARGETS[1]!.code.slice(0, 17) + '0')], /check\.csv，第 3 行，A 列：统一社会信用代码校验位不正确/],
    ['an unknown tier', 'tier.csv', [['2026年抽查对象'], header, row(0), row(1, '极高')], /tier\.csv，第 4 行，C 列：风险等级“极高”无法识别（应为 高、中 或 低）/],
    ['a missing column', 'nocol.csv', [['统一社会信用代码', '名称'], [TARGETS[0]!.code, TARGETS[0]!.name]], /nocol\.csv：缺少列 “风险等级”/],
  ])('refuses %s with the file and row, and prints nothing on stdout', async (_what, name, rows, reason) => {
    const r = await bad(name as string, rows as FixtureSheet['rows']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason as RegExp);
  });

  it('refuses a draw that cannot be made (fewer than k inspectors under the cap) and writes no record', async () => {
    const record = path.join(tmp.dir, 'never.json');
    const r = await jihe(['draw', ...files(cleanFiles), ...ARGS.slice(0, 4), '--quota', 'high=10,medium=10,low=9', '--cap', '1', '--record', record, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/错误：无法抽取：无法为.*组成 2 人检查组.*本次抽取未保存/);
    expect(() => readFileSync(record)).toThrow();
  });
});
