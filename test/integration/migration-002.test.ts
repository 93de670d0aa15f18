// Migration 002 on a database at version 1 holding a case with imported rows: the new tables and
// their guards appear, the existing data is untouched, and the new tables follow the rules
// (append-only judgments and approvals, exemptions only revoked once, archived cases read-only).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { seedDatabase } from '../../electron/services/db/seed';
import { storeImport } from '../../electron/services/db/storeImport';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { openTestDatabase, META, payrollLines, personId, RESOURCES, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

describe('migration 002_users_judgments', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m002-');
    db = openTestDatabase(path.join(tmp.dir, 'v1.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, 1);
    seedDatabase(db, RESOURCES, META);
    const employer = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META);
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }, 2026, META))().id;
    const lines = payrollLines(5, ['2024-01', '2024-02', '2024-03']);
    storeImport(db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'b'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: lines, declarations: [] }, META);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('takes a version-1 database with data to version 2, keeping every row', () => {
    expect(userVersion(db)).toBe(1);
    const before = tableCounts(db);
    expect(before.payroll_lines).toBe(15);
    expect(migrate(db, MIGRATIONS, 2)).toBe(2);
    const after = tableCounts(db);
    for (const [table, n] of Object.entries(before)) expect(after[table]).toBe(n);
    expect(after).toMatchObject({ users: 0, exemptions: 0, finding_judgments: 0, approvals: 0, ledger_totals: 0 });
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
    for (const t of ['exemptions', 'finding_judgments', 'approvals', 'ledger_totals']) {
      expect(triggers).toEqual(expect.arrayContaining([`${t}_archived_insert`, `${t}_archived_update`, `${t}_archived_delete`]));
    }
    expect(triggers).toEqual(expect.arrayContaining(['users_no_delete', 'exemptions_no_delete', 'exemptions_only_revoke', 'finding_judgments_no_update', 'approvals_no_delete']));
    expect(migrate(db, MIGRATIONS, 2)).toBe(2);
  });

  it('enforces the rules of the new tables in SQL', () => {
    migrate(db);
    const at = '2026-07-01T08:00:00Z';
    const pid = personId(1);
    const insEx = db.prepare('INSERT INTO exemptions (case_id, person_id, months, reason, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
    expect(() => insEx.run(caseId, pid, null, 'other', '  ', at, 'a')).toThrow(/CHECK constraint/);
    expect(() => insEx.run(caseId, pid, '[]', 'student-intern', null, at, 'a')).toThrow(/CHECK constraint/);
    expect(() => insEx.run(caseId, pid, null, 'friendship', null, at, 'a')).toThrow(/CHECK constraint/);
    const exId = Number(insEx.run(caseId, pid, '["2024-02"]', 'student-intern', null, at, 'a').lastInsertRowid);

    expect(() => db.prepare("UPDATE exemptions SET reason = 'other', note = 'x' WHERE id = ?").run(exId)).toThrow('豁免记录不能修改，只能撤销一次');
    expect(() => db.prepare('DELETE FROM exemptions WHERE id = ?').run(exId)).toThrow('豁免记录不能删除');
    db.prepare('UPDATE exemptions SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(at, 'b', exId);
    expect(() => db.prepare('UPDATE exemptions SET revoked_at = ?, revoked_by = ? WHERE id = ?').run('2026-07-02', 'c', exId)).toThrow('只能撤销一次');

    const j = Number(db.prepare("INSERT INTO finding_judgments (case_id, finding_key, decision, decided_at, decided_by) VALUES (?, 'payroll-only:x:2024-01', 'accepted', ?, 'a')").run(caseId, at).lastInsertRowid);
    expect(() => db.prepare("UPDATE finding_judgments SET decision = 'exempted' WHERE id = ?").run(j)).toThrow('认定意见不能修改');
    expect(() => db.prepare('DELETE FROM finding_judgments WHERE id = ?').run(j)).toThrow('认定意见不能删除');
    expect(() => db.prepare("INSERT INTO finding_judgments (case_id, finding_key, decision, decided_at, decided_by) VALUES (?, 'k', 'exempted', ?, 'a')").run(caseId, at)).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO ledger_totals (case_id, month, amount_fen, set_at, set_by) VALUES (?, '2024-13', 1, ?, 'a')").run(caseId, at)).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO users (username, display_name, role, password_hash, password_salt, created_at, created_by) VALUES ('x1', 'X', 'auditor', 'plain-text', ?, ?, 'a')").run('0'.repeat(32), at)).toThrow(/CHECK constraint/);

    db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(caseId);
    expect(() => insEx.run(caseId, pid, null, 'student-intern', null, at, 'a')).toThrow('已归档的稽核案件不能修改');
    expect(() => db.prepare("INSERT INTO ledger_totals (case_id, month, amount_fen, set_at, set_by) VALUES (?, '2024-01', 1, ?, 'a')").run(caseId, at)).toThrow('已归档的稽核案件不能修改');
  });
});
