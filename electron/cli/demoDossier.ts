// The sample case's dossier for `jihe demo` (issue 5): the demo itself has no database, so the
// sample audit is replayed on a temporary data folder through the backend — plan, employer,
// case, both files imported through the import jobs, the auditor's exemptions, every document
// the demo wrote stored as issued with its PDF, the states the case went through — and then
// archived with the same archiving code as the app. The ZIP written is the stored dossier, so
// `jihe dossier verify` checks exactly what an archivist would receive. With --data the folder is
// kept, encrypted, with a backup and the case's (sealed) transfer package, to be inspected.
import { writeStatistics } from './statsCommand';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../services/backend';
import { writePrivateFile } from '../services/fsPrivate';
import { appendAudit } from '../services/audit/auditLog';
import { setCaseState } from '../services/db/repos/cases';
import { insertIssuedDocument, peekNextSeq } from '../services/db/repos/documents';
import { archiveCase, getArchivedDossier } from '../services/dossier/archiveCase';
import { sha256Hex } from '../services/dossier/sha256';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, CaseState, DocumentType, Employer, JobStatus, RatePlanSummary } from '../../shared/api/dto';
import type { ArchiveRecord } from '../../shared/api/dto/archive';
import { DEMO_DIR, type DemoCase } from './demoCase';
import type { DemoOutput } from './demoCommand';
import { parseExemptionsFile } from '../services/import/exemptionsFile';

const ACTOR = 'jihe demo';

function ok<T>(r: ApiResult<unknown>, what: string): T {
  if (!r.ok) throw new Error(`${what}：${r.error.message}`);
  return r.value as T;
}

/** The year and serial of a number such as 示医保稽通〔2025〕3号 (the case number for unnumbered forms). */
function yearSeq(number: string): { year: number; seq: number } {
  const m = /〔(\d{4})〕(\d+)号/.exec(number);
  if (!m) throw new Error(`无法识别文号：${number}`);
  return { year: Number(m[1]), seq: Number(m[2]) };
}

/** Writes the sample case's dossier ZIP to `file`; returns its archive record. */
export async function writeDemoDossier(file: string, c: DemoCase, demo: DemoOutput, outDir: string, keepDataDir?: string): Promise<ArchiveRecord> {
  const dataDir = keepDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'jihe-demo-dossier-'));
  let clock = new Date(`${c.dates.noticeIssue}T01:00:00Z`);
  const at = (day: string, hour = 2) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const backend = createBackend({ dataDir, runtime: 'harness', actor: ACTOR, now: () => clock });
  try {
    const b = backend;
    // the sample plan may be one the workstation ships with (then it is already there)
    const planText = await readFile(path.join(DEMO_DIR, c.files.plan), 'utf8');
    const sha = sha256Hex(new TextEncoder().encode(planText));
    const plans = ok<RatePlanSummary[]>(await b.invoke('ratePlans.list', {}), '读取缴费方案');
    const planName = (JSON.parse(planText) as { name?: string }).name;
    const plan = plans.find((p) => p.sha256 === sha) ?? plans.find((p) => p.name === planName) ?? ok<RatePlanSummary>(await b.invoke('ratePlans.import', { json: planText }), '导入缴费方案');
    const employer = ok<Employer>(await b.invoke('employers.create', { name: c.employer.name, creditCode: c.employer.creditCode, address: c.employer.address, legalRepresentative: c.employer.legalRepresentative }), '登记单位');
    const kase = ok<Case>(await b.invoke('cases.create', { employerId: employer.id, periodFrom: c.periodFrom, periodTo: c.periodTo, ratePlanId: plan.id, source: 'plan' }), '登记案件');
    if (kase.number !== c.caseNumber) throw new Error(`示例案件编号应为 ${c.caseNumber}，临时数据库给出 ${kase.number}`);
    // the case information the documents were made from (the cover names the auditors, the 备考表 the lead auditor)
    ok(
      await b.invoke('caseFacts.set', {
        caseId: kase.id,
        facts: { auditors: c.auditors, onsiteFrom: c.dates.onsiteFrom, onsiteTo: c.dates.onsiteTo, onsiteTime: c.dates.onsiteTime, place: c.place, contactName: c.contact.name, contactPhone: c.contact.phone, employerAttendees: c.employerAttendees, penaltyAddressee: c.penaltyAddressee },
      }),
      '填写案件信息',
    );
    // the case's cut-off date, so the dossier's schedule and working papers state the documents' figures
    ok(await b.invoke('figures.set', { caseId: kase.id, asOf: c.dates.asOf }), '设定计算截止日');

    // a proof of service is stored with the document it serves (its title names it)
    const serves = (d: DemoOutput['documents'][number], names: string[]) => d.kind !== 'service-proof' || names.some((n) => d.title.includes(n));
    const byKind = (kind: string, names: string[]) => demo.documents.filter((d) => d.kind === kind && d.number !== c.clean.caseNumber && serves(d, names));
    const storeDocs = async (kinds: string[], day: string, served: string[] = []) => {
      clock = at(day);
      for (const kind of kinds) {
        for (const d of byKind(kind, served)) {
          const pdf = new Uint8Array(await readFile(path.join(outDir, d.file)));
          const { year } = yearSeq(d.number);
          const seq = peekNextSeq(b.db, kind as DocumentType, year);
          b.db.transaction(() => {
            const doc = insertIssuedDocument(b.db, { caseId: kase.id, type: kind as DocumentType, title: d.title, year, seq, number: d.number, model: { file: d.file }, pdf, sha256: sha256Hex(pdf), pages: d.pages, fonts: null }, { actor: ACTOR, at: clock.toISOString() });
            appendAudit(b.db, { actor: ACTOR, at: clock.toISOString(), caseId: kase.id, action: 'document.issue', detail: { documentId: doc.id, type: kind, number: d.number, title: d.title, pages: d.pages, sha256: doc.sha256 } });
          })();
        }
      }
    };
    const moveTo = (to: CaseState, from: CaseState, day: string) => {
      clock = at(day, 3);
      b.db.transaction(() => {
        setCaseState(b.db, kase.id, to);
        appendAudit(b.db, { actor: ACTOR, at: clock.toISOString(), caseId: kase.id, action: 'case.transition', detail: { from, to, reopen: false, reason: '示例案件' } });
      })();
    };

    await storeDocs(['audit-notice', 'service-proof'], c.dates.noticeIssue, ['稽核通知书']);
    moveTo('notified', 'planned', c.dates.noticeIssue);
    moveTo('onsite', 'notified', c.dates.onsiteFrom);
    clock = at(c.dates.onsiteFrom, 4);
    for (const [kind, name] of [
      ['payroll', c.files.payroll],
      ['declaration', c.files.declarations],
    ] as const) {
      const data = new Uint8Array(await readFile(path.join(DEMO_DIR, name)));
      const { jobId } = ok<{ jobId: string }>(await b.invoke('imports.start', { caseId: kase.id, kind, fileName: path.basename(name), data }), `导入${name}`);
      await b.jobSettled(jobId);
      const job = ok<JobStatus>(await b.invoke('jobs.get', { jobId }), '导入任务');
      if (job.state !== 'done') throw new Error(`导入 ${name} 未完成：${job.error ?? job.state}`);
    }
    if (c.files.exemptions) {
      const ex = parseExemptionsFile(new Uint8Array(await readFile(path.join(DEMO_DIR, c.files.exemptions))), path.basename(c.files.exemptions));
      if (!ex.ok) throw new Error(`豁免文件有误：${ex.errors.join('；')}`);
      for (const e of ex.exemptions) ok(await b.invoke('exemptions.add', { caseId: kase.id, personId: e.personId, months: e.months ?? null, reason: e.reason, ...(e.note ? { note: e.note } : {}) }), '记录豁免');
    }
    await storeDocs(['undertaking', 'interview-record', 'work-record'], c.dates.onsiteTo);
    moveTo('summarised', 'onsite', c.dates.onsiteTo);
    await storeDocs(['findings-notice', 'service-proof'], c.dates.findingsIssue, ['稽核事实确认书']);
    await storeDocs(['audit-opinion', 'backpay-schedule', 'rectification-notice', 'service-proof'], c.dates.opinionIssue, ['稽核意见书']);
    moveTo('concluded', 'summarised', c.dates.opinionIssue);
    moveTo('rectifying', 'concluded', c.dates.opinionIssue);
    await storeDocs(['penalty-referral'], c.dates.referralIssue);

    clock = at(c.dates.referralIssue, 6);
    // the archivist receives and checks the file (检查人 on the 备考表)
    const record = await archiveCase(b.db, kase.id, { actor: { actor: c.archivist, at: clock.toISOString(), today: c.dates.referralIssue, role: null, usersExist: false } });
    await writeFile(file, getArchivedDossier(b.db, kase.id)!);
    // the monthly statistics of the month the sample case was archived in (jihe stats)
    await writeStatistics(b.db, c.dates.referralIssue.slice(0, 7), outDir, c.dates.referralIssue);
    if (keepDataDir) {
      ok(await b.invoke('backups.create', {}), '备份数据库');
      const pkg = ok<{ fileName: string; data: Uint8Array }>(await b.invoke('transfer.exportCases', { caseIds: [kase.id] }), '导出交换包');
      writePrivateFile(path.join(dataDir, pkg.fileName), pkg.data);
    }
    return record;
  } finally {
    backend.close();
    if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
