// Settings: small JSON values by key (the agency profile, templates), edited through the app.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { WriteMeta } from './meta';

export const AGENCY_PROFILE_KEY = 'agency.profile';

export function getSetting<T = unknown>(db: Database.Database, key: string): T | null {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as T) : null;
}

export function setSetting(db: Database.Database, key: string, value: unknown, meta: WriteMeta): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(key, JSON.stringify(value), meta.at, meta.actor);
}
