// Which API methods need a logged-in user with which permission (shared/domain/roles.ts).
//
// Bootstrap rule: while the workstation has NO user accounts, every method works without login
// and the actor is the OS user (as before accounts existed), so a fresh install, the CLI and the
// existing tests keep working; the only exception is the section head's approval, which needs a
// real section head and someone else as preparer. Creating the first account (who becomes the
// administrator) ends the bootstrap: from then on every method that changes something needs a
// logged-in, active user whose role has the method's permission. Reading stays open (the screens
// decide what to show before login).
import type { MethodName } from '../../../shared/api/contract';
import { PERMISSION_NAMES, roleCan, rolesWithText, type Permission } from '../../../shared/domain/roles';
import type { User } from '../../../shared/api/dto';
import { ApiFailure } from '../backend/errors';

type Access = 'open' | { permission: Permission; bootstrap: boolean };

const caseWork: Access = { permission: 'case-work', bootstrap: true };

const ACCESS: Partial<Record<MethodName, Access>> = {
  'app.info': 'open',
  'employers.list': 'open',
  'ratePlans.list': 'open',
  'cases.list': 'open',
  'cases.get': 'open',
  'jobs.get': 'open',
  'imports.idJoins': 'open',
  'imports.reportXlsx': 'open',
  'roster.files': 'open',
  'roster.headcount': 'open',
  'results.compute': 'open',
  'documents.pdf': 'open',
  'documents.kinds': 'open',
  'documents.list': 'open',
  'documents.model': 'open',
  'documents.xlsx': 'open',
  'caseFacts.get': 'open',
  'exemptions.list': 'open',
  'findings.judgments': 'open',
  'ledger.list': 'open',
  'approvals.status': 'open',
  // The working papers' read-only views (electron/services/backend/findingsPapers.ts).
  'findings.derivation': 'open',
  'findings.whatIf': 'open',
  'findings.signOff': 'open',
  'agency.get': 'open',
  'agency.export': 'open',
  'ratePlans.get': 'open',
  'ratePlans.export': 'open',
  'backups.list': 'open',
  // The session methods, and users.create, which checks the bootstrap itself.
  'auth.login': 'open',
  'auth.logout': 'open',
  'auth.current': 'open',
  'users.create': 'open',

  'employers.create': caseWork,
  'cases.create': caseWork,
  'imports.start': caseWork,
  'jobs.cancel': caseWork,
  'documents.generateNotice': caseWork,
  'exemptions.add': caseWork,
  'exemptions.revoke': caseWork,
  'findings.judge': caseWork,
  'ledger.set': caseWork,
  'ratePlans.import': { permission: 'rate-plans', bootstrap: true },
  'agency.update': { permission: 'configure', bootstrap: true },
  'agency.import': { permission: 'configure', bootstrap: true },
  // Replaces the whole database: the same people who configure the workstation.
  'backups.restore': { permission: 'configure', bootstrap: true },
  'backups.setRetention': { permission: 'configure', bootstrap: true },
  'users.list': { permission: 'manage-users', bootstrap: true },
  'approvals.approve': { permission: 'approve', bootstrap: false },
  'archive.status': 'open',
  'archive.dossier': 'open',
  'archive.archive': { permission: 'archive', bootstrap: true },
  // Workflow area: reading is open; a state change checks the transition's own roles
  // (shared/rules/workflow.ts), since archiving is the archivist's and re-opening the section head's.
  'workflow.status': 'open',
  'workflow.dashboard': 'open',
  'workflow.transition': 'open',
  'evidence.list': 'open',
  'evidence.get': 'open',
  'trail.list': 'open',
  'trail.verify': 'open',
  'rectification.status': 'open',
  // Office area (DOMAIN.md §10): directories and draws are read openly; every change, and the
  // tip-off register (it holds the confidential reporter), is case work.
  'inspectors.list': 'open',
  'conflicts.list': 'open',
  'draws.candidates': 'open',
  'draws.list': 'open',
  'draws.get': 'open',
  'draws.recordPdf': 'open',
  'draws.recordJson': 'open',
  'draws.publication': 'open',
  'cases.team': 'open',
  'tipOffs.list': caseWork,
};

/** Methods not listed (added later by someone else) are treated as case work: safe by default. */
export function accessOf(method: MethodName): Access {
  return ACCESS[method] ?? caseWork;
}

/**
 * Throws ApiFailure('forbidden') unless `user` may call `method`. `usersExist` is false during the
 * bootstrap described above.
 */
export function authorize(method: MethodName, user: User | null, usersExist: boolean): void {
  const access = accessOf(method);
  if (access === 'open') return;
  if (!usersExist && access.bootstrap) return;
  if (!user) {
    throw new ApiFailure('forbidden', usersExist ? `请先登录（${PERMISSION_NAMES[access.permission]}需要登录）` : `本机尚未建立用户，无法${PERMISSION_NAMES[access.permission]}，请先创建用户并登录`);
  }
  if (!roleCan(user.role, access.permission)) {
    throw new ApiFailure('forbidden', `当前用户（${user.displayName}）无权${PERMISSION_NAMES[access.permission]}，需要${rolesWithText(access.permission)}`);
  }
}
