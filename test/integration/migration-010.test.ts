// Migration 010 on a database at version 9 holding a user, a case with an import by one person
// and an approval by another: existing users keep their passwords (no one-time flag), existing
// approvals stay, and afterwards the approvals table refuses an approval by anyone the case's
// trail shows as a preparer (imports, judgments, ledger figures, case facts, drafts).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { migration010 } from '../../electron/services/db/migrations/010_segregation_accounts';
import { seedDatabase } from '../../electron/services/db/seed';
import { storeImport } from '../../electron/services/db/storeImport';
import { appendAudit } from '../../electron/services/audit/auditLog';
import { listUsers } from '../../electron/services/db/repos/users';
import { createCase, META, openTestDatabase, payrollLines, RESOURCES, tempDir } from './db-helpers';

const approve = (db: Db, caseId: number, by: string) =>
  db
    .prepare("INSERT INTO approvals (case_id, kind, as_of, review_sha256, preparer, approved_at, approved_by) VALUES (?, 'findings', '2026-07-01', ?, ?, '2026-07-01T09:00:00Z', ?)")
    .run(caseId, 'a'.repeat(64), 'recorded-preparer', by);

describe('migration 010_segregation_accounts', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m009-');
    db = openTestDatabase(path.join(tmp.dir, 'v8.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, migration010.version - 1);
    seedDatabase(db, RESOURCES, META);
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, password_salt, created_at, created_by) VALUES ('wangke', '王科长', 'section-head', 'scrypt$1$8$1$00', ?, 'x', 'x')").run('0'.repeat(32));
    caseId = createCase(db, undefined, undefined, 'old-version').caseId;
    // META.actor (测试员甲) imports; wangke approved before the migration.
    storeImport(db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'b'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: payrollLines(2, ['2024-01']), declarations: [] }, META);
    approve(db, caseId, 'wangke');
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('keeps users and approvals, adds the one-time flag, and refuses an approval by a preparer of the case', () => {
    expect(migrate(db, MIGRATIONS, migration010.version)).toBe(migration010.version);
    expect(userVersion(db)).toBe(migration010.version);
    expect(listUsers(db)).toEqual([expect.objectContaining({ username: 'wangke', mustChangePassword: false, active: true })]);
    expect(db.prepare('SELECT count(*) AS n FROM approvals').get()).toEqual({ n: 1 });

    // wangke prepared nothing: he may approve again; the importer may not, whatever the preparer column says.
    approve(db, caseId, 'wangke');
    expect(() => approve(db, caseId, META.actor)).toThrow('审核人不能审核本人参与办理的案件（职责分离）');
    // Any preparing action counts, in any letter case of the username; other actions do not.
    appendAudit(db, { actor: 'wangke', at: META.at, caseId, action: 'evidence.add', detail: {} });
    approve(db, caseId, 'WangKe');
    for (const action of ['finding.judge', 'ledger.set', 'case-facts.set', 'document.draft']) {
      const who = `prep-${action}`;
      approve(db, caseId, who);
      appendAudit(db, { actor: who, at: META.at, caseId, action, detail: {} });
      expect(() => approve(db, caseId, who.toUpperCase()), action).toThrow('职责分离');
    }
    // Preparing another case does not count.
    const other = createCase(db, '91110000600037341L', undefined, 'old-version').caseId;
    approve(db, other, META.actor);
  });
});
