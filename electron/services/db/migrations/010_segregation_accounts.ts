// Accounts and segregation of duties (issue 8, ARCHITECTURE.md §8): a one-time password flag on
// users (new and reset accounts replace it at their next login), and the database refuses an
// approval by anyone the case's audit trail shows as a preparer of it (shared/rules/segregation.ts
// holds the same list; the old CHECK approved_by <> preparer only looked at the latest preparer).
import { PREPARING_ACTIONS } from '../../../../shared/rules/segregation';
import type { Migration } from './types';

export const SEGREGATION_MESSAGE = '审核人不能审核本人参与办理的案件（职责分离）';

export const migration010: Migration = {
  version: 10,
  name: '010_segregation_accounts',
  up(db) {
    const actions = PREPARING_ACTIONS.map((a) => `'${a}'`).join(', ');
    db.exec(`
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
      CREATE INDEX audit_log_case_actor ON audit_log(case_id, actor);
      CREATE TRIGGER approvals_segregation BEFORE INSERT ON approvals
        WHEN EXISTS (SELECT 1 FROM audit_log WHERE case_id = NEW.case_id AND actor = NEW.approved_by COLLATE NOCASE AND action IN (${actions}))
        BEGIN SELECT RAISE(ABORT, '${SEGREGATION_MESSAGE}'); END;
    `);
  },
};
