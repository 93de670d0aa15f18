// The office side through the backend (DOMAIN.md §10): employers edited and deactivated, the
// inspector directory imported from an annex-4 sheet, conflicts, a draw recorded append-only and
// re-run by the CLI's own verification, a refused draw saving nothing, a replacement that follows
// the rule and reaches the case team, the printed record, the planned cases with their teams, and
// the tip-off clock. Every change is in the audit trail.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import type { Conflict, DrawCandidate, DrawDetail, Inspector, TipOff } from '../../shared/api/dto/office';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { inspectorRanking } from '../../shared/rules/draw';
import { verifyDrawRecord } from '../../shared/rules/drawRecord';
import { serialise } from '../fixtures/employerFiles';
import ExcelJS from 'exceljs';
import { storeImport } from '../../electron/services/db/storeImport';
import { payrollLines, tableCounts, tempDir } from './db-helpers';

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

const ANNEX4 = serialise(
  [
    {
      name: '检查人员库',
      rows: [
        ['濮阳市医保基金监管检查人员库基本信息表'],
        ['序号', '所在\n地区', '姓名', '性别', '工作\n单位', '专业\n学历', '部门岗位', '职务（职\n称）', '执法\n证号', '执法\n区域', '备注'],
        ...['张伟', '王芳', '李娜', '刘洋', '陈静'].map((name, i) => [i + 1, '濮阳市', name, i % 2 ? '女' : '男', '濮阳市医疗保障局', '会计 本科', '基金监管科', '科员', `豫濮医保执${String(i + 1).padStart(4, '0')}`, '濮阳市', null]),
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 10 }],
    },
  ],
  'xlsx',
);

describe('office side through the backend', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let employers: Employer[];
  let now = new Date('2026-03-05T02:00:00Z');

  beforeEach(async () => {
    tmp = tempDir('jihe-office-');
    now = new Date('2026-03-05T02:00:00Z');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '科长甲', now: () => now });
    employers = [];
    for (let i = 1; i <= 8; i++) employers.push(ok<Employer>(await backend.invoke('employers.create', { name: `濮阳市某某${i}号公司`, creditCode: code(i) })));
    expect(ok(await backend.invoke('inspectors.import', { fileName: '检查人员库.xlsx', data: ANNEX4 }))).toEqual({ created: 5, updated: 0 });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  const runInput = (over: Record<string, unknown> = {}) => ({
    task: '2026年参保单位缴费情况随机抽查',
    year: 2026,
    targetKind: 'employer',
    seed: '2026-03-05 福彩3D 第2026058期 471',
    tiers: employers.map((e, i) => ({ creditCode: e.creditCode, tier: i < 3 ? 'high' : i < 6 ? 'medium' : 'low' })),
    quotas: { high: '2', medium: '34%', low: '0' },
    teamSize: 2,
    ...over,
  });

  it('keeps the directories: edit, deactivate, unique credential, conflicts with reasons, all in the trail', async () => {
    const e = ok<Employer>(await backend.invoke('employers.update', { id: employers[0]!.id, name: '濮阳市某某1号有限公司', creditCode: employers[0]!.creditCode, region: '华龙区', industry: '制造业' }));
    expect(e).toMatchObject({ name: '濮阳市某某1号有限公司', region: '华龙区', active: true });
    expect(fail(await backend.invoke('employers.update', { id: employers[0]!.id, name: 'x', creditCode: employers[1]!.creditCode })).code).toBe('conflict');
    expect(ok<Employer>(await backend.invoke('employers.setActive', { id: employers[7]!.id, active: false, reason: '已注销' })).active).toBe(false);
    const inspectors = ok<Inspector[]>(await backend.invoke('inspectors.list', {}));
    expect(inspectors.map((i) => i.name)).toEqual(['张伟', '王芳', '李娜', '刘洋', '陈静']);
    expect(fail(await backend.invoke('inspectors.create', { name: '重复', credential: '豫濮医保执0001' })).message).toContain('已登记为“张伟”');
    const c = ok<Conflict>(await backend.invoke('conflicts.add', { inspectorId: inspectors[0]!.id, targetKind: 'employer', creditCode: employers[0]!.creditCode, reason: '配偶在该单位任财务负责人' }));
    expect(c).toMatchObject({ inspectorName: '张伟', targetName: '濮阳市某某1号有限公司', reason: '配偶在该单位任财务负责人' });
    expect(fail(await backend.invoke('conflicts.add', { inspectorId: inspectors[0]!.id, targetKind: 'employer', creditCode: employers[0]!.creditCode, reason: ' ' })).code).toBe('invalid-input');
    const candidates = ok<DrawCandidate[]>(await backend.invoke('draws.candidates', { targetKind: 'employer', year: 2026 }));
    expect(candidates.find((x) => x.creditCode === employers[7]!.creditCode)).toMatchObject({ eligible: false, reason: '已停用' });
    const trail = listAudit(backend.db, null);
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['employer.update', 'employer.deactivate', 'inspector.import', 'conflict.add']));
    expect(trail.find((a) => a.action === 'employer.update')!.detail).toMatchObject({ changed: { name: { from: '濮阳市某某1号公司', to: '濮阳市某某1号有限公司' }, region: { from: null, to: '华龙区' } } });
    expect(verifyAuditChain(trail).ok).toBe(true);
  });

  it('records a draw append-only that re-runs to the same teams, and refuses one that cannot be made saving nothing', async () => {
    const inspectors = ok<Inspector[]>(await backend.invoke('inspectors.list', {}));
    ok(await backend.invoke('conflicts.add', { inspectorId: inspectors[1]!.id, targetKind: 'employer', creditCode: employers[0]!.creditCode, reason: '曾在该单位任职' }));
    const d = ok<DrawDetail>(await backend.invoke('draws.run', runInput()));
    expect(d.verification).toEqual({ ok: true, problems: [] });
    // 2 high, ⌈34 × 3 / 100⌉ = 2 medium, 0 low; cap ⌈2 × 4 / 5⌉ = 2.
    expect(d.teams.map((t) => t.tier)).toEqual(['high', 'high', 'medium', 'medium']);
    expect(d.record.cap).toBe(2);
    expect(createHash('sha256').update(d.record.snapshotText).digest('hex')).toBe(d.draw.snapshotSha256);
    expect(d.record.snapshotText).toContain(`C\t豫濮医保执0002\t${employers[0]!.creditCode}\n`);
    // The team of each target is the first two of its own ranking who are free, by the rule.
    for (const t of d.teams) {
      expect(t.team).toHaveLength(2);
      expect(t.targetName).toMatch(/^濮阳市某某\d号公司$/);
    }
    const json = ok<{ data: Uint8Array }>(await backend.invoke('draws.recordJson', { drawId: d.draw.id }));
    expect(verifyDrawRecord(JSON.parse(new TextDecoder().decode(json.data))).ok).toBe(true);

    // A draw needing 5 × 2 places with cap 1 over 5 inspectors cannot be made: refused, nothing saved.
    const before = tableCounts(backend.db);
    const refused = fail(await backend.invoke('draws.run', runInput({ quotas: { high: '3', medium: '3', low: '0' }, cap: 1 })));
    expect(refused.message).toMatch(/无法为.*组成 2 人检查组.*本次抽取未保存/);
    expect(tableCounts(backend.db)).toEqual(before);
    expect(ok<unknown[]>(await backend.invoke('draws.list', { year: 2026 }))).toHaveLength(1);
    // The record cannot be changed or deleted, even in SQL.
    expect(() => backend.db.prepare('UPDATE draws SET seed = ? WHERE id = ?').run('改过', d.draw.id)).toThrow(/抽查记录不能修改/);
    expect(() => backend.db.prepare('DELETE FROM draw_selected WHERE draw_id = ?').run(d.draw.id)).toThrow(/抽查结果不能删除/);
  });

  it('leaves out a target drawn twice this year', async () => {
    ok(await backend.invoke('draws.run', runInput({ quotas: { high: '100%', medium: '0', low: '0' } })));
    ok(await backend.invoke('draws.run', runInput({ seed: '第二次', quotas: { high: '100%', medium: '0', low: '0' } })));
    const candidates = ok<DrawCandidate[]>(await backend.invoke('draws.candidates', { targetKind: 'employer', year: 2026 }));
    expect(candidates.filter((c) => !c.eligible).map((c) => c.reason)).toEqual(['2026 年已被抽取 2 次（同一年度至多两次）', '2026 年已被抽取 2 次（同一年度至多两次）', '2026 年已被抽取 2 次（同一年度至多两次）']);
    expect(ok<DrawCandidate[]>(await backend.invoke('draws.candidates', { targetKind: 'employer', year: 2027 })).every((c) => c.eligible)).toBe(true);
    expect(fail(await backend.invoke('draws.run', runInput({ seed: '第三次' }))).message).toContain('不能参加本次抽取');
  });

  it('creates the planned cases with their teams, replaces a withdrawing inspector by the rule, and prints the record', async () => {
    const d = ok<DrawDetail>(await backend.invoke('draws.run', runInput()));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const cases = ok<Case[]>(await backend.invoke('draws.createCases', { drawId: d.draw.id, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: plan.id }));
    expect(cases.map((c) => c.source)).toEqual(['random', 'random', 'random', 'random']);
    const first = d.teams[0]!;
    const team = ok<Inspector[]>(await backend.invoke('cases.team', { caseId: cases[0]!.id }));
    expect(team.map((i) => i.credential)).toEqual(first.team.map((m) => m.credential));

    // Expected replacement worked from the ranking: the next one down below the withdrawn inspector
    // who is not in the team and under the cap (loads counted on the current teams).
    const withdrawn = first.team[0]!.credential;
    const ranking = inspectorRanking(d.record.seed, first.creditCode, d.record.snapshotText.split('\n').filter((l) => l.startsWith('I\t')).map((l) => l.slice(2)));
    const load = new Map<string, number>();
    for (const t of d.teams) for (const m of t.team) load.set(m.credential, (load.get(m.credential) ?? 0) + 1);
    const from = ranking.findIndex((r) => r.credential === withdrawn);
    const expected = ranking.slice(from + 1).find((r) => !first.team.some((m) => m.credential === r.credential) && (load.get(r.credential) ?? 0) < d.record.cap);
    const after = await backend.invoke('draws.replace', { drawId: d.draw.id, creditCode: first.creditCode, credential: withdrawn, reason: '与该单位负责人系近亲属，申请回避' });
    expect(expected).toBeDefined();
    const d2 = ok<DrawDetail>(after);
    expect(d2.record.replacements).toMatchObject([{ creditCode: first.creditCode, withdrawn, replacement: expected!.credential }]);
    expect(d2.verification.ok).toBe(true);
    expect(d2.teams[0]!.team.map((m) => m.credential)).toEqual([expected!.credential, first.team[1]!.credential]);
    expect(ok<Inspector[]>(await backend.invoke('cases.team', { caseId: cases[0]!.id })).map((i) => i.credential)).toEqual([expected!.credential, first.team[1]!.credential]);

    const pdf = ok<{ fileName: string; data: Uint8Array }>(await backend.invoke('draws.recordPdf', { drawId: d.draw.id }));
    expect(pdf.fileName).toBe(`抽查记录_2026_${d.draw.id}.pdf`);
    expect(new TextDecoder().decode(pdf.data.slice(0, 5))).toBe('%PDF-');
    expect(fail(await backend.invoke('draws.createCases', { drawId: d.draw.id, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: plan.id })).code).toBe('conflict');

    // The public list: XLSX and PDF with each drawn employer and its inspectors, no personal data.
    const xlsx = ok<{ fileName: string; data: Uint8Array }>(await backend.invoke('draws.publication', { drawId: d.draw.id, format: 'xlsx' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data) as never);
    const rows = wb.worksheets[0]!.getSheetValues().slice(4).map((r) => (r as unknown[]).slice(1).map(String));
    expect(rows.map((r) => r[2])).toEqual(d.teams.map((t) => t.creditCode));
    expect(rows[0]![4]).toContain(`（${expected!.credential}）`);
    expect(rows[0]![6]).toBe('检查中');
    const pub = ok<{ data: Uint8Array }>(await backend.invoke('draws.publication', { drawId: d.draw.id, format: 'pdf' }));
    expect(new TextDecoder().decode(pub.data.slice(0, 5))).toBe('%PDF-');
    // An insured person's name from a payroll held here, slipped into a drawn employer's name: refused.
    storeImport(backend.db, { caseId: cases[1]!.id, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1]), sha256: 'b'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: payrollLines(3, ['2024-01']), declarations: [] }, { actor: 't', at: 'now' });
    const e = employers.find((x) => x.creditCode === d.teams[1]!.creditCode)!;
    ok(await backend.invoke('employers.update', { id: e.id, name: `${e.name}（联系人职工2）`, creditCode: e.creditCode }));
    const refused = fail(await backend.invoke('draws.publication', { drawId: d.draw.id, format: 'xlsx' }));
    expect(refused.message).toMatch(/公示内容含有个人信息，已拒绝导出：第 2 行“对象名称”：参保人员姓名“职工2”/);
  });

  it('runs the 30-day clock of a tip-off and keeps the reporter out of the trail', async () => {
    const t = ok<TipOff>(
      await backend.invoke('tipOffs.create', { receivedOn: '2026-02-01', channel: 'phone', reporterName: '匿名职工', reporterContact: '138****0000', subjectKind: 'employer', subjectCreditCode: employers[2]!.creditCode, subjectName: employers[2]!.name, allegation: '按最低基数为全部职工申报' }),
    );
    // Received 1 February: due 3 March (30 days); on 5 March it is 2 days overdue.
    expect(t).toMatchObject({ answerDue: '2026-03-03', daysLeft: -2, overdue: true });
    expect(fail(await backend.invoke('tipOffs.update', { id: t.id, answeredOn: '2026-03-04' })).message).toContain('答复内容');
    const answered = ok<TipOff>(await backend.invoke('tipOffs.update', { id: t.id, assignedTo: '张伟', verification: 'desk', deskNote: '调取申报数据核对', answeredOn: '2026-03-04', answer: '已受理并核查', result: '查实', confirmedAmount: '12345.60', reward: '617.28' }));
    expect(answered).toMatchObject({ answeredOn: '2026-03-04', overdue: true, daysLeft: -1, confirmedAmount: '12345.60', reward: '617.28', assignedTo: '张伟' });
    expect(fail(await backend.invoke('tipOffs.update', { id: t.id, reward: '100000.01' })).message).toContain('10 万元');
    const trail = JSON.stringify(listAudit(backend.db, null).filter((a) => a.action.startsWith('tip-off.')));
    expect(trail).toContain('按最低基数');
    expect(trail).not.toContain('匿名职工');
    expect(trail).not.toContain('138****0000');
  });
});
