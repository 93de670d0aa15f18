// Issue 10, bulk judging on a real database: many findings judged in one action (one transaction,
// each row with its own trail entry naming the person), one bad key refusing all; exemptions
// read from a GBK CSV (the command line's format) through the import worker's parser, added all
// at once or refused with every problem named; the administrator may back up.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/services/audit/auditLog';
import type { ComputeResultDto, ExemptionRecord, FindingJudgment } from '../../shared/api/dto';
import { findingKey } from '../../shared/domain/findings';
import { trailSummary } from '../../shared/rules/trailText';
import { encodeGb18030 } from '../fixtures/gb18030';
import { createTeam, fail, importedCase, login, ok, useBackend } from './judgments-helpers';

describe('bulk judging and the exemptions file', () => {
  const env = useBackend('jihe-desk-bulk-');
  let caseId = 0;
  const compute = async () => ok<ComputeResultDto>(await env.backend.invoke('results.compute', { caseId, asOf: '2026-06-30' }));

  async function setUp() {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    caseId = (await importedCase(env.backend)).id;
  }

  it('judges many findings in one transaction, each in the trail with the person’s name; one unknown key refuses all', async () => {
    await setUp();
    const r = await compute();
    const under = r.rows.filter((row) => !row.payrollOnly);
    expect(under.length).toBeGreaterThan(5);
    const keys = under.slice(0, 5).map((row) => findingKey({ kind: 'under-declared', personId: row.personId, month: row.month }));

    const refused = fail(await env.backend.invoke('findings.judgeMany', { caseId, keys: [...keys, 'under-declared:110101199001011237:2024-01'], decision: 'accepted' }));
    expect(refused.message).toContain('中没有此问题');
    expect(ok<FindingJudgment[]>(await env.backend.invoke('findings.judgments', { caseId }))).toEqual([]);

    expect(ok<{ judged: number }>(await env.backend.invoke('findings.judgeMany', { caseId, keys, decision: 'accepted', note: '批量认定' }))).toEqual({ judged: 5 });
    const judged = ok<FindingJudgment[]>(await env.backend.invoke('findings.judgments', { caseId }));
    expect(judged.map((j) => j.key).sort()).toEqual([...keys].sort());
    const trail = listAudit(env.backend.db, caseId).filter((e) => e.action === 'finding.judge');
    expect(trail).toHaveLength(5);
    const first = under[0]!;
    const line = trailSummary('finding.judge', trail.find((e) => e.detail.key === keys[0])!.detail);
    expect(line).toBe(`少报缴费基数 ${first.name}（${first.personId}）${first.month}：认定`);

    // Exempting a person's payroll-only months in bulk takes them out of the back-pay.
    const po = r.rows.filter((row) => row.payrollOnly);
    expect(po.length).toBeGreaterThan(0);
    const person = po[0]!.personId;
    const poKeys = po.filter((row) => row.personId === person).map((row) => findingKey({ kind: 'payroll-only', personId: person, month: row.month }));
    const exempted = ok<{ judged: number }>(await env.backend.invoke('findings.judgeMany', { caseId, keys: poKeys, decision: 'exempted', reason: 'student-intern' }));
    expect(exempted.judged).toBe(poKeys.length);
    const after = await compute();
    expect(after.rows.some((row) => row.personId === person && row.payrollOnly)).toBe(false);
    expect(ok<ExemptionRecord[]>(await env.backend.invoke('exemptions.list', { caseId, includeRevoked: false })).filter((e) => e.personId === person)).toHaveLength(poKeys.length);
    expect(fail(await env.backend.invoke('findings.judgeMany', { caseId, keys: poKeys, decision: 'exempted' })).message).toContain('豁免时必须选择豁免原因');
  });

  it('reads a GBK exemptions CSV into the case in one go, or refuses it naming every bad line', async () => {
    await setUp();
    const r = await compute();
    const ids = [...new Set(r.rows.map((row) => row.personId))].slice(0, 2);
    const csv = (body: string) => encodeGb18030(`身份证号,月份,原因,备注\n${body}`);

    const bad = fail(
      await env.backend.invoke('exemptions.importFile', { caseId, fileName: '豁免.csv', data: csv(`${ids[0]},2023-12,实习学生,\n110101199001011237,,退休返聘,\n${ids[1]},,其他,\n`) }),
    );
    expect(bad.message).toContain('豁免文件《豁免.csv》有');
    expect(bad.message).toContain('第 4 行：原因为“其他”时必须在备注中写明理由');
    expect(ok<ExemptionRecord[]>(await env.backend.invoke('exemptions.list', { caseId, includeRevoked: true }))).toEqual([]);
    const outside = fail(await env.backend.invoke('exemptions.importFile', { caseId, fileName: '豁免.csv', data: csv(`${ids[0]},2023-12,实习学生,\n110101199001011237,,退休返聘,\n`) }));
    expect(outside.message).toContain(`第 1 条（${ids[0]}）：豁免月份有误：2023年12月不在稽核期间`);
    expect(outside.message).toContain('第 2 条（110101199001011237）：此人不在案件');

    const added = ok<{ added: number; persons: number }>(
      await env.backend.invoke('exemptions.importFile', { caseId, fileName: '豁免.csv', data: csv(`${ids[0]},2024-01~2024-03,实习学生,暑期实习\n${ids[1]},,已在他处参保,\n`) }),
    );
    expect(added).toEqual({ added: 2, persons: 2 });
    const list = ok<ExemptionRecord[]>(await env.backend.invoke('exemptions.list', { caseId, includeRevoked: false }));
    expect(list.map((e) => [e.personId, e.months, e.reason, e.note])).toEqual([
      [ids[0], ['2024-01', '2024-02', '2024-03'], 'student-intern', '暑期实习'],
      [ids[1], null, 'insured-elsewhere', null],
    ]);
    const after = await compute();
    expect(after.rows.some((row) => row.personId === ids[1])).toBe(false);
  });

  it('lets the administrator back up the database', async () => {
    await createTeam(env.backend);
    await login(env.backend, 'admin');
    const b = ok<{ fileName: string }>(await env.backend.invoke('backups.create', {}));
    expect(b).toMatchObject({ fileName: expect.stringMatching(/^jihe-.*\.sqlite$/), reason: 'manual', createdBy: 'admin' });
  });
});
