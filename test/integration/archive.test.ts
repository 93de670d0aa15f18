// Archiving through backend.invoke on a real database (DOMAIN.md §2 step 7, §9): a case walked to
// rectifying and referred is archived by the archivist; the stored dossier is the ZIP downloaded,
// verifies offline (also through the `jihe` bin), and holds the schedule and working papers as
// XLSX (totals equal the computation), the evidence byte-for-byte and the trail as JSON and PDF;
// afterwards the case refuses every change through the API and in SQL; not-ready cases are
// refused with the reason.
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyDossier } from '../../electron/services/dossier/index';
import { sha256Hex } from '../../electron/services/dossier/sha256';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import { SCHEDULE_XLSX_PATH, TRAIL_PATH, TRAIL_PDF_PATH, WORKING_PAPERS_PATH } from '../../electron/services/dossier/exportDossier';
import { WORKING_PAPER_SHEETS } from '../../electron/services/dossier/workingPapersXlsx';
import { MANIFEST_PATH, ManifestSchema, TrailFileSchema } from '../../shared/dossier/manifest';
import type { ArchiveRecord, ArchiveStatus } from '../../shared/api/dto/archive';
import type { ComputeResultDto } from '../../shared/api/dto';
import { fail, login, ok, useBackend } from './judgments-helpers';
import { PHOTO, rectifyingCase } from './archive-helpers';
import { ROOT } from './db-helpers';

const run = promisify(execFile);

async function cellTexts(xlsx: Uint8Array): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as never);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    out.set(ws.name, rows);
  });
  return out;
}

describe('archiving a case with its dossier', () => {
  const env = useBackend('jihe-archive-');

  it('stores the verified dossier with its 档号, makes the case read-only through the API and in SQL', async () => {
    const c = await rectifyingCase(env);
    const b = env.backend;
    env.clock = new Date('2026-07-20T02:00:00Z');

    // the auditor may not archive; the archivist may
    const asAuditor = ok<ArchiveStatus>(await b.invoke('archive.status', { caseId: c.id }));
    expect(asAuditor).toMatchObject({ archived: false, ready: false });
    expect(asAuditor.reason).toContain('档案管理员');
    expect(fail(await b.invoke('archive.archive', { caseId: c.id })).code).toBe('forbidden');
    await login(b, 'chenda');
    const status = ok<ArchiveStatus>(await b.invoke('archive.status', { caseId: c.id }));
    expect(status).toMatchObject({ archived: false, ready: true, reason: null, record: null });
    expect(status.contents.join('\n')).toContain('证据材料 1 个');

    const result = ok<ComputeResultDto>(await b.invoke('results.compute', { caseId: c.id, asOf: '2026-07-06' }));
    const trailBefore = listAudit(b.db, c.id);
    const record = ok<ArchiveRecord>(await b.invoke('archive.archive', { caseId: c.id }));
    expect(record).toMatchObject({ caseId: c.id, archiveNumber: '2026-0001', retentionYears: 30, exportedBy: 'chenda' });
    expect(record.chainHead).toBe(trailBefore.at(-1)!.hash);

    const download = ok<{ fileName: string; sha256: string; data: Uint8Array }>(await b.invoke('archive.dossier', { caseId: c.id }));
    expect(download.fileName).toContain('2026-0001');
    expect(sha256Hex(download.data)).toBe(record.sha256);
    expect(download.data.byteLength).toBe(record.size);
    const check = verifyDossier(download.data);
    expect(check.problems).toEqual([]);
    const m = ManifestSchema.parse(JSON.parse(strFromU8(unzipSync(download.data)[MANIFEST_PATH]!)));
    expect(m.case).toMatchObject({ number: c.number, state: 'archived', closedAt: '2026-07-20T02:00:00.000Z' });
    expect(m.trail.head).toBe(record.chainHead);
    expect(m.files.length).toBe(record.files);
    const roles = m.files.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.role]: (acc[f.role] ?? 0) + 1 }), {});
    expect(roles).toEqual({ cover: 1, index: 1, notes: 1, document: 4, 'working-paper': 2, source: 2, evidence: 1, trail: 2 });

    const files = unzipSync(download.data);
    // the evidence byte-for-byte
    const evidence = m.files.find((f) => f.role === 'evidence')!;
    expect(evidence.title).toBe('考勤机与工资台账');
    expect(files[evidence.path]).toEqual(PHOTO);
    // the schedule XLSX: its totals row carries the result's back pay and late fee
    const schedule = await cellTexts(files[SCHEDULE_XLSX_PATH]!);
    const totalsRow = schedule.get('补缴明细')!.find((r) => r[0] === '合计')!;
    expect(totalsRow).toContain(String(Number(result.totals.backPay)));
    expect(totalsRow).toContain(String(Number(result.totals.lateFee)));
    // the working papers: every findings list, one row per person-month found
    const papers = await cellTexts(files[WORKING_PAPERS_PATH]!);
    expect([...papers.keys()]).toEqual([...WORKING_PAPER_SHEETS]);
    expect(papers.get('月度人数')!.length - 2).toBe(result.months.length);
    expect(papers.get('未参保人员')!.length - 2).toBe(result.payrollOnly.length);
    expect(result.payrollOnly.length).toBeGreaterThan(0);
    const underIds = new Set(papers.get('少报基数明细')!.slice(2).filter((r) => /^\d{17}[\dX]$/.test(r[2] ?? '')).map((r) => `${r[2]}|${r[3]}`));
    expect(underIds.size).toBe(result.rows.length + result.exempted.length);
    const exemptedRow = papers.get('少报基数明细')!.find((r) => r.some((v) => v.startsWith('豁免：')));
    expect(exemptedRow?.[2]).toBe(result.exempted[0]?.personId);
    // the trail: JSON with the chain head, and the readable PDF
    const trail = TrailFileSchema.parse(JSON.parse(strFromU8(files[TRAIL_PATH]!)));
    expect(trail.entries.length).toBe(trailBefore.length);
    const pdfFile = path.join(env.dir, 'trail.pdf');
    writeFileSync(pdfFile, files[TRAIL_PDF_PATH]!);
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('审计记录');
    expect(text).toContain('导入文件');
    expect(text).toContain('状态变更');
    expect(text).toContain('新状态：整改中');
    expect(text).toContain(record.chainHead);

    // the archive is in the trail after the dossier's head, and the chain still verifies
    const after = listAudit(b.db, c.id);
    expect(after.slice(trailBefore.length).map((e) => e.action)).toEqual(['case.archive', 'case.transition']);
    expect(after[trailBefore.length]!.detail).toMatchObject({ archiveNumber: '2026-0001', sha256: record.sha256 });
    expect(verifyAuditChain(after).ok).toBe(true);

    // read-only through the API …
    await login(b, 'zhangming');
    const archived = ok<ArchiveStatus>(await b.invoke('archive.status', { caseId: c.id }));
    expect(archived).toMatchObject({ archived: true, ready: false, record: { archiveNumber: '2026-0001' } });
    expect(fail(await b.invoke('exemptions.add', { caseId: c.id, personId: result.rows[0]!.personId, reason: 'student-intern' })).code).toBe('forbidden');
    expect(fail(await b.invoke('evidence.add', { caseId: c.id, fileName: '补充.jpg', data: PHOTO, description: '补充照片', kind: 'photo' })).code).toBe('forbidden');
    expect(fail(await b.invoke('imports.start', { caseId: c.id, kind: 'payroll', fileName: 'x.csv', data: new TextEncoder().encode('a') })).code).toBe('forbidden');
    expect(fail(await b.invoke('workflow.transition', { caseId: c.id, to: 'rectifying', reason: '重新整改' })).code).toBe('conflict');
    await login(b, 'chenda');
    expect(fail(await b.invoke('archive.archive', { caseId: c.id })).code).toBe('not-ready');
    // … and in SQL
    const db = b.db;
    expect(() => db.prepare("UPDATE cases SET state = 'rectifying' WHERE id = ?").run(c.id)).toThrow(/已归档的稽核案件不能修改/);
    expect(() => db.prepare('DELETE FROM exemptions WHERE case_id = ?').run(c.id)).toThrow(/不能删除|已归档/);
    expect(() => db.prepare("INSERT INTO ledger_totals (case_id, month, amount_fen, set_at, set_by) VALUES (?, '2024-01', 1, 'x', 'x')").run(c.id)).toThrow(/已归档/);
    expect(() => db.prepare('UPDATE payroll_lines SET gross_fen = 0 WHERE file_id IN (SELECT id FROM source_files WHERE case_id = ?)').run(c.id)).toThrow(/已归档/);
    expect(() => db.prepare("UPDATE dossier_exports SET sha256 = ? WHERE case_id = ?").run('0'.repeat(64), c.id)).toThrow(/不能修改/);
    expect(() => db.prepare('DELETE FROM dossier_exports WHERE case_id = ?').run(c.id)).toThrow(/不能删除/);

    // the downloaded ZIP passes `jihe dossier verify`
    const zipFile = path.join(env.dir, download.fileName);
    writeFileSync(zipFile, download.data);
    const bin = path.join(ROOT, 'bin/jihe.mjs');
    const pass = await run(process.execPath, [bin, 'dossier', 'verify', zipFile], { cwd: ROOT });
    expect(pass.stdout).toContain('核验通过');
    expect(pass.stdout).toContain('工作底稿 2 个');
    expect(pass.stdout).toContain('证据材料 1 个');
  }, 180_000);

  it('refuses a case that is not ready, saying why, and numbers archives per year without gaps', async () => {
    const c = await rectifyingCase(env);
    const b = env.backend;
    // a second case of the same employer, just registered, is not archivable
    const plan = (await b.invoke('ratePlans.list', {})) as { ok: true; value: { id: number; name: string }[] };
    const other = ok<{ id: number }>(await b.invoke('cases.create', { employerId: c.employerId, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId: plan.value.find((p) => p.name === '示例地区 2024')!.id, source: 'plan' }));
    await login(b, 'chenda');
    const s = ok<ArchiveStatus>(await b.invoke('archive.status', { caseId: other.id }));
    expect(s.ready).toBe(false);
    expect(s.reason).toContain('立项');
    expect(fail(await b.invoke('archive.archive', { caseId: other.id })).message).toContain('立项');
    expect(b.db.prepare('SELECT count(*) AS n FROM dossier_exports').get()).toEqual({ n: 0 });
    expect(fail(await b.invoke('archive.archive', { caseId: c.id, retentionYears: 5 })).code).toBe('invalid-input');
    const r = ok<ArchiveRecord>(await b.invoke('archive.archive', { caseId: c.id, retentionYears: 50 }));
    expect(r).toMatchObject({ archiveNumber: '2026-0001', retentionYears: 50 });
    const cover = unzipSync(ok<{ data: Uint8Array }>(await b.invoke('archive.dossier', { caseId: c.id })).data)['00_案卷封面.pdf']!;
    const coverFile = path.join(env.dir, 'cover.pdf');
    writeFileSync(coverFile, cover);
    const text = execFileSync('pdftotext', [coverFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('2026-0001');
    expect(text).toContain('50年');
    expect(fail(await b.invoke('archive.dossier', { caseId: other.id })).code).toBe('not-found');
  }, 180_000);
});
