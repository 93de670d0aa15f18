// A case walked through the procedure to the point where it may be archived (DOMAIN.md §2): the
// generated employer's files imported, the audit notice issued and served, on-site, summarised
// with an exemption, approved by the section head, opinion and rectification notice issued,
// concluded, rectifying, and referred for penalty — with a photo as evidence. Shared by the
// archive and transfer tests.
import { createHash } from 'node:crypto';
import type { Backend } from '../../electron/services/backend';
import { insertIssuedDocument, peekNextSeq } from '../../electron/services/db/repos/documents';
import type { Case, DocumentSummary, DocumentType } from '../../shared/api/dto';
import { createTeam, employerData, importedCase, login, ok } from './judgments-helpers';

const NOTICE = {
  onsiteTime: '上午9:00',
  place: '被稽核单位财务室',
  auditors: [
    { name: '张明', credentialNo: 'JH-2026-001' },
    { name: '李华', credentialNo: 'JH-2026-002' },
  ],
  contactName: '王芳',
  contactPhone: '0591-87654321',
};

/** A JPEG-looking photo (only its bytes matter: stored and archived byte-for-byte). */
export const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('现场照片：考勤机与工资台账'), 0xff, 0xd9]);

/** An issued document of a kind the documents area makes (stands in for its issue step). */
export function issue(b: Backend, caseId: number, type: string, title: string): DocumentSummary {
  const year = 2026;
  const seq = peekNextSeq(b.db, type as DocumentType, year);
  const pdf = new TextEncoder().encode(`%PDF-1.4 ${type} ${seq}`);
  return b.db.transaction(() =>
    insertIssuedDocument(
      b.db,
      { caseId, type: type as DocumentType, title, year, seq, number: `示医保${type}〔2026〕${seq}号`, model: {}, pdf, sha256: createHash('sha256').update(pdf).digest('hex'), pages: 1, fonts: null },
      { actor: 'zhangming', at: '2026-07-06T03:00:00.000Z' },
    ),
  )();
}

export interface Env {
  backend: Backend;
  clock: Date;
}

/** Walks a new case to 'rectifying' with a penalty referral issued (archivable by an archivist); logged in as the auditor at the end. */
export async function rectifyingCase(env: Env, opts: { team?: boolean } = {}): Promise<Case> {
  const b = env.backend;
  const go = async (caseId: number, to: string) => ok(await b.invoke('workflow.transition', { caseId, to }));
  if (opts.team !== false) await createTeam(b);
  await login(b, 'zhangming');
  const data = employerData();
  const c = await importedCase(b, data);
  const notice = ok<DocumentSummary>(await b.invoke('documents.generateNotice', { caseId: c.id, issueDate: '2026-07-01', onsiteDate: '2026-07-06', ...NOTICE }));
  ok(await b.invoke('workflow.recordService', { caseId: c.id, documentId: notice.id, servedOn: '2026-07-01', manner: '直接送达', recipient: '王芳（财务部）' }));
  await go(c.id, 'notified');
  env.clock = new Date('2026-07-06T02:00:00Z');
  await go(c.id, 'onsite');
  ok(await b.invoke('evidence.add', { caseId: c.id, fileName: '现场照片01.jpg', data: PHOTO, description: '考勤机与工资台账', kind: 'photo' }));
  ok(await b.invoke('exemptions.add', { caseId: c.id, personId: data.persons[0]!.personId, months: ['2024-01'], reason: 'student-intern', note: '在校实习，有学校证明' }));
  await go(c.id, 'summarised');
  await login(b, 'wangke');
  ok(await b.invoke('approvals.approve', { caseId: c.id, asOf: '2026-07-06' }));
  await login(b, 'zhangming');
  issue(b, c.id, 'audit-opinion', '稽核意见书');
  issue(b, c.id, 'rectification-notice', '限期整改通知书');
  await go(c.id, 'concluded');
  await go(c.id, 'rectifying');
  issue(b, c.id, 'penalty-referral', '提请行政处罚建议书');
  return c;
}
