// Migration 001 on a database at the previous version (0, an empty file): it must create the
// schema and its guarding triggers, bump user_version, and a failing later migration must leave
// the database at version 1 with nothing half-done.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS, type Migration } from '../../electron/services/db/migrations';
import { openTestDatabase, tempDir } from './db-helpers';

describe('migration 001_initial', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    tmp = tempDir();
    db = openTestDatabase(path.join(tmp.dir, 'test.sqlite'), { migrate: false });
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('takes an empty database from version 0 to 1 with every table and guard', () => {
    expect(userVersion(db)).toBe(0);
    expect(migrate(db, MIGRATIONS, 1)).toBe(1);
    const names = (type: string) => (db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').all(type) as { name: string }[]).map((r) => r.name);
    expect(names('table')).toEqual(
      expect.arrayContaining(['audit_log', 'case_sequences', 'cases', 'declaration_lines', 'document_sequences', 'documents', 'employers', 'payroll_lines', 'rate_plans', 'settings', 'source_files']),
    );
    expect(names('trigger')).toEqual(
      expect.arrayContaining([
        'audit_log_no_update',
        'audit_log_no_delete',
        'audit_log_chain',
        'cases_archived_update',
        'cases_archived_delete',
        'source_files_archived_insert',
        'payroll_lines_archived_insert',
        'declaration_lines_archived_delete',
        'documents_archived_insert',
        'documents_issued_update',
        'source_files_immutable',
      ]),
    );
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // Running again is a no-op.
    expect(migrate(db, MIGRATIONS, 1)).toBe(1);
  });

  it('rolls back a failing migration completely and stays at the previous version', () => {
    migrate(db, MIGRATIONS, 1);
    const broken: Migration = {
      version: 2,
      name: '002_broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        d.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    expect(() => migrate(db, [MIGRATIONS[0]!, broken])).toThrow(/no_such_table/);
    expect(userVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer program', () => {
    migrate(db, MIGRATIONS, 1);
    db.pragma('user_version = 99');
    expect(() => migrate(db, MIGRATIONS.slice(0, 1))).toThrow(/数据库版本（99）比本程序支持的版本（1）新/);
  });
});
