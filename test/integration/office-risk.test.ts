// Risk screening and the employer directory import through the backend (DOMAIN.md §10.1, §10.2):
// the employer directory imported from an annex-like sheet (title row, wrapped headers) and
// refused whole on an invalid or duplicate credit code; the industry average-wage table imported
// and edited; an employer's indicators worked out by hand from its declarations; a tip-off moving
// it up a tier; the section head's override with its reason; the ranked list; all in the trail.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import { storeImport } from '../../electron/services/db/storeImport';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import type { IndustryWage, RiskRow } from '../../shared/api/dto/risk';
import type { DeclarationLine } from '../../shared/domain/lines';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { monthRange } from '../../shared/rules/month';
import { serialise, type FixtureCell } from '../fixtures/employerFiles';
import { tableCounts, tempDir } from './db-helpers';

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
function fail(r: ApiResult<unknown>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}
const code = (n: number) => {
  const first = `9141090${String(n).padStart(10, '0')}`;
  return first + creditCodeCheckChar(first);
};

const HEADER = ['序号', '所在\n地区', '名称', '统一社会\n信用代码', '参保单位\n编号', '行业', '地址', '法定代表人', '联系人', '联系电话', '备注'];
const annex = (rows: FixtureCell[][]) =>
  serialise([{ name: '参保单位名录', rows: [['濮阳市参保单位检查对象名录库基本信息表'], HEADER, ...rows], merges: [{ top: 0, left: 0, bottom: 0, right: 10 }] }], 'xlsx');
const employerRow = (n: number, over: Partial<Record<number, FixtureCell>> = {}) => {
  const row: FixtureCell[] = [n, '华龙区', `濮阳市某某${n}号机械有限公司`, code(n), `41090${n}`, '制造业', `濮阳市华龙区第${n}街`, '张三', '李四', '0393-1234567', null];
  for (const [k, v] of Object.entries(over)) row[Number(k)] = v ?? null;
  return row;
};

const WAGES = serialise(
  [
    {
      name: '2024',
      rows: [['2024 年度分行业城镇非私营单位在岗职工月平均工资'], ['年度', '行业', '地区', '月平均工资（元）', '数据来源'], [2024, '制造业', '', 6000, '市统计局公报'], [2024, '制造业', '华龙区', 8000, '区统计局公报'], [2024, '批发和零售业', '', '5,200.50', '市统计局公报']],
      merges: [],
    },
  ],
  'xlsx',
);

/** 2023-12: five persons; 2024: P0–P2 at the floor (4,000), P3 at 10,000, each on two insurances. */
function declarations(): DeclarationLine[] {
  const out: DeclarationLine[] = [];
  let row = 2;
  const add = (personId: string, month: string, baseFen: number) => {
    for (const insurance of ['pension', 'medical'] as const) out.push({ personId, name: `职工${personId}`, month, insurance, baseFen, source: { fileId: 0, fileName: '申报明细.xlsx', sheet: 'Sheet1', row: row++ } });
  };
  for (let p = 0; p < 5; p++) add(`P${p}`, '2023-12', 4_000_00);
  for (const m of monthRange('2024-01', '2024-12')) {
    for (let p = 0; p < 3; p++) add(`P${p}`, m, 4_000_00);
    add('P3', m, 10_000_00);
  }
  return out;
}

describe('employer directory import and risk screening', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let now = new Date('2026-03-05T02:00:00Z');

  beforeEach(() => {
    tmp = tempDir('jihe-risk-');
    now = new Date('2026-03-05T02:00:00Z');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '科长甲', now: () => now });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('imports the employer directory all-or-nothing, refusing invalid and duplicate credit codes with file, sheet, row and column', async () => {
    const template = ok<{ fileName: string; data: Uint8Array }>(await backend.invoke('employers.template', {}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.data as never);
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '统一社会信用代码', '名称', '所在地区', '参保单位编号', '行业', '地址', '法定代表人', '联系人', '联系电话', '备注']);

    const r = ok<{ created: number; updated: number }>(await backend.invoke('employers.import', { fileName: '参保单位名录.xlsx', data: annex([employerRow(1), employerRow(2), employerRow(3, { 5: '批发和零售业', 1: '' })]) }));
    expect(r).toMatchObject({ created: 3, updated: 0 });
    const list = ok<Employer[]>(await backend.invoke('employers.list', {}));
    expect(list.find((e) => e.creditCode === code(1))).toMatchObject({ name: '濮阳市某某1号机械有限公司', region: '华龙区', industry: '制造业', insuranceUnitCode: '410901', legalRepresentative: '张三', active: true });
    expect(list.find((e) => e.creditCode === code(3))!.region).toBeUndefined();

    const before = tableCounts(backend.db);
    // A wrong check character in row 4 (the second data row): refused whole, naming the cell.
    const bad = code(5).slice(0, 17) + (code(5).endsWith('X') ? 'Y' : 'X');
    const invalid = fail(await backend.invoke('employers.import', { fileName: '名录2.xlsx', data: annex([employerRow(4), employerRow(5, { 3: bad })]) }));
    expect(invalid.message).toContain('参保单位名录“名录2.xlsx”');
    expect(invalid.details?.[0]).toMatchObject({ path: '参保单位名录!D4' });
    expect(invalid.details?.[0]!.message).toMatch(/校验/);
    // The same code twice: refused, naming both rows.
    const dup = fail(await backend.invoke('employers.import', { fileName: '名录3.xlsx', data: annex([employerRow(6), employerRow(7), employerRow(6, { 2: '另一家公司' })]) }));
    expect(dup.message).toContain(`统一社会信用代码 ${code(6)} 重复（另见第 3 行）`);
    expect(tableCounts(backend.db)).toEqual(before);

    // A re-import updates what the file says and keeps the rest.
    const again = ok<{ created: number; updated: number }>(await backend.invoke('employers.import', { fileName: '名录4.xlsx', data: annex([employerRow(1, { 9: '0393-7654321', 7: '' })]) }));
    expect(again).toMatchObject({ created: 0, updated: 1 });
    expect(ok<Employer[]>(await backend.invoke('employers.list', {})).find((e) => e.creditCode === code(1))).toMatchObject({ phone: '0393-7654321', legalRepresentative: '张三' });
    const trail = listAudit(backend.db, null).filter((a) => a.action === 'employer.import');
    expect(trail.map((a) => a.detail)).toEqual([expect.objectContaining({ fileName: '参保单位名录.xlsx', created: 3 }), expect.objectContaining({ fileName: '名录4.xlsx', updated: 1 })]);
  });

  it('keeps the industry wage table: imported from a messy sheet, edited by hand, refused on a bad row', async () => {
    expect(ok(await backend.invoke('risk.wages.import', { fileName: '行业平均工资.xlsx', data: WAGES }))).toMatchObject({ created: 3, updated: 0 });
    const wages = ok<IndustryWage[]>(await backend.invoke('risk.wages.list', { year: 2024 }));
    expect(wages.map((w) => [w.industry, w.region, w.averageMonthlyFen, w.source])).toEqual([
      ['制造业', '', 6_000_00, '市统计局公报'],
      ['制造业', '华龙区', 8_000_00, '区统计局公报'],
      ['批发和零售业', '', 5_200_50, '市统计局公报'],
    ]);
    const edited = ok<IndustryWage>(await backend.invoke('risk.wages.save', { id: wages[0]!.id, year: 2024, industry: '制造业', region: '', averageMonthly: '6,100', source: '市统计局公报（修订）' }));
    expect(edited.averageMonthlyFen).toBe(6_100_00);
    expect(fail(await backend.invoke('risk.wages.save', { year: 2024, industry: '制造业', region: '华龙区', averageMonthly: '1', source: '' })).code).toBe('conflict');
    const badFile = serialise([{ name: 'S', rows: [['年度', '行业', '月平均工资'], [2025, '制造业', 'abc'], ['二〇二五', '建筑业', 7000]], merges: [] }], 'xlsx');
    const refused = fail(await backend.invoke('risk.wages.import', { fileName: '坏表.xlsx', data: badFile }));
    expect(refused.message).toContain('行业平均工资表“坏表.xlsx”中有 2 行无法读取');
    expect(refused.details!.map((f) => f.path)).toEqual(['S!C2', 'S!A3']);
    expect(ok<IndustryWage[]>(await backend.invoke('risk.wages.list', { year: 2025 }))).toEqual([]);
    expect(listAudit(backend.db, null).map((a) => a.action)).toEqual(expect.arrayContaining(['industryWage.import', 'industryWage.update']));
  });

  it('screens an employer by hand-worked indicators, ranks the list, and keeps the override with its reason', async () => {
    ok(await backend.invoke('employers.import', { fileName: '参保单位名录.xlsx', data: annex([employerRow(1), employerRow(2)]) }));
    ok(await backend.invoke('risk.wages.import', { fileName: '行业平均工资.xlsx', data: WAGES }));
    const [e1, e2] = ok<Employer[]>(await backend.invoke('employers.list', {})).sort((a, b) => a.creditCode.localeCompare(b.creditCode));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const c = ok<Case>(await backend.invoke('cases.create', { employerId: e1!.id, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: plan.id, source: 'plan' }));
    storeImport(backend.db, { caseId: c.id, kind: 'declaration', fileName: '申报明细.xlsx', bytes: new Uint8Array([1]), sha256: 'd'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: [], declarations: declarations() }, { actor: 't', at: 'now' });

    const row = ok<RiskRow>(await backend.invoke('risk.employer', { employerId: e1!.id, year: 2026 }));
    const by = Object.fromEntries(row.indicators.map((i) => [i.code, i]));
    // 2024-01..2024-12: 48 person-months, bases 12 × (3 × 4,000 + 10,000) = 264,000 → average 5,500;
    // 华龙区 制造业 2024: 8,000 → 68.75% → 68.8%, not below 60%.
    expect(by.baseToWage).toMatchObject({ value: '68.8%', triggered: false, contribution: 0 });
    expect(by.baseToWage!.note).toContain('平均基数 5500.00 元 ÷ 2024 年行业平均工资 8000.00 元（区统计局公报）');
    // 36 of 48 person-months at the plan's floor of 4,000: 75.0% ≥ 50%.
    expect(by.floorShare).toMatchObject({ value: '75.0%', triggered: true, contribution: 20 });
    // 2023-12: 5 persons → 2024-12: 4 persons, -20.0%.
    expect(by.headcountChange).toMatchObject({ value: '-20.0%', triggered: true, contribution: 15 });
    expect(by.tipOffs).toMatchObject({ value: '0 次', contribution: 0 });
    // its only case is still planned: never audited.
    expect(by.yearsSinceAudit).toMatchObject({ value: '从未稽核', contribution: 10 });
    expect(row).toMatchObject({ score: 45, computedTier: 'medium', tier: 'medium', override: null, paramsVersion: 0 });

    // A tip-off received within 12 months adds 20: high.
    ok(await backend.invoke('tipOffs.create', { receivedOn: '2025-11-20', channel: 'phone', subjectKind: 'employer', subjectCreditCode: e1!.creditCode, subjectName: e1!.name, allegation: '按最低基数申报' }));
    ok(await backend.invoke('tipOffs.create', { receivedOn: '2025-02-01', channel: 'letter', subjectKind: 'employer', subjectCreditCode: e1!.creditCode, subjectName: e1!.name, allegation: '一年多以前的举报' }));
    let list = ok<RiskRow[]>(await backend.invoke('risk.list', { year: 2026 }));
    expect(list.map((r) => [r.creditCode, r.score, r.tier])).toEqual([
      [e1!.creditCode, 65, 'high'],
      [e2!.creditCode, 10, 'low'],
    ]);

    // The section head's override, with its reason; the computed tier stays visible.
    expect(fail(await backend.invoke('risk.override', { employerId: e1!.id, year: 2026, tier: 'low', reason: ' ' })).code).toBe('invalid-input');
    const o = ok<RiskRow>(await backend.invoke('risk.override', { employerId: e1!.id, year: 2026, tier: 'low', reason: '举报经核实不属实，已于2025年12月书面答复' }));
    expect(o).toMatchObject({ computedTier: 'high', tier: 'low', override: { tier: 'low', reason: '举报经核实不属实，已于2025年12月书面答复', by: '科长甲' } });
    list = ok<RiskRow[]>(await backend.invoke('risk.list', { year: 2026 }));
    expect(list.map((r) => [r.creditCode, r.tier])).toEqual([
      [e1!.creditCode, 'low'],
      [e2!.creditCode, 'low'],
    ]);
    // Another year is untouched; the override is undone by another entry with its reason.
    expect(ok<RiskRow>(await backend.invoke('risk.employer', { employerId: e1!.id, year: 2027 })).override).toBeNull();
    expect(ok<RiskRow>(await backend.invoke('risk.override', { employerId: e1!.id, year: 2026, tier: null, reason: '恢复计算结果' })).tier).toBe('high');
    expect(() => backend.db.prepare('DELETE FROM risk_overrides').run()).toThrow(/不能删除/);

    // New weights are a new version; the list follows them.
    const params = ok<{ version: number; params: { weights: Record<string, number> } }>(await backend.invoke('risk.params.get', {}));
    const v1 = ok<{ version: number }>(await backend.invoke('risk.params.save', { params: { ...params.params, weights: { ...params.params.weights, tipOffs: 0 } }, reason: '举报另行处理' }));
    expect(v1.version).toBe(1);
    expect(ok<RiskRow>(await backend.invoke('risk.employer', { employerId: e1!.id, year: 2026 }))).toMatchObject({ score: 45, tier: 'medium', paramsVersion: 1 });

    const trail = listAudit(backend.db, null);
    expect(trail.filter((a) => a.action === 'risk.override').map((a) => a.detail)).toEqual([
      expect.objectContaining({ computedTier: '高', tier: '低', score: 65, reason: '举报经核实不属实，已于2025年12月书面答复' }),
      expect.objectContaining({ tier: null, reason: '恢复计算结果' }),
    ]);
    expect(verifyAuditChain(trail).ok).toBe(true);
  });
});
