// plan.* and cases.setTeam: the annual plan (the year's checks from the plan, the draw, tip-offs
// and leads, with progress), its publication with the task list and the results (一公开,
// DOMAIN.md §10.4; the same personal-data guard as the draw's list), and a case's team picked
// from the inspector directory (documents then print names and 执法证号 from it).
import ExcelJS from 'exceljs';
import { CASE_SOURCE_NAMES, CASE_STATE_NAMES, type CaseState } from '../../../shared/api/dto';
import type { AnnualPlan, PlanRow } from '../../../shared/api/dto/annualPlan';
import { publicTableCells, publicTableDoc, YEAR_PUBLICATION_NAMES, type PublicTable, type YearPublicationKind } from '../../../shared/documents/yearPublication';
import { findPersonalData } from '../../../shared/rules/publicationGuard';
import { appendAudit } from '../audit/auditLog';
import type { Db } from '../db/open';
import { caseTeam, conflictPairs, getInspector, setCaseTeam } from '../db/repos/office';
import { renderPdf } from '../documents/pdf';
import { insuredNames, RESULT } from '../office/publication';
import { requireOpenCase } from './cases';
import { readCaseFacts } from './documentBuild';
import { agencyName } from './draws';
import { ApiFailure } from './errors';
import type { Handlers } from './types';

const STARTED: ReadonlySet<CaseState> = new Set(['notified', 'onsite', 'summarised', 'concluded', 'rectifying', 'archived', 'closed-no-finding']);
const FINISHED: ReadonlySet<CaseState> = new Set(['concluded', 'rectifying', 'archived', 'closed-no-finding']);

export function annualPlan(db: Db, year: number): AnnualPlan {
  const cases = db
    .prepare(
      `SELECT c.id, c.number, c.kind, c.source, c.state, c.period_from, c.period_to, c.created_at,
              COALESCE(e.name, i.name) AS target_name, COALESCE(e.credit_code, i.credit_code) AS credit_code
       FROM cases c LEFT JOIN employers e ON e.id = c.employer_id LEFT JOIN institutions i ON i.id = c.institution_id
       WHERE c.year = ? ORDER BY c.seq`,
    )
    .all(year) as { id: number; number: string; kind: PlanRow['kind']; source: PlanRow['source']; state: CaseState; period_from: string; period_to: string; created_at: string; target_name: string; credit_code: string }[];
  const rows: PlanRow[] = cases.map((c) => ({
    caseId: c.id,
    number: c.number,
    kind: c.kind,
    targetName: c.target_name,
    creditCode: c.credit_code,
    source: c.source,
    state: c.state,
    periodFrom: c.period_from,
    periodTo: c.period_to,
    createdAt: c.created_at,
    team: readCaseFacts(db, c.id).auditors.map((a) => ({ name: a.name, credential: a.credentialNo })),
  }));
  const counts: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const bySource = (counts[r.source] ??= {});
    bySource[r.state] = (bySource[r.state] ?? 0) + 1;
  }
  const pending = db.prepare("SELECT COUNT(*) AS n FROM tip_offs WHERE substr(received_on, 1, 4) = ? AND verification IS NULL").get(String(year)) as { n: number };
  return {
    year,
    rows,
    counts,
    total: rows.length,
    started: rows.filter((r) => STARTED.has(r.state)).length,
    finished: rows.filter((r) => FINISHED.has(r.state)).length,
    tipOffsPending: pending.n,
  };
}

const teamText = (r: PlanRow) => r.team.map((t) => `${t.name}（${t.credential}）`).join('、') || '—';
const TASKS: Record<PlanRow['kind'], { target: string; content: string; basis: string }> = {
  'employer-audit': { target: '参保单位', content: '参保登记、缴费基数申报、参保人数和社会保险费缴纳情况', basis: '《中华人民共和国社会保险法》《社会保险稽核办法》' },
  'institution-check': { target: '定点医药机构', content: '医疗保障基金使用情况', basis: '《医疗保障基金使用监督管理条例》' },
};

export function yearPublication(plan: AnnualPlan, kind: YearPublicationKind, agency: string): PublicTable {
  const y = plan.year;
  const title = `${agency}${y}年度${YEAR_PUBLICATION_NAMES[kind]}`;
  if (kind === 'tasks') {
    const kinds = [...new Set(plan.rows.map((r) => r.kind))];
    if (kinds.length === 0) kinds.push('employer-audit');
    return {
      title,
      intro: `${y} 年度随机抽查事项，按“双随机、一公开”方式实施。`,
      header: ['序号', '抽查事项', '检查对象', '抽查内容', '事项类别', '检查方式', '实施主体', '检查依据'],
      widths: [0.8, 4, 2, 5, 2, 3, 3, 4],
      rows: kinds.map((k, i) => [String(i + 1), `${y}年度${TASKS[k].target}${k === 'employer-audit' ? '社会保险费缴纳情况稽核' : '医保基金使用情况检查'}`, TASKS[k].target, TASKS[k].content, '一般检查事项', '现场检查、书面检查、数据分析', agency || '—', TASKS[k].basis]),
    };
  }
  if (kind === 'plan') {
    return {
      title,
      intro: `${y} 年度计划检查 ${plan.total} 户（${Object.entries(plan.counts).map(([s, by]) => `${CASE_SOURCE_NAMES[s as PlanRow['source']]} ${Object.values(by).reduce((a, b) => a + b, 0)}`).join('，') || '无'}）。`,
      header: ['序号', '检查对象', '统一社会信用代码', '来源', '检查期间', '检查人员（执法证号）'],
      widths: [0.8, 5, 3.5, 1.5, 3, 6],
      rows: plan.rows.map((r, i) => [String(i + 1), r.targetName, r.creditCode, CASE_SOURCE_NAMES[r.source], `${r.periodFrom}～${r.periodTo}`, teamText(r)]),
    };
  }
  return {
    title,
    intro: `${y} 年度检查 ${plan.total} 户，已办结 ${plan.finished} 户。`,
    header: ['序号', '对象名称', '统一社会信用代码', '检查人员（执法证号）', '检查时间', '检查结果', '处理情况'],
    widths: [0.8, 5, 3.5, 6, 2.2, 3, 2.5],
    rows: plan.rows.map((r, i) => {
      const [result, handling] = RESULT[r.state];
      return [String(i + 1), r.targetName, r.creditCode, teamText(r), `${r.createdAt.slice(0, 10)}起`, result, handling === '—' ? CASE_STATE_NAMES[r.state] : handling];
    }),
  };
}

async function tableXlsx(t: PublicTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('公示');
  ws.addRow([t.title]);
  ws.mergeCells(1, 1, 1, t.header.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([t.intro]);
  ws.mergeCells(2, 1, 2, t.header.length);
  ws.addRow(t.header).font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  t.widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.round(w * 6)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const annualPlanHandlers: Handlers<'plan.year' | 'plan.publication' | 'cases.setTeam'> = {
  'plan.year': (ctx, input) => annualPlan(ctx.db, input.year),

  'plan.publication': async (ctx, input) => {
    const agency = agencyName(ctx);
    const table = yearPublication(annualPlan(ctx.db, input.year), input.kind, agency);
    const hits = findPersonalData(publicTableCells(table), insuredNames(ctx.db));
    if (hits.length > 0) throw new ApiFailure('forbidden', `公示内容含有个人信息，已拒绝导出：${hits.map((h) => `${h.where}：${h.what}`).join('；')}`);
    const data = input.format === 'xlsx' ? await tableXlsx(table) : new Uint8Array((await renderPdf(publicTableDoc(table, agency), { draft: false })).bytes);
    appendAudit(ctx.db, { ...ctx.meta(), caseId: null, action: 'plan.publish', detail: { year: input.year, kind: input.kind, format: input.format, rows: table.rows.length } });
    return { fileName: `${YEAR_PUBLICATION_NAMES[input.kind]}_${input.year}.${input.format}`, data: new Uint8Array(data) };
  },

  'cases.setTeam': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    if (new Set(input.inspectorIds).size !== input.inspectorIds.length) throw new ApiFailure('invalid-input', '检查组中有重复的检查人员');
    const target = ctx.db.prepare('SELECT COALESCE(e.credit_code, i.credit_code) AS code, c.kind FROM cases c LEFT JOIN employers e ON e.id = c.employer_id LEFT JOIN institutions i ON i.id = c.institution_id WHERE c.id = ?').get(c.id) as { code: string; kind: string };
    const conflicts = conflictPairs(ctx.db, target.kind === 'institution-check' ? 'institution' : 'employer').filter((p) => p.creditCode === target.code);
    const team = input.inspectorIds.map((id) => {
      const i = getInspector(ctx.db, id);
      if (!i) throw new ApiFailure('not-found', `找不到检查人员（编号 ${id}）`);
      if (!i.active) throw new ApiFailure('invalid-input', `${i.name}（${i.credential}）已停用，不能列入检查组`);
      if (conflicts.some((p) => p.credential === i.credential)) throw new ApiFailure('invalid-input', `${i.name}（${i.credential}）与被检查对象有回避关系，不能列入检查组`);
      return i;
    });
    const before = caseTeam(ctx.db, c.id);
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      setCaseTeam(ctx.db, c.id, team.map((i) => i.id));
      appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'case.team', detail: { before: before.map((i) => `${i.name}（${i.credential}）`), after: team.map((i) => `${i.name}（${i.credential}）`) } });
    })();
    return caseTeam(ctx.db, c.id);
  },
};
