// Numbered migrations, tracked by PRAGMA user_version. Each one runs in its own transaction
// together with the version bump, so a failing migration leaves the database at the version
// before it. A database written by a newer program is refused rather than guessed at.
import type Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS, type Migration } from './migrations';

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the current version, up to `target` (default: the latest). */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, target?: number): number {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const goal = target ?? latest;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = userVersion(db);
  if (current > latest) {
    throw new Error(`数据库版本（${current}）比本程序支持的版本（${latest}）新，请使用新版本的稽核工作站打开。`);
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > goal) continue;
    // A migration that rebuilds a parent table (SQLite's documented 12-step procedure) runs with
    // foreign keys off — a pragma that only works outside a transaction — and checks them itself.
    const foreignKeysWere = db.pragma('foreign_keys', { simple: true }) as number;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`migration ${m.name} broke a foreign key`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } finally {
      if (m.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeysWere ? 'ON' : 'OFF'}`);
    }
  }
  return userVersion(db);
}
