// The derivation printed (issue 14 item 4): one working paper per finding — the source file,
// sheet and rows → the rule and the plan version (its name and SHA-256) → the arithmetic line by
// line (rules/findingDerivation, the same steps as the findings screen) → the legal basis. A
// document model like the others, rendered by the same PDF renderer.
import type { ResultRow } from '../api/dto';
import { DEFAULT_FINDING_BASIS, type FindingBasis, type FindingKind } from './findingBasis';
import { joinCitations } from './legalBasis';
import { OFFICIAL_PAGE, type Block, type DocumentModel } from './model';
import { backPaySteps, type LateFeeTerms } from '../rules/findingDerivation';
import { ESTIMATED_MARK } from './estimationNote';

export interface FindingTraceParams {
  agencyName: string;
  caseNumber: string;
  employerName: string;
  plan: { name: string; sha256: string };
  late: LateFeeTerms;
  rows: readonly ResultRow[];
  findingBasis?: Partial<Record<FindingKind, FindingBasis>>;
}

const sourceText = (s: { fileName: string; sheet: string; row: number }) => `${s.fileName}${s.sheet ? ` › 工作表“${s.sheet}”` : ''} › 第 ${s.row} 行`;

export function buildFindingTrace(p: FindingTraceParams): DocumentModel {
  if (!/^[0-9a-f]{64}$/.test(p.plan.sha256)) throw new Error(`缴费政策的 SHA-256 无效：${p.plan.sha256}`);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      indent: false,
      small: true,
      content: [`被稽核单位：${p.employerName}　案件编号：${p.caseNumber}　缴费政策：${p.plan.name}（SHA-256 ${p.plan.sha256}）　计算截止日：${p.late.asOf}　金额单位：元`],
    },
  ];
  p.rows.forEach((row, i) => {
    const kind: FindingKind = row.payrollOnly ? 'not-enrolled' : 'under-declared';
    const basis = p.findingBasis?.[kind] ?? DEFAULT_FINDING_BASIS[kind];
    if (i > 0) blocks.push({ kind: 'page-break' });
    blocks.push({ kind: 'heading', level: 1, label: `${i + 1}．`, text: `${row.name} ${row.personId} ${row.month}：${row.payrollOnly ? '未参保（漏报）' : '少报缴费基数'}${row.estimated ? `（${ESTIMATED_MARK}）` : ''}` });
    blocks.push({ kind: 'heading', level: 4, label: '（1）', text: '数据来源' });
    const sources = [...row.payrollSources.map((s) => `工资表：${sourceText(s)}`), ...row.declarationSources.map((s) => `缴费申报明细：${sourceText(s)}`)];
    blocks.push({ kind: 'list', style: 'decimal', items: (sources.length > 0 ? sources : ['（无工资表行，按核定基数计算）']).map((t) => [t]) });
    blocks.push({ kind: 'heading', level: 4, label: '（2）', text: '适用规则' });
    const rule = [`缴费政策“${p.plan.name}”（SHA-256 ${p.plan.sha256}）期间 ${row.planPeriod}；基数：${row.basisNote}`];
    if (row.estimated) rule.push(`${ESTIMATED_MARK}：${row.estimated.rule}，法律依据${row.estimated.legalBasis}，核定理由：${row.estimated.reason}`);
    blocks.push({ kind: 'list', style: 'decimal', items: rule.map((t) => [t]) });
    blocks.push({ kind: 'heading', level: 4, label: '（3）', text: '计算过程' });
    blocks.push({
      kind: 'table',
      columns: [{ weight: 5 }, { weight: 13 }],
      header: [[{ content: ['项目'] }, { content: ['算式'] }]],
      rows: backPaySteps(row, p.late).map((s) => [{ content: [s.label], align: 'left' }, { content: [s.text], align: 'left' }]),
      size: 'tiny',
    });
    blocks.push({ kind: 'heading', level: 4, label: '（4）', text: '认定依据' });
    blocks.push({ kind: 'paragraph', content: [`违反了${joinCitations(basis.violates)}的规定，依据${joinCitations(basis.handling)}的规定处理；滞纳金依据${joinCitations(DEFAULT_FINDING_BASIS['late-fee'].handling)}。`] });
  });
  return {
    kind: 'finding-trace',
    issuer: p.agencyName,
    title: '稽核认定推导底稿',
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: p.agencyName, subject: `${p.employerName}稽核认定推导底稿`, keywords: [p.caseNumber, p.plan.sha256] },
  };
}
