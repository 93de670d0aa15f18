// Migration 006 on a database at version 5 holding a case with imported rows: the workflow tables
// and their guards appear, the existing data is untouched, and the new tables keep their rules in
// SQL (append-only, a re-opening has a reason, evidence size matches its bytes, archived read-only).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { seedDatabase } from '../../electron/services/db/seed';
import { storeImport } from '../../electron/services/db/storeImport';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { openTestDatabase, META, payrollLines, RESOURCES, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

const NEW_TABLES = ['case_transitions', 'case_dates', 'evidence', 'rectification_entries', 'followup_checks', 'followup_lines'];

describe('migration 006_workflow', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m006-');
    db = openTestDatabase(path.join(tmp.dir, 'v5.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, 5);
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

  const evidenceInsert = (bytes: Buffer, size = bytes.length) =>
    db
      .prepare("INSERT INTO evidence (case_id, file_name, mime, kind, description, size, sha256, bytes, added_at, added_by) VALUES (?, 'a.png', 'image/png', 'photo', '照片', ?, ?, ?, 'x', 'x')")
      .run(caseId, size, 'c'.repeat(64), bytes);

  it('takes a version-5 database with data to version 6, keeping every row', () => {
    expect(userVersion(db)).toBe(5);
    const before = tableCounts(db);
    expect(before.payroll_lines).toBe(15);
    for (const t of NEW_TABLES) expect(before[t]).toBeUndefined();
    expect(migrate(db, MIGRATIONS, 6)).toBe(6);
    const after = tableCounts(db);
    for (const [table, n] of Object.entries(before)) expect(after[table]).toBe(n);
    for (const t of NEW_TABLES) expect(after[t]).toBe(0);
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
    for (const t of NEW_TABLES) {
      expect(triggers).toEqual(expect.arrayContaining([`${t}_archived_insert`, `${t}_archived_update`, `${t}_archived_delete`, `${t}_no_update`, `${t}_no_delete`]));
    }
    expect(migrate(db, MIGRATIONS, 6)).toBe(6);
  });

  it('keeps the rules in SQL: reasons for re-openings, sizes of evidence, append-only, archived read-only', () => {
    migrate(db, MIGRATIONS, 6);
    const transition = (from: string, to: string, reopen: number, reason: string | null) =>
      db.prepare("INSERT INTO case_transitions (case_id, from_state, to_state, reopen, reason, at, by) VALUES (?, ?, ?, ?, ?, 'x', 'x')").run(caseId, from, to, reopen, reason);
    expect(() => transition('notified', 'planned', 1, '  ')).toThrow(/CHECK constraint/);
    expect(() => transition('planned', 'planned', 0, null)).toThrow(/CHECK constraint/);
    expect(() => transition('planned', 'somewhere', 0, null)).toThrow(/CHECK constraint/);
    transition('planned', 'notified', 0, null);
    expect(() => db.prepare('UPDATE case_transitions SET reason = ?').run('改')).toThrow(/案件状态变更记录不能修改/);

    expect(() => evidenceInsert(Buffer.from([1, 2, 3]), 4)).toThrow(/CHECK constraint/);
    evidenceInsert(Buffer.from([1, 2, 3]));
    expect(() => db.prepare('DELETE FROM evidence').run()).toThrow(/证据材料不能删除/);

    const payment = () =>
      db.prepare("INSERT INTO rectification_entries (case_id, kind, paid_on, amount_fen, purpose, at, by) VALUES (?, 'payment', '2026-07-10', 100, 'back-pay', 'x', 'x')").run(caseId);
    expect(() => db.prepare("INSERT INTO rectification_entries (case_id, kind, paid_on, purpose, at, by) VALUES (?, 'payment', '2026-07-10', 'back-pay', 'x', 'x')").run(caseId)).toThrow(
      /CHECK constraint/,
    );
    payment();

    db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(caseId);
    expect(() => transition('archived', 'rectifying', 1, '再查')).toThrow(/已归档的稽核案件不能修改/);
    expect(() => evidenceInsert(Buffer.from([4, 5, 6]))).toThrow(/已归档的稽核案件不能修改/);
    expect(payment).toThrow(/已归档的稽核案件不能修改/);
    expect(() => db.prepare("INSERT INTO case_dates (case_id, key, value, at, by) VALUES (?, 'tipoff-received', '{}', 'x', 'x')").run(caseId)).toThrow(/已归档/);
  });
});
