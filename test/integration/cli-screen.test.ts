// `jihe screen` as an inspector runs it (INSTITUTIONS.md §6): the real bin on a generated quarter
// of a county hospital with planted violations. Screening the xlsx export and the GB18030 CSV
// (title row, synonym headers, no 性别/出生日期, mixed date forms, a total row) must give exactly
// the planted hits — rule, rows, person, 违规金额 and 基金损失 — and nothing else; bad input
// exits non-zero with the Chinese reason and its place on stderr, and nothing on stdout.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreeningJson } from '../../shared/rules/screening/resultJson';
import { generateHospitalQuarter, writeCatalogXlsx, writeClaimsCsvGb18030, writeClaimsXlsx, type HospitalQuarter, type RowPos } from '../fixtures/hospital';
import { encodeText } from '../fixtures/employerFiles';
import { ROOT, tempDir } from './db-helpers';

function jihe(args: string[], viaNpx = false): { code: number | null; stdout: string; stderr: string } {
  const r = viaNpx
    ? spawnSync('npx', ['--no-install', 'jihe', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    : spawnSync(process.execPath, [path.join(ROOT, 'bin/jihe.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const yuan = (fen: number | null) => (fen === null ? null : `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

function expectedHits(q: HospitalQuarter, refs: RowPos[]): ScreeningJson['hits'] {
  return q.planted.map((p) => ({ rule: p.rule as ScreeningJson['hits'][number]['rule'], rows: p.rows.map((i) => refs[i]!), personId: p.personId, amount: yuan(p.amountFen), fundLoss: yuan(p.fundLossFen) }));
}
const byRuleAndRow = (a: ScreeningJson['hits'][number], b: ScreeningJson['hits'][number]) =>
  a.rule.localeCompare(b.rule) || a.rows[0]!.sheet.localeCompare(b.rows[0]!.sheet) || a.rows[0]!.row - b.rows[0]!.row;

describe('jihe screen', () => {
  let tmp: ReturnType<typeof tempDir>;
  let q: HospitalQuarter;
  const files = { xlsx: '', csv: '', catalog: '' };
  let refs: { xlsx: RowPos[]; csv: RowPos[] };
  beforeAll(() => {
    tmp = tempDir('jihe-screen-');
    q = generateHospitalQuarter(11, { visitsPerMonth: 400 });
    const x = writeClaimsXlsx(q);
    const c = writeClaimsCsvGb18030(q);
    refs = { xlsx: x.refs, csv: c.refs };
    files.xlsx = path.join(tmp.dir, '结算明细.xlsx');
    files.csv = path.join(tmp.dir, '结算明细.csv');
    files.catalog = path.join(tmp.dir, '目录与限价.xlsx');
    writeFileSync(files.xlsx, x.bytes);
    writeFileSync(files.csv, c.bytes);
    writeFileSync(files.catalog, writeCatalogXlsx());
  });
  afterAll(() => tmp.cleanup());

  it('finds exactly the planted violations in the xlsx export (npx jihe screen … --json)', () => {
    expect(q.rows.length).toBeGreaterThan(3000);
    const r = jihe(['screen', files.xlsx, files.catalog, '--json'], true);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as ScreeningJson;
    expect(Object.keys(out.rules)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11']);
    expect([...out.hits].sort(byRuleAndRow)).toEqual(expectedHits(q, refs.xlsx).sort(byRuleAndRow));
    // Totals per rule, to the fen: the R05 fund loss 12.00 × 16.81 / 24.00 = 8.405 → 8.41 (half-up).
    expect(out.rules.R05).toEqual({ hits: 1, amount: '12.00', fundLoss: '8.41' });
    expect(out.rules.R02).toEqual({ hits: 2, amount: '7.00', fundLoss: '4.90' });
    expect(out.rules.R07).toEqual({ hits: 2, amount: '0.00', fundLoss: '0.00' });
    // Refunds are listed on stderr, not screened.
    expect(r.stderr).toContain(`${q.refunds.length} 条退费或冲销行`);
  });

  it('finds the same violations in a GB18030 CSV with a title row, synonym headers and sex and age from the ID', () => {
    const r = jihe(['screen', files.csv, files.catalog, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as ScreeningJson;
    expect([...out.hits].sort(byRuleAndRow)).toEqual(expectedHits(q, refs.csv).sort(byRuleAndRow));
  });

  it('applies --params: a 16-day limit for R07 adds the readmission after 16 days', () => {
    const params = path.join(tmp.dir, 'params.json');
    writeFileSync(params, JSON.stringify({ R07: { maxGapDays: 16 } }));
    const r = jihe(['screen', files.xlsx, files.catalog, '--params', params, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ScreeningJson).rules.R07.hits).toBe(3);
  });

  it('refuses bad input with the reason and its place on stderr and nothing on stdout', () => {
    const bad = path.join(tmp.dir, '坏明细.csv');
    const text = '结算ID,身份证号,就诊类型,费用日期,项目编码,数量,单价,金额,医保支付金额\r\nMZ1,110105198001010016,门诊,2024-02-30,Z0001,1,10.00,10.00,7.00\r\n';
    writeFileSync(bad, encodeText(text, 'gb18030'));
    const r = jihe(['screen', bad, files.catalog, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/坏明细\.csv，第 2 行，D 列：费用日期：日期不存在/);

    const params = path.join(tmp.dir, 'bad-params.json');
    writeFileSync(params, JSON.stringify({ R08: { ratio: '2' } }));
    const p = jihe(['screen', files.xlsx, files.catalog, '--params', params, '--json']);
    expect(p.code).toBe(1);
    expect(p.stdout).toBe('');
    expect(p.stderr).toContain('R08 挂床住院 › 有诊疗日期的最低比例：比例不能大于 1');

    const noCatalogColumn = path.join(tmp.dir, '目录.csv');
    writeFileSync(noCatalogColumn, '编码,项目名称,类别\r\nZ0001,诊查费,诊疗\r\n');
    const c = jihe(['screen', files.xlsx, noCatalogColumn, '--json']);
    expect(c.code).toBe(1);
    expect(c.stdout).toBe('');
    expect(c.stderr).toContain('未找到“项目编码”列');
  });
});
