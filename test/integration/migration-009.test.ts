// Migration 009 (signing, issue 8) on a database at the version before it holding a case with
// trail entries: every existing chain gets a signed head matching its rows (so trail.verify keeps
// passing on old data), the workstation key is made once, and the new tables refuse deletion.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { migration009 } from '../../electron/services/db/migrations/009_signing';
import { seedDatabase } from '../../electron/services/db/seed';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { appendAudit, listAudit, verifyStoredChain } from '../../electron/services/audit/auditLog';
import { storedChainHead } from '../../electron/services/audit/checkpoint';
import { workstationKey } from '../../electron/services/signing/workstationKey';
import { META, RESOURCES, openTestDatabase, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

describe('migration 009_signing', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  const before = migration009.version - 1;
  beforeEach(() => {
    tmp = tempDir('jihe-m010-');
    db = openTestDatabase(path.join(tmp.dir, 'old.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, before);
    seedDatabase(db, RESOURCES, META);
    const employer = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META);
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }, 2026, META))().id;
    db.transaction(() => {
      appendAudit(db, { ...META, caseId, action: 'case.create', detail: { number: '稽〔2026〕1号' } });
      appendAudit(db, { ...META, caseId, action: 'ledger.set', detail: { month: '2024-01', amount: '100.00' } });
      appendAudit(db, { ...META, caseId: null, action: 'employer.create', detail: { name: '示例市某某机械制造有限公司' } });
    })();
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('signs the head of every existing chain without touching the data', () => {
    const counts = tableCounts(db);
    expect(migrate(db, MIGRATIONS, migration009.version)).toBe(migration009.version);
    expect(userVersion(db)).toBe(migration009.version);
    const after = tableCounts(db);
    // the only new row of an old table is the workstation key in settings
    for (const [table, n] of Object.entries(counts)) expect(after[table], table).toBe(table === 'settings' ? n + 1 : n);
    for (const chain of [caseId, null]) {
      const entries = listAudit(db, chain);
      expect(storedChainHead(db, chain)).toMatchObject({ entries: entries.length, head: entries.at(-1)!.hash, fingerprint: workstationKey(db).fingerprint });
      expect(verifyStoredChain(db, chain).ok).toBe(true);
    }
    // appends after the migration move the signed head on
    db.transaction(() => appendAudit(db, { ...META, caseId, action: 'ledger.set', detail: { month: '2024-02', amount: '5.00' } }))();
    expect(storedChainHead(db, caseId)!.entries).toBe(3);
    expect(verifyStoredChain(db, caseId).ok).toBe(true);
  });

  it('refuses deleting a signed head or a registered key', () => {
    migrate(db, MIGRATIONS, migration009.version);
    expect(() => db.prepare('DELETE FROM audit_heads').run()).toThrow('不能删除');
    db.prepare("INSERT INTO workstation_keys (workstation_id, name, public_key, fingerprint, registered_at, registered_by) VALUES ('w', '一号笔记本', 'AAAA', ?, ?, ?)").run('f'.repeat(64), META.at, META.actor);
    expect(() => db.prepare('DELETE FROM workstation_keys').run()).toThrow('只能吊销');
    db.prepare('UPDATE workstation_keys SET revoked_at = ?, revoked_by = ?').run(META.at, META.actor);
    expect(() => db.prepare("UPDATE workstation_keys SET name = '改名'").run()).toThrow('已吊销');
  });
});
