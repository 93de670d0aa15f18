// An archived case is read-only in the database itself (DOMAIN.md §9): plain SQL can neither
// change the case nor add, change or remove its files, rows and documents; other cases are
// untouched by the guard.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { storeImport } from '../../electron/services/db/storeImport';
import { createCase, declarationLines, META, openSeeded, payrollLines, tempDir } from './db-helpers';
import type { ImportReport } from '../../shared/domain/importReport';

function report(kind: 'payroll' | 'declaration', fileName: string, rows: number): ImportReport {
  return { kind, fileName, sha256: '', size: 0, sheets: [], rowsRead: rows, rowsTaken: rows, rowsLeftOut: 0, persons: 0, months: [], issues: [] };
}

describe('archived case', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let archived: number;
  let open: number;
  let fileId: number;
  beforeEach(() => {
    tmp = tempDir();
    db = openSeeded(tmp.dir);
    archived = createCase(db).caseId;
    open = createCase(db, '91110000600037341L').caseId;
    const payroll = payrollLines(3, ['2024-01', '2024-02']);
    for (const caseId of [archived, open]) {
      const stored = storeImport(db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'a'.repeat(64), report: report('payroll', '工资表.xlsx', 6), payroll, declarations: [] }, META);
      if (caseId === archived) fileId = stored.sourceFileId;
    }
    db.prepare(
      `INSERT INTO documents (case_id, type, title, year, seq, number, status, model, pdf, sha256, pages, created_at, created_by)
       VALUES (?, 'audit-notice', '稽核通知书', 2026, 1, '示医保稽通〔2026〕1号', 'issued', '{}', x'25504446', ?, 1, ?, ?)`,
    ).run(archived, 'b'.repeat(64), META.at, META.actor);
    db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(archived);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('refuses any change to the case row', () => {
    expect(() => db.prepare("UPDATE cases SET state = 'onsite' WHERE id = ?").run(archived)).toThrow(/已归档的稽核案件不能修改/);
    expect(() => db.prepare("UPDATE cases SET period_to = '2024-06' WHERE id = ?").run(archived)).toThrow(/已归档/);
    expect(() => db.prepare('DELETE FROM cases WHERE id = ?').run(archived)).toThrow(/已归档/);
    expect(db.prepare('SELECT state, period_to FROM cases WHERE id = ?').get(archived)).toEqual({ state: 'archived', period_to: '2024-12' });
  });

  it('refuses adding, changing or removing its files, rows and documents', () => {
    const before = db.prepare('SELECT count(*) AS n FROM payroll_lines WHERE file_id = ?').get(fileId);
    expect(() =>
      storeImport(db, { caseId: archived, kind: 'declaration', fileName: '申报.csv', bytes: new Uint8Array([9]), sha256: 'c'.repeat(64), report: report('declaration', '申报.csv', 3), payroll: [], declarations: declarationLines(3, ['2024-01']) }, META),
    ).toThrow(/已归档/);
    expect(() => db.prepare('UPDATE payroll_lines SET gross_fen = 0 WHERE file_id = ?').run(fileId)).toThrow(/已归档/);
    expect(() => db.prepare('DELETE FROM payroll_lines WHERE file_id = ?').run(fileId)).toThrow(/已归档/);
    expect(() =>
      db.prepare("INSERT INTO payroll_lines (file_id, month, person_id, name, gross_fen, sheet, row) VALUES (?, '2024-03', '110105198001010016', '甲', 100, 's', 9)").run(fileId),
    ).toThrow(/已归档/);
    expect(() => db.prepare('DELETE FROM source_files WHERE id = ?').run(fileId)).toThrow(/已归档|不能/);
    expect(() => db.prepare("UPDATE documents SET title = 'x' WHERE case_id = ?").run(archived)).toThrow(/不能修改/);
    expect(() =>
      db.prepare(
        `INSERT INTO documents (case_id, type, title, status, model, pdf, sha256, pages, created_at, created_by) VALUES (?, 'audit-notice', 't', 'draft', '{}', x'00', ?, 1, 'a', 'b')`,
      ).run(archived, 'd'.repeat(64)),
    ).toThrow(/已归档/);
    expect(db.prepare('SELECT count(*) AS n FROM payroll_lines WHERE file_id = ?').get(fileId)).toEqual(before);
  });

  it('leaves other cases writable', () => {
    const otherFile = (db.prepare('SELECT id FROM source_files WHERE case_id = ?').get(open) as { id: number }).id;
    expect(db.prepare('UPDATE payroll_lines SET name = name WHERE file_id = ?').run(otherFile).changes).toBe(6);
    expect(db.prepare("UPDATE cases SET state = 'onsite' WHERE id = ?").run(open).changes).toBe(1);
  });
});
