// A data folder from before encryption holds plain SQLite files. Each is encrypted once, on its
// first keyed open: a compact copy (VACUUM INTO), encrypted in place with PRAGMA rekey (the
// library has no sqlcipher_export), reopened with the key and its row counts compared table by
// table; then it takes the original's name by rename and the plain original — with its -wal and
// -shm — is overwritten with zeros and deleted. If the process dies half-way, the original is
// still there under its name (or, after the swap, the leftover plain file is wiped on the next open).
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { chmodPrivate, wipeFile } from '../fsPrivate';
import type { DbKey } from './dbKey';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file exists and starts with the plain SQLite header (an encrypted file starts with random salt). */
export function isPlainSqliteFile(file: string): boolean {
  if (!existsSync(file)) return false;
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

function keyPragmas(db: Database.Database): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

/** Plain SQLite file → the same database encrypted with `key`, under the same name; the plain bytes wiped. */
export function encryptPlainDatabase(file: string, key: DbKey, opts: { nativeBinding?: string } = {}): { tables: Record<string, number> } {
  const binding = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
  const partial = `${file}.encrypting`;
  const old = `${file}.plain-old`;
  for (const f of [partial, `${partial}-journal`]) if (existsSync(f)) wipeFile(f);

  const plain = new Database(file, { ...binding, fileMustExist: true });
  let before: Record<string, number>;
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    before = rowCounts(plain);
    plain.prepare('VACUUM INTO ?').run(partial);
  } finally {
    plain.close();
  }
  chmodPrivate(partial);

  const copy = new Database(partial, binding);
  try {
    copy.pragma('journal_mode = DELETE');
    keyPragmas(copy);
    copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    copy.close();
  }
  if (isPlainSqliteFile(partial)) throw new Error(`数据库加密失败：${partial} 仍是明文`);

  const check = new Database(partial, { ...binding, fileMustExist: true });
  try {
    keyPragmas(check);
    check.pragma(`key = "x'${key.toString('hex')}'"`);
    const problems = check.pragma('integrity_check', { simple: true });
    if (problems !== 'ok') throw new Error(`数据库加密后的完整性检查未通过：${String(problems)}`);
    const after = rowCounts(check);
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('数据库加密后的行数与原数据库不一致，原数据库保持不变');
  } catch (e) {
    check.close();
    wipeFile(partial);
    throw e;
  }
  check.close();

  renameSync(file, old);
  renameSync(partial, file);
  for (const f of [old, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) wipeFile(f);
  rmSync(`${partial}-journal`, { force: true });
  return { tables: before };
}

/** Finishes what a crash interrupted: the plain original put back if the swap did not happen, wiped if it did. */
export function recoverInterruptedEncryption(file: string): void {
  const old = `${file}.plain-old`;
  if (!existsSync(old)) return;
  if (!existsSync(file)) renameSync(old, file);
  else if (!isPlainSqliteFile(file)) wipeFile(old);
}
