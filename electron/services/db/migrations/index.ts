// The ordered list of migrations. Add a new file NNN_name.ts and append it here; never edit a
// migration that has shipped (databases in the field are already past it).
import { migration001 } from './001_initial';
import { migration002 } from './002_users_judgments';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
