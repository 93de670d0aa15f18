// Migration 012 (office side) on a database at the version before it holding an employer and a
// case: employers keep their rows and become active, the new tables exist, the draw record tables
// refuse UPDATE and DELETE, a case's team is frozen with the archived case, and a credential
// number is unique and free of tabs and line breaks (the draw's snapshot is tab-separated).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { migration012 } from '../../electron/services/db/migrations/012_office';
import { seedDatabase } from '../../electron/services/db/seed';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { setCaseState } from '../../electron/services/db/repos/cases';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { META, RESOURCES, openTestDatabase, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

describe('migration 012_office', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  const before = migration012.version - 1;
  beforeEach(() => {
    tmp = tempDir('jihe-m015-');
    db = openTestDatabase(path.join(tmp.dir, 'old.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, before);
    seedDatabase(db, RESOURCES, META);
    const employer = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META);
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'random' }, 2026, META))().id;
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('adds the office tables without touching existing rows; employers become active', () => {
    const counts = tableCounts(db);
    expect(migrate(db, MIGRATIONS, migration012.version)).toBe(migration012.version);
    expect(userVersion(db)).toBe(migration012.version);
    const after = tableCounts(db);
    for (const [t, n] of Object.entries(counts)) expect(after[t]).toBe(n);
    for (const t of ['inspectors', 'inspector_conflicts', 'draws', 'draw_selected', 'draw_replacements', 'draw_cases', 'case_inspectors', 'tip_offs']) expect(after[t]).toBe(0);
    expect(db.prepare('SELECT active, region FROM employers').get()).toEqual({ active: 1, region: null });
  });

  it('keeps draw records append-only, credentials unique and tab-free, and archived teams frozen', () => {
    migrate(db, MIGRATIONS, migration012.version);
    const ins = db.prepare("INSERT INTO inspectors (name, credential, created_at, created_by, updated_at) VALUES (?, ?, 'now', 't', 'now')");
    const a = Number(ins.run('张伟', '豫濮医保执0001').lastInsertRowid);
    expect(() => ins.run('王芳', '豫濮医保执0001')).toThrow(/UNIQUE/);
    expect(() => ins.run('王芳', '豫濮\t0002')).toThrow(/CHECK/);
    const drawId = Number(
      db.prepare("INSERT INTO draws (year, task, target_kind, seed, snapshot_sha256, record_json, created_at, created_by) VALUES (2026, '抽查', 'employer', '种子', ?, '{}', 'now', 't')").run('a'.repeat(64)).lastInsertRowid,
    );
    db.prepare("INSERT INTO draw_replacements (draw_id, seq, credit_code, withdrawn, replacement, reason, created_at, created_by) VALUES (?, 1, 'x', 'a', 'b', '回避', 'now', 't')").run(drawId);
    expect(() => db.prepare('UPDATE draws SET seed = ? WHERE id = ?').run('改', drawId)).toThrow(/抽查记录不能修改/);
    expect(() => db.prepare('DELETE FROM draws WHERE id = ?').run(drawId)).toThrow(/抽查记录不能删除/);
    expect(() => db.prepare('DELETE FROM draw_replacements').run()).toThrow(/递补记录不能删除/);
    db.prepare('INSERT INTO case_inspectors (case_id, position, inspector_id) VALUES (?, 1, ?)').run(caseId, a);
    setCaseState(db, caseId, 'archived');
    expect(() => db.prepare('DELETE FROM case_inspectors WHERE case_id = ?').run(caseId)).toThrow(/已归档/);
  });
});
