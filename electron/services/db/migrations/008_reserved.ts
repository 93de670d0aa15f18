// Placeholder for migration 008, assigned to another branch of issue 8 working in parallel; the
// migrations must be numbered without gaps (migrate.ts). When that branch's real 008 is merged,
// this file and its line in index.ts are dropped in its favour. It changes nothing.
import type { Migration } from './types';

export const migration008: Migration = {
  version: 8,
  name: '008_reserved',
  up() {},
};
