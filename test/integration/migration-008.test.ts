// Migration 008 (the case's figures) on a database at the version before it, holding an approved
// case: existing cases keep their data with no cut-off date set (they then use their latest
// approval's), and approval snapshots are append-only and refused for an archived case.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { migration008 } from '../../electron/services/db/migrations/008_case_figures';
import { seedDatabase } from '../../electron/services/db/seed';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { setCaseState } from '../../electron/services/db/repos/cases';
import { insertApproval } from '../../electron/services/db/repos/approvals';
import { insertSnapshot, storedCaseAsOf, setStoredCaseAsOf } from '../../electron/services/db/repos/caseFigures';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { META, RESOURCES, openTestDatabase, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

describe('migration 008_case_figures', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  let approvalId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m012-');
    db = openTestDatabase(path.join(tmp.dir, 'before.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, migration008.version - 1);
    seedDatabase(db, RESOURCES, META);
    const employer = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META);
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }, 2026, META))().id;
    approvalId = insertApproval(db, { caseId, asOf: '2026-07-06', reviewSha256: 'a'.repeat(64), preparer: 'zhangming', note: null }, { actor: 'wangke', at: META.at }).id;
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('adds the cut-off date (unset on existing cases) and append-only snapshots, refused once archived', () => {
    const before = tableCounts(db);
    expect(migrate(db, MIGRATIONS, migration008.version)).toBe(migration008.version);
    expect(userVersion(db)).toBe(migration008.version);
    const after = tableCounts(db);
    for (const [table, n] of Object.entries(before)) expect(after[table]).toBe(n);
    expect(storedCaseAsOf(db, caseId)).toBeNull();
    setStoredCaseAsOf(db, caseId, '2026-07-15');
    expect(storedCaseAsOf(db, caseId)).toBe('2026-07-15');
    expect(() => setStoredCaseAsOf(db, caseId, '2026-7-15')).toThrow(/CHECK/);

    insertSnapshot(db, caseId, { approvalId, asOf: '2026-07-06', resultJson: '{}', sha256: 'b'.repeat(64) }, META);
    expect(() => db.prepare("UPDATE approval_snapshots SET result_json = '[]'").run()).toThrow(/不能修改/);
    expect(() => db.prepare('DELETE FROM approval_snapshots').run()).toThrow(/不能删除/);
    expect(() => insertSnapshot(db, caseId, { approvalId, asOf: '2026-07-06', resultJson: '{}', sha256: 'b'.repeat(64) }, META)).toThrow(/UNIQUE/);

    setCaseState(db, caseId, 'archived');
    const second = db.prepare("INSERT INTO approvals (case_id, kind, as_of, review_sha256, preparer, note, approved_at, approved_by) SELECT case_id, kind, as_of, review_sha256, preparer, note, approved_at, approved_by FROM approvals WHERE id = ?");
    expect(() => second.run(approvalId)).toThrow(/已归档/);
    expect(() => db.prepare("INSERT INTO approval_snapshots (case_id, approval_id, as_of, result_json, sha256, created_at, created_by) VALUES (?, ?, '2026-07-06', '{}', ?, 'x', 'y')").run(caseId, approvalId, 'c'.repeat(64))).toThrow(/已归档/);
    expect(() => setStoredCaseAsOf(db, caseId, '2026-08-01')).toThrow(/已归档/);
  });
});
