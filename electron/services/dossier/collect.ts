// Everything a case's dossier holds, read from the database in one read transaction so the
// files, the trail and its head belong to the same moment even while someone else writes.
import type { Db } from '../db/open';
import { getCase } from '../db/repos/cases';
import { getEmployer } from '../db/repos/employers';
import { getDocument, listDocuments } from '../db/repos/documents';
import { getSourceFileBytes, listSourceFiles } from '../db/repos/sourceFiles';
import { getRosterFileBytes, listRosterFiles } from '../db/repos/roster';
import { listAudit, verifyStoredChain, type AuditEntry } from '../audit/auditLog';
import type { Case, DocumentSummary, Employer, SourceFile } from '../../../shared/api/dto';
import type { ComputeResult } from '../../../shared/domain/result';
import { listEvidenceFiles, type EvidenceFile } from './evidence';
import { dossierResult } from './caseResult';

export interface CaseMaterial {
  case: Case;
  employer: Employer;
  documents: (DocumentSummary & { pdf: Uint8Array })[];
  /** Every imported file byte-for-byte: payroll and declarations, then the roster files (kind 'roster'). */
  sources: (SourceFile & { bytes: Uint8Array })[];
  trail: AuditEntry[];
  head: string;
  evidence: EvidenceFile[];
  /** What the schedule and working papers are written from; null when the case cannot be computed. */
  result: ComputeResult | null;
}

const CLOSED_STATES: readonly string[] = ['concluded', 'rectifying', 'archived', 'closed-no-finding'];

export function collectCaseMaterial(db: Db, caseId: number, exportDate: string = new Date().toISOString().slice(0, 10)): CaseMaterial {
  return db.transaction(() => {
    const c = getCase(db, caseId);
    if (!c) throw new Error(`找不到案件（编号 ${caseId}）`);
    if (c.employerId === null) throw new Error(`案件 ${c.number} 是定点医药机构检查，其案卷导出尚未提供`);
    const employer = getEmployer(db, c.employerId);
    if (!employer) throw new Error(`案件 ${c.number} 的参保单位不存在`);
    const documents = listDocuments(db, caseId)
      .filter((d) => d.status === 'issued')
      .map((d) => {
        const full = getDocument(db, d.id);
        if (!full) throw new Error(`文书 ${d.number || d.title} 读取失败`);
        return { ...d, pdf: full.pdf };
      });
    const sources = listSourceFiles(db, caseId).map((f) => {
      const bytes = getSourceFileBytes(db, f.id);
      if (!bytes) throw new Error(`原始文件 ${f.fileName} 读取失败`);
      return { ...f, bytes };
    });
    // the roster (花名册) lives in its own tables (migration 005) but is an imported source all the same
    const rosters = listRosterFiles(db, caseId).map((f) => {
      const bytes = getRosterFileBytes(db, f.id);
      if (!bytes) throw new Error(`花名册 ${f.fileName} 读取失败`);
      return { ...f, bytes };
    });
    const trail = listAudit(db, caseId);
    // A dossier must never carry a trail that is already broken: refuse rather than archive it.
    const check = verifyStoredChain(db, caseId);
    if (!check.ok) throw new Error(`案件 ${c.number} 的审计记录哈希链已断开：${check.reason}，不能导出档案`);
    return { case: c, employer, documents, sources: [...sources, ...rosters], trail, head: check.head, evidence: listEvidenceFiles(db, caseId), result: dossierResult(db, caseId, exportDate) };
  })();
}

/** When the case was closed: the last trail entry's time once it is in a closing state. */
export function closedAt(m: CaseMaterial): string | null {
  if (!CLOSED_STATES.includes(m.case.state)) return null;
  return m.trail.at(-1)?.at ?? null;
}
