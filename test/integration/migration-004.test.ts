// Migration 004 on a database at version 3 holding a case with imported rows: the template and
// ID-join tables appear, existing rows are untouched, one template per employer, kind and header
// signature, and a recorded ID join can be neither changed nor removed.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { seedDatabase } from '../../electron/services/db/seed';
import { storeImport } from '../../electron/services/db/storeImport';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { listImportTemplates, saveImportTemplate } from '../../electron/services/db/repos/importTemplates';
import { openTestDatabase, META, payrollLines, RESOURCES, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

describe('migration 004_import_mapping', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  let employerId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m004-');
    db = openTestDatabase(path.join(tmp.dir, 'v3.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, 3);
    seedDatabase(db, RESOURCES, META);
    employerId = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META).id;
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }, 2026, META))().id;
    const lines = payrollLines(4, ['2024-01', '2024-02']);
    storeImport(db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'c'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: lines, declarations: [] }, META);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('takes a version-3 database with data to version 4, keeping every row', () => {
    expect(userVersion(db)).toBe(3);
    const before = tableCounts(db);
    expect(before.payroll_lines).toBe(8);
    expect(migrate(db, MIGRATIONS, 4)).toBe(4);
    const after = tableCounts(db);
    for (const [table, n] of Object.entries(before)) expect(after[table], table).toBe(n);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['import_templates', 'person_id_joins']));
  });

  it('keeps one template per employer, kind and header signature, replacing its mapping on a later save', () => {
    migrate(db, MIGRATIONS, 4);
    const sig = 'A=姓名|B=身份证号|C=本月应得';
    saveImportTemplate(db, { employerId, kind: 'payroll', headerSignature: sig, name: '甲', mapping: { headerRow: 2, columns: { C: 'net' } } }, META);
    saveImportTemplate(db, { employerId, kind: 'payroll', headerSignature: sig, name: '乙', mapping: { headerRow: 2, columns: { C: 'gross' } } }, { ...META, at: '2026-07-02T08:00:00.000Z' });
    saveImportTemplate(db, { employerId, kind: 'declaration', headerSignature: sig, name: '丙', mapping: {} }, META);
    const payroll = listImportTemplates(db, employerId, 'payroll');
    expect(payroll).toHaveLength(1);
    expect(payroll[0]).toMatchObject({ name: '乙', mapping: { columns: { C: 'gross' } }, createdAt: META.at, lastUsedAt: '2026-07-02T08:00:00.000Z' });
    expect(() => db.prepare("INSERT INTO import_templates (employer_id, kind, header_signature, name, mapping, created_by, created_at) VALUES (?, 'payroll', 'x', 'n', 'not json', 'a', 'b')").run(employerId)).toThrow();
  });

  it('refuses to change or remove a recorded ID join, and to record one in an archived case', () => {
    migrate(db, MIGRATIONS, 4);
    const insert = db.prepare(
      "INSERT INTO person_id_joins (case_id, from_id, to_id, name, payroll_rows, declaration_rows, created_by, created_at) VALUES (?, '110105194912310021', '110105194912310012', '张三', 2, 0, 'a', 'b')",
    );
    insert.run(caseId);
    expect(() => db.prepare("UPDATE person_id_joins SET to_id = '1'").run()).toThrow(/不能修改/);
    expect(() => db.prepare('DELETE FROM person_id_joins').run()).toThrow(/不能删除/);
    db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(caseId);
    expect(() => insert.run(caseId)).toThrow(/已归档/);
  });
});
