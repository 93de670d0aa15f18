// Migration 007 on a database at version 6 holding a case with imported rows and an issued
// document: every existing row of the transferable tables gets a distinct UUID (rows that
// triggers make immutable included), new rows get one, existing data is untouched, and the
// stored dossier is append-only and refused for an archived case.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { UUID_TABLES } from '../../electron/services/db/migrations/007_archive_transfer';
import { seedDatabase } from '../../electron/services/db/seed';
import { storeImport } from '../../electron/services/db/storeImport';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { setCaseState } from '../../electron/services/db/repos/cases';
import { insertIssuedDocument } from '../../electron/services/db/repos/documents';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { openTestDatabase, META, payrollLines, RESOURCES, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 007_archive_transfer', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m007-');
    db = openTestDatabase(path.join(tmp.dir, 'v6.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, 6);
    seedDatabase(db, RESOURCES, META);
    const employer = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META);
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }, 2026, META))().id;
    storeImport(db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'b'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: payrollLines(4, ['2024-01', '2024-02']), declarations: [] }, META);
    db.transaction(() =>
      insertIssuedDocument(db, { caseId, type: 'audit-notice', title: '稽核通知书', year: 2026, seq: 1, number: '示稽通〔2026〕1号', model: {}, pdf: new Uint8Array([37, 80, 68, 70]), sha256: 'c'.repeat(64), pages: 1, fonts: null }, META),
    )();
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('gives every existing row a distinct UUID without touching the data, and new rows one too', () => {
    const before = tableCounts(db);
    expect(migrate(db, MIGRATIONS, 7)).toBe(7);
    expect(userVersion(db)).toBe(7);
    const after = tableCounts(db);
    for (const [table, n] of Object.entries(before)) expect(after[table]).toBe(n);
    for (const t of UUID_TABLES) {
      const rows = db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number };
      const uuids = db.prepare('SELECT uuid FROM row_uuids WHERE tbl = ?').all(t) as { uuid: string }[];
      expect(uuids.length, t).toBe(rows.n);
      for (const u of uuids) expect(u.uuid).toMatch(UUID_RE);
    }
    const all = db.prepare('SELECT uuid FROM row_uuids').all() as { uuid: string }[];
    expect(new Set(all.map((u) => u.uuid)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(4);

    const employer = insertEmployer(db, { name: '另一单位', creditCode: '91350100M000200Y43' }, META);
    expect((db.prepare("SELECT uuid FROM row_uuids WHERE tbl = 'employers' AND row_id = ?").get(employer.id) as { uuid: string }).uuid).toMatch(UUID_RE);
    // the audit log's new column is empty for entries written here
    expect(db.prepare('SELECT count(*) AS n FROM audit_log WHERE hashed_case_id IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('keeps the stored dossier append-only and refuses one for an archived case', () => {
    migrate(db);
    const ins = db.prepare(
      `INSERT INTO dossier_exports (case_id, year, seq, archive_number, retention_years, sha256, size, zip, chain_head, files, exported_at, exported_by)
       VALUES (?, 2026, ?, ?, 30, ?, 3, ?, ?, 5, ?, 'a')`,
    );
    ins.run(caseId, 1, '2026-0001', 'd'.repeat(64), Buffer.from([1, 2, 3]), 'e'.repeat(64), META.at);
    expect(() => db.prepare("UPDATE dossier_exports SET sha256 = ? WHERE case_id = ?").run('f'.repeat(64), caseId)).toThrow(/不能修改/);
    expect(() => db.prepare('DELETE FROM dossier_exports WHERE case_id = ?').run(caseId)).toThrow(/不能删除/);
    // size must match the bytes
    expect(() => ins.run(caseId, 2, '2026-0002', 'd'.repeat(64), Buffer.from([1, 2]), 'e'.repeat(64), META.at)).toThrow(/constraint/i);
    db.prepare('DELETE FROM dossier_exports WHERE 0').run();
    setCaseState(db, caseId, 'archived');
    expect(() => db.prepare("UPDATE cases SET state = 'onsite' WHERE id = ?").run(caseId)).toThrow(/已归档/);
  });
});
