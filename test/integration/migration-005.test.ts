// Migration 005 on a database at version 4 holding a case with imported payroll rows: the roster
// tables and their guards appear, existing data is untouched, and the new tables keep their rules
// in SQL (real dates, leave not before hire, files never change, archived cases read-only).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { seedDatabase } from '../../electron/services/db/seed';
import { storeImport } from '../../electron/services/db/storeImport';
import { storeRoster } from '../../electron/services/db/storeRoster';
import { loadRosterLines } from '../../electron/services/db/repos/roster';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import type { ImportReport } from '../../shared/domain/importReport';
import { openTestDatabase, META, payrollLines, personId, RESOURCES, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

const REPORT = { kind: 'roster', issues: [], rowsLeftOut: 0 } as unknown as ImportReport;

describe('migration 005_roster', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m005-');
    db = openTestDatabase(path.join(tmp.dir, 'v4.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, 4);
    seedDatabase(db, RESOURCES, META);
    const employer = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META);
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }, 2026, META))().id;
    storeImport(db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'b'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: payrollLines(4, ['2024-01', '2024-02']), declarations: [] }, META);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('takes a version-4 database with data to version 5, keeping every row', () => {
    expect(userVersion(db)).toBe(4);
    const before = tableCounts(db);
    expect(before.payroll_lines).toBe(8);
    expect(migrate(db, MIGRATIONS, 5)).toBe(5);
    const after = tableCounts(db);
    for (const [table, n] of Object.entries(before)) expect(after[table]).toBe(n);
    expect(after).toMatchObject({ roster_files: 0, roster_lines: 0 });
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
    for (const t of ['roster_files', 'roster_lines']) {
      expect(triggers).toEqual(expect.arrayContaining([`${t}_archived_insert`, `${t}_archived_update`, `${t}_archived_delete`]));
    }
    expect(triggers).toContain('roster_files_immutable');
    expect(migrate(db, MIGRATIONS, 5)).toBe(5);
  });

  it('stores a roster all-or-nothing and enforces the rules of the new tables in SQL', () => {
    migrate(db, MIGRATIONS, 5);
    const line = (n: number, hireDate: string, leaveDate: string | null, row: number) => ({
      personId: personId(n),
      name: `职工${n}`,
      hireDate,
      leaveDate,
      contractType: '劳动合同',
      source: { fileId: 0, fileName: '花名册.xlsx', sheet: '花名册', row },
    });
    const bytes = new Uint8Array([7, 8, 9, 10]);
    // A bad row in the middle rolls back the file, the good rows and the audit entry.
    const audit = () => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import.store'").get() as { n: number }).n;
    const auditBefore = audit();
    expect(() =>
      storeRoster(db, { caseId, fileName: '花名册.xlsx', bytes, sha256: 'c'.repeat(64), report: REPORT, roster: [line(1, '2020-01-01', null, 2), line(2, '2024-02-30', null, 3)] }, META),
    ).toThrow(/CHECK constraint/);
    expect(tableCounts(db)).toMatchObject({ roster_files: 0, roster_lines: 0 });
    expect(audit()).toBe(auditBefore);

    const stored = storeRoster(db, { caseId, fileName: '花名册.xlsx', bytes, sha256: 'c'.repeat(64), report: REPORT, roster: [line(1, '2020-01-01', null, 2), line(2, '2023-05-01', '2024-01-31', 3)] }, META);
    expect(stored.rows).toBe(2);
    expect(audit()).toBe(auditBefore + 1);
    expect(loadRosterLines(db, caseId).map((l) => [l.personId, l.hireDate, l.leaveDate, l.contractType, l.source.row])).toEqual([
      [personId(1), '2020-01-01', null, '劳动合同', 2],
      [personId(2), '2023-05-01', '2024-01-31', '劳动合同', 3],
    ]);

    const ins = db.prepare("INSERT INTO roster_lines (file_id, person_id, name, hire_date, leave_date, sheet, row) VALUES (?, 'x', 'x', ?, ?, 's', 2)");
    expect(() => ins.run(stored.sourceFileId, '2024-05-01', '2024-04-30')).toThrow(/CHECK constraint/);
    expect(() => ins.run(stored.sourceFileId, '2024/05/01', null)).toThrow(/CHECK constraint/);
    expect(() => ins.run(999, '2024-05-01', null)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE roster_files SET file_name = 'x' WHERE id = ?").run(stored.sourceFileId)).toThrow('导入的原始文件不能修改');

    db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(caseId);
    expect(() => ins.run(stored.sourceFileId, '2024-05-01', null)).toThrow('已归档的稽核案件不能修改');
    expect(() => db.prepare('DELETE FROM roster_lines').run()).toThrow('已归档的稽核案件不能修改');
  });
});
