// The institutions area (INSTITUTIONS.md §2, §6): the directory (create, edit, deactivate, bulk
// import through the messy-file importer, a template), institution checks as cases of kind
// 'institution-check' on the one engine, and claims screening: a job that imports the claims and
// the catalog with progress and cancel, runs R01–R11 and stores the run with its parameters; then
// judgments per hit or in bulk (by rule, by person) and the hits as XLSX.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { InstitutionInputSchema, type HitDto, type Institution, type InstitutionInput, type ScreeningResultDto } from '../../../shared/api/dto/institutions';
import { COLUMN_ROLE_NAMES } from '../../../shared/domain/importReport';
import type { ClaimRow } from '../../../shared/domain/claims';
import { checkCreditCode } from '../../../shared/rules/creditCode';
import { formatFen } from '../../../shared/rules/money';
import { maskId } from '../../../shared/rules/personId';
import { DEFAULT_SCREENING_PARAMS, parseScreeningParams } from '../../../shared/rules/screening/params';
import { totalsOf, type RuleTotal, type RuleCode } from '../../../shared/rules/screening/screen';
import { fieldErrorsToText } from '../../../shared/rules/zodIssues';
import { appendAudit } from '../audit/auditLog';
import { deactivateInstitution, findInstitutionByCreditCode, getInstitution, getInstitutionCheck, insertInstitution, insertInstitutionCheck, listInstitutionChecks, listInstitutions, updateInstitution } from '../db/repos/institutions';
import { insertJudgments, insertRun, latestJudgments, latestRun, runHits, type RunFile } from '../db/repos/screening';
import { countUsers } from '../db/repos/users';
import { catalogOffThread, claimsOffThread, screenOffThread } from '../jobs/offThread';
import { KIND_ROLES } from '../import/columnRoles';
import { importDirectory } from '../import/institutions';
import { ImportRefusedError, type ImportJobData } from '../jobs/importJob';
import { refusalReason } from '../jobs/importPolicy';
import { JobCancelledError } from '../jobs/runner';
import { screeningHitsXlsx } from '../screening/hitsXlsx';
import type { BackendContext } from './context';
import { ApiFailure } from './errors';
import { refuseUnlessWhole } from './wholeFileImport';
import type { Handlers } from './types';

/** Inspectors (case work) see the legal representative's ID; anyone else a masked one. */
function forViewer(ctx: BackendContext, i: Institution): Institution;
function forViewer(ctx: BackendContext, i: Institution | null): Institution | null;
function forViewer(ctx: BackendContext, i: Institution | null): Institution | null {
  if (!i) return null;
  const user = ctx.currentUser();
  const inspector = user ? user.role === 'auditor' || user.role === 'section-head' : countUsers(ctx.db) === 0;
  if (inspector || i.legalRepId === '') return i;
  return { ...i, legalRepId: maskId(i.legalRepId), legalRepIdMasked: true };
}

export const institutionForViewer = forViewer;

function requireInstitution(ctx: BackendContext, id: number): Institution {
  const i = getInstitution(ctx.db, id);
  if (!i) throw new ApiFailure('not-found', `找不到定点医药机构（编号 ${id}）`);
  return i;
}

function checkedInput(input: InstitutionInput): InstitutionInput {
  const cc = checkCreditCode(input.creditCode);
  if (!cc.ok) throw new ApiFailure('invalid-input', cc.reason, [{ path: 'creditCode', message: cc.reason }]);
  if (input.agreementStatus === 'suspended' && !input.suspendedUntil) throw new ApiFailure('invalid-input', '协议暂停时须填写暂停截止日期', [{ path: 'suspendedUntil', message: '请填写暂停截止日期' }]);
  if (input.agreementFrom && input.agreementTo && input.agreementTo < input.agreementFrom) throw new ApiFailure('invalid-input', '协议结束日期早于开始日期', [{ path: 'agreementTo', message: '早于协议开始日期' }]);
  return { ...input, creditCode: cc.code };
}

function requireCheck(ctx: BackendContext, caseId: number) {
  const c = getInstitutionCheck(ctx.db, caseId);
  if (!c) throw new ApiFailure('not-found', `找不到定点医药机构检查案件（编号 ${caseId}）`);
  return c;
}

function requireOpenCheck(ctx: BackendContext, caseId: number) {
  const c = requireCheck(ctx, caseId);
  if (c.state === 'archived') throw new ApiFailure('forbidden', `案件 ${c.number} 已归档，不能修改`);
  return c;
}

const totalsDto = (t: Record<RuleCode, RuleTotal>) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { hits: v.hits, amount: formatFen(v.amount), fundLoss: formatFen(v.fundLoss), pending: v.pending }])) as ScreeningResultDto['totals'];

export function screeningResult(ctx: BackendContext, caseId: number): ScreeningResultDto {
  requireCheck(ctx, caseId);
  const run = latestRun(ctx.db, caseId);
  const hits = run ? runHits(ctx.db, run.id) : [];
  const judgments = latestJudgments(ctx.db, caseId);
  const dtos: HitDto[] = hits.map((h) => {
    const j = judgments.get(h.key);
    return {
      key: h.key,
      rule: h.rule,
      rows: h.rows,
      personId: h.personId,
      name: h.name,
      amount: h.amount === null ? null : formatFen(h.amount),
      fundLoss: h.fundLoss === null ? null : formatFen(h.fundLoss),
      derivation: h.derivation,
      verdict: j?.verdict ?? null,
      reason: j?.reason ?? null,
    };
  });
  return {
    run: run ? { id: run.id, params: run.params as unknown as Record<string, unknown>, paramsVersion: run.paramsVersion, files: run.files, rowsScreened: run.rowsScreened, refundRows: run.refundRows, createdAt: run.createdAt, createdBy: run.createdBy } : null,
    totals: totalsDto(totalsOf(hits)),
    confirmed: totalsDto(totalsOf(hits.filter((h) => judgments.get(h.key)?.verdict === 'confirmed'))),
    hits: dtos,
  };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const institutionHandlers: Handlers<
  | 'institutions.list'
  | 'institutions.get'
  | 'institutions.create'
  | 'institutions.update'
  | 'institutions.deactivate'
  | 'institutions.template'
  | 'institutions.import'
  | 'institutionChecks.list'
  | 'institutionChecks.create'
  | 'screening.start'
  | 'screening.result'
  | 'screening.judge'
  | 'screening.xlsx'
> = {
  'institutions.list': (ctx, input) => listInstitutions(ctx.db, input.includeInactive).map((i) => forViewer(ctx, i)),
  'institutions.get': (ctx, input) => forViewer(ctx, requireInstitution(ctx, input.id)),

  'institutions.create': (ctx, input) => {
    const data = checkedInput(input);
    if (findInstitutionByCreditCode(ctx.db, data.creditCode)) throw new ApiFailure('invalid-input', `统一社会信用代码 ${data.creditCode} 已在名录中`, [{ path: 'creditCode', message: '已在名录中' }]);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const i = insertInstitution(ctx.db, data, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'institution.create', detail: { institutionId: i.id, name: i.name, creditCode: i.creditCode } });
      return forViewer(ctx, i);
    })();
  },

  'institutions.update': (ctx, input) => {
    const stored = requireInstitution(ctx, input.id);
    // Someone shown the ID masked cannot see it, so a blank (or the masked text) keeps it.
    const masked = forViewer(ctx, stored).legalRepIdMasked;
    const keepId = masked && (input.changes.legalRepId === '' || input.changes.legalRepId === maskId(stored.legalRepId));
    const data = checkedInput(keepId ? { ...input.changes, legalRepId: stored.legalRepId } : input.changes);
    const other = findInstitutionByCreditCode(ctx.db, data.creditCode);
    if (other && other.id !== input.id) throw new ApiFailure('invalid-input', `统一社会信用代码 ${data.creditCode} 已属于“${other.name}”`, [{ path: 'creditCode', message: '与其他机构重复' }]);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const i = updateInstitution(ctx.db, input.id, data, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'institution.update', detail: { institutionId: i.id, name: i.name, agreementStatus: i.agreementStatus, creditRating: i.creditRating } });
      return forViewer(ctx, i);
    })();
  },

  'institutions.deactivate': (ctx, input) => {
    requireInstitution(ctx, input.id);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const i = deactivateInstitution(ctx.db, input.id, input.reason, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'institution.deactivate', detail: { institutionId: i.id, name: i.name, reason: input.reason } });
      return forViewer(ctx, i);
    })();
  },

  'institutions.template': async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('定点医药机构名录');
    sheet.addRow(['定点医药机构名录（机构类别填“医疗机构”或“零售药店”；日期写成 2024-01-01）']);
    const roles = KIND_ROLES.institutions;
    sheet.addRow(roles.map((r) => COLUMN_ROLE_NAMES[r]));
    sheet.getRow(2).font = { bold: true };
    roles.forEach((_r, i) => (sheet.getColumn(i + 1).width = 16));
    return { fileName: '定点医药机构名录模板.xlsx', data: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
  },

  'institutions.import': async (ctx, input) => {
    const parsed = await importDirectory({ bytes: input.data, fileName: input.fileName });
    refuseUnlessWhole(parsed.report, parsed.rows.length);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      let created = 0;
      let updated = 0;
      for (const r of parsed.rows) {
        const data = InstitutionInputSchema.parse(r.input);
        const existing = findInstitutionByCreditCode(ctx.db, data.creditCode);
        if (existing) {
          // Only what the file says changes: empty cells keep the directory's values.
          const given = Object.fromEntries(Object.entries(r.input).filter(([, v]) => v !== null && v !== undefined && v !== ''));
          const kept = InstitutionInputSchema.parse({ ...existing, legalRepId: getInstitution(ctx.db, existing.id)!.legalRepId });
          updateInstitution(ctx.db, existing.id, { ...kept, ...given }, meta);
          updated++;
        } else {
          insertInstitution(ctx.db, data, meta);
          created++;
        }
      }
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'institution.import', detail: { fileName: input.fileName, sha256: parsed.report.sha256, created, updated } });
      return { created, updated, report: parsed.report };
    })();
  },

  'institutionChecks.list': (ctx, input) => listInstitutionChecks(ctx.db, input.institutionId),

  'institutionChecks.create': (ctx, input) => {
    const inst = requireInstitution(ctx, input.institutionId);
    if (!inst.active) throw new ApiFailure('invalid-input', `“${inst.name}”已停用，不能立项检查`, [{ path: 'institutionId', message: '机构已停用' }]);
    if (input.periodTo < input.periodFrom) throw new ApiFailure('invalid-input', '检查期间的结束月早于开始月', [{ path: 'periodTo', message: '早于开始月' }]);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const c = insertInstitutionCheck(ctx.db, input, ctx.now().getFullYear(), meta);
      appendAudit(ctx.db, { ...meta, caseId: c.caseId, action: 'case.create', detail: { number: c.number, kind: 'institution-check', institutionId: inst.id, creditCode: inst.creditCode, periodFrom: c.periodFrom, periodTo: c.periodTo, source: c.source } });
      return c;
    })();
  },

  'screening.start': (ctx, input) => {
    requireOpenCheck(ctx, input.caseId);
    // The case's parameter set continues from its last run; an edit raises its version.
    const base = latestRun(ctx.db, input.caseId)?.params ?? DEFAULT_SCREENING_PARAMS;
    let params = base;
    if (input.params) {
      const { version: _given, ...edited } = input.params;
      const p = parseScreeningParams(edited, base);
      if (!p.ok) throw new ApiFailure('invalid-input', `规则参数有误：${fieldErrorsToText(p.errors)}`);
      const same = JSON.stringify({ ...p.params, version: 0 }) === JSON.stringify({ ...base, version: 0 });
      params = same ? base : { ...p.params, version: base.version + 1 };
    }
    const actor = ctx.meta().actor;
    const claimFiles = input.claims.map((f) => ({ fileName: f.fileName, bytes: new Uint8Array(f.data) }));
    const catalogFile = { fileName: input.catalog.fileName, bytes: new Uint8Array(input.catalog.data) };
    const jobId = ctx.jobs.start<{ hits: number }, ImportJobData>('screening', async (job) => {
      job.setData({ report: null, sourceFileId: null });
      const parts = claimFiles.length + 1;
      const catalog = await catalogOffThread({ ...catalogFile, signal: job.signal, onProgress: (f, m) => job.progress((0.9 * f) / parts, `目录：${m}`) });
      job.setData({ report: catalog.report, sourceFileId: null });
      const catRefusal = refusalReason(catalog.report, false, catalog.rows.length);
      if (catRefusal) throw new ImportRefusedError(catRefusal);
      const rows: ClaimRow[] = [];
      const files: RunFile[] = [{ role: 'catalog', fileName: catalogFile.fileName, sha256: sha(catalogFile.bytes), rows: catalog.rows.length }];
      for (const [k, f] of claimFiles.entries()) {
        const claims = await claimsOffThread({ ...f, signal: job.signal, onProgress: (fr, m) => job.progress((0.9 * (k + 1 + fr)) / parts, `结算明细《${f.fileName}》：${m}`) });
        job.setData({ report: claims.report, sourceFileId: null });
        const refusal = refusalReason(claims.report, false, claims.rows.length);
        if (refusal) throw new ImportRefusedError(refusal);
        rows.push(...claims.rows);
        files.push({ role: 'claims', fileName: f.fileName, sha256: sha(f.bytes), rows: claims.rows.length });
      }
      if (job.signal.aborted) throw new JobCancelledError();
      job.progress(0.92, `正在按 R01–R11 筛查 ${rows.length} 行…`);
      const result = await screenOffThread({ rows, catalog: catalog.rows, params }, job.signal);
      const meta = { ...ctx.meta(), actor };
      ctx.db.transaction(() => {
        const runId = insertRun(ctx.db, input.caseId, { params, files, rowsScreened: result.rowsScreened, refundRows: result.refundRows.length, hits: result.hits }, meta);
        appendAudit(ctx.db, { ...meta, caseId: input.caseId, action: 'screening.run', detail: { runId, paramsVersion: params.version, files, hits: result.hits.length } });
      })();
      job.progress(1, `筛查完成：${result.hits.length} 个疑点`);
      return { hits: result.hits.length };
    });
    return { jobId };
  },

  'screening.result': (ctx, input) => screeningResult(ctx, input.caseId),

  'screening.judge': (ctx, input) => {
    requireOpenCheck(ctx, input.caseId);
    if (input.verdict === 'excluded' && !input.reason) throw new ApiFailure('invalid-input', '排除疑点须写明理由', [{ path: 'reason', message: '请写明排除理由' }]);
    if (!input.keys && !input.rule && !input.personId) throw new ApiFailure('invalid-input', '请选择要认定的疑点（勾选，或按规则、按人员）');
    const run = latestRun(ctx.db, input.caseId);
    if (!run) throw new ApiFailure('invalid-input', '本案尚未筛查');
    const wanted = input.keys ? new Set(input.keys) : null;
    const keys = runHits(ctx.db, run.id)
      .filter((h) => (!wanted || wanted.has(h.key)) && (!input.rule || h.rule === input.rule) && (!input.personId || h.personId === input.personId))
      .map((h) => h.key);
    if (wanted && keys.length !== wanted.size) throw new ApiFailure('invalid-input', '所选疑点不在本次筛查结果中');
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      insertJudgments(ctx.db, input.caseId, keys, input.verdict, input.reason ?? null, meta);
      appendAudit(ctx.db, { ...meta, caseId: input.caseId, action: 'screening.judge', detail: { verdict: input.verdict, reason: input.reason ?? null, rule: input.rule ?? null, personId: input.personId ?? null, hits: keys.length } });
    })();
    return { judged: keys.length };
  },

  'screening.xlsx': async (ctx, input) => {
    const c = requireCheck(ctx, input.caseId);
    const result = screeningResult(ctx, input.caseId);
    return { fileName: `${c.number}-疑点明细.xlsx`, data: await screeningHitsXlsx(`${c.institutionName} ${c.periodFrom}～${c.periodTo} 智能监控疑点明细（${c.number}）`, result) };
  },
};
