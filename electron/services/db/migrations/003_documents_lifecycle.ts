// Migration 003: documents: drafts, issue, corrections (issue 4).
// Reserved so that parallel work keeps the numbering contiguous; the owner of this area fills in
// up() and adds test/integration/migration-003.test.ts. Until then it changes nothing.
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: '003_documents_lifecycle',
  up() {},
};
