// employers.import / employers.template: the employer directory's bulk import (DOMAIN.md §10.1)
// through the messy-file importer, exactly as the institutions directory does it
// (backend/institutions.ts): refused whole with the importer's Chinese reasons (file, sheet, row,
// column) on any bad row, invalid or duplicate credit code; otherwise new employers are created
// and known ones (same credit code) updated with what the file says, in one transaction, logged.
import ExcelJS from 'exceljs';
import { COLUMN_ROLE_NAMES } from '../../../shared/domain/importReport';
import { appendAudit } from '../audit/auditLog';
import { findEmployerByCreditCode, getEmployer, insertEmployer } from '../db/repos/employers';
import { updateEmployer } from '../db/repos/office';
import { KIND_ROLES } from '../import/columnRoles';
import { importEmployerDirectory } from '../import/employerDirectory';
import { refuseUnlessWhole } from './wholeFileImport';
import type { Handlers } from './types';

export const employerDirectoryHandlers: Handlers<'employers.import' | 'employers.template'> = {
  'employers.template': async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('参保单位名录');
    sheet.addRow(['参保单位名录库基本信息表（名称、统一社会信用代码必填）']);
    const roles = KIND_ROLES.employers;
    sheet.addRow(['序号', ...roles.map((r) => COLUMN_ROLE_NAMES[r])]);
    sheet.getRow(2).font = { bold: true };
    [6, ...roles.map(() => 18)].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    return { fileName: '参保单位名录模板.xlsx', data: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
  },

  'employers.import': async (ctx, input) => {
    const parsed = await importEmployerDirectory({ bytes: input.data, fileName: input.fileName });
    refuseUnlessWhole(parsed.report, parsed.rows.length);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      let created = 0;
      let updated = 0;
      for (const r of parsed.rows) {
        const existing = findEmployerByCreditCode(ctx.db, r.input.creditCode);
        if (existing) {
          // Only what the file says changes: empty cells keep the directory's values.
          const current = getEmployer(ctx.db, existing.id)!;
          updateEmployer(ctx.db, existing.id, { ...current, ...r.input });
          updated++;
        } else {
          const e = insertEmployer(ctx.db, r.input, meta);
          if (r.input.region) updateEmployer(ctx.db, e.id, { ...e, region: r.input.region });
          created++;
        }
      }
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'employer.import', detail: { fileName: input.fileName, sha256: parsed.report.sha256, rows: parsed.rows.length, created, updated } });
      return { created, updated, report: parsed.report };
    })();
  },
};
