// Migration 007: dossier exports, backups and case transfer (issue 5).
// Reserved so that parallel work keeps the numbering contiguous; the owner of this area fills in
// up() and adds test/integration/migration-007.test.ts. Until then it changes nothing.
import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: '007_archive_transfer',
  up() {},
};
