// Is this file a sound workstation database? Opened read-only: SQLite's integrity check, the
// tables the workstation needs, a schema version this program can open, and — when the metadata
// beside it says so — the SHA-256 taken when the backup was made. Every refusal says why in Chinese.
import { existsSync, statSync } from 'node:fs';
import type { DbKey } from '../db/dbKey';
import { connect, WrongDatabaseKey, type Db } from '../db/open';
import { MIGRATIONS } from '../db/migrations';
import { readBackupMeta, sha256OfFile } from './backupFiles';

/** Tables without which the file is not a workstation database. */
const REQUIRED_TABLES = ['employers', 'rate_plans', 'cases', 'settings', 'audit_log'];

export interface DatabaseFacts {
  tables: number;
  cases: number;
  schemaVersion: number;
  auditHeadId: number;
}

export type BackupCheck = ({ ok: true } & DatabaseFacts) | { ok: false; reason: string };

export interface VerifyOptions {
  /** Electron-ABI better-sqlite3 build (Electron only). */
  nativeBinding?: string;
  /** The workstation's database key (backups are encrypted with it). */
  key: DbKey;
  /** Compare with the SHA-256 in the metadata file (default true). */
  checkSha?: boolean;
}

/** Opens read-only and checks; never changes the file. */
export function inspectDatabaseFile(file: string, opts: VerifyOptions): BackupCheck {
  if (!existsSync(file)) return { ok: false, reason: '备份文件不存在' };
  if (statSync(file).size === 0) return { ok: false, reason: '备份文件为空' };
  let db: Db;
  try {
    db = connect(file, opts.key, { readonly: true, nativeBinding: opts.nativeBinding });
  } catch (e) {
    if (e instanceof WrongDatabaseKey) return { ok: false, reason: '备份文件无法用本工作站的密钥解密（不是本工作站的备份，或文件已损坏）' };
    return { ok: false, reason: `无法打开备份文件（${(e as Error).message}）` };
  }
  try {
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      return { ok: false, reason: `备份文件已损坏，完整性检查未通过：${problems.slice(0, 3).join('；')}` };
    }
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
    if (missing.length) return { ok: false, reason: `备份文件不是稽核工作站的数据库（缺少数据表：${missing.join('、')}）` };
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const latest = MIGRATIONS.length;
    if (schemaVersion > latest) return { ok: false, reason: `备份来自较新版本的稽核工作站（数据库版本 ${schemaVersion}，本程序支持到 ${latest}），不能在此恢复` };
    const cases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const auditHeadId = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
    return { ok: true, tables: tables.length, cases, schemaVersion, auditHeadId };
  } catch (e) {
    // A damaged header or page can make the checks themselves fail.
    return { ok: false, reason: `备份文件已损坏，无法读取（${(e as Error).message}）` };
  } finally {
    db.close();
  }
}

/** inspectDatabaseFile plus the SHA-256 recorded when the backup was made. */
export async function verifyBackupFile(file: string, opts: VerifyOptions): Promise<BackupCheck> {
  if (opts.checkSha !== false && existsSync(file)) {
    const meta = readBackupMeta(file);
    if (meta && (await sha256OfFile(file)) !== meta.sha256) {
      return { ok: false, reason: '备份文件在备份之后被修改或已损坏（SHA-256 与备份时记录的不一致）' };
    }
  }
  return inspectDatabaseFile(file, opts);
}
