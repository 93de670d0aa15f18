// risk.*: risk screening of employers (DOMAIN.md §10.2): the industry average-wage table (edited,
// imported through the messy-file importer, template), the versioned weights and thresholds, the
// ranked list the section head opens before planning, one employer's indicators (a case's
// pre-audit analysis) and the override of a tier with its reason. Every change is in the trail.
import ExcelJS from 'exceljs';
import type { Employer } from '../../../shared/api/dto';
import type { RiskRow } from '../../../shared/api/dto/risk';
import { COLUMN_ROLE_NAMES } from '../../../shared/domain/importReport';
import { DRAW_TIER_NAMES, type DrawTier } from '../../../shared/rules/draw';
import { formatFen, parseAmount } from '../../../shared/rules/money';
import { assessRisk } from '../../../shared/rules/riskScreening';
import { appendAudit } from '../audit/auditLog';
import { getEmployer, listEmployers } from '../db/repos/employers';
import { currentRiskParams, deleteWage, findWage, getWage, insertOverride, insertRiskParams, insertWage, latestOverrides, listWages, updateWage, type OverrideRow } from '../db/repos/risk';
import type { Db } from '../db/open';
import { KIND_ROLES } from '../import/columnRoles';
import { importIndustryWages } from '../import/industryWages';
import { employerRiskFacts } from '../office/riskFacts';
import type { BackendContext } from './context';
import { ApiFailure } from './errors';
import { refuseUnlessWhole } from './wholeFileImport';
import type { Handlers } from './types';

const today = (ctx: BackendContext) => ctx.now().toISOString().slice(0, 10);

/** One employer screened for a year, with the year's override if any. */
export function screenEmployer(db: Db, e: Employer, year: number, todayIso: string, override: OverrideRow | undefined, excludeCaseId: number | null = null): RiskRow {
  const params = currentRiskParams(db);
  const a = assessRisk(employerRiskFacts(db, e, year, todayIso, excludeCaseId), params.params);
  const o = override && override.tier ? { tier: override.tier, reason: override.reason, by: override.created_by, at: override.created_at } : null;
  return {
    employerId: e.id,
    name: e.name,
    creditCode: e.creditCode,
    industry: e.industry ?? '',
    region: e.region ?? '',
    active: e.active !== false,
    year,
    paramsVersion: params.version,
    score: a.score,
    computedTier: a.tier,
    tier: o?.tier ?? a.tier,
    override: o,
    indicators: a.indicators,
  };
}

const TIER_ORDER: Readonly<Record<DrawTier, number>> = { high: 0, medium: 1, low: 2 };

/** Ranked: effective tier high → low, then score, then credit code. */
export function rankRiskRows(rows: RiskRow[]): RiskRow[] {
  return [...rows].sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score || (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : 0));
}

function requireEmployer(db: Db, id: number): Employer {
  const e = getEmployer(db, id);
  if (!e) throw new ApiFailure('not-found', `找不到参保单位（编号 ${id}）`);
  return e;
}

export const riskHandlers: Handlers<
  | 'risk.wages.list'
  | 'risk.wages.save'
  | 'risk.wages.remove'
  | 'risk.wages.import'
  | 'risk.wages.template'
  | 'risk.params.get'
  | 'risk.params.save'
  | 'risk.list'
  | 'risk.employer'
  | 'risk.override'
> = {
  'risk.wages.list': (ctx, input) => listWages(ctx.db, input.year),

  'risk.wages.save': (ctx, input) => {
    const amount = parseAmount(input.averageMonthly);
    if (!amount.ok || amount.fen <= 0 || amount.rounded) {
      const why = !amount.ok ? amount.reason : amount.fen <= 0 ? '应大于 0' : '最多两位小数';
      throw new ApiFailure('invalid-input', `月平均工资有误：${why}`, [{ path: 'averageMonthly', message: why }]);
    }
    const values = { year: input.year, industry: input.industry, region: input.region, averageMonthlyFen: amount.fen, source: input.source };
    const same = findWage(ctx.db, values.year, values.industry, values.region);
    if (same && same.id !== input.id) throw new ApiFailure('conflict', `${values.year} 年“${values.industry}”${values.region ? `（${values.region}）` : ''}已有记录`, [{ path: 'industry', message: '已有记录' }]);
    const before = input.id ? getWage(ctx.db, input.id) : null;
    if (input.id && !before) throw new ApiFailure('not-found', `找不到行业平均工资记录（编号 ${input.id}）`);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const w = before ? updateWage(ctx.db, before.id, values, meta) : insertWage(ctx.db, values, meta);
      appendAudit(ctx.db, {
        ...meta,
        caseId: null,
        action: before ? 'industryWage.update' : 'industryWage.create',
        detail: { wageId: w.id, year: w.year, industry: w.industry, region: w.region, averageMonthly: formatFen(w.averageMonthlyFen), source: w.source, ...(before ? { before: { year: before.year, industry: before.industry, region: before.region, averageMonthly: formatFen(before.averageMonthlyFen), source: before.source } } : {}) },
      });
      return w;
    })();
  },

  'risk.wages.remove': (ctx, input) => {
    const w = getWage(ctx.db, input.id);
    if (!w) throw new ApiFailure('not-found', `找不到行业平均工资记录（编号 ${input.id}）`);
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      deleteWage(ctx.db, w.id);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'industryWage.remove', detail: { wageId: w.id, year: w.year, industry: w.industry, region: w.region, averageMonthly: formatFen(w.averageMonthlyFen), reason: input.reason } });
    })();
    return { ok: true as const };
  },

  'risk.wages.import': async (ctx, input) => {
    const parsed = await importIndustryWages({ bytes: input.data, fileName: input.fileName });
    refuseUnlessWhole(parsed.report, parsed.rows.length);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      let created = 0;
      let updated = 0;
      for (const r of parsed.rows) {
        const values = { year: r.year, industry: r.industry, region: r.region, averageMonthlyFen: r.averageMonthlyFen, source: r.source };
        const existing = findWage(ctx.db, r.year, r.industry, r.region);
        if (existing) {
          updateWage(ctx.db, existing.id, values, meta);
          updated++;
        } else {
          insertWage(ctx.db, values, meta);
          created++;
        }
      }
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'industryWage.import', detail: { fileName: input.fileName, sha256: parsed.report.sha256, created, updated } });
      return { created, updated, report: parsed.report };
    })();
  },

  'risk.wages.template': async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('行业平均工资');
    sheet.addRow(['行业平均工资表（地区留空表示全市通用；月平均工资单位：元）']);
    const roles = KIND_ROLES.industryWages;
    sheet.addRow(roles.map((r) => COLUMN_ROLE_NAMES[r]));
    sheet.getRow(2).font = { bold: true };
    roles.forEach((_r, i) => (sheet.getColumn(i + 1).width = 18));
    return { fileName: '行业平均工资表模板.xlsx', data: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
  },

  'risk.params.get': (ctx) => currentRiskParams(ctx.db),

  'risk.params.save': (ctx, input) => {
    const before = currentRiskParams(ctx.db);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const after = insertRiskParams(ctx.db, input.params, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'riskParams.save', detail: { version: after.version, previous: before.version, params: input.params, reason: input.reason } });
      return after;
    })();
  },

  'risk.list': (ctx, input) => {
    const overrides = latestOverrides(ctx.db, input.year);
    const rows = listEmployers(ctx.db)
      .filter((e) => e.active !== false)
      .map((e) => screenEmployer(ctx.db, e, input.year, today(ctx), overrides.get(e.id)));
    return rankRiskRows(rows);
  },

  'risk.employer': (ctx, input) => {
    const e = requireEmployer(ctx.db, input.employerId);
    return screenEmployer(ctx.db, e, input.year, today(ctx), latestOverrides(ctx.db, input.year).get(e.id), input.caseId ?? null);
  },

  'risk.override': (ctx, input) => {
    const e = requireEmployer(ctx.db, input.employerId);
    const computed = screenEmployer(ctx.db, e, input.year, today(ctx), undefined);
    if (input.tier === null && !latestOverrides(ctx.db, input.year).get(e.id)?.tier) throw new ApiFailure('invalid-input', `“${e.name}”${input.year} 年的风险等级没有被调整过`);
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      insertOverride(ctx.db, { employerId: e.id, year: input.year, computedTier: computed.computedTier, tier: input.tier, reason: input.reason }, meta);
      appendAudit(ctx.db, {
        ...meta,
        caseId: null,
        action: 'risk.override',
        detail: { employerId: e.id, name: e.name, creditCode: e.creditCode, year: input.year, score: computed.score, computedTier: DRAW_TIER_NAMES[computed.computedTier], tier: input.tier ? DRAW_TIER_NAMES[input.tier] : null, reason: input.reason },
      });
    })();
    return screenEmployer(ctx.db, e, input.year, today(ctx), latestOverrides(ctx.db, input.year).get(e.id));
  },
};
