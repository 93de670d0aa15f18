// The backend behind THE contract (shared/api/contract.ts): one invoke(method, rawInput) that
// checks the method name, parses the input with the method's zod schema (Chinese messages),
// runs the handler and returns a result — never an exception. Electron's IPC handler, the HTTP
// harness and tests all call this same function; electron/main never reaches past it.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract, isMethodName, type ApiResult, type MethodName } from '../../shared/api/contract';
import { chineseErrorMap, fieldErrorsToText, formatZodIssues, type PathLabels } from '../../shared/rules/zodIssues';
import { openDatabase, type Db } from './db/open';
import { databaseKeyFromEnv, type DbKey } from './db/dbKey';
import { ensurePrivateDir } from './fsPrivate';
import { encryptPlainBackups } from './backup/encryptOldBackups';
import { seedDatabase } from './db/seed';
import { createJobRunner } from './jobs/runner';
import type { BackendContext } from './backend/context';
import { ApiFailure, toApiError } from './backend/errors';
import type { Handler, Handlers } from './backend/types';
import { employerHandlers } from './backend/employers';
import { ratePlanHandlers } from './backend/ratePlans';
import { caseHandlers } from './backend/cases';
import { importHandlers } from './backend/imports';
import { importMappingHandlers } from './backend/importMapping';
import { resultHandlers } from './backend/results';
import { documentHandlers } from './backend/documents';
import { documentLifecycleHandlers } from './backend/documentsLifecycle';
import { authHandlers } from './backend/auth';
import { judgmentHandlers } from './backend/judgments';
import { approvalHandlers } from './backend/approvals';
import { agencyHandlers } from './backend/agency';
import { rosterHandlers } from './backend/roster';
import { institutionHandlers } from './backend/institutions';
import { settingsHandlers } from './backend/settings';
import { createBackupService } from './backup/backupService';
import { findingsPaperHandlers } from './backend/findingsPapers';
import { workflowAreaHandlers } from './backend/workflowArea';
import { archiveHandlers } from './backend/archive';
import { figureHandlers } from './backend/figures';
import { signingHandlers } from './backend/signing';
import { transferResolveHandlers } from './backend/transferResolve';
import { accountHandlers } from './backend/accounts';
import { deskHandlers } from './backend/desk';
import { officeDirectoryHandlers } from './backend/officeDirectories';
import { drawHandlers } from './backend/draws';
import { tipOffHandlers } from './backend/tipOffs';
import { statisticsHandlers } from './backend/statistics';
import { riskHandlers } from './backend/risk';
import { employerDirectoryHandlers } from './backend/employerDirectory';
import { annualPlanHandlers } from './backend/annualPlan';
import { authorize } from './auth/access';
import { createSession, securitySettings } from './auth/session';
import { appendAudit } from './audit/auditLog';
import { countUsers, getUser } from './db/repos/users';

export interface BackendOptions {
  /** Folder of the workstation's database (created when missing). */
  dataDir: string;
  /** Electron-ABI better-sqlite3 build (Electron only). */
  nativeBinding?: string;
  /** The database key (electron/main: from the keychain or the typed passphrase); default derived from JIHE_PASSPHRASE. */
  key?: DbKey;
  runtime: 'electron' | 'harness';
  /** Who acts while nobody is logged in (created_by, the audit log); default the OS user name. A logged-in user's username replaces it. */
  actor?: string;
  /** Example plans, agency profile, fonts; default the project's resources/. */
  resourcesDir?: string;
  /** The clock (tests). */
  now?: () => Date;
  /**
   * The clock of the inactivity lock (electron/services/auth/session.ts); default `now`. Tests that
   * move `now` by days through a procedure pass the real clock here so that the session stays open.
   */
  idleClock?: () => Date;
  /** Automatic database backups into <dataDir>/backups (default on, first check 5 s after start; see electron/services/backup). */
  autoBackup?: boolean | { startDelayMs: number };
}

export interface Backend {
  invoke(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
  close(): void;
  /** The open database, for the CLI and tests on the same process. */
  readonly db: Db;
  /** Resolves when the job has settled (tests, shutdown). */
  jobSettled(jobId: string): Promise<void>;
}

export const DATABASE_FILE = 'jihe.sqlite';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Chinese names of input fields, for messages such as "稽核期间结束月：月份应为 YYYY-MM". */
const INPUT_LABELS: PathLabels = {
  fields: {
    name: '名称',
    creditCode: '统一社会信用代码',
    employerId: '参保单位',
    ratePlanId: '缴费方案',
    periodFrom: '稽核期间开始月',
    periodTo: '稽核期间结束月',
    source: '案件来源',
    caseId: '案件',
    kind: '文件类型',
    fileName: '文件名',
    data: '文件内容',
    leaveOutErrorRows: '跳过错误行',
    overrideReason: '仍然导入的理由',
    templateName: '模板名称',
    jobId: '任务',
    asOf: '计算截止日期',
    json: '缴费方案内容',
    onsiteDate: '实地稽核日期',
    onsiteTime: '实地稽核时间',
    place: '实地稽核地点',
    auditors: '稽核人员',
    credentialNo: '执法证件号',
    'auditors.name': '姓名',
    contactName: '联系人',
    contactPhone: '联系电话',
    issueDate: '发文日期',
    documentId: '文书',
    fields: '文书内容',
    facts: '案件信息',
    servedDocumentIds: '送达的文书',
    username: '用户名',
    displayName: '姓名',
    role: '角色',
    password: '密码',
    personId: '身份证号码',
    months: '月份',
    reason: '豁免原因',
    note: '说明',
    exemptionId: '豁免记录',
    includeRevoked: '包括已撤销',
    key: '问题',
    decision: '处理意见',
    month: '月份',
    amount: '金额',
    profile: '机关信息',
    lateFeeCap: '滞纳金上限',
    baseRule: '基数规则',
    whatIfAsOf: '测算截止日期',
    passphrase: '口令',
    userId: '用户',
    active: '启用',
    oldPassword: '原密码',
    newPassword: '新密码',
    inactivityMinutes: '自动锁定时间（分钟）',
    sourceFileId: '导入的文件',
    removalReason: '删除原因',
    // Office area (DOMAIN.md §10).
    credential: '执法证号',
    task: '抽查事项',
    seed: '随机种子',
    tiers: '风险等级',
    quotas: '抽取数量',
    teamSize: '每组人数',
    cap: '每人上限',
    receivedOn: '收到日期',
    channel: '举报渠道',
    subjectName: '被举报对象',
    allegation: '举报内容',
    answeredOn: '答复日期',
    answer: '答复内容',
    year: '年度',
    industry: '行业',
    region: '地区',
    averageMonthly: '月平均工资',
    tier: '风险等级',
    params: '风险指标参数',
    inspectorIds: '检查组',
  },
  items: { auditors: '稽核人员', months: '月份' },
};

const handlers: Handlers = {
  'app.info': (ctx) => ({ version: ctx.version, dataDir: ctx.dataDir, runtime: ctx.runtime }),
  ...employerHandlers,
  ...ratePlanHandlers,
  ...caseHandlers,
  ...importHandlers,
  ...importMappingHandlers,
  ...resultHandlers,
  ...documentHandlers,
  ...documentLifecycleHandlers,
  ...authHandlers,
  ...judgmentHandlers,
  ...approvalHandlers,
  ...agencyHandlers,
  ...rosterHandlers,
  ...institutionHandlers,
  ...settingsHandlers,
  ...workflowAreaHandlers,
  ...findingsPaperHandlers,
  ...archiveHandlers,
  ...figureHandlers,
  ...signingHandlers,
  ...accountHandlers,
  ...deskHandlers,
  ...officeDirectoryHandlers,
  ...drawHandlers,
  ...tipOffHandlers,
  ...transferResolveHandlers,
  ...statisticsHandlers,
  ...riskHandlers,
  ...employerDirectoryHandlers,
  ...annualPlanHandlers,
};

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function defaultActor(): string {
  try {
    return os.userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}

export function createBackend(opts: BackendOptions): Backend {
  ensurePrivateDir(opts.dataDir);
  const dbFile = path.join(opts.dataDir, DATABASE_FILE);
  const key = opts.key ?? databaseKeyFromEnv(opts.dataDir);
  const openOptions = { key, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) };
  const db = openDatabase(dbFile, openOptions);
  const now = opts.now ?? (() => new Date());
  const actor = opts.actor ?? defaultActor();
  const resourcesDir = opts.resourcesDir ?? path.join(PROJECT_ROOT, 'resources');
  const session = createSession(opts.idleClock ?? now);
  const meta = () => ({ actor: session.user()?.username ?? actor, at: now().toISOString() });
  try {
    encryptPlainBackups(opts.dataDir, key, openOptions);
    seedDatabase(db, resourcesDir, meta());
  } catch (e) {
    db.close();
    throw e;
  }
  let queue: Promise<unknown> = Promise.resolve();
  const jobs = createJobRunner();
  const ctx: BackendContext = {
    db,
    jobs,
    actor,
    dataDir: opts.dataDir,
    resourcesDir,
    runtime: opts.runtime,
    version: readVersion(),
    now,
    meta,
    currentUser: () => session.user(),
    setCurrentUser: (user) => session.setUser(user),
    session,
    serial<T>(fn: () => Promise<T>): Promise<T> {
      const run = queue.then(fn, fn);
      queue = run.catch(() => undefined);
      return run;
    },
  };
  let closed = false;
  // A restore closes the connection and opens the restored file: everything reads ctx.db.
  ctx.backups = createBackupService({
    dataDir: opts.dataDir,
    now,
    nativeBinding: opts.nativeBinding,
    key,
    auto: opts.autoBackup !== false,
    startDelayMs: typeof opts.autoBackup === 'object' ? opts.autoBackup.startDelayMs : undefined,
    live: {
      file: dbFile,
      db: () => ctx.db,
      close: () => ctx.db.close(),
      reopen: () => (ctx.db = openDatabase(dbFile, openOptions)),
    },
  });

  async function invoke(method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    try {
      if (closed) throw new ApiFailure('internal', '后台服务已关闭');
      if (!isMethodName(method)) throw new ApiFailure('unknown-method', `未知的调用：${String(method)}`);
      const spec = contract[method];
      const parsed = spec.input.safeParse(rawInput ?? {}, { error: chineseErrorMap });
      if (!parsed.success) {
        const errors = formatZodIssues(parsed.error, INPUT_LABELS);
        throw new ApiFailure(
          'invalid-input',
          `输入有误：${fieldErrorsToText(errors).replace(/\n/g, '；')}`,
          errors.map((e) => ({ path: e.path || e.field, message: e.message })),
        );
      }
      // The session's user as the database knows it now: re-roled since login, or deactivated,
      // which ends the session at once.
      const before = session.user();
      if (before) {
        const fresh = getUser(ctx.db, before.id);
        if (!fresh?.active) session.setUser(null);
        else session.refresh(fresh);
      }
      session.enter(method, securitySettings(ctx.db).inactivityMinutes, (user) =>
        appendAudit(ctx.db, { ...meta(), caseId: null, action: 'auth.session-locked', detail: { userId: user.id, username: user.username } }),
      );
      authorize(method, session.user(), countUsers(ctx.db) > 0);
      const handler = handlers[method] as Handler<MethodName>;
      const value = await handler(ctx, parsed.data as never);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        const errors = formatZodIssues(checked.error);
        throw new ApiFailure('internal', `内部错误：${method} 的返回值不符合接口约定（${fieldErrorsToText(errors).replace(/\n/g, '；')}）`);
      }
      ctx.backups?.afterCall();
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  }

  return {
    get db() {
      return ctx.db;
    },
    invoke,
    jobSettled: (jobId) => jobs.settled(jobId),
    close() {
      if (closed) return;
      closed = true;
      void jobs.shutdown();
      ctx.backups?.stop();
      ctx.db.close();
    },
  };
}
