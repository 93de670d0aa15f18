// The ordered list of migrations. Add a new file NNN_name.ts and append it here; never edit a
// migration that has shipped (databases in the field are already past it).
import { migration001 } from './001_initial';
import { migration002 } from './002_users_judgments';
import { migration003 } from './003_documents_lifecycle';
import { migration004 } from './004_import_mapping';
import { migration005 } from './005_roster';
import { migration006 } from './006_workflow';
import { migration007 } from './007_archive_transfer';
import { migration008 } from './008_case_figures';
import { migration009 } from './009_signing';
import { migration010 } from './010_segregation_accounts';
import { migration011 } from './011_institutions';
import { migration012 } from './012_office';
import { migration013 } from './013_risk';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013];
