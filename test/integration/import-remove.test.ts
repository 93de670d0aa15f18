// Taking a wrong import back out (issue 10): the file, its rows and its bytes go in one
// transaction with a trail entry naming the file and the reason; refused after the section
// head's approval and in an archived case; the right file can then be imported again.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/services/audit/auditLog';
import type { CaseDetail } from '../../shared/api/dto';
import { trailSummary } from '../../shared/rules/trailText';
import { createTeam, fail, importedCase, login, ok, useBackend } from './judgments-helpers';

describe('imports.remove', () => {
  const env = useBackend('jihe-import-remove-');

  const count = (sql: string, ...args: unknown[]) => (env.backend.db.prepare(sql).get(...args) as { n: number }).n;

  it('removes the file with its rows and its bytes, and records what went and why', async () => {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    const c = await importedCase(env.backend);
    const detail = ok<CaseDetail>(await env.backend.invoke('cases.get', { caseId: c.id }));
    const payroll = detail.files.find((f) => f.kind === 'payroll')!;
    const lines = count('SELECT count(*) AS n FROM payroll_lines WHERE file_id = ?', payroll.id);
    expect(lines).toBe(payroll.rows);
    expect(lines).toBeGreaterThan(100);

    expect(fail(await env.backend.invoke('imports.remove', { sourceFileId: payroll.id, removalReason: ' ' }))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('删除原因') });
    const removed = ok<{ caseId: number; fileName: string; rows: number }>(await env.backend.invoke('imports.remove', { sourceFileId: payroll.id, removalReason: '误导入其他单位的工资表' }));
    expect(removed).toEqual({ caseId: c.id, fileName: payroll.fileName, rows: lines });
    expect(count('SELECT count(*) AS n FROM payroll_lines WHERE file_id = ?', payroll.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM source_files WHERE id = ?', payroll.id)).toBe(0);
    expect(count("SELECT count(*) AS n FROM row_uuids WHERE tbl = 'source_files' AND row_id = ?", payroll.id)).toBe(0);
    const after = ok<CaseDetail>(await env.backend.invoke('cases.get', { caseId: c.id }));
    expect(after.files.map((f) => f.kind)).toEqual(['declaration']);

    const entry = listAudit(env.backend.db, c.id).at(-1)!;
    expect(entry).toMatchObject({ action: 'import.remove', actor: 'zhangming', detail: { fileName: payroll.fileName, sha256: payroll.sha256, rows: lines, reason: '误导入其他单位的工资表' } });
    expect(trailSummary(entry.action, entry.detail as Record<string, unknown>)).toBe(`工资表《${payroll.fileName}》，${lines} 行，原因：误导入其他单位的工资表`);
    expect(fail(await env.backend.invoke('imports.remove', { sourceFileId: payroll.id, removalReason: '再删一次' })).code).toBe('conflict');
  });

  it('is refused after the section head approved the findings', async () => {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    const c = await importedCase(env.backend);
    await login(env.backend, 'wangke');
    ok(await env.backend.invoke('approvals.approve', { caseId: c.id }));
    await login(env.backend, 'zhangming');
    const file = ok<CaseDetail>(await env.backend.invoke('cases.get', { caseId: c.id })).files[0]!;
    const refused = fail(await env.backend.invoke('imports.remove', { sourceFileId: file.id, removalReason: '误导入' }));
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('经科室负责人审核，导入的文件不能再删除或替换') });
    expect(count('SELECT count(*) AS n FROM source_files WHERE id = ?', file.id)).toBe(1);
    expect(listAudit(env.backend.db, c.id).some((e) => e.action === 'import.remove')).toBe(false);
  });
});
