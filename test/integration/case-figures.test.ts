// One case, one set of figures (issue 9): a case walked through review and issue with real
// documents, then the workstation reopened months later (the clock moved on). Every figure a
// screen reads (results.compute, the findings' what-if and derivation, figures.get), every issued
// document, the rectification balance and the dossier's schedule XLSX agree with the approved
// snapshot to the fen; paying exactly the notice's amounts leaves nothing owed; changing only the
// cut-off date needs a new review; an archived case shows its frozen figures.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend';
import { listAudit } from '../../electron/services/audit/auditLog';
import { SCHEDULE_XLSX_PATH } from '../../electron/services/dossier/exportDossier';
import type { ApprovalStatus, ComputeResultDto } from '../../shared/api/dto';
import type { CaseFactsView, DocumentListItem } from '../../shared/api/dto/documents';
import type { CaseFigures } from '../../shared/api/dto/figures';
import type { FindingDerivation, WhatIfComparison } from '../../shared/api/dto/findings';
import type { RectificationStatus } from '../../shared/api/dto/workflow';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';
import { fenFromString, formatFenGrouped } from '../../shared/rules/money';
import { issue as fakeIssue } from './archive-helpers';
import { createTeam, employerData, fail, importedCase, login, ok, useBackend } from './judgments-helpers';

const FACTS = {
  auditors: [
    { name: '王建国', credentialNo: '示医保稽字第000123号' },
    { name: '李晓梅', credentialNo: '示医保稽字第000456号' },
  ],
  onsiteFrom: '2026-07-06',
  onsiteTo: '2026-07-08',
  onsiteTime: '上午9:00',
  place: '被稽核单位财务部会议室',
  contactName: '王建国',
  contactPhone: '0000-12345678',
  employerAttendees: ['陈静（财务部经理）'],
  penaltyAddressee: '示例市医疗保障局行政执法科',
};

describe('one case, one set of figures', () => {
  const env = useBackend('jihe-figures-');
  const b = () => env.backend;
  const pdfText = async (documentId: number): Promise<string> => {
    const { data } = ok<{ data: Uint8Array }>(await b().invoke('documents.pdf', { documentId }));
    const file = path.join(env.dir, `doc-${documentId}.pdf`);
    writeFileSync(file, data);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '').replace(/—\d+—/g, '');
  };
  const draft = async (caseId: number, kind: string, fields: Record<string, unknown> = {}) => ok<DocumentListItem>(await b().invoke('documents.draft', { caseId, kind, fields }));
  const issue = async (documentId: number) => ok<DocumentListItem>(await b().invoke('documents.issue', { documentId }));
  const go = async (caseId: number, to: string) => ok(await b().invoke('workflow.transition', { caseId, to }));
  const figures = async (caseId: number) => ok<CaseFigures>(await b().invoke('figures.get', { caseId }));

  it('after review and issue, a later clock changes no figure on any screen, document, balance or dossier file', async () => {
    await createTeam(b());
    await login(b(), 'zhangming');
    const data = employerData();
    const c = await importedCase(b(), data);
    ok<CaseFactsView>(await b().invoke('caseFacts.set', { caseId: c.id, facts: FACTS }));
    // the case's cut-off date, set once in its header
    expect(await figures(c.id)).toMatchObject({ asOf: '2026-07-01', asOfSet: false, approved: null, inForce: false, frozen: false });
    expect(ok<CaseFigures>(await b().invoke('figures.set', { caseId: c.id, asOf: '2026-07-15' }))).toMatchObject({ asOf: '2026-07-15', asOfSet: true });
    const notice = ok<{ id: number }>(
      await b().invoke('documents.generateNotice', { caseId: c.id, issueDate: '2026-07-01', onsiteDate: '2026-07-06', onsiteTime: FACTS.onsiteTime, place: FACTS.place, auditors: FACTS.auditors, contactName: FACTS.contactName, contactPhone: FACTS.contactPhone }),
    );
    ok(await b().invoke('workflow.recordService', { caseId: c.id, documentId: notice.id, servedOn: '2026-07-01', manner: '直接送达', recipient: '陈静（财务部）' }));
    await go(c.id, 'notified');
    env.clock = new Date('2026-07-06T02:00:00Z');
    await go(c.id, 'onsite');
    ok(await b().invoke('exemptions.add', { caseId: c.id, personId: data.persons[0]!.personId, months: ['2024-01'], reason: 'student-intern', note: '在校实习，有学校证明' }));
    await go(c.id, 'summarised');
    env.clock = new Date('2026-07-09T02:00:00Z');
    const findings = await issue((await draft(c.id, 'findings-notice', { issueDate: '2026-07-09' })).id);
    expect(findings.asOf).toBe('2026-07-15');

    // the section head approves (no date given: the case's) and the result is frozen with its hash
    await login(b(), 'wangke');
    const approved = ok<ApprovalStatus>(await b().invoke('approvals.approve', { caseId: c.id }));
    expect(approved).toMatchObject({ approved: true, asOf: '2026-07-15', changedAfterReview: false });
    const snap = b().db.prepare('SELECT as_of, result_json, sha256 FROM approval_snapshots WHERE case_id = ?').get(c.id) as { as_of: string; result_json: string; sha256: string };
    expect(snap.as_of).toBe('2026-07-15');
    expect(createHash('sha256').update(snap.result_json, 'utf8').digest('hex')).toBe(snap.sha256);
    const entry = listAudit(b().db, c.id).find((e) => e.action === 'approval.approve')!;
    expect(entry.detail).toMatchObject({ asOf: '2026-07-15', snapshotSha256: snap.sha256 });
    await login(b(), 'zhangming');
    const at = ok<ComputeResultDto>(await b().invoke('results.compute', { caseId: c.id }));
    const t = at.totals;
    expect(fenFromString(t.lateFee)).toBeGreaterThan(0);

    const opinion = await issue((await draft(c.id, 'audit-opinion', { issueDate: '2026-07-20', response: '你单位在规定期限内未提出陈述、申辩' })).id);
    const schedule = await issue((await draft(c.id, 'backpay-schedule', { issueDate: '2026-07-20' })).id);
    await go(c.id, 'concluded');
    const rect = await issue((await draft(c.id, 'rectification-notice', { issueDate: '2026-07-21' })).id);
    await go(c.id, 'rectifying');

    // months later the workstation is opened again
    b().close();
    env.clock = new Date('2026-11-20T02:00:00Z');
    env.backend = createBackend({ dataDir: env.dir, runtime: 'harness', actor: 'os-user', now: () => env.clock, idleClock: () => new Date() });
    await login(b(), 'zhangming');

    // every screen's figures
    const later = ok<ComputeResultDto>(await b().invoke('results.compute', { caseId: c.id }));
    expect(later.asOf).toBe('2026-07-15');
    expect(later.totals).toEqual(t);
    expect(later.byInsurance).toEqual(at.byInsurance);
    expect(await figures(c.id)).toMatchObject({ asOf: '2026-07-15', inForce: true, approved: { asOf: '2026-07-15', sha256: snap.sha256, totals: t } });
    expect(ok<ApprovalStatus>(await b().invoke('approvals.status', { caseId: c.id }))).toMatchObject({ asOf: '2026-07-15', changedAfterReview: false });
    const whatIf = ok<WhatIfComparison>(await b().invoke('findings.whatIf', { caseId: c.id }));
    expect(whatIf.current).toMatchObject({ asOf: '2026-07-15', totals: t });
    expect(whatIf.whatIf.totals).toEqual(t); // a what-if that changes nothing
    const row = later.rows[0]!;
    const derivation = ok<FindingDerivation>(await b().invoke('findings.derivation', { caseId: c.id, key: `${row.payrollOnly ? 'payroll-only' : 'under-declared'}:${row.personId}:${row.month}` }));
    expect(derivation).toMatchObject({ asOf: '2026-07-15', lateFee: { amount: row.lateFee } });
    // what-if stays a what-if: another date is computed on request, and stored nowhere
    const whatIfLater = ok<WhatIfComparison>(await b().invoke('findings.whatIf', { caseId: c.id, whatIfAsOf: '2026-11-20' }));
    expect(fenFromString(whatIfLater.whatIf.totals.lateFee)).toBeGreaterThan(fenFromString(t.lateFee));
    expect(ok<ComputeResultDto>(await b().invoke('results.compute', { caseId: c.id })).totals).toEqual(t);

    // every issued document states the approved figures
    for (const d of [opinion, rect]) {
      const text = await pdfText(d.id);
      for (const v of [t.backPay, t.lateFee, t.total]) expect(text, d.title).toContain(formatFenGrouped(fenFromString(v)));
      expect(text, d.title).toContain('2026年7月15日');
    }
    expect(await pdfText(opinion.id)).toContain(toChineseCapitals(fenFromString(t.total)));
    const scheduleText = await pdfText(schedule.id);
    for (const v of [t.backPay, t.lateFee]) expect(scheduleText).toContain(formatFenGrouped(fenFromString(v)));

    // the rectification balance is the notice's; paying exactly that leaves nothing owed
    const before = ok<RectificationStatus>(await b().invoke('rectification.status', { caseId: c.id }));
    expect(before).toMatchObject({ approvedAsOf: '2026-07-15', ordered: { backPay: t.backPay, lateFee: t.lateFee, total: t.total } });
    ok(await b().invoke('rectification.recordPayment', { caseId: c.id, paidOn: '2026-08-01', amount: t.backPay, purpose: 'back-pay' }));
    const paid = ok<RectificationStatus>(await b().invoke('rectification.recordPayment', { caseId: c.id, paidOn: '2026-08-01', amount: t.lateFee, purpose: 'late-fee' }));
    expect(paid.outstanding).toEqual({ backPay: '0.00', lateFee: '0.00', total: '0.00' });
    expect(paid.problems.join()).not.toMatch(/尚欠/);

    // the dossier's schedule XLSX has the same totals
    fakeIssue(b(), c.id, 'penalty-referral', '提请行政处罚建议书');
    await login(b(), 'chenda');
    ok(await b().invoke('archive.archive', { caseId: c.id }));
    const zip = unzipSync(ok<{ data: Uint8Array }>(await b().invoke('archive.dossier', { caseId: c.id })).data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(zip[SCHEDULE_XLSX_PATH]!) as unknown as ArrayBuffer);
    let totals: ExcelJS.Row | undefined;
    wb.getWorksheet('补缴明细')!.eachRow((r) => {
      if (r.getCell(1).value === '合计') totals = r;
    });
    const cells = (totals!.values as ExcelJS.CellValue[]).map((v) => (typeof v === 'number' ? Math.round(v * 100) : null));
    expect(cells).toContain(fenFromString(t.backPay));
    expect(cells).toContain(fenFromString(t.lateFee));

    // archived: the frozen figures, whatever the clock
    env.clock = new Date('2027-03-01T02:00:00Z');
    expect(await figures(c.id)).toMatchObject({ asOf: '2026-07-15', frozen: true, inForce: true });
    expect(ok<ComputeResultDto>(await b().invoke('results.compute', { caseId: c.id })).totals).toEqual(t);
    expect(fail(await b().invoke('figures.set', { caseId: c.id, asOf: '2027-03-01' })).code).toBe('forbidden');
  });

  it('changing only the cut-off date is a change that needs re-review; a draft at the old date cannot be issued', async () => {
    await createTeam(b());
    await login(b(), 'zhangming');
    const c = await importedCase(b());
    ok(await b().invoke('caseFacts.set', { caseId: c.id, facts: FACTS }));
    ok(await b().invoke('figures.set', { caseId: c.id, asOf: '2026-07-15' }));
    await issue((await draft(c.id, 'findings-notice', { issueDate: '2026-07-09' })).id);
    await login(b(), 'wangke');
    ok(await b().invoke('approvals.approve', { caseId: c.id }));
    await login(b(), 'zhangming');
    const op = await draft(c.id, 'audit-opinion', { issueDate: '2026-07-20' });
    expect(op.asOf).toBe('2026-07-15');

    const moved = ok<CaseFigures>(await b().invoke('figures.set', { caseId: c.id, asOf: '2026-07-31' }));
    expect(moved).toMatchObject({ asOf: '2026-07-31', inForce: false, approved: { asOf: '2026-07-15' } });
    expect(ok<ApprovalStatus>(await b().invoke('approvals.status', { caseId: c.id })).changedAfterReview).toBe(true);
    expect(fail(await b().invoke('documents.issue', { documentId: op.id }))).toMatchObject({ code: 'not-ready', message: expect.stringContaining('需重新审核') });
    expect(listAudit(b().db, c.id).find((e) => e.action === 'case.figures' && (e.detail as { after: { asOf: string } }).after.asOf === '2026-07-31')).toBeDefined();

    // the section head reviews the new date; the old draft's amounts are not the approved ones
    await login(b(), 'liuke');
    expect(ok<ApprovalStatus>(await b().invoke('approvals.approve', { caseId: c.id }))).toMatchObject({ asOf: '2026-07-31', changedAfterReview: false });
    await login(b(), 'zhangming');
    expect(fail(await b().invoke('documents.issue', { documentId: op.id }))).toMatchObject({ code: 'conflict', message: expect.stringContaining('计至2026年7月31日') });
    ok(await b().invoke('documents.draft', { caseId: c.id, kind: 'audit-opinion', documentId: op.id, fields: { issueDate: '2026-07-20' } }));
    expect(await issue(op.id)).toMatchObject({ asOf: '2026-07-31', status: 'issued' });
  });
});
