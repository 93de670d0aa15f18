// Migration 005: roster (花名册) lines (issue 3).
// Reserved so that parallel work keeps the numbering contiguous; the owner of this area fills in
// up() and adds test/integration/migration-005.test.ts. Until then it changes nothing.
import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: '005_roster',
  up() {},
};
