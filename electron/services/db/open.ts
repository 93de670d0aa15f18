// The ONE place a database is opened (ARCHITECTURE.md §3, §5): under Node the better-sqlite3
// build in node_modules is used; in Electron the caller passes `nativeBinding`, the path of an
// Electron-ABI build kept beside node_modules, so the Node build that tests need is never
// rebuilt. Every connection gets the same pragmas and is migrated to the latest version.
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of an Electron-ABI better_sqlite3.node; omit under plain Node. */
  nativeBinding?: string;
  /** Run the migrations (default true). Migration tests open without them. */
  migrate?: boolean;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    // WAL lets readers (a dossier export, the harness) run while an import writes.
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Imports, issued documents and the audit log are writes that matter: FULL survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    if (opts.migrate !== false) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
