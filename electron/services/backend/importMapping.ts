// The column-mapping screen's backend (issue 3): imports.preview (header, roles and first rows,
// with the employer's matching template applied), templates saved after a confirmed import,
// verification overrides recorded in the audit log, ID-join suggestions and their acceptance,
// and the import report as XLSX.
import type { ImportKind, ImportReport } from '../../../shared/domain/importReport';
import { IMPORT_KIND_NAMES } from '../../../shared/domain/importReport';
import type { ImportPreview, ImportTemplate, MappingOverrideDto } from '../../../shared/api/dto/imports';
import { appendAudit } from '../audit/auditLog';
import type { Db } from '../db/open';
import { getImportTemplate, listImportTemplates, markTemplateUsed, saveImportTemplate } from '../db/repos/importTemplates';
import { acceptIdJoin, IdJoinRefused, idJoinSuggestions, listIdJoins } from '../db/repos/personIdJoins';
import type { WriteMeta } from '../db/repos/meta';
import { listSourceFiles } from '../db/repos/sourceFiles';
import type { ImportJobData } from '../jobs/importJob';
import { headerSignature, mappingOfPreview, templateMapping } from '../import/preview';
import { previewOffThread } from '../jobs/offThread';
import { importReportXlsx } from '../import/reportXlsx';
import { ApiFailure } from './errors';
import { requireCase, requireOpenCase } from './cases';
import type { Handlers } from './types';

async function buildPreview(db: Db, caseId: number, kind: ImportKind, fileName: string, bytes: Uint8Array, mapping?: MappingOverrideDto): Promise<ImportPreview> {
  const c = requireOpenCase(db, caseId);
  // Mapping templates belong to an employer; an institution check has none.
  const templates = mapping || c.employerId === null ? [] : listImportTemplates(db, c.employerId, kind);
  // The file is read in the bounded import worker (jobs/offThread.ts), the templates from here.
  const p = await previewOffThread(bytes, fileName, kind, mapping, templates.map((t) => ({ headerSignature: t.headerSignature, mapping: t.mapping })));
  const template: ImportTemplate | null = p.template === null ? null : templates[p.template]!;
  if (p.problem !== '' && p.sheets.length === 0) return { fileName, sheets: [], problem: p.problem, template: null, templateApplied: false, mapping: {}, partial: p.partial };
  return { fileName, sheets: p.sheets, problem: '', template, templateApplied: template !== null, mapping: mappingOfPreview(p.sheets), partial: p.partial };
}

export interface MappingStartOptions {
  caseId: number;
  kind: ImportKind;
  fileName: string;
  mapping?: MappingOverrideDto;
  saveTemplate: boolean;
  templateName?: string;
  templateId?: number;
}

/**
 * What imports.start does inside the storing transaction once the rows are in: save the
 * confirmed mapping as the employer's template, note a template's use, and record overrides.
 */
export function afterMappedImport(db: Db, opts: MappingStartOptions, meta: WriteMeta) {
  return ({ sourceFileId, report, overridden }: { sourceFileId: number; report: ImportReport; overridden: readonly string[] }) => {
    const c = requireCase(db, opts.caseId);
    if (overridden.length > 0) {
      const reason = report.issues.find((i) => i.code === 'verification-overridden')?.message ?? '';
      appendAudit(db, { actor: meta.actor, at: meta.at, caseId: opts.caseId, action: 'import.verification-override', detail: { sourceFileId, fileName: opts.fileName, codes: [...overridden], note: reason } });
    }
    if (opts.templateId !== undefined && getImportTemplate(db, opts.templateId)?.employerId === c.employerId) markTemplateUsed(db, opts.templateId, meta.at);
    if (!opts.saveTemplate || !opts.mapping || c.employerId === null) return;
    const sheet = report.sheets.find((s) => s.skipped === null && s.headerRow > 0);
    if (!sheet) return;
    const sheetMapping = opts.mapping[sheet.sheet] ?? opts.mapping['*'];
    if (!sheetMapping) return;
    const signature = headerSignature(sheet.columns);
    if (!signature) return;
    const saved = saveImportTemplate(
      db,
      {
        employerId: c.employerId,
        kind: opts.kind,
        headerSignature: signature,
        name: opts.templateName ?? `${IMPORT_KIND_NAMES[opts.kind]}模板（${opts.fileName}）`,
        mapping: templateMapping(sheetMapping),
      },
      meta,
    );
    appendAudit(db, { actor: meta.actor, at: meta.at, caseId: opts.caseId, action: 'import.template-save', detail: { templateId: saved.id, name: saved.name, kind: opts.kind, sourceFileId } });
  };
}

export const importMappingHandlers: Handlers<'imports.preview' | 'imports.idJoins' | 'imports.acceptIdJoin' | 'imports.reportXlsx'> = {
  'imports.preview': (ctx, input) => buildPreview(ctx.db, input.caseId, input.kind, input.fileName, new Uint8Array(input.data), input.mapping),

  'imports.idJoins': (ctx, input) => {
    requireCase(ctx.db, input.caseId);
    return { suggestions: idJoinSuggestions(ctx.db, input.caseId), accepted: listIdJoins(ctx.db, input.caseId) };
  },

  'imports.acceptIdJoin': (ctx, input) => {
    requireOpenCase(ctx.db, input.caseId);
    try {
      return acceptIdJoin(ctx.db, input.caseId, input.fromId, input.toId, ctx.meta());
    } catch (e) {
      if (e instanceof IdJoinRefused) throw new ApiFailure('conflict', e.message);
      throw e;
    }
  },

  'imports.reportXlsx': async (ctx, input) => {
    let report: ImportReport;
    let status: string;
    let importedAt = '';
    let caseId: number | null = null;
    if (input.sourceFileId !== undefined) {
      const row = ctx.db.prepare('SELECT case_id FROM source_files WHERE id = ?').get(input.sourceFileId) as { case_id: number } | undefined;
      const file = row ? listSourceFiles(ctx.db, row.case_id).find((f) => f.id === input.sourceFileId) : undefined;
      if (!row || !file) throw new ApiFailure('not-found', '找不到该导入文件');
      report = file.report;
      importedAt = file.importedAt;
      caseId = row.case_id;
      status = `已导入 ${file.rows} 条数据`;
    } else {
      const job = ctx.jobs.get<unknown, ImportJobData>(input.jobId as string);
      if (!job?.data?.report) throw new ApiFailure('not-found', '找不到该导入任务的报告（可能已过期），请重新导入');
      report = job.data.report;
      status = job.state === 'done' ? '已导入' : job.state === 'running' ? '导入中' : `未导入：${job.error ?? '已取消'}`;
      if (job.data.sourceFileId) {
        const r = ctx.db.prepare('SELECT case_id FROM source_files WHERE id = ?').get(job.data.sourceFileId) as { case_id: number } | undefined;
        caseId = r?.case_id ?? null;
      }
    }
    const idJoins = caseId !== null ? idJoinSuggestions(ctx.db, caseId) : [];
    const data = await importReportXlsx({ report, status, importedAt, idJoins });
    const base = report.fileName.replace(/\.[^.]+$/, '');
    return { fileName: `导入报告_${base}.xlsx`, data };
  },
};
