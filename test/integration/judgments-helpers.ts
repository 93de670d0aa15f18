// Set-up shared by the judgment, approval, user and agency tests: a backend on a real SQLite file
// in a temp folder, realistic employer files (generated payroll and declarations, written as the
// employer would send them) imported through jobs, and accounts logged in and out by name.
import { afterEach, beforeEach } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, Employer, JobStatus, RatePlanSummary, User } from '../../shared/api/dto';
import type { UserRole } from '../../shared/domain/roles';
import { generateEmployer, type EmployerData } from '../fixtures/employer';
import { writeDeclarations, writePayroll } from '../fixtures/employerFiles';
import { fillAgencyProfile, tempDir } from './db-helpers';

export function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export function fail(r: ApiResult<unknown>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

export const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
export const PASSWORD = 'Jihe#2026-secret';
/** The one-time password an administrator gives a new account; replaced by PASSWORD at first login. */
export const ONE_TIME_PASSWORD = 'Once#2026-given';

/** A fresh backend per test, on its own data folder; `env.backend` is the current one. */
export function useBackend(prefix: string, options: { sampleProfile?: boolean } = {}) {
  const env = {} as { backend: Backend; dir: string; clock: Date };
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir(prefix);
    env.dir = tmp.dir;
    env.clock = new Date('2026-07-01T02:00:00Z');
    // The procedure's clock jumps by days; the inactivity lock keeps real time (tested on its own).
    env.backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'os-user', now: () => env.clock, idleClock: () => new Date() });
    if (!options.sampleProfile) fillAgencyProfile(env.backend.db);
  });
  afterEach(() => {
    env.backend.close();
    tmp.cleanup();
  });
  return env;
}

/** Accounts still holding their one-time password, per database file (a reopened backend shares them). */
const oneTime = new Map<string, Set<string>>();
const dbOf = (b: Backend) => b.db.name;

/**
 * Creates an account: the first one (the administrator) with PASSWORD, every later one with
 * ONE_TIME_PASSWORD, which `login` replaces with PASSWORD the first time, as the user would.
 */
export async function createUser(b: Backend, username: string, role: UserRole, displayName = username): Promise<User> {
  const first = ok<{ bootstrap: boolean }>(await b.invoke('auth.current', {})).bootstrap;
  const user = ok<User>(await b.invoke('users.create', { username, displayName, role, password: first ? PASSWORD : ONE_TIME_PASSWORD }));
  if (user.mustChangePassword) {
    if (!oneTime.has(dbOf(b))) oneTime.set(dbOf(b), new Set());
    oneTime.get(dbOf(b))!.add(username);
  }
  return user;
}

export async function login(b: Backend, username: string): Promise<User> {
  await b.invoke('auth.logout', {});
  const pending = oneTime.get(dbOf(b));
  if (pending?.has(username)) {
    const user = ok<{ user: User }>(await b.invoke('auth.login', { username, password: ONE_TIME_PASSWORD, newPassword: PASSWORD })).user;
    pending.delete(username);
    return user;
  }
  return ok<{ user: User }>(await b.invoke('auth.login', { username, password: PASSWORD })).user;
}

/**
 * The usual team: 管理员 (admin, the first account), 张明 (auditor), 王科长 and 刘科长 (section
 * heads), 陈档案 (archivist). Leaves nobody logged in.
 */
export async function createTeam(b: Backend): Promise<void> {
  await createUser(b, 'admin', 'admin', '管理员');
  await login(b, 'admin');
  await createUser(b, 'zhangming', 'auditor', '张明');
  await createUser(b, 'wangke', 'section-head', '王科长');
  await createUser(b, 'liuke', 'section-head', '刘科长');
  await createUser(b, 'chenda', 'archivist', '陈档案');
  await b.invoke('auth.logout', {});
}

export function employerData(seed = 11, persons = 24): EmployerData {
  return generateEmployer(seed, { persons, months: MONTHS });
}

/** Employer, case (2024-01…2024-06, example plan 2024) and both files imported through jobs. */
export async function importedCase(b: Backend, data: EmployerData = employerData()): Promise<Case> {
  const employer = ok<Employer>(await b.invoke('employers.create', { name: data.employerName, creditCode: '91350100M000100Y43' }));
  const plan = ok<RatePlanSummary[]>(await b.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
  const c = ok<Case>(await b.invoke('cases.create', { employerId: employer.id, periodFrom: MONTHS[0], periodTo: MONTHS[MONTHS.length - 1], ratePlanId: plan.id, source: 'plan' }));
  const files: ['payroll' | 'declaration', string, Uint8Array][] = [
    ['payroll', '工资表2024上半年.xlsx', writePayroll(data, { title: true, ids: 'messy' }, 'xlsx')],
    ['declaration', '缴费申报明细.csv', writeDeclarations(data, { amounts: 'text' }, 'csv-gb18030')],
  ];
  for (const [kind, fileName, bytes] of files) {
    const { jobId } = ok<{ jobId: string }>(await b.invoke('imports.start', { caseId: c.id, kind, fileName, data: bytes }));
    await b.jobSettled(jobId);
    const status = ok<JobStatus>(await b.invoke('jobs.get', { jobId }));
    if (status.state !== 'done') throw new Error(`import of ${fileName} failed: ${status.error ?? ''} ${JSON.stringify(status.report?.issues.slice(0, 3))}`);
  }
  return c;
}
