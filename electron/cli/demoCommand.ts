// `jihe demo --out DIR`: a complete sample audit on the bundled files of an invented employer
// (resources/demo), without a database: the same importer, computation, document builders and
// PDF renderer as the app write every document of DOMAIN.md §8 — numbered per type as a fresh
// year's sequence would number them — and the back-pay schedule also as XLSX, then print a short
// Chinese summary. What a newcomer runs to see the product's output without the UI.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { numberPrefixFor, parseAgencyProfile, type AgencyProfile } from '../../shared/domain/agency';
import type { ComputeResult } from '../../shared/domain/result';
import { buildAuditNotice } from '../../shared/documents/auditNotice';
import { auditOpinionDueDate, buildAuditOpinion, paymentDeadline } from '../../shared/documents/auditOpinion';
import { buildBackPaySchedule } from '../../shared/documents/backPaySchedule';
import type { CaseFacts } from '../../shared/documents/caseFacts';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';
import { buildFindingsNotice } from '../../shared/documents/findingsNotice';
import { buildInterviewRecord } from '../../shared/documents/interviewRecord';
import type { DocumentKind } from '../../shared/documents/kinds';
import type { DocumentModel } from '../../shared/documents/model';
import { buildNoViolationNotice, noViolationDueDate } from '../../shared/documents/noViolationNotice';
import { formatDocumentNumber } from '../../shared/documents/numbering';
import { buildPenaltyReferral } from '../../shared/documents/penaltyReferral';
import { buildProofOfService } from '../../shared/documents/proofOfService';
import { buildRectificationNotice } from '../../shared/documents/rectificationNotice';
import { buildUndertaking } from '../../shared/documents/undertaking';
import { buildWorkRecord } from '../../shared/documents/workRecord';
import { formatFenGrouped } from '../../shared/rules/money';
import { formatChineseDate } from '../../shared/rules/month';
import { IMPORT_KIND_NAMES } from '../../shared/domain/importReport';
import { renderPdf } from '../services/documents/pdf';
import { buildScheduleXlsx } from '../services/documents/scheduleXlsx';
import { computeCase, DEMO_DIR, loadDemoCase, loadInputs } from './demoCase';
import { EXIT, type CliIo } from './io';
import { writeDemoDossier } from './demoDossier';
import { existsSync, readdirSync } from 'node:fs';
import { PASSPHRASE_ENV } from '../services/db/dbKey';
import { writeDemoDraw } from './demoDraw';
import { statisticsFileName } from '../services/statistics/statisticsService';

export const DEMO_HELP = `用法：
  jihe demo --out 目录 [--data 数据目录]

用内置的示例单位（虚构）的工资表和缴费申报明细完成一次完整的稽核演示，不使用数据库：
导入、计算补缴和滞纳金，并把全部稽核文书（稽核通知书、送达回证、承诺书、询问笔录、
稽核工作记录、稽核事实确认书、稽核意见书、补缴明细表（PDF 和 XLSX）、限期整改通知书、
提请行政处罚建议书、无违规结论通知）写入指定目录；再在临时数据库中把示例案件走完并归档，
写出它的稽核档案 ZIP（可用 jihe dossier verify 核验）。数据库、备份和交换包都是加密的，
需要环境变量 JIHE_PASSPHRASE（口令）。

选项：
  --out 目录   输出目录（不存在时创建）
  --data 目录  保留演示用的加密数据目录（须为新的或空的文件夹）：其中有数据库、一份备份和
               示例案件的交换包，可在演示后查看；不给出时使用临时目录，演示后删除
  -h, --help   显示本说明
`;

/** One written file, as the summary and documents.json list it. */
export interface DemoDocument {
  file: string;
  kind: DocumentKind;
  title: string;
  /** The document number, or for unnumbered forms the case number printed on them. */
  number: string;
  pages: number;
  /** The result the document's amounts come from (as-of date), when it has amounts. */
  asOf?: string;
}

export interface DemoOutput {
  documents: DemoDocument[];
  xlsx: string;
  /** Totals of the opinion's result, as two-decimal strings. */
  totals: { employer: string; employee: string; backPay: string; lateFee: string; total: string };
  asOf: string;
  /** The sample case's archived dossier ZIP, its 档号 and SHA-256. */
  dossier?: { file: string; archiveNumber: string; sha256: string; files: number };
}

/** Numbers per type per year, starting at 1 as a fresh year's sequence does. */
function numberer(agency: AgencyProfile) {
  const seqs = new Map<string, number>();
  return (kind: DocumentKind, date: string): string => {
    const year = Number(date.slice(0, 4));
    const key = `${kind}|${year}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    return formatDocumentNumber(numberPrefixFor(agency, kind), year, seq);
  };
}

const money = (fen: number) => formatFenGrouped(fen);
const plain = (fen: number) => (fen / 100).toFixed(2);

export async function runDemo(outDir: string, log: (line: string) => void, dataDir?: string): Promise<DemoOutput> {
  const agency = parseAgencyProfile(JSON.parse(await readFile(path.join(DEMO_DIR, '..', 'agency-profile.default.json'), 'utf8')), '机关配置 agency-profile.default.json');
  const c = await loadDemoCase();
  const inputs = await loadInputs(c.files);
  const d = c.dates;
  // one case, one set of figures: every document states them at the case's cut-off date
  const figures = computeCase(c, inputs, d.asOf);
  const next = numberer(agency);
  const facts: CaseFacts = { agency, caseNumber: c.caseNumber, employer: c.employer, periodFrom: c.periodFrom, periodTo: c.periodTo, auditors: c.auditors };
  await mkdir(outDir, { recursive: true });

  const written: DemoDocument[] = [];
  const emit = async (title: string, model: DocumentModel, result?: ComputeResult) => {
    const file = `${String(written.length + 1).padStart(2, '0')}_${title}.pdf`;
    // issued documents are archival copies (PDF/A-2b, DOMAIN.md §9), as the app issues them
    const rendered = await renderPdf(model, { draft: false, archival: true });
    await writeFile(path.join(outDir, file), rendered.bytes);
    written.push({ file, kind: model.kind as DocumentKind, title, number: model.number ?? facts.caseNumber, pages: rendered.pages, ...(result ? { asOf: result.asOf } : {}) });
  };

  const noticeNo = next('audit-notice', d.noticeIssue);
  await emit(
    '稽核通知书',
    buildAuditNotice({
      agency,
      number: noticeNo,
      employer: c.employer,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo,
      onsiteDate: d.onsiteFrom,
      onsiteTime: d.onsiteTime,
      place: c.place,
      auditors: c.auditors,
      contactName: c.contact.name,
      contactPhone: c.contact.phone,
      issueDate: d.noticeIssue,
    }),
  );
  // Every document served on the employer gets its proof of service, handed over at its address by the auditors.
  const emitProof = (title: string, date: string, served: { name: string; number: string }[]) =>
    emit(title, buildProofOfService({ facts, number: next('service-proof', date), served, place: c.employer.address ?? c.place, manner: '直接送达', servers: c.auditors.map((a) => a.name) }));
  await emitProof('送达回证（稽核通知书）', d.noticeIssue, [{ name: '稽核通知书', number: noticeNo }]);
  const payrollReport = inputs.reports[0]!;
  const declReport = inputs.reports[1]!;
  await emit(
    '承诺书',
    buildUndertaking({
      facts,
      materials: [
        { name: '营业执照副本复印件', copies: '1' },
        { name: '职工花名册、劳动合同', detail: formatPeriodText(c.periodFrom, c.periodTo), copies: '1' },
        { name: '工资表（电子文件）', detail: payrollReport.fileName, copies: '1' },
        { name: '社会保险费申报明细（电子文件）', detail: declReport.fileName, copies: '1' },
        { name: '“应付职工薪酬”明细账及记账凭证', detail: formatPeriodText(c.periodFrom, c.periodTo), copies: '1' },
      ],
    }),
  );
  await emit('询问笔录', buildInterviewRecord({ facts, interviewee: c.interviewee, place: c.place }));
  await emit(
    '稽核工作记录',
    buildWorkRecord({
      facts,
      result: figures,
      onsiteFrom: d.onsiteFrom,
      onsiteTo: d.onsiteTo,
      place: c.place,
      materials: inputs.reports.map((r) => ({
        name: IMPORT_KIND_NAMES[r.kind],
        detail: `${r.fileName}：${r.sheets.filter((s) => s.skipped === null).length}个工作表，读取${r.rowsRead}行，计入${r.rowsTaken}行，${r.persons}人`,
      })),
      employerAttendees: c.employerAttendees,
    }),
    figures,
  );
  const findingsNo = next('findings-notice', d.findingsIssue);
  await emit('稽核事实确认书', buildFindingsNotice({ facts, number: findingsNo, result: figures, onsiteFrom: d.onsiteFrom, onsiteTo: d.onsiteTo, issueDate: d.findingsIssue }), figures);
  await emitProof('送达回证（稽核事实确认书）', d.findingsIssue, [{ name: '稽核事实确认书', number: findingsNo }]);
  const opinionNo = next('audit-opinion', d.opinionIssue);
  await emit(
    '稽核意见书',
    buildAuditOpinion({
      facts,
      number: opinionNo,
      result: figures,
      onsiteFrom: d.onsiteFrom,
      onsiteTo: d.onsiteTo,
      issueDate: d.opinionIssue,
      findingsNotice: { number: findingsNo, date: d.findingsIssue, response: '你单位在规定期限内未提出陈述、申辩' },
    }),
    figures,
  );
  const annexTo = { name: '稽核意见书', number: opinionNo };
  const xlsxName = `${String(written.length + 1).padStart(2, '0')}_补缴明细表.xlsx`;
  await emit('补缴明细表', buildBackPaySchedule({ facts, result: figures, annexTo, xlsxName }), figures);
  await writeFile(path.join(outDir, xlsxName), await buildScheduleXlsx({ facts, result: figures, annexTo }));
  const rectNo = next('rectification-notice', d.opinionIssue);
  const deadline = paymentDeadline(d.opinionIssue);
  await emit(
    '限期整改通知书',
    buildRectificationNotice({ facts, number: rectNo, result: figures, opinion: { number: opinionNo, date: d.opinionIssue }, issueDate: d.opinionIssue, deadline }),
    figures,
  );
  await emitProof('送达回证（稽核意见书、限期整改通知书）', d.opinionIssue, [
        { name: '稽核意见书（附补缴明细表）', number: opinionNo },
        { name: '限期整改通知书', number: rectNo },
      ]);
  await emit(
    '提请行政处罚建议书',
    buildPenaltyReferral({
      facts,
      number: next('penalty-referral', d.referralIssue),
      result: figures,
      addressee: c.penaltyAddressee,
      opinion: { number: opinionNo, date: d.opinionIssue },
      rectification: { number: rectNo, date: d.opinionIssue, deadline },
      checkedOn: d.followUpCheck,
      issueDate: d.referralIssue,
    }),
    figures,
  );

  // a second, clean employer: the audit finds nothing
  const k = c.clean;
  const cleanInputs = await loadInputs(k.files);
  const cleanResult = computeCase(c, cleanInputs, k.issue);
  await emit(
    '无违规结论通知',
    buildNoViolationNotice({
      facts: { ...facts, caseNumber: k.caseNumber, employer: k.employer },
      number: next('no-violation-notice', k.issue),
      result: cleanResult,
      onsiteFrom: k.onsiteFrom,
      onsiteTo: k.onsiteTo,
      issueDate: k.issue,
      materials: cleanInputs.reports.map((r) => `${IMPORT_KIND_NAMES[r.kind]}（${r.fileName}）`),
    }),
    cleanResult,
  );

  const t = figures.totals;
  const out: DemoOutput = {
    documents: written,
    xlsx: xlsxName,
    totals: { employer: plain(t.employerFen), employee: plain(t.employeeFen), backPay: plain(t.backPayFen), lateFee: plain(t.lateFeeFen), total: plain(t.totalFen) },
    asOf: figures.asOf,
  };
  const dossierFile = '示例案件稽核档案.zip';
  const record = await writeDemoDossier(path.join(outDir, dossierFile), c, out, outDir, dataDir);
  out.dossier = { file: dossierFile, archiveNumber: record.archiveNumber, sha256: record.sha256, files: record.files };
  await writeFile(path.join(outDir, 'documents.json'), JSON.stringify(out, null, 2) + '\n');
  const draw = await writeDemoDraw(outDir, Number(d.onsiteFrom.slice(0, 4)));

  const m = figures.months;
  log(`稽核演示：${c.employer.name}（虚构单位），稽核期间${formatPeriodText(c.periodFrom, c.periodTo)}，案件编号${c.caseNumber}`);
  log(`工资表人数每月${Math.min(...m.map((x) => x.payrollHeadcount))}～${Math.max(...m.map((x) => x.payrollHeadcount))}人；未参保（漏报）${figures.payrollOnly.length}人次，补缴明细${figures.rows.length}行，在保不在册${figures.declaredOnly.length}人次，豁免${figures.exempted.length}人次`);
  log(`补缴 ${money(t.backPayFen)} 元（单位 ${money(t.employerFen)}，个人 ${money(t.employeeFen)}），滞纳金计至${formatChineseDate(figures.asOf)} ${money(t.lateFeeFen)} 元`);
  log(`总计 ${money(t.totalFen)} 元（${toChineseCapitals(t.totalFen)}）`);
  log(`稽核意见书应于${formatChineseDate(auditOpinionDueDate(d.onsiteTo))}前作出（实地稽核结束后10个工作日），补缴期限${formatChineseDate(deadline)}；无违规结论通知应于${formatChineseDate(noViolationDueDate(k.onsiteTo))}前送达`);
  log(`已写入 ${outDir}：`);
  for (const w of written) log(`  ${w.file}　${w.number}　${w.pages}页`);
  log(`  ${xlsxName}　补缴明细表（电子附件，含分险种基数和数据来源）`);
  log(`  ${dossierFile}　示例案件归档后的稽核档案（档号 ${record.archiveNumber}，${record.files} 个文件，SHA-256 ${record.sha256}），可用 jihe dossier verify 核验`);
  log(`  ${statisticsFileName(c.dates.referralIssue.slice(0, 7), 'xlsx')}、${statisticsFileName(c.dates.referralIssue.slice(0, 7), 'pdf')}　示例案件归档当月的统计表（jihe stats）`);
  log(`  documents.json　文书清单`);
  log(`  ${draw.files.join('、')}　双随机抽查演示：抽中 ${draw.selected} 个单位，含一次递补（名录快照 SHA-256 ${draw.snapshotSha256}），可用 jihe draw verify 核验抽查记录`);
  return out;
}

function formatPeriodText(from: string, to: string): string {
  return `${Number(from.slice(0, 4))}年${Number(from.slice(5))}月至${Number(to.slice(0, 4))}年${Number(to.slice(5))}月`;
}

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (e) {
    io.stderr(`错误：${(e as Error).message.replace(/^Unknown option '(.+?)'.*$/s, '未知的选项 $1')}\n${DEMO_HELP}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout(DEMO_HELP);
    return EXIT.ok;
  }
  if (!values.out) {
    io.stderr(`错误：缺少选项 --out（输出目录）\n${DEMO_HELP}`);
    return EXIT.usage;
  }
  if (!process.env[PASSPHRASE_ENV]) {
    io.stderr(`错误：演示的数据库、备份和交换包都要加密，需要口令：请设置环境变量 ${PASSPHRASE_ENV}\n`);
    return EXIT.usage;
  }
  const dataDir = values.data ? path.resolve(values.data) : undefined;
  if (dataDir && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    io.stderr(`错误：数据目录“${values.data}”不是空的：演示需要一个新的或空的文件夹\n`);
    return EXIT.usage;
  }
  try {
    const lines: string[] = [];
    await runDemo(path.resolve(values.out), (l) => lines.push(l), dataDir);
    io.stdout(lines.join('\n') + '\n');
    return EXIT.ok;
  } catch (e) {
    io.stderr(`错误：演示未能完成：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.unreadable;
  }
}
