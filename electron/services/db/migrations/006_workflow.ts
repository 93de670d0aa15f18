// Migration 006: case workflow, evidence, rectification and follow-up (issue 5).
// Reserved so that parallel work keeps the numbering contiguous; the owner of this area fills in
// up() and adds test/integration/migration-006.test.ts. Until then it changes nothing.
import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: '006_workflow',
  up() {},
};
