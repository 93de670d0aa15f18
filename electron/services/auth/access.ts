// Which API methods need a logged-in user with which permission (shared/domain/roles.ts).
//
// Bootstrap rule: while the workstation has NO user accounts, every method works without login
// and the actor is the OS user (as before accounts existed), so a fresh install, the CLI and the
// existing tests keep working; the only exception is the section head's approval, which needs a
// real section head and someone else as preparer. Creating the first account (who becomes the
// administrator) ends the bootstrap: from then on nothing is answered without a logged-in, active
// user — reads of cases and personal data included (ARCHITECTURE.md §8) — and a method answers only
// a user whose role has its permission. Deny by default: a method not listed below needs case work.
// Open are only what the login screen itself needs: app.info, the session methods and users.create
// (which checks the bootstrap itself).
import type { MethodName } from '../../../shared/api/contract';
import { PERMISSION_NAMES, roleCan, rolesWithText, type Permission } from '../../../shared/domain/roles';
import type { User } from '../../../shared/api/dto';
import { ApiFailure } from '../backend/errors';

/** 'open': anyone; 'signed-in': any active user (reference data holding no personal data). */
type Access = 'open' | 'signed-in' | { permission: Permission; bootstrap: boolean };

const caseWork: Access = { permission: 'case-work', bootstrap: true };
/** Cases, their rows, documents and trail: names, ID numbers and wages. */
const readCases: Access = { permission: 'read-cases', bootstrap: true };

const ACCESS: Partial<Record<MethodName, Access>> = {
  'app.info': 'open',
  // The session methods, and users.create, which checks the bootstrap itself.
  'auth.login': 'open',
  'auth.logout': 'open',
  'auth.current': 'open',
  'auth.unlock': 'open',
  'users.create': 'open',
  'auth.changePassword': 'signed-in',

  // Reference data without personal data: every logged-in user.
  'ratePlans.list': 'signed-in',
  'ratePlans.get': 'signed-in',
  'ratePlans.export': 'signed-in',
  'agency.get': 'signed-in',
  'agency.export': 'signed-in',
  'security.get': 'signed-in',

  // Reading cases and personal data.
  'employers.list': readCases,
  'cases.list': readCases,
  'cases.get': readCases,
  'jobs.get': readCases,
  'imports.idJoins': readCases,
  'imports.reportXlsx': readCases,
  'roster.files': readCases,
  'roster.headcount': readCases,
  'results.compute': readCases,
  'documents.pdf': readCases,
  'documents.kinds': readCases,
  'documents.list': readCases,
  'documents.model': readCases,
  'documents.xlsx': readCases,
  'caseFacts.get': readCases,
  'exemptions.list': readCases,
  'findings.judgments': readCases,
  'ledger.list': readCases,
  'approvals.status': readCases,
  // The working papers' read-only views (electron/services/backend/findingsPapers.ts).
  'findings.derivation': readCases,
  'findings.whatIf': readCases,
  'findings.signOff': readCases,
  'archive.status': readCases,
  'archive.dossier': readCases,
  'workflow.status': readCases,
  'workflow.dashboard': readCases,
  'evidence.list': readCases,
  'evidence.get': readCases,
  'trail.list': readCases,
  'trail.verify': readCases,
  'rectification.status': readCases,
  'figures.get': readCases,

  'employers.create': caseWork,
  'cases.create': caseWork,
  'imports.start': caseWork,
  'imports.remove': caseWork,
  'jobs.cancel': caseWork,
  'documents.generateNotice': caseWork,
  'exemptions.add': caseWork,
  'exemptions.revoke': caseWork,
  'findings.judge': caseWork,
  'findings.judgeMany': caseWork,
  'exemptions.importFile': caseWork,
  'ledger.set': caseWork,
  'figures.set': caseWork,
  'ratePlans.import': { permission: 'rate-plans', bootstrap: true },
  'agency.update': { permission: 'configure', bootstrap: true },
  'agency.import': { permission: 'configure', bootstrap: true },
  // Replaces the whole database: the same people who configure the workstation.
  'backups.list': 'signed-in',
  // A copy of the encrypted database into its own backup folder (nothing leaves the machine): any active user, the administrator included.
  'backups.create': 'signed-in',
  'backups.restore': { permission: 'configure', bootstrap: true },
  'backups.setRetention': { permission: 'configure', bootstrap: true },
  'users.list': { permission: 'manage-users', bootstrap: true },
  'users.setActive': { permission: 'manage-users', bootstrap: false },
  'users.setRole': { permission: 'manage-users', bootstrap: false },
  'users.resetPassword': { permission: 'manage-users', bootstrap: false },
  'security.update': { permission: 'manage-users', bootstrap: false },
  'approvals.approve': { permission: 'approve', bootstrap: false },
  'archive.archive': { permission: 'archive', bootstrap: true },
  // Signing and trust (issue 8): only the office's section head or archivist takes a package in;
  // registering or revoking another workstation's key is configuration. Public keys and
  // fingerprints hold no personal data.
  'transfer.importPackage': { permission: 'transfer-import', bootstrap: true },
  'transfer.resolveConflicts': { permission: 'transfer-import', bootstrap: true },
  'signing.identity': 'signed-in',
  'signing.keys': 'signed-in',
  'signing.exportPublicKey': 'signed-in',
  'signing.setIdentity': { permission: 'configure', bootstrap: true },
  'signing.registerKey': { permission: 'configure', bootstrap: true },
  'signing.revokeKey': { permission: 'configure', bootstrap: true },
  // A state change checks the transition's own roles (shared/rules/workflow.ts), since archiving
  // is the archivist's and re-opening the section head's; reading the case is the least it needs.
  'workflow.transition': readCases,
  // Institutions area (issue 12): the directory and screening read personal data (claims, the
  // legal representative's ID, masked for non-inspectors); the template holds none.
  'institutions.list': readCases,
  'institutions.get': readCases,
  'institutions.template': 'signed-in',
  'institutionChecks.list': readCases,
  'screening.result': readCases,
  'screening.xlsx': readCases,
  'institutions.create': caseWork,
  'institutions.update': caseWork,
  'institutions.deactivate': caseWork,
  'institutions.import': caseWork,
  'institutionChecks.create': caseWork,
  'screening.start': caseWork,
  'screening.judge': caseWork,
  // Office area (DOMAIN.md §10): directories and draws name inspectors and targets, so they are
  // read by case staff; every change, and the tip-off register (it holds the confidential
  // reporter), is case work.
  'inspectors.list': readCases,
  'conflicts.list': readCases,
  'draws.candidates': readCases,
  'draws.list': readCases,
  'draws.get': readCases,
  'draws.recordPdf': readCases,
  'draws.recordJson': readCases,
  'draws.publication': readCases,
  'cases.team': readCases,
  'tipOffs.list': caseWork,
  // Statistics (DOMAIN.md §11) are aggregates: the case staff who read cases read and send them.
  'statistics.report': readCases,
  'statistics.export': readCases,
  'statistics.markSent': readCases,
  'statistics.reminder': readCases,
  // Risk screening (DOMAIN.md §10.2): the wage table and the weights are reference data; the
  // screened list reads the employers' declarations; the override of a tier and a change of the
  // weights are the section head's.
  'risk.wages.list': 'signed-in',
  'risk.wages.template': 'signed-in',
  'risk.params.get': 'signed-in',
  'risk.list': readCases,
  'risk.employer': readCases,
  'risk.override': { permission: 'approve', bootstrap: true },
  'risk.params.save': { permission: 'approve', bootstrap: true },
  // The annual plan names targets and inspectors; its publication is checked for personal data.
  'plan.year': readCases,
  'plan.publication': readCases,
};

/** Methods not listed (added later by someone else) are treated as case work: safe by default. */
export function accessOf(method: MethodName): Access {
  return ACCESS[method] ?? caseWork;
}

/** Methods a locked session still answers (electron/services/auth/session.ts). */
export const ANSWERED_WHILE_LOCKED: ReadonlySet<MethodName> = new Set<MethodName>(['app.info', 'auth.current', 'auth.unlock', 'auth.logout', 'auth.login']);

/**
 * Throws ApiFailure('forbidden') unless `user` may call `method`. `usersExist` is false during the
 * bootstrap described above.
 */
export function authorize(method: MethodName, user: User | null, usersExist: boolean): void {
  const access = accessOf(method);
  if (access === 'open') return;
  if (access === 'signed-in') {
    if (!usersExist || user) return;
    throw new ApiFailure('forbidden', '请先登录');
  }
  if (!usersExist && access.bootstrap) return;
  if (!user) {
    throw new ApiFailure('forbidden', usersExist ? `请先登录（${PERMISSION_NAMES[access.permission]}需要登录）` : `本机尚未建立用户，无法${PERMISSION_NAMES[access.permission]}，请先创建用户并登录`);
  }
  if (!roleCan(user.role, access.permission)) {
    throw new ApiFailure('forbidden', `当前用户（${user.displayName}）无权${PERMISSION_NAMES[access.permission]}，需要${rolesWithText(access.permission)}`);
  }
}
