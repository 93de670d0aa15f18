// `jihe compute` as an auditor runs it: the real bin spawned on real files. The worked example of
// DOMAIN.md §6.5 must come out to the fen; a file that cannot be read must give a non-zero exit,
// the Chinese reason with its place on stderr, and nothing on stdout.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputeResultDtoSchema } from '../../shared/api/dto';
import { ComputeSummaryDtoSchema } from '../../shared/api/dto/computeSummary';
import { ROOT, tempDir } from './db-helpers';

const W = path.join(ROOT, 'test/fixtures/worked-example');
const WORKED = [path.join(W, 'payroll.xlsx'), path.join(W, 'declarations.csv'), path.join(W, 'plan.json')];
const PERIOD = ['--from', '2024-03', '--to', '2024-03', '--as-of', '2025-03-31'];

function jihe(args: string[], viaNpx = false): { code: number | null; stdout: string; stderr: string } {
  const r = viaNpx
    ? spawnSync('npx', ['--no-install', 'jihe', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    : spawnSync(process.execPath, [path.join(ROOT, 'bin/jihe.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('jihe compute', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('jihe-cli-');
  });
  afterAll(() => tmp.cleanup());

  it('computes the worked example of DOMAIN.md §6.5 to the fen (npx jihe … --json): the result, no rows', () => {
    const r = jihe(['compute', ...WORKED, ...PERIOD, '--json'], true);
    expect(r.code, r.stderr).toBe(0);
    const summary = ComputeSummaryDtoSchema.strict().parse(JSON.parse(r.stdout));
    expect(summary.totals).toEqual({ employer: '2150.63', employee: '892.55', backPay: '3043.18', lateFee: '532.56', total: '3575.74' });
    expect(summary.lines).toBe(2);
    expect(summary.months).toHaveLength(1);
    expect(summary.months[0]).toMatchObject({ month: '2024-03', payrollHeadcount: 3, declaredHeadcount: 3, payrollOnly: 1, declaredOnly: 1 });
    expect(summary.byInsurance.pension).toEqual({ employer: '1360.09', employee: '680.04' });
    expect(summary.counts).toEqual({ rows: 2, persons: 2, exempted: 0, payrollOnly: 1, declaredOnly: 1, overDeclared: 0, discrepancies: 0 });
    expect(r.stdout).not.toContain('110105198001010016');
  });

  it('--json --rows streams the full result with every row and its sources', () => {
    const r = jihe(['compute', ...WORKED, ...PERIOD, '--json', '--rows']);
    expect(r.code, r.stderr).toBe(0);
    const dto = ComputeResultDtoSchema.parse(JSON.parse(r.stdout));
    expect(dto.totals.total).toBe('3575.74');
    expect(dto.lines).toBe(2);
    // 甲's row adds up both payroll rows and points back to both of them.
    const jia = dto.rows.find((x) => x.personId === '110105198001010016')!;
    expect(jia).toMatchObject({ basis: '9500.55', total: '1611.18', lateFeeDays: 350, lateFee: '281.96', dueDate: '2024-04-15' });
    expect(jia.payrollSources.map((s) => s.row).sort()).toEqual([3, 6]);
    expect(dto.payrollOnly.map((p) => p.name)).toEqual(['乙']);
    expect(dto.declaredOnly.map((p) => p.name)).toEqual(['丁']);
  });

  it('prints a readable Chinese summary without --json', () => {
    const r = jihe(['compute', ...WORKED, ...PERIOD]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('总计 3,575.74 元（叁仟伍佰柒拾伍元柒角肆分）');
    expect(r.stdout).toContain('单位补缴 2,150.63 元，个人补缴 892.55 元，补缴合计 3,043.18 元');
    expect(r.stdout).toMatch(/2024-03\s+3\s+3\s+1\s+1\s+2\s+3,043\.18\s+532\.56/);
  });

  it('applies an exemptions file (CSV): 乙 as a student intern leaves only 甲', () => {
    const file = path.join(tmp.dir, '豁免.csv');
    writeFileSync(file, '\uFEFF身份证号,月份,原因,备注\n110105198503150027,2024-03,实习学生,在校生实习协议\n', 'utf8');
    const r = jihe(['compute', ...WORKED, ...PERIOD, '--exempt', file, '--rows']);
    expect(r.code, r.stderr).toBe(0);
    const dto = ComputeResultDtoSchema.parse(JSON.parse(r.stdout));
    expect(dto.lines).toBe(1);
    expect(dto.totals.backPay).toBe('1611.18');
    expect(dto.totals.lateFee).toBe('281.96');
    expect(dto.exempted).toHaveLength(1);
    expect(dto.exempted[0]).toMatchObject({ personId: '110105198503150027', exemption: { reason: 'student-intern', note: '在校生实习协议' } });
  });

  it('refuses a payroll file it cannot read: exit 1, reason with file, sheet and row on stderr, empty stdout', () => {
    const bad = path.join(tmp.dir, '三月工资.csv');
    writeFileSync(bad, '姓名,身份证号码,工资月份,应发工资\n甲,110105198001010016,2024-03,9000.00\n乙,110105198503150027,2024-03,三千元\n', 'utf8');
    const r = jihe(['compute', bad, WORKED[1]!, WORKED[2]!, ...PERIOD, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/三月工资\.csv/);
    expect(r.stderr).toMatch(/第 3 行/);
    expect(r.stderr).toMatch(/D 列/);
    expect(r.stderr).toMatch(/整个文件未导入/);
  });

  it('refuses a file without an ID column, a missing file and an overlapping plan', () => {
    const noId = path.join(tmp.dir, 'no-id.csv');
    writeFileSync(noId, '姓名,工资月份,应发工资\n甲,2024-03,9000\n', 'utf8');
    let r = jihe(['compute', noId, WORKED[1]!, WORKED[2]!, ...PERIOD, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no-id\.csv.*身份证/s);

    r = jihe(['compute', path.join(tmp.dir, '不存在.xlsx'), WORKED[1]!, WORKED[2]!, ...PERIOD]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('文件不存在');

    const plan = path.join(tmp.dir, 'overlap.json');
    const text = JSON.parse(readFileSync(WORKED[2]!, 'utf8')) as { periods: { from: string; to: string }[] };
    text.periods.push({ ...text.periods[0]!, from: '2024-06', to: '2025-06' });
    writeFileSync(plan, JSON.stringify(text), 'utf8');
    r = jihe(['compute', ...WORKED.slice(0, 2), plan, ...PERIOD]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/期间 2024-06～2025-06 与期间 2024-01～2024-12 重叠/);
  });

  it('refuses a bad exemptions file with its row and reason', () => {
    const file = path.join(tmp.dir, 'bad-exempt.csv');
    writeFileSync(file, '身份证号,月份,原因,备注\n110105198503150027,2024-03,其他,\n110105198001010016,2024-3x,实习学生,\n', 'utf8');
    const r = jihe(['compute', ...WORKED, ...PERIOD, '--exempt', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad-exempt.csv，第 2 行：原因为“其他”时必须在备注中写明理由');
    expect(r.stderr).toContain('bad-exempt.csv，第 3 行：月份无效：“2024-3x”');
  });

  it('answers bad arguments with exit 2 and the usage, and --help with the exemptions format', () => {
    const r = jihe(['compute', ...WORKED, '--from', '2024-3', '--to', '2024-03', '--as-of', '2025-03-31']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--from 应为 YYYY-MM');
    const h = jihe(['compute', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--exempt');
    expect(h.stdout).toContain('退休返聘、实习学生、已在他处参保、其他');
    expect(h.stdout).toContain('--rows');
    expect(jihe(['--help']).stdout).toContain('jihe compute');
  });

  it('runs from the bundle (no TypeScript compiled at start), rebuilt whenever a source is newer', () => {
    expect(jihe(['--version']).code).toBe(0);
    const dist = path.join(ROOT, 'dist/cli');
    const built = Math.min(statSync(path.join(dist, 'jihe.mjs')).mtimeMs, statSync(path.join(dist, 'importWorker.cjs')).mtimeMs);
    const cli = path.join(ROOT, 'electron/cli');
    for (const f of readdirSync(cli)) expect(statSync(path.join(cli, f)).mtimeMs, f).toBeLessThanOrEqual(built);
    // The bundle answers on its own, without the bin and without tsx.
    const direct = spawnSync(process.execPath, [path.join(dist, 'jihe.mjs'), '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toContain('jihe compute');
    expect(readFileSync(path.join(dist, 'jihe.mjs'), 'utf8')).not.toContain('tsx');
  });
});
