// The document builders after the audit notice: each holds what DOMAIN.md §8 lists for it, its
// amounts are the ComputeResult's in figures and capitals, deadlines count working days, and a
// builder refuses a case it does not fit (a no-violation notice for a case with findings, …).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAuditOpinion, auditOpinionDueDate } from '../../shared/documents/auditOpinion';
import { buildBackPaySchedule, scheduleLines } from '../../shared/documents/backPaySchedule';
import { describeSources, type CaseFacts } from '../../shared/documents/caseFacts';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';
import { buildFindingsNotice, statementDeadline } from '../../shared/documents/findingsNotice';
import { buildInterviewRecord, interviewRecordPages } from '../../shared/documents/interviewRecord';
import { inlineText, tablePages, type Block, type DocumentModel, type TableBlock } from '../../shared/documents/model';
import { buildNoViolationNotice, noViolationDueDate } from '../../shared/documents/noViolationNotice';
import { buildPenaltyReferral } from '../../shared/documents/penaltyReferral';
import { buildProofOfService } from '../../shared/documents/proofOfService';
import { buildRectificationNotice } from '../../shared/documents/rectificationNotice';
import { buildUndertaking } from '../../shared/documents/undertaking';
import { addWorkingDays, isWorkingDay } from '../../shared/documents/workingDays';
import { buildWorkRecord } from '../../shared/documents/workRecord';
import { parseAgencyProfile } from '../../shared/domain/agency';
import type { DeclarationLine, PayrollLine } from '../../shared/domain/lines';
import type { ComputeResult } from '../../shared/domain/result';
import { compute } from '../../shared/rules/compute';
import { formatFenGrouped, sumFen } from '../../shared/rules/money';
import { monthRange } from '../../shared/rules/month';
import { generateEmployer } from '../fixtures/employer';
import { decl, ID, loadPlan, pay, src } from './computeFixtures';

const agency = parseAgencyProfile(JSON.parse(readFileSync(new URL('../../resources/agency-profile.default.json', import.meta.url), 'utf8')));
const auditors = [
  { name: '王建国', credentialNo: '示医保稽字第000123号' },
  { name: '李晓梅', credentialNo: '示医保稽字第000456号' },
];
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  agency,
  caseNumber: '稽〔2025〕7号',
  employer: { name: '示例市某某机械制造有限公司', creditCode: '91350100MA2Y3K7Q0F', address: '示例市工业路1号' },
  periodFrom: '2024-03',
  periodTo: '2024-03',
  auditors,
  ...over,
});

/** The worked example of DOMAIN.md §6.5, from rows as the importer gives them. */
function workedExample(): ComputeResult {
  return compute({
    plan: loadPlan('example-2024.json'),
    from: '2024-03',
    to: '2024-03',
    asOf: '2025-03-31',
    payroll: [
      pay(ID.jia, '甲', '2024-03', '9000.00', src('工资表.xlsx', '2024年3月', 4)),
      pay(ID.yi, '乙', '2024-03', '3000.00', src('工资表.xlsx', '2024年3月', 5)),
      pay(ID.bing, '丙', '2024-03', '25000.00', src('工资表.xlsx', '2024年3月', 6)),
      pay(ID.jia, '甲', '2024-03', '500.55', src('工资表.xlsx', '2024年3月', 7)),
    ],
    declarations: [
      decl(ID.jia, '甲', '2024-03', '5000.00', null, {}, src('申报明细.csv', 'csv', 2)),
      decl(ID.bing, '丙', '2024-03', '20000.00', null, {}, src('申报明细.csv', 'csv', 3)),
      decl(ID.ding, '丁', '2024-03', '4000.00', null, {}, src('申报明细.csv', 'csv', 4)),
    ],
  });
}

/** A realistic employer: 40 persons × 12 months from the fixture generator. */
function generated(): { result: ComputeResult; facts: CaseFacts } {
  const data = generateEmployer(77, { persons: 40, months: monthRange('2024-01', '2024-12') });
  const payroll: PayrollLine[] = data.payrollRows.map((r, i) => ({ personId: r.personId, name: r.name, month: r.month, grossFen: r.grossFen, source: src('工资表2024.xlsx', `${Number(r.month.slice(0, 4))}年${Number(r.month.slice(5))}月`, 4 + (i % 45)) }));
  const declarations: DeclarationLine[] = data.declarationRows.map((r, i) => ({ personId: r.personId, name: r.name, month: r.month, insurance: r.insurance, baseFen: r.baseFen, source: src('申报明细.csv', 'csv', i + 2) }));
  const result = compute({ plan: loadPlan('example-2024.json'), from: '2024-01', to: '2024-12', asOf: '2025-03-24', payroll, declarations });
  return { result, facts: facts({ periodFrom: '2024-01', periodTo: '2024-12' }) };
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'addressee':
      return b.text;
    case 'paragraph':
      return inlineText(b.content);
    case 'heading':
      return b.label + b.text + inlineText(b.content ?? []);
    case 'list':
      return b.items.map(inlineText).join('\n');
    case 'table':
      return [...b.header, ...b.rows, ...(b.footer ?? [])].map((r) => r.map((c) => inlineText(c.content)).join('|')).join('\n');
    case 'signature':
      return `${b.agency}\n${b.date}`;
    case 'received':
      return [b.title ?? '', ...b.lines.map((l) => l.map((f) => `${f.label}：${f.value ?? ''}`).join(' '))].join('\n');
    case 'attachments':
      return `附件：${b.items.join('；')}`;
    case 'notes':
      return `${b.label}：${b.items.map(inlineText).join('\n')}`;
    default:
      return '';
  }
}
const allText = (m: DocumentModel) => [m.issuer, m.title, m.number, ...m.blocks.map(blockText)].join('\n');
const tables = (m: DocumentModel) => m.blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('working days', () => {
  it('skips weekends and does not count the starting day', () => {
    expect(addWorkingDays('2026-07-03', 5)).toBe('2026-07-10'); // Friday → next Friday
    expect(addWorkingDays('2025-03-03', 5)).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-08', 1)).toBe('2025-03-10'); // from a Saturday
    expect(addWorkingDays('2025-03-12', 10)).toBe('2025-03-26');
    expect(isWorkingDay('2025-03-09')).toBe(false);
    expect(isWorkingDay('2025-03-10')).toBe(true);
  });

  it('takes holidays and working weekends when a calendar is given', () => {
    const holidays = new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']);
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-01');
    expect(addWorkingDays('2025-09-30', 1, { holidays })).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-26', 1, { extraWorkdays: new Set(['2025-09-28']) })).toBe('2025-09-28');
    expect(() => addWorkingDays('2025-09-30', 0)).toThrow('正整数');
  });

  it('gives the deadlines of the rules: opinion 10, no-violation 5, statement 5 working days', () => {
    expect(auditOpinionDueDate('2025-03-12')).toBe('2025-03-26');
    expect(noViolationDueDate('2025-04-15')).toBe('2025-04-22');
    expect(statementDeadline('2025-03-13')).toBe('2025-03-20');
  });
});

describe('source rows', () => {
  it('writes row ranges per file and month sheets by month', () => {
    const refs = [src('申报明细.csv', 'csv', 7), src('申报明细.csv', 'csv', 5), src('申报明细.csv', 'csv', 6), src('申报明细.csv', 'csv', 12)];
    expect(describeSources(refs)).toBe('申报明细.csv 第5–7、12行');
    const months = [src('工资表.xlsx', '2024年2月', 9), src('工资表.xlsx', '2024年1月', 8), src('工资表.xlsx', '2024年10月', 3)];
    expect(describeSources(months)).toBe('工资表.xlsx 1月第8行、2月第9行、10月第3行');
  });
});

describe('the findings documents on the worked example', () => {
  const r = workedExample();
  const f = facts();
  const figures = [r.totals.backPayFen, r.totals.lateFeeFen, r.totals.totalFen];

  it('notice of findings: headcount, persons, source rows, amounts in figures and capitals, right to state its case', () => {
    const m = buildFindingsNotice({ facts: f, number: '示医保稽告〔2025〕3号', result: r, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-13' });
    const t = allText(m);
    expect(m.number).toBe('示医保稽告〔2025〕3号');
    expect(t).toContain('2024年3月|3|3|2|1|1'); // month, payroll, declared, matched, payroll-only, declared-only
    expect(t).toMatch(/乙\|110105198503150027/);
    expect(t).toContain('工资表.xlsx 第5行');
    expect(t).toMatch(/丁\|110105197511110047/);
    expect(t).toContain('申报明细.csv 第4行');
    for (const fen of figures) {
      expect(t).toContain(formatFenGrouped(fen));
      expect(t).toContain(toChineseCapitals(fen));
    }
    expect(t).toContain('叁仟伍佰柒拾伍元柒角肆分'); // DOMAIN.md §6.5 total 3,575.74
    expect(t).toContain('5个工作日内（即2025年3月20日前）');
    expect(t).toContain('陈述、申辩');
  });

  it('notice of findings: its text counts the payroll-only person-months its month table counts, an exempted intern included', () => {
    const ex = compute({
      plan: loadPlan('example-2024.json'),
      from: '2024-03',
      to: '2024-03',
      asOf: '2025-03-31',
      payroll: [pay(ID.jia, '甲', '2024-03', '9000.00', src('工资表.xlsx', '2024年3月', 4)), pay(ID.yi, '乙', '2024-03', '3000.00', src('工资表.xlsx', '2024年3月', 5))],
      declarations: [decl(ID.jia, '甲', '2024-03', '5000.00', null, {}, src('申报明细.csv', 'csv', 2))],
      exemptions: [{ personId: ID.yi, months: null, reason: 'student-intern' }],
    });
    const t = allText(buildFindingsNotice({ facts: f, number: '示医保稽告〔2025〕3号', result: ex, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-13' }));
    expect(t).toContain('2024年3月|2|1|1|1|0');
    expect(t).toContain('合计（人次）|2|1|1|1|0');
    expect(t).toContain('共有1人1人次在工资表上领取工资但未申报缴费（其中1人次经核实认定不计算补缴，见下文）');
  });

  it('audit opinion: facts, legal basis per finding, conclusion, amounts, deadline, reconsideration 60 days and suit 6 months', () => {
    const m = buildAuditOpinion({ facts: f, number: '示医保稽意〔2025〕2号', result: r, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-21' });
    const t = allText(m);
    expect(t).toContain('未为职工参保。你单位1名职工（乙）');
    expect(t).toContain('少报缴费基数。你单位1名职工');
    expect(t).toMatch(/第五十八条第一款和第六十条第一款的规定/);
    expect(t).toMatch(/第八十六条/);
    expect(t).toContain('在保不在册');
    for (const fen of [...figures, r.totals.employerFen, r.totals.employeeFen]) expect(t).toContain(formatFenGrouped(fen));
    for (const fen of figures) expect(t).toContain(`（大写：${toChineseCapitals(fen)}）`);
    expect(t).toContain('5个工作日内（即2025年3月28日前）');
    expect(t).toContain('六十日内');
    expect(t).toContain('六个月内依法向人民法院提起行政诉讼');
    expect(t).toContain('附件：补缴明细表');
    // per-insurance table = the result's byInsurance
    const byIns = tables(m).at(-1)!;
    expect(byIns.rows.map((row) => inlineText(row[1]!.content))).toEqual(Object.values(r.byInsurance).map((v) => formatFenGrouped(v!.employerFen)));
  });

  it('rectification notice: items, deadline, §86 consequences, amounts in capitals', () => {
    const m = buildRectificationNotice({ facts: f, number: '示医保稽改〔2025〕2号', result: r, opinion: { number: '示医保稽意〔2025〕2号', date: '2025-03-21' }, issueDate: '2025-03-21' });
    const t = allText(m);
    expect(t).toContain('2025年3月28日前');
    expect(t).toContain('办理社会保险参保登记');
    expect(t).toContain('更正1名职工的缴费基数');
    expect(t).toContain('一倍以上三倍以下的罚款');
    expect(t).toContain('第八十六条');
    for (const fen of figures) expect(t).toContain(toChineseCapitals(fen));
    expect(() => buildRectificationNotice({ facts: f, number: 'x', result: r, opinion: { number: 'y', date: '2025-03-21' }, issueDate: '2025-03-21', deadline: '2025-03-20' })).toThrow('整改期限应晚于发文日期');
  });

  it('penalty referral: facts, basis, proposed measure; not before the deadline has passed', () => {
    const base = { facts: f, number: '示医保稽罚〔2025〕1号', result: r, addressee: '示例市医疗保障局行政执法科', opinion: { number: 'A〔2025〕1号', date: '2025-03-21' }, rectification: { number: 'B〔2025〕1号', date: '2025-03-21', deadline: '2025-03-28' }, issueDate: '2025-04-09' };
    const t = allText(buildPenaltyReferral({ ...base, checkedOn: '2025-04-07' }));
    expect(t).toContain('违法事实');
    expect(t).toContain('经2025年4月7日复查，该单位逾期仍未补缴社会保险费3,043.18元及滞纳金');
    expect(t).toContain('处罚建议');
    expect(t).toContain(`欠缴数额${formatFenGrouped(r.totals.backPayFen)}元（大写：${toChineseCapitals(r.totals.backPayFen)}）一倍以上三倍以下的罚款`);
    expect(() => buildPenaltyReferral({ ...base, checkedOn: '2025-03-28' })).toThrow('期限届满前不能认定逾期未整改');
  });

  it('legal text: referral cites what it proposes measures under, lists only existing attachments, writes as one department to another', () => {
    const base = { facts: f, number: '示医保稽罚〔2025〕1号', result: r, addressee: '示例市医疗保障局行政执法科', opinion: { number: 'A〔2025〕1号', date: '2025-03-21' }, rectification: { number: 'B〔2025〕1号', date: '2025-03-21', deadline: '2025-03-28' }, issueDate: '2025-04-09', checkedOn: '2025-04-07' };
    const t = allText(buildPenaltyReferral(base));
    expect(t).not.toContain('提请你单位');
    expect(t).toContain('违反了《中华人民共和国社会保险法》第五十八条第一款、第六十条第一款的规定。依照《中华人民共和国社会保险法》第八十六条、第八十四条的规定，建议依法予以行政处罚');
    expect(t).toContain('稽核意见书（A〔2025〕1号）');
    expect(t).not.toContain('复查记录');
    const listed = allText(buildPenaltyReferral({ ...base, attachments: ['稽核意见书（A〔2025〕1号）', '补缴明细表（A〔2025〕1号附件）'] }));
    expect(listed).toContain('补缴明细表（A〔2025〕1号附件）');
    expect(listed).not.toContain('限期整改通知书（B');
  });

  it('legal text: 在保不在册 is a matter to verify, not a breach; an exemption note stays internal', () => {
    const op = allText(buildAuditOpinion({ facts: f, number: '示医保稽意〔2025〕2号', result: r, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-21' }));
    const declaredOnly = op.slice(op.indexOf('在保不在册。'));
    expect(declaredOnly).toContain('需要核实的事项');
    expect(declaredOnly).toContain('挂靠参保');
    expect(declaredOnly.slice(0, declaredOnly.indexOf('第八十八条'))).not.toContain('第五十八条');
    expect(declaredOnly).toContain('骗取社会保险待遇的，依照《中华人民共和国社会保险法》第八十八条');
    const ex = compute({
      plan: loadPlan('example-2024.json'),
      from: '2024-03',
      to: '2024-03',
      asOf: '2025-03-31',
      payroll: [pay(ID.jia, '甲', '2024-03', '9000.00', src('工资表.xlsx', '2024年3月', 4)), pay(ID.yi, '乙', '2024-03', '3000.00', src('工资表.xlsx', '2024年3月', 5))],
      declarations: [decl(ID.jia, '甲', '2024-03', '5000.00', null, {}, src('申报明细.csv', 'csv', 2))],
      exemptions: [{ personId: ID.yi, months: null, reason: 'student-intern', note: '科长口头同意，待补学校证明' }],
    });
    for (const m of [
      buildFindingsNotice({ facts: f, number: 'x', result: ex, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-13' }),
      buildAuditOpinion({ facts: f, number: 'x', result: ex, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-21' }),
    ]) {
      const text = allText(m);
      expect(text).toContain('实习学生');
      expect(text).not.toContain('科长口头同意');
    }
  });

  it('no-violation notice refuses a case with findings, and the opinion refuses a clean one', () => {
    expect(() => buildNoViolationNotice({ facts: f, number: 'x', result: r, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-10', issueDate: '2025-03-11', materials: ['工资表'] })).toThrow('不能出具无违规结论通知');
    const clean = compute({
      plan: loadPlan('example-2024.json'),
      from: '2024-03',
      to: '2024-03',
      asOf: '2025-03-31',
      payroll: [pay(ID.jia, '甲', '2024-03', '9000.00')],
      declarations: [decl(ID.jia, '甲', '2024-03', '9000.00')],
    });
    expect(() => buildAuditOpinion({ facts: f, number: 'x', result: clean, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-21' })).toThrow('应出具无违规结论通知');
    const t = allText(buildNoViolationNotice({ facts: f, number: '示医保稽结〔2025〕1号', result: clean, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-10', issueDate: '2025-03-11', materials: ['工资表', '缴费申报明细'] }));
    expect(t).toContain('2024年3月');
    expect(t).toContain('工资表、缴费申报明细');
    expect(t).toContain('未发现你单位存在少报、漏报缴费人数和缴费基数');
  });

  it('refuses a result of another period', () => {
    expect(() => buildFindingsNotice({ facts: facts({ periodFrom: '2024-01' }), number: 'x', result: r, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-13' })).toThrow('稽核期间（2024-01～2024-03）不一致');
  });
});

describe('the on-site forms', () => {
  const f = facts();

  it('proof of service names the documents, addressee, manner, place, date and both signatures', () => {
    const m = buildProofOfService({ facts: f, number: '示医保稽送〔2025〕4号', served: [{ name: '稽核意见书', number: '示医保稽意〔2025〕2号' }, { name: '限期整改通知书', number: '示医保稽改〔2025〕2号' }], place: '示例市工业路1号', manner: '留置送达', serviceDate: '2025-03-21', servers: ['王建国', '李晓梅'], remarks: '拒绝签收' });
    const t = allText(m);
    for (const s of ['《稽核意见书》（示医保稽意〔2025〕2号）', '《限期整改通知书》（示医保稽改〔2025〕2号）', '受送达人|示例市某某机械制造有限公司', '■留置送达', '□直接送达', '2025年3月21日', '受送达人\n签名或盖章', '送达人签名', '王建国：', '拒绝签收']) expect(t).toContain(s);
    expect(() => buildProofOfService({ facts: f, number: 'x', served: [], place: 'p', manner: '直接送达', servers: ['王建国'] })).toThrow(/至少应列明一份.*送达人至少应为两名/);
  });

  it('undertaking: materials true and complete, signature, seal and date', () => {
    const t = allText(buildUndertaking({ facts: f, materials: [{ name: '工资表（电子文件）', detail: '工资表2024.xlsx', copies: '1' }] }));
    for (const s of ['稽〔2025〕7号', '真实、完整', '工资表（电子文件）|工资表2024.xlsx|1', '单位名称（盖章）', '统一社会信用代码：91350100MA2Y3K7Q0F', '法定代表人签字', '日期']) expect(t).toContain(s);
  });

  it('interview record: header fields, the withdrawal right, questions, and signatures on every page', () => {
    const m = buildInterviewRecord({ facts: f, interviewee: { name: '陈静', position: '财务部经理' } });
    const t = allText(m);
    for (const s of ['时间', '地点', '询问人', '记录人', '被询问人', '身份证号码', '申请回避', '工资表上有职工没有参加社会保险，原因是什么？', '以上笔录我已看过']) expect(t).toContain(s);
    const pages = interviewRecordPages(m);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(m.blocks.filter((b) => b.kind === 'page-break')).toHaveLength(pages - 1);
    expect(t).toContain(`第${pages}页　共${pages}页`);
    // every page ends with the signatures: a received block right before each page break
    m.blocks.forEach((b, i) => {
      if (b.kind === 'page-break') expect(m.blocks[i - 1]?.kind).toBe('received');
    });
    expect(m.blocks.at(-1)?.kind).toBe('received');
    expect(interviewRecordPages(buildInterviewRecord({ facts: f, minPages: 6 }))).toBe(6);
  });

  it('work record: materials, what was checked, what was found, both sides sign', () => {
    const r = workedExample();
    const t = allText(buildWorkRecord({ facts: f, result: r, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', place: '单位会议室', materials: [{ name: '工资表', detail: '工资表.xlsx：读取4行' }] }));
    for (const s of ['工资表.xlsx：读取4行', '逐月核对', '1人1人次在工资表上领取工资但未参保', '1人1人次申报缴费但不在工资表上', '稽核人员（签名）', '单位负责人（签名）', formatFenGrouped(r.totals.backPayFen)]) expect(t).toContain(s);
  });
});

describe('the back-pay schedule on a realistic employer', () => {
  const { result: r, facts: f } = generated();
  const m = buildBackPaySchedule({ facts: f, result: r, annexTo: { name: '稽核意见书', number: '示医保稽意〔2025〕1号' } });
  const table = tables(m)[0]!;

  it('has one line per back-pay row with the result amounts, and totals equal to the result', () => {
    expect(r.rows.length).toBeGreaterThan(100);
    expect(m.page.orientation).toBe('landscape');
    expect(m.number).toBe('示医保稽意〔2025〕1号附件');
    expect(table.rows).toHaveLength(r.rows.length);
    const first = r.rows[0]!;
    expect(inlineText(table.rows[0]![1]!.content)).toBe(`${first.name}\n${first.personId}`);
    expect(inlineText(table.rows[0]!.at(-1)!.content)).toBe(formatFenGrouped(first.lateFeeFen));
    const footer = table.footer![0]!.map((c) => inlineText(c.content));
    expect(footer).toContain(formatFenGrouped(r.totals.backPayFen));
    expect(footer).toContain(formatFenGrouped(r.totals.lateFeeFen));
    const byIns = tables(m)[1]!;
    expect(byIns.rows[0]!.map((c) => inlineText(c.content))).toEqual(['基本养老保险', formatFenGrouped(r.byInsurance.pension!.employerFen), formatFenGrouped(r.byInsurance.pension!.employeeFen), formatFenGrouped(r.byInsurance.pension!.employerFen + r.byInsurance.pension!.employeeFen)]);
    expect(inlineText(byIns.footer![0]![3]!.content)).toBe(formatFenGrouped(r.totals.backPayFen));
    const t = allText(m);
    expect(t).toContain(toChineseCapitals(r.totals.totalFen));
  });

  it('cuts pages with subtotals that add up to the totals', () => {
    const pt = table.pageTotals!;
    const pages = tablePages(table.rows.length, pt.rowsPerPage, pt.firstPageRows);
    expect(pt.sums).toHaveLength(pages.length);
    const totalCol = table.columns.length - 3;
    const fen = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
    expect(sumFen(pt.sums.map((s) => fen(s[totalCol]!)))).toBe(r.totals.backPayFen);
    expect(sumFen(pt.sums.map((s) => fen(s[totalCol + 2]!)))).toBe(r.totals.lateFeeFen);
    expect(sumFen(scheduleLines(r).map((l) => l.row.totalFen))).toBe(r.totals.backPayFen);
  });

  it('prints a per-month summary and refers to the XLSX past the row limit', () => {
    const s = buildBackPaySchedule({ facts: f, result: r, annexTo: { name: '稽核意见书', number: 'A〔2025〕1号' }, xlsxName: '补缴明细表.xlsx', maxPdfRows: 50 });
    const t = allText(s);
    expect(t).toContain(`本表共${r.rows.length}行`);
    expect(t).toContain('《补缴明细表.xlsx》');
    expect(tables(s)[0]!.rows.length).toBe(r.months.filter((x) => x.rows > 0).length);
    expect(t).toContain(formatFenGrouped(r.totals.totalFen));
  });

  it('refuses a result whose rows do not add up to its totals', () => {
    const broken = { ...r, totals: { ...r.totals, backPayFen: r.totals.backPayFen + 1 } };
    expect(() => buildBackPaySchedule({ facts: f, result: broken, annexTo: { name: '稽核意见书', number: 'A〔2025〕1号' } })).toThrow('明细行合计与总额不符');
  });
});

describe('核定 on the documents (DOMAIN.md §13)', () => {
  // 甲's March payroll judged unusable: estimated at the plan's average wage 7,654.32 (worked in
  // test/unit/estimation.test.ts: row total 1,308.25); 乙 on his payroll (floor, 1,432.00)
  const plan = { ...loadPlan('example-2024.json'), estimation: { rule: 'average-wage' as const, legalBasis: '《中华人民共和国社会保险法》第六十二条', averageWages: [{ from: '2024-01', to: '2024-12', monthly: 7654.32 }] } };
  const r = compute({
    plan,
    from: '2024-03',
    to: '2024-03',
    asOf: '2025-03-31',
    payroll: [pay(ID.jia, '甲', '2024-03', '3000.00', src('工资表.xlsx', '三月', 4)), pay(ID.yi, '乙', '2024-03', '3000.00', src('工资表.xlsx', '三月', 5))],
    declarations: [decl(ID.jia, '甲', '2024-03', '4000.00', null, {}, src('申报明细.csv', 'csv', 2))],
    estimations: [{ personId: ID.jia, months: ['2024-03'], reason: '三月工资表只有半月记录' }],
  });
  const sentence = '1名职工共1人次因工资记录缺失或不能如实反映工资收入，依据《中华人民共和国社会保险法》第六十二条按地区月平均工资核定缴费基数（标注“核定”），核定理由：三月工资表只有半月记录。';

  it('the schedule marks the estimated base and says why', () => {
    const m = buildBackPaySchedule({ facts: facts(), result: r, annexTo: { name: '稽核意见书', number: '示医保稽意〔2025〕2号' } });
    const rows = tables(m)[0]!.rows.map((row) => row.map((c) => inlineText(c.content)));
    const jia = rows.find((row) => row[1]!.includes(ID.jia))!;
    const yi = rows.find((row) => row[1]!.includes(ID.yi))!;
    expect(jia[3]).toBe('7,654.32\n核定');
    expect(yi[3]).toBe('4,000.00');
    expect(allText(m)).toContain(sentence);
  });

  it('the 事实确认书 and the opinion state the estimation, its legal basis and reason', () => {
    const notice = allText(buildFindingsNotice({ facts: facts(), number: '示医保稽告〔2025〕3号', result: r, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-13' }));
    expect(notice).toContain(sentence);
    expect(notice).toContain('其中核定：');
    const opinion = allText(buildAuditOpinion({ facts: facts(), number: '示医保稽意〔2025〕2号', result: r, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: '2025-03-21' }));
    expect(opinion).toContain(`核定缴费基数。上述应补缴金额中，${sentence}`);
  });

  it('a case without estimation prints no mark', () => {
    const t = allText(buildBackPaySchedule({ facts: facts(), result: workedExample(), annexTo: { name: '稽核意见书', number: '示医保稽意〔2025〕2号' } }));
    expect(t).not.toContain('核定');
  });
});
