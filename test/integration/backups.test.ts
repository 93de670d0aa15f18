// Database backups through the backend and the backup service: online backups while the database
// is written, verification, rotation, restore of an earlier state (with a safety copy of the one
// replaced), and refusal of damaged backups that leaves the live database untouched.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import { createBackend } from '../../electron/services/backend';
import { listBackups, metaPath, readBackupMeta } from '../../electron/services/backup/backupFiles';
import { createBackup } from '../../electron/services/backup/createBackup';
import { rotateBackups } from '../../electron/services/backup/rotation';
import { verifyBackupFile } from '../../electron/services/backup/verifyBackup';
import { connect, type Db } from '../../electron/services/db/open';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import type { BackupInfo, BackupList, RestoreResult } from '../../shared/api/dto/settings';
import { createCase, keyOf, openSeeded, tempDir } from './db-helpers';
import { fail, importedCase, ok, useBackend } from './judgments-helpers';
import { insertEmployer } from '../../electron/services/db/repos/employers';

function allChainsVerify(db: Db): void {
  const caseIds = (db.prepare('SELECT DISTINCT case_id AS id FROM audit_log WHERE case_id IS NOT NULL').all() as { id: number }[]).map((r) => r.id);
  for (const id of [null, ...caseIds]) {
    const check = verifyAuditChain(listAudit(db, id));
    expect(check, `audit chain of case ${String(id)}`).toMatchObject({ ok: true });
  }
}

/** A backup in <dataDir>/backups, opened read-only with its data folder's key. */
function readOnly<T>(file: string, fn: (db: Db) => T): T {
  const db = connect(file, keyOf(path.dirname(path.dirname(file))), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const caseNumbers = (cases: Case[]) => cases.map((c) => c.number).sort();

describe('backups through the backend', () => {
  const env = useBackend('jihe-backups-');
  // Automatic backups would add files at their own time; these tests make their own.
  beforeEach(() => {
    env.backend.close();
    env.backend = createBackend({ dataDir: env.dir, runtime: 'harness', actor: 'os-user', now: () => env.clock, autoBackup: false });
  });

  it('restores exactly the earlier state: a case created after the backup disappears, the chain verifies, the replaced database is kept', async () => {
    const b = env.backend;
    const before = await importedCase(b);
    const backup = ok<BackupInfo>(await b.invoke('backups.create', {}));
    expect(backup).toMatchObject({ reason: 'manual', cases: 1, createdBy: 'os-user' });
    expect(backup.fileName).toMatch(/^jihe-\d{8}-\d{6}\.sqlite$/);
    expect(backup.sizeBytes).toBe(readFileSync(path.join(env.dir, 'backups', backup.fileName)).length);
    const snapshot = {
      cases: ok<Case[]>(await b.invoke('cases.list', {})),
      audit: listAudit(b.db, null),
      caseAudit: listAudit(b.db, before.id),
      payrollLines: (b.db.prepare('SELECT count(*) AS n FROM payroll_lines').get() as { n: number }).n,
    };
    expect(snapshot.payrollLines).toBeGreaterThan(100);

    // Work after the backup: another employer and case, and a change to the agency profile.
    const plan = ok<RatePlanSummary[]>(await b.invoke('ratePlans.list', {}))[0]!;
    const employer = ok<Employer>(await b.invoke('employers.create', { name: '示例市后来商贸有限公司', creditCode: '91350100MA2YCBJN0P' }));
    const later = ok<Case>(await b.invoke('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'tip-off' }));
    expect(ok<Case[]>(await b.invoke('cases.list', {}))).toHaveLength(2);

    env.clock = new Date(env.clock.getTime() + 60_000);
    const r = ok<RestoreResult>(await b.invoke('backups.restore', { fileName: backup.fileName }));
    expect(r.restored.fileName).toBe(backup.fileName);
    expect(r.safetyCopy).toMatchObject({ reason: 'before-restore', cases: 2 });

    const after = ok<Case[]>(await b.invoke('cases.list', {}));
    expect(caseNumbers(after)).toEqual(caseNumbers(snapshot.cases));
    expect(after.some((c) => c.id === later.id)).toBe(false);
    expect(fail(await b.invoke('cases.get', { caseId: later.id })).code).toBe('not-found');
    expect(ok<Employer[]>(await b.invoke('employers.list', {})).map((e) => e.name)).not.toContain('示例市后来商贸有限公司');
    expect((b.db.prepare('SELECT count(*) AS n FROM payroll_lines').get() as { n: number }).n).toBe(snapshot.payrollLines);
    // The case's own trail is exactly as it was; the global one gains only the restore entry.
    expect(listAudit(b.db, before.id)).toEqual(snapshot.caseAudit);
    const global = listAudit(b.db, null);
    expect(global.slice(0, snapshot.audit.length)).toEqual(snapshot.audit);
    expect(global.slice(snapshot.audit.length).map((e) => [e.action, e.detail.fileName])).toEqual([['backup.restore', backup.fileName]]);
    allChainsVerify(b.db);

    // The replaced database was kept as a backup, and holds the later case.
    const safety = path.join(env.dir, 'backups', r.safetyCopy.fileName);
    expect(readOnly(safety, (db) => (db.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get(later.id) as { n: number }).n)).toBe(1);
    // The reopened database works: new work goes on from the restored state.
    const again = ok<Case>(await b.invoke('cases.create', { employerId: before.employerId, periodFrom: '2024-01', periodTo: '2024-02', ratePlanId: plan.id, source: 'plan' }));
    expect(ok<Case[]>(await b.invoke('cases.list', {}))).toHaveLength(2);
    expect(again.number).not.toBe(before.number);
    expect(ok<BackupList>(await b.invoke('backups.list', {})).backups.map((x) => x.fileName)).toEqual([r.safetyCopy.fileName, backup.fileName]);
  });

  it('refuses a damaged backup with the reason in Chinese and leaves the live database untouched', async () => {
    const b = env.backend;
    await importedCase(b);
    const good = ok<BackupInfo>(await b.invoke('backups.create', {}));
    env.clock = new Date(env.clock.getTime() + 1000);
    const damaged = ok<BackupInfo>(await b.invoke('backups.create', {}));
    const dir = path.join(env.dir, 'backups');
    const liveBefore = { cases: ok<Case[]>(await b.invoke('cases.list', {})), audit: listAudit(b.db, null) };

    // One byte changed inside the file: the SHA-256 taken at backup time no longer matches.
    const file = path.join(dir, damaged.fileName);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(file, bytes);
    const e1 = fail(await b.invoke('backups.restore', { fileName: damaged.fileName }));
    expect(e1.code).toBe('bad-file');
    expect(e1.message).toBe(`备份 ${damaged.fileName} 不能恢复：备份文件在备份之后被修改或已损坏（SHA-256 与备份时记录的不一致）。当前数据库未作任何改动。`);

    // Without its metadata the file is judged by SQLite itself: garbage over its pages fails the integrity check.
    rmSync(metaPath(file));
    const pages = readFileSync(file);
    pages.fill(0x5a, 4096 * 2, 4096 * 6);
    writeFileSync(file, pages);
    const e2 = fail(await b.invoke('backups.restore', { fileName: damaged.fileName }));
    expect(e2.message).toMatch(new RegExp(`^备份 ${damaged.fileName} 不能恢复：备份文件已损坏`));
    expect(e2.message).toMatch(/当前数据库未作任何改动。$/);

    // Not a database at all.
    writeFileSync(file, '这不是数据库文件'.repeat(300));
    expect(fail(await b.invoke('backups.restore', { fileName: damaged.fileName })).message).toMatch(/不能恢复：(无法打开备份文件|备份文件已损坏|备份文件无法用本工作站的密钥解密)/);
    // A plain SQLite file, or one encrypted with another key, is not this workstation's backup.
    rmSync(file);
    const plain = new Database(file);
    plain.exec('CREATE TABLE notes (text TEXT)');
    plain.close();
    expect(fail(await b.invoke('backups.restore', { fileName: damaged.fileName })).message).toContain('备份文件无法用本工作站的密钥解密');
    rmSync(file);
    const otherKey = connect(file, Buffer.alloc(32, 7));
    otherKey.exec('CREATE TABLE notes (text TEXT)');
    otherKey.close();
    expect(fail(await b.invoke('backups.restore', { fileName: damaged.fileName })).message).toContain('备份文件无法用本工作站的密钥解密');
    // Some other database encrypted with this workstation's key.
    rmSync(file);
    const foreign = connect(file, keyOf(env.dir));
    foreign.exec('CREATE TABLE notes (text TEXT)');
    foreign.close();
    expect(fail(await b.invoke('backups.restore', { fileName: damaged.fileName })).message).toContain('备份文件不是稽核工作站的数据库（缺少数据表：employers、rate_plans、cases、settings、audit_log）');
    // A name that is not one of the listed backups never reaches the file system.
    expect(fail(await b.invoke('backups.restore', { fileName: '../jihe.sqlite' })).code).toBe('invalid-input');

    // Nothing changed: same cases, same trail, no safety copy made, the good backup still restores.
    expect(ok<Case[]>(await b.invoke('cases.list', {}))).toEqual(liveBefore.cases);
    expect(listAudit(b.db, null)).toEqual(liveBefore.audit);
    expect(readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort()).toEqual([damaged.fileName, good.fileName].sort());
    expect(readdirSync(env.dir).filter((f) => f.includes('restoring'))).toEqual([]);
    ok(await b.invoke('backups.restore', { fileName: good.fileName }));
    allChainsVerify(b.db);
  });

  it('keeps its retention policy beside the backups and applies it when changed', async () => {
    const b = env.backend;
    for (let i = 0; i < 4; i++) {
      env.clock = new Date(env.clock.getTime() + 86_400_000);
      ok(await b.invoke('backups.create', {}));
    }
    const before = ok<BackupList>(await b.invoke('backups.list', {}));
    expect(before.retention).toEqual({ keepRecent: 10, keepMonthly: 12 });
    expect(before.backups).toHaveLength(4);
    const after = ok<BackupList>(await b.invoke('backups.setRetention', { keepRecent: 2, keepMonthly: 0 }));
    expect(after.retention).toEqual({ keepRecent: 2, keepMonthly: 0 });
    expect(after.backups.map((x) => x.fileName)).toEqual(before.backups.slice(0, 2).map((x) => x.fileName));
    expect(JSON.parse(readFileSync(path.join(env.dir, 'backups', 'retention.json'), 'utf8'))).toEqual({ keepRecent: 2, keepMonthly: 0 });
    // The next backup rotates with the stored policy.
    env.clock = new Date(env.clock.getTime() + 86_400_000);
    const next = ok<BackupInfo>(await b.invoke('backups.create', {}));
    expect(ok<BackupList>(await b.invoke('backups.list', {})).backups.map((x) => x.fileName)).toEqual([next.fileName, before.backups[0]!.fileName]);
    expect(fail(await b.invoke('backups.setRetention', { keepRecent: 0, keepMonthly: 1 })).message).toContain('至少保留 1 份');
  });

  it('refuses to restore while an import is running', async () => {
    const b = env.backend;
    const c = await importedCase(b);
    const backup = ok<BackupInfo>(await b.invoke('backups.create', {}));
    const csv = ['姓名,身份证号码,工资月份,应发工资', '甲,110105198001010016,2024-03,9500.55', ''].join('\r\n');
    const { jobId } = ok<{ jobId: string }>(await b.invoke('imports.start', { caseId: c.id, kind: 'payroll', fileName: '补充工资.csv', data: new TextEncoder().encode(csv) }));
    const refused = fail(await b.invoke('backups.restore', { fileName: backup.fileName }));
    expect(refused).toMatchObject({ code: 'conflict', message: '有 1 个导入任务正在进行，请等其完成（或取消）后再恢复备份' });
    await b.jobSettled(jobId);
    expect(ok<BackupList>(await b.invoke('backups.list', {})).backups).toHaveLength(1);
    ok(await b.invoke('backups.restore', { fileName: backup.fileName }));
  });

  it('makes an automatic backup after changes at most once an hour, and none when nothing changed', async () => {
    env.backend.close();
    const b = createBackend({ dataDir: env.dir, runtime: 'harness', actor: 'os-user', now: () => env.clock, autoBackup: { startDelayMs: 10 } });
    env.backend = b;
    const listed = async () => ok<BackupList>(await b.invoke('backups.list', {})).backups;
    /** Automatic backups run in the background: wait until `count` are listed (or, for 0.5 s, that no more appear). */
    const list = async (count: number) => {
      for (let i = 0; i < 100; i++) {
        const now = await listed();
        if (now.length > count) return now;
        if (now.length === count && i >= 10) return now;
        await new Promise((r) => setTimeout(r, 50));
      }
      return listed();
    };
    // No backup existed: the start check made the daily one.
    let backups = await list(1);
    expect(backups.map((x) => x.reason)).toEqual(['auto-daily']);

    await importedCase(b); // changes within the hour: no new backup yet
    expect(await list(1)).toHaveLength(1);
    env.clock = new Date(env.clock.getTime() + 61 * 60_000);
    await b.invoke('cases.list', {}); // the first call an hour later sees the change
    backups = await list(2);
    expect(backups.map((x) => x.reason)).toEqual(['auto-change', 'auto-daily']);
    expect(backups[0]!.cases).toBe(1);

    env.clock = new Date(env.clock.getTime() + 3 * 60 * 60_000);
    await b.invoke('cases.list', {}); // hours later, but nothing changed
    expect(await list(2)).toHaveLength(2);
  });
});

describe('the backup files', () => {
  it('backs up online while the backend connection goes on writing, and the copy passes the integrity check', async () => {
    const tmp = tempDir('jihe-backup-online-');
    const db = openSeeded(tmp.dir);
    // The workstation writes through one connection (imports too); SQLite carries its writes into the running backup.
    const writer = db;
    try {
      createCase(db);
      // A database of some size, so the backup copies it in many steps while the writer goes on.
      const meta = { actor: 'writer', at: '2026-07-01T08:00:00.000Z' };
      db.transaction(() => {
        for (let i = 0; i < 20_000; i++) insertEmployer(db, { name: `示例存量单位${i}有限公司`, creditCode: `EXIST${String(i).padStart(13, '0')}`, address: '示例市示例区示例路'.repeat(4) }, meta);
      })();
      let written = 0;
      const state = { writing: true };
      const writes = (async () => {
        while (state.writing) {
          insertEmployer(writer, { name: `示例写入单位${written}`, creditCode: `WRITE${String(written).padStart(13, '0')}` }, meta);
          written++;
          await new Promise((r) => setImmediate(r));
        }
      })();
      const info = await createBackup(db, path.join(tmp.dir, 'backups'), { key: keyOf(tmp.dir) });
      state.writing = false;
      await writes;
      // Writes really happened between the backup's steps.
      expect(written).toBeGreaterThan(2);
      const file = path.join(tmp.dir, 'backups', info.fileName);
      const check = await verifyBackupFile(file, { key: keyOf(tmp.dir) });
      expect(check).toMatchObject({ ok: true, cases: 1 });
      // The copy is one plain file (no WAL beside it) and a consistent snapshot of the employers written so far.
      expect(readOnly(file, (d) => d.pragma('journal_mode', { simple: true }))).toBe('delete');
      const copied = readOnly(file, (d) => (d.prepare('SELECT count(*) AS n FROM employers').get() as { n: number }).n);
      const live = (db.prepare('SELECT count(*) AS n FROM employers').get() as { n: number }).n;
      expect(copied).toBeGreaterThan(20_001);
      expect(copied).toBeLessThanOrEqual(live);
      expect(readBackupMeta(file)).toMatchObject({ reason: 'manual', cases: 1, sizeBytes: readFileSync(file).length });
      expect(existsSync(`${file}.partial`)).toBe(false);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });

  it('rotation keeps the newest backups and the first of each recent month', async () => {
    const tmp = tempDir('jihe-backup-rotate-');
    const db = openSeeded(tmp.dir);
    const dir = path.join(tmp.dir, 'backups');
    try {
      const days = ['2026-01-03', '2026-01-17', '2026-02-01', '2026-02-14', '2026-02-28', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06'];
      for (const d of days) await createBackup(db, dir, { key: keyOf(tmp.dir), now: () => new Date(`${d}T10:00:00`), retention: null, reason: 'auto-daily' });
      expect(listBackups(dir)).toHaveLength(11);
      const removed = rotateBackups(dir, { keepRecent: 4, keepMonthly: 3 });
      const kept = listBackups(dir).map((b) => b.fileName);
      // Newest 4 (03-16 … 04-06) and the first of April, March and February; January is too old.
      expect(kept).toEqual(['jihe-20260406-100000.sqlite', 'jihe-20260330-100000.sqlite', 'jihe-20260323-100000.sqlite', 'jihe-20260316-100000.sqlite', 'jihe-20260302-100000.sqlite', 'jihe-20260201-100000.sqlite']);
      expect(removed.sort()).toEqual(['jihe-20260103-100000.sqlite', 'jihe-20260117-100000.sqlite', 'jihe-20260214-100000.sqlite', 'jihe-20260228-100000.sqlite', 'jihe-20260309-100000.sqlite']);
      // Metadata files go with their backups.
      expect(readdirSync(dir).sort()).toEqual(kept.flatMap((f) => [f, `${f}.json`]).sort());
      // Two backups in the same second get distinct names, the later listed first.
      const at = () => new Date('2026-04-07T09:00:00');
      const first = await createBackup(db, dir, { key: keyOf(tmp.dir), now: at, retention: null });
      const second = await createBackup(db, dir, { key: keyOf(tmp.dir), now: at, retention: null });
      expect([first.fileName, second.fileName]).toEqual(['jihe-20260407-090000.sqlite', 'jihe-20260407-090000-2.sqlite']);
      expect(listBackups(dir).slice(0, 2).map((b) => b.fileName)).toEqual([second.fileName, first.fileName]);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });
});
