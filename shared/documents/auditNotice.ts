// The audit notice (稽核通知书, DOMAIN.md §8, step 2 of the procedure): tells the employer what
// will be audited for which period, when and where the auditors come, what to prepare, who the
// auditors are, and what the employer must do. Served at least the profile's notice days
// (社会保险稽核办法: 3) before the on-site audit, by at least two auditors.
import type { AgencyProfile } from '../domain/agency';
import { addDays, daysBetween, dayNumber, formatChineseDate, formatChineseMonth, isIsoDate, isMonth, type IsoDate, type Month } from '../rules/month';
import { joinCitations, legalBasisFor } from './legalBasis';
import { headingLabel } from './numbering';
import { OFFICIAL_PAGE, type Block, type DocumentModel, type TableCell } from './model';
import { DOCUMENT_KIND_NAMES } from './kinds';

export interface Auditor {
  name: string;
  credentialNo: string;
}

export interface AuditNoticeParams {
  agency: AgencyProfile;
  number: string;
  employer: { name: string; creditCode: string; address?: string };
  periodFrom: Month;
  periodTo: Month;
  onsiteDate: IsoDate;
  /** As the auditor writes it: 上午9:00, 9时30分, 14:00. */
  onsiteTime: string;
  place: string;
  auditors: Auditor[];
  contactName: string;
  contactPhone: string;
  issueDate: IsoDate;
  /** Replaces the default list of materials to prepare. */
  materials?: string[];
}

export const DEFAULT_NOTICE_MATERIALS: readonly string[] = [
  '营业执照（或事业单位法人证书、社会团体登记证书）副本及复印件',
  '职工花名册、劳动合同（含劳务派遣、非全日制用工人员名单及协议）',
  '稽核期间的工资表及工资发放明细、工资发放银行流水',
  '会计账簿（含“应付职工薪酬”明细账）及记账凭证',
  '稽核期间的财务报表（资产负债表、利润表、现金流量表）',
  '个人所得税工资薪金所得扣缴申报明细',
  '职工参保登记、增减变动及社会保险费申报资料',
  '与本次稽核有关的其他资料',
];

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** 星期一 for 2026-07-06 (1970-01-01, day 0, was a Thursday). */
export function chineseWeekday(date: IsoDate): string {
  return WEEKDAYS[(((dayNumber(date) + 4) % 7) + 7) % 7] as string;
}

/** 2024年1月至2024年12月, or 2024年3月 for a single month. */
export function formatPeriod(from: Month, to: Month): string {
  return from === to ? formatChineseMonth(from) : `${formatChineseMonth(from)}至${formatChineseMonth(to)}`;
}

/** Checks the notice's inputs and throws one Chinese error listing every problem. */
export function validateAuditNotice(p: AuditNoticeParams): void {
  const problems: string[] = [];
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  if (blank(p.number)) problems.push('文号不能为空');
  if (blank(p.employer.name)) problems.push('被稽核单位名称不能为空');
  if (blank(p.employer.creditCode)) problems.push('被稽核单位统一社会信用代码不能为空');
  if (!isMonth(p.periodFrom)) problems.push(`稽核期间起始月无效：${p.periodFrom}`);
  if (!isMonth(p.periodTo)) problems.push(`稽核期间截止月无效：${p.periodTo}`);
  if (isMonth(p.periodFrom) && isMonth(p.periodTo) && p.periodTo < p.periodFrom) {
    problems.push(`稽核期间截止月（${p.periodTo}）早于起始月（${p.periodFrom}）`);
  }
  if (p.auditors.length < 2) problems.push(`实地稽核至少需要两名稽核人员，当前只有${p.auditors.length}名`);
  p.auditors.forEach((a, i) => {
    if (blank(a.name)) problems.push(`第${i + 1}名稽核人员姓名为空`);
    if (blank(a.credentialNo)) problems.push(`稽核人员${a.name || `第${i + 1}名`}的执法证件号为空`);
  });
  const creds = p.auditors.map((a) => a.credentialNo.trim()).filter((c) => c !== '');
  if (new Set(creds).size !== creds.length) problems.push('稽核人员的执法证件号重复');
  if (blank(p.onsiteTime)) problems.push('实地稽核时间不能为空');
  if (blank(p.place)) problems.push('实地稽核地点不能为空');
  if (blank(p.contactName)) problems.push('联系人不能为空');
  if (blank(p.contactPhone)) problems.push('联系电话不能为空');
  const datesValid = isIsoDate(p.issueDate) && isIsoDate(p.onsiteDate);
  if (!isIsoDate(p.issueDate)) problems.push(`发文日期无效：${p.issueDate}`);
  if (!isIsoDate(p.onsiteDate)) problems.push(`实地稽核日期无效：${p.onsiteDate}`);
  if (datesValid) {
    const days = daysBetween(p.issueDate, p.onsiteDate);
    const need = p.agency.noticeDays;
    if (days < need) {
      problems.push(
        `实地稽核日期（${formatChineseDate(p.onsiteDate)}）距发文日期（${formatChineseDate(p.issueDate)}）仅${days}天，` +
          `稽核通知书应至少提前${need}天送达，实地稽核最早可安排在${formatChineseDate(addDays(p.issueDate, need))}`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`稽核通知书无法生成：${problems.join('；')}`);
}

export function buildAuditNotice(p: AuditNoticeParams): DocumentModel {
  validateAuditNotice(p);
  const agency = p.agency;
  const period = formatPeriod(p.periodFrom, p.periodTo);
  const basis = joinCitations(legalBasisFor(agency, 'audit-notice'));
  const materials = p.materials && p.materials.length > 0 ? p.materials : DEFAULT_NOTICE_MATERIALS;
  const onsite = `${formatChineseDate(p.onsiteDate)}（${chineseWeekday(p.onsiteDate)}）${p.onsiteTime.trim()}`;
  const h = (n: number, text: string): Block => ({ kind: 'heading', level: 1, label: headingLabel(1, n), text });
  const cell = (text: string, align: TableCell['align'] = 'center'): TableCell => ({ content: [text], align });

  const blocks: Block[] = [
    { kind: 'addressee', text: `${p.employer.name.trim()}：` },
    {
      kind: 'paragraph',
      content: [
        `根据${basis}的规定，我局决定对你单位（统一社会信用代码：${p.employer.creditCode.trim()}）参加社会保险和缴纳社会保险费的情况进行稽核。现将有关事项通知如下：`,
      ],
    },
    h(1, '稽核内容和期间'),
    {
      kind: 'paragraph',
      content: [
        '稽核期间为',
        { text: period, strong: true },
        '。稽核内容包括：参保人数与实际用工人数、缴费基数与职工工资总额、社会保险费申报和缴纳情况，以及与参保缴费有关的其他情况。',
      ],
    },
    h(2, '实地稽核的时间和地点'),
    {
      kind: 'paragraph',
      content: ['我局稽核人员定于', { text: onsite, strong: true }, '到', { text: p.place.trim(), strong: true }, '进行实地稽核，请你单位安排熟悉情况的负责人员及财务、人事人员到场配合。'],
    },
    h(3, '需要准备的资料'),
    { kind: 'paragraph', content: [`请你单位在实地稽核时提供${period}的下列资料（原件及加盖单位公章的复印件）：`] },
    { kind: 'list', style: 'decimal', items: materials.map((m, i) => [`${m}${i === materials.length - 1 ? '。' : '；'}`]) },
    h(4, '稽核人员'),
    { kind: 'paragraph', content: ['本次稽核由下列稽核人员实施，稽核时出示执法证件：'] },
    {
      kind: 'table',
      columns: [{ weight: 1 }, { weight: 2 }, { weight: 4 }],
      header: [[cell('序号'), cell('姓名'), cell('执法证件号码')]],
      rows: p.auditors.map((a, i) => [cell(String(i + 1)), cell(a.name.trim()), cell(a.credentialNo.trim())]),
    },
    {
      kind: 'paragraph',
      content: ['你单位认为稽核人员与你单位有直接利害关系的，可以在实地稽核前向我局申请其回避。'],
    },
    h(5, '你单位的义务'),
    {
      kind: 'paragraph',
      content: [
        '依照《社会保险费征缴暂行条例》第十八条和《社会保险稽核办法》的规定，你单位应当按照要求如实提供与缴纳社会保险费有关的用人情况、工资表、财务报表等资料，不得伪造、变造、隐匿或者销毁，不得拒绝、阻挠稽核；对稽核中发现的问题，应当如实说明情况。拒不配合或者提供虚假资料的，我局将依法处理。',
      ],
    },
    h(6, '联系方式'),
    {
      kind: 'paragraph',
      content: [`联系人：${p.contactName.trim()}　　联系电话：${p.contactPhone.trim()}`],
    },
    {
      kind: 'paragraph',
      content: [`地址：${agency.address}　　邮政编码：${agency.postcode}`],
    },
    { kind: 'spacer', lines: 2 },
    { kind: 'signature', agency: agency.name, date: formatChineseDate(p.issueDate), sealText: agency.sealText },
  ];

  return {
    kind: 'audit-notice',
    issuer: agency.name,
    title: DOCUMENT_KIND_NAMES['audit-notice'],
    number: p.number.trim(),
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: agency.name, subject: `${p.employer.name.trim()}社会保险稽核通知书`, keywords: [p.number.trim(), p.employer.creditCode.trim()] },
  };
}
