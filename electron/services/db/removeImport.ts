// Taking a wrong import back out of a case (issue 10): the file's rows, the file and its bytes go
// in one transaction together with the trail entry that records them (name, SHA-256, rows and
// the reason), so the trail still says exactly what had been imported and why it went. Refused
// once the section head approved the findings — an approved result never loses its source.
import type { Db } from './open';
import { appendAudit } from '../audit/auditLog';
import { latestApproval } from './repos/approvals';
import type { WriteMeta } from './repos/meta';

export class RemoveImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoveImportRefused';
  }
}

interface FileRow {
  id: number;
  case_id: number;
  kind: 'payroll' | 'declaration';
  file_name: string;
  sha256: string;
  size: number;
  rows: number;
  imported_at: string;
  imported_by: string;
}

export function removeImport(db: Db, sourceFileId: number, reason: string, meta: WriteMeta): { caseId: number; fileName: string; rows: number } {
  return db
    .transaction(() => {
      const f = db.prepare('SELECT id, case_id, kind, file_name, sha256, size, rows, imported_at, imported_by FROM source_files WHERE id = ?').get(sourceFileId) as FileRow | undefined;
      if (!f) throw new RemoveImportRefused('找不到该导入文件（可能已被删除）');
      const c = db.prepare('SELECT number, state FROM cases WHERE id = ?').get(f.case_id) as { number: string; state: string };
      if (c.state === 'archived') throw new RemoveImportRefused(`案件 ${c.number} 已归档，导入的文件不能删除`);
      const approval = latestApproval(db, f.case_id);
      if (approval) {
        throw new RemoveImportRefused(
          `案件 ${c.number} 的稽核结论已于 ${approval.approvedAt.slice(0, 10)} 经科室负责人审核，导入的文件不能再删除或替换；如数据确有错误，请重新打开案件后补充导入并重新审核`,
        );
      }
      const table = f.kind === 'payroll' ? 'payroll_lines' : 'declaration_lines';
      const deleted = db.prepare(`DELETE FROM ${table} WHERE file_id = ?`).run(f.id).changes;
      db.prepare('DELETE FROM source_files WHERE id = ?').run(f.id);
      appendAudit(db, {
        actor: meta.actor,
        at: meta.at,
        caseId: f.case_id,
        action: 'import.remove',
        detail: { sourceFileId: f.id, kind: f.kind, fileName: f.file_name, sha256: f.sha256, size: f.size, rows: deleted, importedAt: f.imported_at, importedBy: f.imported_by, reason },
      });
      return { caseId: f.case_id, fileName: f.file_name, rows: deleted };
    })
    .immediate();
}
