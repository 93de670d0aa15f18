// Encryption at rest (issue 8 item 1, ARCHITECTURE.md §8), tried as whoever holds the laptop
// would: the database, a backup and a transfer package do not open without the key; a wrong
// passphrase is refused in Chinese; a plain database and plain backups from before are encrypted
// once, keeping every row, and no plain copy is left; files are 0600 and folders 0700; the
// command line refuses to start without JIHE_PASSPHRASE.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend';
import { writeBackupMeta } from '../../electron/services/backup/backupFiles';
import { verifyBackupFile } from '../../electron/services/backup/verifyBackup';
import { seal, unseal } from '../../electron/services/crypto/sealedFile';
import { migrate } from '../../electron/services/db/migrate';
import { seedDatabase } from '../../electron/services/db/seed';
import { runCli } from '../../electron/cli/run';
import type { BackupInfo } from '../../shared/api/dto/settings';
import { createCase, keyOf, META, openTestDatabase, payrollLines, RESOURCES, tableCounts, tempDir } from './db-helpers';
import { fail, importedCase, ok, useBackend } from './judgments-helpers';
import { storeImport } from '../../electron/services/db/storeImport';

const SQLITE_HEADER = 'SQLite format 3\0';
const mode = (f: string) => statSync(f).mode & 0o777;

/** What a thief's plain SQLite makes of the file. */
function plainRead(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return 'readable';
  } catch (e) {
    return (e as Error).message;
  } finally {
    db.close();
  }
}

/** Every file under dir (recursively). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

describe('the data folder without the key', () => {
  const env = useBackend('jihe-crypt-');

  it('gives nothing away: database, backup and transfer package are encrypted, files 0600, folders 0700', async () => {
    const b = env.backend;
    const c = await importedCase(b);
    const personId = (b.db.prepare('SELECT person_id AS id FROM payroll_lines LIMIT 1').get() as { id: string }).id;
    const backup = ok<BackupInfo>(await b.invoke('backups.create', {}));
    const pkg = ok<{ fileName: string; data: Uint8Array }>(await b.invoke('transfer.exportCases', { caseIds: [c.id] }));

    const dbFile = path.join(env.dir, 'jihe.sqlite');
    const backupFile = path.join(env.dir, 'backups', backup.fileName);
    for (const f of [dbFile, backupFile]) {
      expect(readFileSync(f).subarray(0, 16).toString('latin1')).not.toBe(SQLITE_HEADER);
      expect(plainRead(f)).toBe('file is not a database');
      expect(readFileSync(f).includes(Buffer.from(personId))).toBe(false);
    }
    // With the key, the backup is the workstation's database.
    expect(await verifyBackupFile(backupFile, { key: keyOf(env.dir) })).toMatchObject({ ok: true, cases: 1 });

    // The package: one sealed file, no ZIP header, no ID number in clear; the right passphrase opens it.
    const bytes = Buffer.from(pkg.data);
    expect(pkg.fileName).toMatch(/\.jhpkg$/);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('JIHESEAL');
    expect(bytes.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    expect(bytes.includes(Buffer.from(personId))).toBe(false);
    expect(unseal(bytes, process.env.JIHE_PASSPHRASE!).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    // One changed byte anywhere (header included) and it no longer opens.
    for (const at of [10, 40, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at]! ^ 1;
      expect(() => unseal(changed, process.env.JIHE_PASSPHRASE!), `byte ${at}`).toThrow(/(无法解密|文件头已损坏|不受本程序支持)/);
    }

    // Modes: the data folder and backups folder 0700; database, WAL, key info, backup and its metadata 0600.
    expect(mode(env.dir)).toBe(0o700);
    expect(mode(path.join(env.dir, 'backups'))).toBe(0o700);
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, path.join(env.dir, 'jihe.keyinfo.json'), backupFile, `${backupFile}.json`]) {
      if (existsSync(f)) expect(mode(f), f).toBe(0o600);
    }
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    // The key info holds the salt and the cost, never the passphrase.
    const keyinfo = readFileSync(path.join(env.dir, 'jihe.keyinfo.json'), 'utf8');
    expect(keyinfo).not.toContain(process.env.JIHE_PASSPHRASE!);
    expect(JSON.parse(keyinfo)).toMatchObject({ format: 'jihe-keyinfo', kdf: { name: 'scrypt' } });
  });

  it('refuses a wrong passphrase in Chinese, for the database and for a package', async () => {
    const c = await importedCase(env.backend);
    const pkg = ok<{ data: Uint8Array }>(await env.backend.invoke('transfer.exportCases', { caseIds: [c.id] }));
    env.backend.close();
    const right = process.env.JIHE_PASSPHRASE;
    process.env.JIHE_PASSPHRASE = '别人的口令-someone-else';
    try {
      expect(() => createBackend({ dataDir: env.dir, runtime: 'harness', autoBackup: false })).toThrow(/^数据库密钥不正确，无法打开 jihe\.sqlite/);
    } finally {
      process.env.JIHE_PASSPHRASE = right;
    }
    env.backend = createBackend({ dataDir: env.dir, runtime: 'harness', autoBackup: false });
    const e = fail(await env.backend.invoke('transfer.importPackage', { data: pkg.data, fileName: '案件.jhpkg', passphrase: '别人的口令-someone-else' }));
    expect(e).toMatchObject({ code: 'bad-file', message: '交换包 案件.jhpkg 无法解密：口令不正确，或文件已损坏、被改动' });
    expect(fail(await env.backend.invoke('transfer.exportCases', { caseIds: [c.id], passphrase: 'short' })).message).toContain('交换包口令至少需要 8 个字符');
  });
});

describe('a data folder from before encryption', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('is encrypted once on open: every row kept, the plain database, its WAL and plain backups leave no plain file', async () => {
    const tmp = tempDir('jihe-crypt-plain-');
    cleanups.push(tmp.cleanup);
    const file = path.join(tmp.dir, 'jihe.sqlite');
    // The workstation as it was: a plain better-sqlite3 database in WAL mode, with a case and 2,400 payroll lines.
    const plain = new Database(file);
    plain.pragma('journal_mode = WAL');
    plain.pragma('foreign_keys = ON');
    migrate(plain);
    seedDatabase(plain, RESOURCES, META);
    const { caseId } = createCase(plain);
    const lines = payrollLines(200, ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    storeImport(plain, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'b'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: lines, declarations: [] }, META);
    const before = tableCounts(plain);
    expect(before.payroll_lines).toBe(2400);
    // A plain backup beside it, with its metadata, as the backup service wrote them.
    mkdirSync(path.join(tmp.dir, 'backups'));
    const oldBackup = path.join(tmp.dir, 'backups', 'jihe-20260101-090000.sqlite');
    plain.prepare('VACUUM INTO ?').run(oldBackup);
    writeBackupMeta(oldBackup, { createdAt: '2026-01-01T01:00:00.000Z', createdBy: 'os-user', reason: 'manual', sizeBytes: statSync(oldBackup).size, sha256: 'x', tables: 1, cases: 1, schemaVersion: 7, auditHeadId: 1 });
    const personId = lines[0]!.personId;
    plain.close();
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).toBe(SQLITE_HEADER);

    const b = createBackend({ dataDir: tmp.dir, runtime: 'harness', autoBackup: false });
    cleanups.unshift(() => b.close());
    expect(tableCounts(b.db)).toEqual(before);
    expect(b.db.prepare('SELECT count(*) AS n FROM payroll_lines WHERE person_id = ?').get(personId)).toEqual({ n: 12 });

    // No file in the folder is plain SQLite any more, none holds an ID number in clear, no leftovers.
    const files = filesUnder(tmp.dir);
    expect(files.filter((f) => /\.(plain-old|encrypting)/.test(f))).toEqual([]);
    for (const f of files.filter((f) => !f.endsWith('.json'))) {
      const bytes = readFileSync(f);
      expect(bytes.subarray(0, 16).toString('latin1'), f).not.toBe(SQLITE_HEADER);
      expect(bytes.includes(Buffer.from(personId)), f).toBe(false);
      expect(mode(f), f).toBe(0o600);
    }
    expect(plainRead(file)).toBe('file is not a database');
    // The old backup now verifies with the key (its metadata's SHA-256 brought up to date) and restores.
    expect(await verifyBackupFile(oldBackup, { key: keyOf(tmp.dir) })).toMatchObject({ ok: true, cases: 1 });
    ok(await b.invoke('backups.restore', { fileName: path.basename(oldBackup) }));
    expect(tableCounts(b.db)).toMatchObject({ payroll_lines: 2400, cases: 1 });
  });
});

describe('an encryption interrupted by a crash', () => {
  it('puts the plain original back when the swap had not happened, then encrypts it', () => {
    const tmp = tempDir('jihe-crypt-crash-');
    try {
      const file = path.join(tmp.dir, 'jihe.sqlite');
      // The crash came after the original was renamed aside and before the encrypted copy took its name.
      const plain = new Database(`${file}.plain-old`);
      plain.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('110105198001011234'), ('乙')");
      plain.close();
      const db = openTestDatabase(file, { migrate: false });
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
      db.close();
      expect(readdirSync(tmp.dir).filter((f) => f.includes('plain-old') || f.includes('encrypting'))).toEqual([]);
      expect(plainRead(file)).toBe('file is not a database');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('the command line without JIHE_PASSPHRASE', () => {
  it('refuses demo and dossier export with a Chinese message and exit code 2', async () => {
    const tmp = tempDir('jihe-crypt-cli-');
    const saved = process.env.JIHE_PASSPHRASE;
    delete process.env.JIHE_PASSPHRASE;
    try {
      const run = async (argv: string[]) => {
        let err = '';
        const code = await runCli(argv, { stdout: () => {}, stderr: (t) => (err += t) });
        return { code, err };
      };
      const demo = await run(['demo', '--out', path.join(tmp.dir, 'out'), '--data', path.join(tmp.dir, 'data')]);
      expect(demo.code).toBe(2);
      expect(demo.err).toContain('请设置环境变量 JIHE_PASSPHRASE');
      const exp = await run(['dossier', 'export', '--data', tmp.dir, '--case', '1', '--out', path.join(tmp.dir, 'x.zip')]);
      expect(exp.code).toBe(2);
      expect(exp.err).toContain('请设置环境变量 JIHE_PASSPHRASE');
      expect(existsSync(path.join(tmp.dir, 'data'))).toBe(false);
    } finally {
      process.env.JIHE_PASSPHRASE = saved;
      tmp.cleanup();
    }
  });

  it('seals and unseals with a passphrase, refusing other passphrases', () => {
    const sealed = seal(Buffer.from('稽核数据 110105198001011234'), '口令-passphrase');
    expect(unseal(sealed, '口令-passphrase').toString()).toBe('稽核数据 110105198001011234');
    expect(() => unseal(sealed, '口令-passphrasf')).toThrow('无法解密：口令不正确');
  });
});
