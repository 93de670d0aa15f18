// What a numbered migration is: a version (1, 2, …, matching its file name) and a step that
// changes the schema. migrate.ts runs each in its own transaction with the user_version bump.
import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
  /** The step rebuilds a table others refer to: migrate runs it with foreign keys off, then checks them. */
  rebuildsTables?: boolean;
}
