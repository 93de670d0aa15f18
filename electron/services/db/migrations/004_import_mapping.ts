// Migration 004: import mapping templates and verification overrides (issue 3).
// Reserved so that parallel work keeps the numbering contiguous; the owner of this area fills in
// up() and adds test/integration/migration-004.test.ts. Until then it changes nothing.
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: '004_import_mapping',
  up() {},
};
