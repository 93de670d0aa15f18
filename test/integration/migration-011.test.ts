// Migration 011 on a database at version 10 holding an
// employer-audit case with imported rows and an issued document: cases is rebuilt with a kind
// and a target institution while every row, id and trigger (archived case read-only, UUIDs) is
// kept; the institutions directory and the screening tables keep their rules in SQL.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { seedDatabase } from '../../electron/services/db/seed';
import { storeImport } from '../../electron/services/db/storeImport';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { setCaseState } from '../../electron/services/db/repos/cases';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { META, openTestDatabase, payrollLines, tableCounts, tempDir, RESOURCES, insertCaseAtOldVersion } from './db-helpers';

const VERSION = MIGRATIONS.findIndex((m) => m.name === '011_institutions') + 1;

describe('migration 011_institutions', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m014-');
    db = openTestDatabase(path.join(tmp.dir, 'v7.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, VERSION - 1);
    seedDatabase(db, RESOURCES, META);
    const employer = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META);
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }, 2026, META))().id;
    storeImport(db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'b'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: payrollLines(3, ['2024-01']), declarations: [] }, META);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const insertInstitution = (creditCode: string, extra: Record<string, unknown> = {}) =>
    db
      .prepare(
        `INSERT INTO institutions (kind, name, credit_code, created_at, created_by, updated_at, updated_by${Object.keys(extra).map((k) => `, ${k}`).join('')})
         VALUES ('hospital', '某县人民医院', ?, 'now', 'x', 'now', 'x'${Object.keys(extra).map(() => ', ?').join('')})`,
      )
      .run(creditCode, ...Object.values(extra)).lastInsertRowid as number;

  it('keeps every case row, id and trigger, and existing cases become employer audits', () => {
    const before = tableCounts(db);
    const triggersBefore = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'cases' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(triggersBefore.length).toBeGreaterThanOrEqual(2);
    expect(migrate(db, MIGRATIONS, VERSION)).toBe(VERSION);
    const after = tableCounts(db);
    for (const [table, n] of Object.entries(before)) expect(after[table], table).toBe(n);
    const triggersAfter = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'cases' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(triggersAfter).toEqual(triggersBefore);
    expect(db.prepare('SELECT id, kind, institution_id FROM cases').all()).toEqual([{ id: caseId, kind: 'employer-audit', institution_id: null }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The archived-case trigger still holds after the rebuild.
    setCaseState(db, caseId, 'archived');
    expect(() => db.prepare("UPDATE cases SET source = 'lead' WHERE id = ?").run(caseId)).toThrow(/已归档/);
  });

  it('ties each case kind to its target and keeps the directory’s rules in SQL', () => {
    migrate(db, MIGRATIONS, VERSION);
    const inst = insertInstitution('12130123MB0000001X');
    expect(() => insertInstitution('12130123MB0000001X')).toThrow(/UNIQUE/);
    expect(() => insertInstitution('12130123MB0000002X', { agreement_status: 'suspended' })).toThrow(/CHECK/);
    expect(() => insertInstitution('12130123MB0000003X', { active: 0 })).toThrow(/CHECK/);
    const add = (kind: string, employerId: number | null, planId: number | null, institutionId: number | null) =>
      db
        .prepare("INSERT INTO cases (year, seq, number, employer_id, period_from, period_to, rate_plan_id, source, created_at, created_by, kind, institution_id) VALUES (2026, ?, ?, ?, '2024-01', '2024-03', ?, 'plan', 'now', 'x', ?, ?)")
        .run(Math.floor(Math.random() * 1e6) + 10, `N${Math.random()}`, employerId, planId, kind, institutionId);
    expect(() => add('institution-check', null, null, inst)).not.toThrow();
    expect(() => add('institution-check', null, null, null)).toThrow(/CHECK/);
    expect(() => add('employer-audit', null, null, inst)).toThrow(/CHECK/);
  });

  it('keeps screening judgments append-only with a reason for every exclusion, and read-only once archived', () => {
    migrate(db, MIGRATIONS, VERSION);
    const judge = (verdict: string, reason: string | null) =>
      db.prepare("INSERT INTO screening_judgments (case_id, hit_key, verdict, reason, judged_at, judged_by) VALUES (?, 'R01:a:b:3', ?, ?, 'now', 'x')").run(caseId, verdict, reason);
    judge('confirmed', null);
    expect(() => judge('excluded', '  ')).toThrow(/CHECK/);
    expect(() => judge('excluded', null)).toThrow(/CHECK/);
    judge('excluded', '系退费冲正');
    expect(() => db.prepare("UPDATE screening_judgments SET verdict = 'pending'").run()).toThrow(/只能追加/);
    setCaseState(db, caseId, 'archived');
    expect(() => judge('pending', null)).toThrow(/已归档/);
  });
});
