// findings.derivation, findings.whatIf and findings.signOff: what the working papers show beside
// the computed result (issue 4 items 1–3). They read only. The derivation is built from the same
// computation as results.compute (computeCase), with the arithmetic lines of
// shared/rules/findingDerivation.ts; the sign-off state applies shared/rules/signOff.ts to the
// logged-in user, so the screen's disabled button and the backend's refusal give the same reason.
import type { ComputeResultDto, ResultRow } from '../../../shared/api/dto';
import type { FindingDerivation, WhatIfComparison } from '../../../shared/api/dto/findings';
import { PAPER_KIND_NAMES, parsePaperKey, type PaperKey } from '../../../shared/domain/findingPapers';
import { INSURANCE_NAMES } from '../../../shared/domain/insurance';
import type { RatePlan } from '../../../shared/domain/ratePlan';
import { expectedAmounts } from '../../../shared/rules/declarationChecks';
import { backPaySteps, backPayStepsConsistent, declaredOnlySteps, discrepancySteps, overDeclaredSteps } from '../../../shared/rules/findingDerivation';
import { fenFromString, formatFen, numberToDecimalString } from '../../../shared/rules/money';
import { formatChineseMonth } from '../../../shared/rules/month';
import { compilePeriod } from '../../../shared/rules/planRates';
import { toComputeResultDto } from '../../../shared/rules/resultDto';
import { listUsers } from '../db/repos/users';
import { ApiFailure } from './errors';
import { requireCase, requireEmployerCase } from './cases';
import { computeCase, localIsoDate } from './computeCase';
import { caseFigures } from './caseFigures';
import { loadRatePlan } from './loadPlan';
import { approvalStatus, approverCheck, casePreparer } from './reviewState';
import type { Handlers } from './types';

type Source = FindingDerivation['sources'][number];
type Ref = ResultRow['payrollSources'][number];

const side = (s: Source['side']) => (r: Ref): Source => ({ ...r, side: s });

function uniqueSources(list: Source[]): Source[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = `${s.side}|${s.fileId}|${s.sheet}|${s.row}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function planPeriodOf(plan: RatePlan, month: string) {
  const p = plan.periods.find((x) => x.from <= month && month <= x.to);
  return p ? compilePeriod(p) : null;
}

function notFound(caseNumber: string, k: PaperKey): ApiFailure {
  return new ApiFailure('not-found', `案件 ${caseNumber} 中没有此问题：${PAPER_KIND_NAMES[k.kind]}，${k.personId}，${formatChineseMonth(k.month)}`);
}

function derive(result: ComputeResultDto, plan: RatePlan, key: string, k: PaperKey, caseNumber: string): FindingDerivation {
  const same = (x: { personId: string; month: string }) => x.personId === k.personId && x.month === k.month;
  const period = planPeriodOf(plan, k.month);
  const base: Omit<FindingDerivation, 'name' | 'steps' | 'sources'> = {
    key,
    kind: k.kind,
    kindName: PAPER_KIND_NAMES[k.kind],
    personId: k.personId,
    month: k.month,
    asOf: result.asOf,
    planName: result.planName,
    planPeriod: period?.label ?? null,
    basis: null,
    basisNote: null,
    insurances: [],
    overDeclared: [],
    total: null,
    lateFee: null,
    exemption: null,
  };
  switch (k.kind) {
    case 'payroll-only':
    case 'under-declared': {
      const row = [...result.rows, ...result.exempted].find((r) => same(r) && r.payrollOnly === (k.kind === 'payroll-only'));
      if (!row) {
        const only = k.kind === 'payroll-only' ? result.payrollOnly.find(same) : undefined;
        if (!only) throw notFound(caseNumber, k);
        return { ...base, name: only.name, steps: [{ label: '认定依据', text: `${formatChineseMonth(k.month)}在工资表中，但缴费申报明细中没有此人` }], sources: only.sources.map(side('payroll')) };
      }
      const dailyRate = numberToDecimalString(plan.lateFeeDailyRate);
      const steps = backPaySteps(row, { dailyRate, cap: plan.lateFeeCap, asOf: result.asOf });
      // Never expected: a rounded figure that is not the rounding of the product written beside it.
      if (!backPayStepsConsistent(row, { dailyRate, cap: plan.lateFeeCap, asOf: result.asOf })) {
        steps.push({ label: '核对', text: '上列乘积按四舍五入与计算结果不一致，请勿使用本底稿并联系维护人员' });
      }
      if (row.payrollOnly) steps.unshift({ label: '认定依据', text: `${formatChineseMonth(k.month)}在工资表中，但缴费申报明细中没有此人：申报基数按 0 计` });
      return {
        ...base,
        name: row.name,
        planPeriod: row.planPeriod,
        basis: row.basis,
        basisNote: row.basisNote,
        insurances: row.insurances,
        total: row.total,
        lateFee: { dueDate: row.dueDate, days: row.lateFeeDays, dailyRate, cap: plan.lateFeeCap, capped: row.lateFeeCapped, amount: row.lateFee },
        exemption: row.exemption ?? null,
        steps,
        sources: uniqueSources([...row.payrollSources.map(side('payroll')), ...row.declarationSources.map(side('declaration'))]),
      };
    }
    case 'declared-only': {
      const only = result.declaredOnly.find(same);
      if (!only) throw notFound(caseNumber, k);
      return { ...base, name: only.name, steps: declaredOnlySteps(k.month), sources: only.sources.map(side('declaration')) };
    }
    case 'over-declared': {
      const items = result.overDeclared.filter(same);
      if (items.length === 0) throw notFound(caseNumber, k);
      return {
        ...base,
        name: items[0]!.name,
        overDeclared: items.map((o) => ({ insurance: o.insurance, name: INSURANCE_NAMES[o.insurance], dueBase: o.dueBase, declaredBase: o.declaredBase })),
        steps: overDeclaredSteps(items),
        sources: uniqueSources(items.flatMap((o) => o.sources.map(side('declaration')))),
      };
    }
    case 'discrepancy': {
      const d = result.discrepancies.find((x) => same(x) && x.side === k.side && x.source.fileId === k.fileId && x.source.row === k.row);
      if (!d || !period) throw notFound(caseNumber, k);
      const insurances = d.insurance === null ? period.insurances : period.insurances.filter((i) => i.code === d.insurance);
      const rates = insurances.map((i) => {
        const line = { personId: d.personId, name: d.name, month: d.month, insurance: i.code, baseFen: fenFromString(d.declaredBase), source: d.source };
        const expected = expectedAmounts(line, period)!;
        return {
          name: i.name,
          rate: k.side === 'employer' ? i.employerRateText : i.employeeRateText,
          amount: formatFen(k.side === 'employer' ? expected.employerFen : expected.employeeFen),
        };
      });
      return { ...base, name: d.name, steps: discrepancySteps(d, rates), sources: [{ ...d.source, side: 'declaration' }] };
    }
  }
}

const BASE_RULE_NAMES = {
  monthly: '按月（当月应发工资）',
  annual: (start: 1 | 7) => `按年（上年度月平均工资，${start}月起为缴费年度）`,
};

function baseRuleName(rule: RatePlan['baseRule']): string {
  return rule.kind === 'monthly' ? BASE_RULE_NAMES.monthly : BASE_RULE_NAMES.annual(rule.yearStartMonth);
}

function difference(a: ComputeResultDto['totals'], b: ComputeResultDto['totals']): ComputeResultDto['totals'] {
  const d = (k: keyof ComputeResultDto['totals']) => formatFen(fenFromString(b[k]) - fenFromString(a[k]));
  return { employer: d('employer'), employee: d('employee'), backPay: d('backPay'), lateFee: d('lateFee'), total: d('total') };
}

export const findingsPaperHandlers: Handlers<'findings.derivation' | 'findings.whatIf' | 'findings.signOff'> = {
  'findings.derivation': (ctx, input) => {
    const c = requireEmployerCase(ctx.db, input.caseId);
    const parsed = parsePaperKey(input.key);
    if (!parsed.ok) throw new ApiFailure('invalid-input', parsed.reason, [{ path: 'key', message: parsed.reason }]);
    const plan = loadRatePlan(ctx.db, c.ratePlanId);
    const figures = input.asOf === undefined ? toComputeResultDto(caseFigures(ctx.db, c.id, localIsoDate(ctx.now())).result) : computeCase(ctx.db, c.id, input.asOf);
    return derive(figures, plan, input.key, parsed.key, c.number);
  },

  'findings.whatIf': (ctx, input): WhatIfComparison => {
    const c = requireEmployerCase(ctx.db, input.caseId);
    const plan = loadRatePlan(ctx.db, c.ratePlanId);
    // The case's own figures against the what-if (which changes nothing).
    const current = input.asOf === undefined ? toComputeResultDto(caseFigures(ctx.db, c.id, localIsoDate(ctx.now())).result) : computeCase(ctx.db, c.id, input.asOf);
    const whatIfAsOf = input.whatIfAsOf ?? current.asOf;
    const lateFeeCap = input.lateFeeCap ?? plan.lateFeeCap;
    const baseRule = input.baseRule ?? plan.baseRule;
    const other = computeCase(ctx.db, c.id, whatIfAsOf, { lateFeeCap, baseRule });
    return {
      current: { asOf: current.asOf, lateFeeCap: plan.lateFeeCap, baseRule: plan.baseRule, baseRuleName: baseRuleName(plan.baseRule), totals: current.totals, rows: current.lines },
      whatIf: { asOf: whatIfAsOf, lateFeeCap, baseRule, baseRuleName: baseRuleName(baseRule), totals: other.totals, rows: other.lines },
      difference: difference(current.totals, other.totals),
    };
  },

  'findings.signOff': (ctx, input) => {
    const c = requireCase(ctx.db, input.caseId);
    const status = approvalStatus(ctx.db, c.id);
    const users = new Map(listUsers(ctx.db).map((u) => [u.username, u]));
    const preparerName = casePreparer(ctx.db, c.id);
    const preparer = preparerName === null ? null : { username: preparerName, displayName: users.get(preparerName)?.displayName ?? preparerName };
    const me = ctx.currentUser();
    let reason: string | null = null;
    if (c.state === 'archived') reason = `案件 ${c.number} 已归档，不能审核`;
    else if (!me) reason = users.size === 0 ? '本机尚未建立用户账户：审核需要以科室负责人身份登录' : '请以科室负责人身份登录后审核';
    else {
      const check = approverCheck(ctx.db, c.id, me);
      if (!check.ok) reason = check.reason;
      else if (status.approved && !status.changedAfterReview) reason = `已由 ${users.get(status.approvedBy ?? '')?.displayName ?? status.approvedBy} 审核，此后没有变更`;
    }
    const approvedByName = status.approvedBy === null ? null : (users.get(status.approvedBy)?.displayName ?? status.approvedBy);
    return { status, approvedByName, preparer, me, canApprove: reason === null, reason };
  },
};
