// The ONE place a database is opened (ARCHITECTURE.md §3, §5, §8). The library is
// better-sqlite3-multiple-ciphers (better-sqlite3's API over SQLite3 Multiple Ciphers): every
// file is encrypted in SQLCipher 4's format — AES-256 per page with an HMAC-SHA512 per page —
// keyed with a raw 256-bit key whose derivation is ours (dbKey.ts: keychain or scrypt). SQLCipher 4
// rather than the library's default ChaCha20 because it is the widely implemented format: the
// sqlcipher tool and DB Browser for SQLite open the file with the same key, which matters for
// records kept for years. Under Node the build in node_modules is used; in Electron the caller
// passes `nativeBinding`, the path of an Electron-ABI build kept beside node_modules. Every
// connection gets the same pragmas and is migrated to the latest version; a plain database from
// before encryption is encrypted once on open (encryptPlain.ts).
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { chmodPrivate, PRIVATE_FILE_MODE } from '../fsPrivate';
import type { DbKey } from './dbKey';
import { encryptPlainDatabase, isPlainSqliteFile, recoverInterruptedEncryption } from './encryptPlain';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** The 32-byte database key (dbKey.ts). */
  key: DbKey;
  /** Path of an Electron-ABI better_sqlite3.node; omit under plain Node. */
  nativeBinding?: string;
  /** Run the migrations (default true). Migration tests open without them. */
  migrate?: boolean;
  /** Open an existing file read-only (backup checks): no pragmas that write, no migration. */
  readonly?: boolean;
}

export class WrongDatabaseKey extends Error {
  constructor(file: string) {
    super(`数据库密钥不正确，无法打开 ${path.basename(file)}：口令有误，或这个文件不是用本工作站的密钥加密的。`);
    this.name = 'WrongDatabaseKey';
  }
}

/** Keys a fresh connection (before its first read) in SQLCipher 4's format. */
export function applyKey(db: Db, key: DbKey): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  // A plain SQLite build ignores these pragmas and would write a plain file: refuse it.
  if (db.pragma('cipher', { simple: true }) !== 'sqlcipher') throw new Error('数据库组件不支持加密（加载的不是 better-sqlite3-multiple-ciphers）');
}

/** Opens (creating 0600 if missing) and keys a connection; throws WrongDatabaseKey when the key cannot read the file. */
export function connect(file: string, key: DbKey, opts: { nativeBinding?: string; readonly?: boolean } = {}): Db {
  const memory = file === ':memory:';
  // SQLite gives the -wal and -shm files the mode of the database file.
  if (!memory && !opts.readonly && !existsSync(file)) closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  const db = new Database(file, {
    ...(opts.readonly ? { readonly: true, fileMustExist: true } : {}),
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongDatabaseKey(file);
    throw e;
  }
  return db;
}

export function openDatabase(file: string, opts: OpenOptions): Db {
  const memory = file === ':memory:';
  if (!memory && !opts.readonly) recoverInterruptedEncryption(file);
  if (!memory && !opts.readonly && isPlainSqliteFile(file)) encryptPlainDatabase(file, opts.key, { nativeBinding: opts.nativeBinding });
  const db = connect(file, opts.key, opts);
  try {
    if (opts.readonly) return db;
    // WAL lets readers (a dossier export, the harness) run while an import writes.
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Imports, issued documents and the audit log are writes that matter: FULL survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    if (!memory) for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodPrivate(f);
    if (opts.migrate !== false) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
