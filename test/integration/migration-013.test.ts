// Migration 013 (risk screening) on a database at the version before it holding an employer: the
// rows stay, the wage table is unique per year, industry and region and refuses a non-positive
// wage, and the versioned weights and the tier overrides are append-only.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { migration013 } from '../../electron/services/db/migrations/013_risk';
import { seedDatabase } from '../../electron/services/db/seed';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { META, RESOURCES, openTestDatabase, tableCounts, tempDir } from './db-helpers';

describe('migration 013_risk', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let employerId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m016-');
    db = openTestDatabase(path.join(tmp.dir, 'old.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, migration013.version - 1);
    seedDatabase(db, RESOURCES, META);
    employerId = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43', industry: '制造业' }, META).id;
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('adds the risk tables without touching existing rows', () => {
    const counts = tableCounts(db);
    expect(migrate(db, MIGRATIONS, migration013.version)).toBe(migration013.version);
    expect(userVersion(db)).toBe(migration013.version);
    const after = tableCounts(db);
    for (const [t, n] of Object.entries(counts)) expect(after[t]).toBe(n);
    for (const t of ['industry_wages', 'risk_params', 'risk_overrides']) expect(after[t]).toBe(0);
  });

  it('keeps wages unique and positive, and weights and overrides append-only', () => {
    migrate(db, MIGRATIONS, migration013.version);
    const wage = db.prepare("INSERT INTO industry_wages (year, industry, region, average_monthly_fen, source, updated_at, updated_by) VALUES (2024, '制造业', ?, ?, '', 'now', 't')");
    wage.run('', 600000);
    wage.run('华龙区', 800000);
    expect(() => wage.run('', 700000)).toThrow(/UNIQUE/);
    expect(() => wage.run('开发区', 0)).toThrow(/CHECK/);
    db.prepare("INSERT INTO risk_params (version, params_json, created_at, created_by) VALUES (1, '{}', 'now', 't')").run();
    expect(() => db.prepare("UPDATE risk_params SET params_json = '[]'").run()).toThrow(/不能修改/);
    const o = db.prepare("INSERT INTO risk_overrides (employer_id, year, computed_tier, tier, reason, created_at, created_by) VALUES (?, 2026, 'high', ?, ?, 'now', 't')");
    o.run(employerId, 'low', '举报不属实');
    expect(() => o.run(employerId, 'low', '  ')).toThrow(/CHECK/);
    expect(() => o.run(employerId, 'urgent', '理由')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE risk_overrides SET tier = 'high'").run()).toThrow(/风险等级调整记录不能修改/);
    expect(() => db.prepare('DELETE FROM risk_overrides').run()).toThrow(/风险等级调整记录不能删除/);
  });
});
