// The life of a document through backend.invoke on a real database with realistic imported files:
// drafts carry no number and the 草稿 watermark; issuing takes the next number of the type and
// year and never skips one across a failed issue; an issued document cannot change (API and SQL);
// a correction is a new numbered document citing the old one; the opinion needs a current
// approval; the opinion's and the schedule's totals equal results.compute to the fen, in figures
// and capitals, in the PDF text and in the XLSX.
import { scheduleColumn } from './schedule-xlsx-helpers';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ComputeResultDto } from '../../shared/api/dto';
import type { CaseFactsView, DocumentKindStatus, DocumentListItem } from '../../shared/api/dto/documents';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';
import type { DocumentModel } from '../../shared/documents/model';
import { inlineText } from '../../shared/documents/model';
import { fenFromString, formatFenGrouped } from '../../shared/rules/money';
import { createTeam, fail, importedCase, login, ok, useBackend } from './judgments-helpers';

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

describe('documents: draft, issue, correct', () => {
  const env = useBackend('jihe-doclife-');

  const b = () => env.backend;
  const pdfText = async (documentId: number): Promise<string> => {
    const { data } = ok<{ data: Uint8Array }>(await b().invoke('documents.pdf', { documentId }));
    const file = path.join(env.dir, `doc-${documentId}.pdf`);
    writeFileSync(file, data);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '').replace(/—\d+—/g, '');
  };
  const draft = async (caseId: number, kind: string, fields: Record<string, unknown> = {}) => ok<DocumentListItem>(await b().invoke('documents.draft', { caseId, kind, fields }));
  const issue = async (documentId: number) => ok<DocumentListItem>(await b().invoke('documents.issue', { documentId }));
  const list = async (caseId: number) => ok<DocumentListItem[]>(await b().invoke('documents.list', { caseId }));
  const seqOf = (type: string, year = 2026) =>
    (b().db.prepare('SELECT last_seq FROM document_sequences WHERE type = ? AND year = ?').get(type, year) as { last_seq: number } | undefined)?.last_seq ?? 0;

  async function preparedCase() {
    await createTeam(b());
    await login(b(), 'zhangming');
    const c = await importedCase(b());
    const facts = ok<CaseFactsView>(await b().invoke('caseFacts.set', { caseId: c.id, facts: FACTS }));
    expect(facts).toMatchObject({ caseId: c.id, facts: { auditors: FACTS.auditors, place: FACTS.place }, updatedBy: 'zhangming' });
    return c;
  }

  it('case facts are stored once and prefill every form; the kinds say what is missing', async () => {
    await createTeam(b());
    await login(b(), 'zhangming');
    const c = await importedCase(b());
    let kinds = ok<DocumentKindStatus[]>(await b().invoke('documents.kinds', { caseId: c.id }));
    const notice = kinds.find((k) => k.kind === 'findings-notice')!;
    expect(notice.available).toBe(false);
    expect(notice.reasons).toEqual(expect.arrayContaining(['请在“案件信息”中填写实地稽核开始日期']));
    expect(fail(await b().invoke('caseFacts.set', { caseId: c.id, facts: { ...FACTS, onsiteTo: '2026-07-01' } })).message).toBe('实地稽核结束日期不能早于开始日期');
    ok(await b().invoke('caseFacts.set', { caseId: c.id, facts: FACTS }));
    kinds = ok<DocumentKindStatus[]>(await b().invoke('documents.kinds', { caseId: c.id }));
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k]));
    expect(byKind['findings-notice']).toMatchObject({ available: true, numbered: true, needsApproval: false, defaults: { issueDate: '2026-07-08', asOf: '2026-07-01' } }); // amounts at the case's cut-off date (not set: today)
    expect(byKind['audit-notice']!.defaults).toEqual({ issueDate: '2026-07-01' });
    expect(byKind['audit-opinion']).toMatchObject({ available: true, needsApproval: true, issueBlocker: expect.stringContaining('尚未经科室负责人审核') });
    expect(byKind['rectification-notice']).toMatchObject({ available: false, reasons: ['须先签发稽核意见书'] });
    expect(byKind['no-violation-notice']!.available).toBe(false);
    expect(byKind['no-violation-notice']!.reasons.join()).toMatch(/不能出具无违规结论通知/);
    expect(byKind['undertaking']).toMatchObject({ available: true, numbered: false });
    expect(kinds.map((k) => k.kind)).not.toContain('dossier-cover');
  });

  it('a draft has no number and the 草稿 watermark; issuing numbers it, freezes it, and the database refuses changes', async () => {
    const c = await preparedCase();
    const d = await draft(c.id, 'findings-notice', { issueDate: '2026-07-09' });
    expect(d).toMatchObject({ type: 'findings-notice', status: 'draft', state: 'draft', number: '', fields: { issueDate: '2026-07-09', asOf: '2026-07-01' }, asOf: '2026-07-01' });
    const draftText = await pdfText(d.id);
    expect(draftText).toContain('草稿');
    expect(draftText).toContain('示医保稽告〔2026〕号'); // the sequence left blank
    expect(seqOf('findings-notice')).toBe(0);
    const draftModel = ok<DocumentModel>(await b().invoke('documents.model', { documentId: d.id }));
    expect(draftModel.number).toBe('示医保稽告〔2026〕　号');

    // a draft is rebuilt at will with other fields
    const again = ok<DocumentListItem>(await b().invoke('documents.draft', { caseId: c.id, kind: 'findings-notice', documentId: d.id, fields: { issueDate: '2026-07-10' } }));
    // the amounts are the case's, at its cut-off date (here not set: today), whatever the issue date
    expect(again).toMatchObject({ id: d.id, status: 'draft', fields: { issueDate: '2026-07-10', asOf: '2026-07-01' } });

    const issued = await issue(d.id);
    expect(issued).toMatchObject({ id: d.id, status: 'issued', state: 'issued', number: '示医保稽告〔2026〕1号', issuedBy: 'zhangming' });
    const text = await pdfText(d.id);
    expect(text).not.toContain('草稿');
    expect(text).toContain('示医保稽告〔2026〕1号');
    expect(ok<DocumentModel>(await b().invoke('documents.model', { documentId: d.id })).number).toBe('示医保稽告〔2026〕1号');
    const pdf = ok<{ data: Uint8Array }>(await b().invoke('documents.pdf', { documentId: d.id })).data;
    expect(Buffer.from(pdf).toString('latin1')).toContain('pdfaid:part'); // archival PDF/A-2b

    // frozen: the API refuses, and so does SQL
    expect(fail(await b().invoke('documents.issue', { documentId: d.id })).code).toBe('conflict');
    expect(fail(await b().invoke('documents.draft', { caseId: c.id, kind: 'findings-notice', documentId: d.id, fields: {} })).message).toMatch(/已签发，不能修改/);
    expect(() => b().db.prepare("UPDATE documents SET title = 'x' WHERE id = ?").run(d.id)).toThrow('已签发的文书不能修改');
    expect(() => b().db.prepare('UPDATE documents SET pdf = ? WHERE id = ?').run(Buffer.from('x'), d.id)).toThrow('已签发的文书不能修改');
    expect(() => b().db.prepare('DELETE FROM documents WHERE id = ?').run(d.id)).toThrow('已签发的文书不能删除');
    // and a draft can never hold a number
    expect(() => b().db.prepare("INSERT INTO documents (case_id, type, title, status, number, model, pdf, sha256, pages, created_at, created_by) VALUES (?, 'audit-opinion', 't', 'draft', 'x', '{}', x'00', ?, 1, 'now', 'me')").run(c.id, 'a'.repeat(64))).toThrow('草稿文书没有文号');
    // numbers only move forward
    expect(() => b().db.prepare("UPDATE document_sequences SET last_seq = 0 WHERE type = 'findings-notice'").run()).toThrow('文号序列只能递增');
  });

  it('numbering never repeats and never skips across failed issues', async () => {
    const c = await preparedCase();
    const a = await draft(c.id, 'findings-notice', { issueDate: '2026-07-09' });
    const bDoc = await draft(c.id, 'findings-notice', { issueDate: '2026-07-09' });
    // a failure inside the issuing transaction (here a trigger standing in for a full disk)
    b().db.exec("CREATE TEMP TRIGGER fail_issue BEFORE UPDATE ON documents WHEN NEW.status = 'issued' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(fail(await b().invoke('documents.issue', { documentId: a.id })).message).toMatch(/disk full/);
    expect(seqOf('findings-notice')).toBe(0);
    expect((await list(c.id)).find((x) => x.id === a.id)).toMatchObject({ status: 'draft', number: '' });
    b().db.exec('DROP TRIGGER fail_issue');
    // a stale draft is refused before any number is taken
    const row = ok<ComputeResultDto>(await b().invoke('results.compute', { caseId: c.id, asOf: '2026-07-09' })).rows[0]!;
    const ex = ok<{ id: number }>(await b().invoke('exemptions.add', { caseId: c.id, personId: row.personId, months: [row.month], reason: 'student-intern' }));
    expect(fail(await b().invoke('documents.issue', { documentId: bDoc.id }))).toMatchObject({ code: 'conflict', message: expect.stringContaining('请重新生成草稿') });
    expect(seqOf('findings-notice')).toBe(0);
    ok(await b().invoke('exemptions.revoke', { exemptionId: ex.id }));

    expect((await issue(bDoc.id)).number).toBe('示医保稽告〔2026〕1号');
    expect((await issue(a.id)).number).toBe('示医保稽告〔2026〕2号');
    // another type and another year have their own sequences
    const nextYear = await draft(c.id, 'findings-notice', { issueDate: '2027-01-05' });
    expect((await issue(nextYear.id)).number).toBe('示医保稽告〔2027〕1号');
    const notice = await draft(c.id, 'audit-notice', { issueDate: '2026-07-01' });
    expect((await issue(notice.id)).number).toBe('示医保稽通〔2026〕1号');
    // the old notice method shares the audit notice's sequence
    const old = ok<{ number: string }>(
      await b().invoke('documents.generateNotice', { caseId: c.id, onsiteDate: '2026-07-06', onsiteTime: '上午9:00', place: FACTS.place, auditors: FACTS.auditors, contactName: '王建国', contactPhone: '0000-12345678', issueDate: '2026-07-02' }),
    );
    expect(old.number).toBe('示医保稽通〔2026〕2号');
    const numbers = (await list(c.id)).map((x) => x.number).filter((n) => n !== '');
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('the opinion needs a current approval; its and the schedule’s totals equal results.compute in figures and capitals', { timeout: 180_000 }, async () => {
    const c = await preparedCase();
    const fn = await issue((await draft(c.id, 'findings-notice', { issueDate: '2026-07-09' })).id);
    const op = await draft(c.id, 'audit-opinion', { issueDate: '2026-07-20', response: '你单位在规定期限内未提出陈述、申辩' });
    expect(fail(await b().invoke('documents.issue', { documentId: op.id }))).toMatchObject({ code: 'not-ready', message: expect.stringContaining('尚未经科室负责人审核') });
    expect(seqOf('audit-opinion')).toBe(0);

    await login(b(), 'wangke');
    ok(await b().invoke('approvals.approve', { caseId: c.id, asOf: '2026-07-20' }));
    await login(b(), 'zhangming');
    const result = ok<ComputeResultDto>(await b().invoke('results.compute', { caseId: c.id, asOf: '2026-07-20' }));
    const row = result.rows.find((r) => !r.payrollOnly) ?? result.rows[0]!;
    ok(await b().invoke('findings.judge', { caseId: c.id, key: `${row.payrollOnly ? 'payroll-only' : 'under-declared'}:${row.personId}:${row.month}`, decision: 'accepted', note: '复核确认' }));
    expect(fail(await b().invoke('documents.issue', { documentId: op.id }))).toMatchObject({ code: 'not-ready', message: expect.stringContaining('后已有变更，需重新审核') });
    expect(seqOf('audit-opinion')).toBe(0);
    await login(b(), 'liuke');
    ok(await b().invoke('approvals.approve', { caseId: c.id, asOf: '2026-07-20' }));
    await login(b(), 'zhangming');

    // the draft was made before the approval, at another cut-off date: its amounts are not the approved ones
    expect(fail(await b().invoke('documents.issue', { documentId: op.id }))).toMatchObject({ code: 'conflict', message: expect.stringContaining('与审核通过的稽核结论（计至2026年7月20日）不一致') });
    ok(await b().invoke('documents.draft', { caseId: c.id, kind: 'audit-opinion', documentId: op.id, fields: { issueDate: '2026-07-20', response: '你单位在规定期限内未提出陈述、申辩' } }));
    const opinion = await issue(op.id);
    expect(opinion).toMatchObject({ number: '示医保稽意〔2026〕1号', asOf: '2026-07-20' });
    const text = await pdfText(op.id);
    const t = result.totals;
    expect(fenFromString(t.total)).toBeGreaterThan(0);
    for (const v of [t.backPay, t.lateFee, t.total]) expect(text).toContain(formatFenGrouped(fenFromString(v)));
    expect(text).toContain(toChineseCapitals(fenFromString(t.total)));
    expect(text).toContain(fn.number); // cites the notice of findings

    // the schedule follows the opinion's as-of date and is annexed to it
    const sch = await draft(c.id, 'backpay-schedule');
    expect(sch).toMatchObject({ asOf: '2026-07-20', hasXlsx: true });
    await issue(sch.id);
    const schText = await pdfText(sch.id);
    expect(schText).toContain('示医保稽意〔2026〕1号');
    for (const v of [t.backPay, t.lateFee]) expect(schText).toContain(formatFenGrouped(fenFromString(v)));
    const x = ok<{ fileName: string; data: Uint8Array }>(await b().invoke('documents.xlsx', { documentId: sch.id }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('补缴明细')!;
    let totals: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '合计') totals = r;
    });
    const fen = (v: ExcelJS.CellValue) => Math.round(Number(v) * 100);
    expect(fen(totals!.getCell(scheduleColumn(ws, '补缴合计')).value)).toBe(fenFromString(t.backPay));
    expect(fen(totals!.getCell(scheduleColumn(ws, '滞纳金')).value)).toBe(fenFromString(t.lateFee));
    expect(fail(await b().invoke('documents.xlsx', { documentId: op.id })).code).toBe('not-found');

    // the rectification notice now can be made, and repeats the opinion's figures
    const rect = await issue((await draft(c.id, 'rectification-notice', { issueDate: '2026-07-20' })).id);
    expect(rect.number).toBe('示医保稽改〔2026〕1号');
    expect(await pdfText(rect.id)).toContain(formatFenGrouped(fenFromString(t.total)));
  });

  it('a correction is a new document citing the old one, with a new number; the old one stays, marked superseded', async () => {
    const c = await preparedCase();
    const old = await issue((await draft(c.id, 'findings-notice', { issueDate: '2026-07-09' })).id);
    expect(fail(await b().invoke('documents.correct', { documentId: old.id, reason: '  ' })).code).toBe('invalid-input');
    const corr = ok<DocumentListItem>(await b().invoke('documents.correct', { documentId: old.id, reason: '稽核期间内一名职工的姓名有误' }));
    expect(corr).toMatchObject({ status: 'draft', type: 'findings-notice', supersedes: { id: old.id, number: '示医保稽告〔2026〕1号', reason: '稽核期间内一名职工的姓名有误' } });
    expect(fail(await b().invoke('documents.correct', { documentId: old.id, reason: '再次更正' })).message).toMatch(/已有更正草稿/);
    let items = await list(c.id);
    expect(items.find((d) => d.id === old.id)).toMatchObject({ state: 'issued', correctedBy: { id: corr.id, status: 'draft' } });

    const issued = await issue(corr.id);
    expect(issued.number).toBe('示医保稽告〔2026〕2号');
    const model = ok<DocumentModel>(await b().invoke('documents.model', { documentId: corr.id }));
    const note = model.blocks.find((x) => x.kind === 'paragraph' && inlineText(x.content).startsWith('更正说明'));
    expect(note && note.kind === 'paragraph' && inlineText(note.content)).toContain('示医保稽告〔2026〕1号');
    expect(await pdfText(corr.id)).toContain('稽核期间内一名职工的姓名有误');
    items = await list(c.id);
    expect(items.find((d) => d.id === old.id)).toMatchObject({ state: 'superseded', status: 'issued', number: '示医保稽告〔2026〕1号', correctedBy: { id: corr.id, number: '示医保稽告〔2026〕2号', status: 'issued' } });
    // the old one is still there, unchanged
    expect(ok<{ data: Uint8Array }>(await b().invoke('documents.pdf', { documentId: old.id })).data.length).toBeGreaterThan(1000);
    // SQL refuses a correction of a draft
    const aDraft = await draft(c.id, 'findings-notice');
    expect(() =>
      b()
        .db.prepare("INSERT INTO documents (case_id, type, title, status, model, pdf, sha256, pages, created_at, created_by, supersedes_id, correction_reason) VALUES (?, 'findings-notice', 't', 'draft', '{}', x'00', ?, 1, 'now', 'me', ?, 'r')")
        .run(c.id, 'a'.repeat(64), aDraft.id),
    ).toThrow('更正文书只能引用本案件同类型的已签发文书');
  });
  it('a proof of service serves issued documents and has its own number; forms without a number are issued unnumbered', async () => {
    const c = await preparedCase();
    let kinds = ok<DocumentKindStatus[]>(await b().invoke('documents.kinds', { caseId: c.id }));
    expect(kinds.find((k) => k.kind === 'service-proof')).toMatchObject({ available: false, reasons: ['须先签发要送达的文书'] });
    const notice = await issue((await draft(c.id, 'audit-notice', { issueDate: '2026-07-01' })).id);
    kinds = ok<DocumentKindStatus[]>(await b().invoke('documents.kinds', { caseId: c.id }));
    expect(kinds.find((k) => k.kind === 'service-proof')).toMatchObject({ available: true, defaults: { servedDocumentIds: [notice.id], manner: '直接送达' } });
    const proof = await draft(c.id, 'service-proof', { issueDate: '2026-07-01', serviceDate: '2026-07-02' });
    expect(proof.title).toBe('送达回证（稽核通知书）');
    expect((await issue(proof.id)).number).toBe('示医保稽送〔2026〕1号');
    const text = await pdfText(proof.id);
    expect(text).toContain('示医保稽通〔2026〕1号');
    expect(text).toContain('2026年7月2日');

    const und = await issue((await draft(c.id, 'undertaking')).id);
    expect(und).toMatchObject({ status: 'issued', number: '' });
    expect(await pdfText(und.id)).toContain('工资表2024上半年.xlsx');
    const wr = await draft(c.id, 'work-record', { observations: ['单位财务人员配合检查'] });
    expect(wr.asOf).toBe('2026-07-01'); // the case's cut-off date, as every document's
    const wrIssued = await issue(wr.id);
    expect(wrIssued.number).toBe('');
    expect(await pdfText(wr.id)).toContain('单位财务人员配合检查');
    // a proof of service refuses a draft as what it serves
    const other = await draft(c.id, 'findings-notice');
    expect(fail(await b().invoke('documents.draft', { caseId: c.id, kind: 'service-proof', fields: { servedDocumentIds: [other.id] } })).message).toContain('不是本案件已签发的文书');
  });
});
