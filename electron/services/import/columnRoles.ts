// Which column plays which role (DOMAIN.md §4.4). The one place that knows the header synonyms:
// header detection scores rows with it, and the column-mapping screen (with saved templates)
// will reuse assignRoles/applyOverride so automatic and manual mappings follow the same rules.
import type { ColumnRole, ImportKind } from '../../../shared/domain/importReport';
import { parseInsuranceName, type InsuranceCode } from '../../../shared/domain/insurance';
import type { Month } from '../../../shared/rules/month';
import { columnLetter } from './grid';
import { COLUMN_ROLE_NAMES } from '../../../shared/domain/importReport';

/** Exact synonyms after normaliseHeader; earlier entries win when two columns compete. */
export const ROLE_SYNONYMS: Readonly<Record<Exclude<ColumnRole, 'ignore'>, readonly string[]>> = {
  personId: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '社会保障号码', '社保卡号', '身份证', '证件号', '身份证件号码', '公民身份证号码', '社会保障号'],
  name: ['姓名', '职工姓名', '人员姓名', '员工姓名', '参保人姓名', '名字'],
  month: ['月份', '工资月份', '所属期', '费款所属期', '所属月份', '年月', '期间', '所属年月', '发放月份', '缴费月份', '工资所属期', '结算月份'],
  gross: ['应发工资', '应发合计', '应发金额', '工资总额', '税前工资', '应付工资', '应发工资合计', '应发数', '应发'],
  net: ['实发工资', '实发金额', '实发合计', '实发数', '实发', '实领工资', '实付工资'],
  department: ['部门', '所属部门', '部门名称', '科室', '所在部门'],
  base: ['缴费基数', '申报基数', '缴费工资', '申报工资', '基数', '月缴费基数', '缴费工资基数', '申报缴费基数'],
  insurance: ['险种', '险种名称', '险种类型'],
  employerAmount: ['单位缴费', '单位应缴', '单位缴纳', '单位部分', '单位缴费金额', '单位应缴金额', '单位缴纳金额', '单位缴费额'],
  employeeAmount: ['个人缴费', '个人应缴', '个人缴纳', '个人部分', '个人缴费金额', '个人应缴金额', '个人缴纳金额', '个人缴费额'],
  paid: ['缴费状态', '到账状态', '是否到账', '是否缴费', '缴费标志', '到账标志'],
  hireDate: ['入职日期', '参加工作时间', '入职时间', '参加工作日期', '入职年月', '入司日期', '入职日', '聘用日期', '录用日期', '用工起始日期'],
  leaveDate: ['离职日期', '离职时间', '解除劳动合同日期', '终止日期', '离职日', '退工日期', '离职年月', '减员日期'],
  contractType: ['合同类型', '用工形式', '用工性质', '用工类型', '劳动合同类型', '合同性质', '用工方式'],
  employmentStatus: ['在职状态', '人员状态', '员工状态', '在职情况', '状态'],
  // 结算明细 and 目录与限价 (INSTITUTIONS.md §6), as the information platform and HIS exports name them.
  settlementId: ['结算ID', '就诊流水号', '结算流水号', '结算编号', '结算单号', '就诊ID', '就诊编号', '结算号', '流水号'],
  sex: ['性别'],
  birthDate: ['出生日期', '出生年月日', '生日'],
  visitType: ['就诊类型', '就诊类别', '医疗类别', '就医类型', '就医类别', '门诊住院'],
  admissionDate: ['入院日期', '入院时间'],
  dischargeDate: ['出院日期', '出院时间'],
  feeDate: ['费用日期', '收费日期', '费用发生日期', '费用发生时间', '发生日期', '处方日期', '记账日期', '收费时间'],
  itemCode: ['项目编码', '医保项目编码', '收费项目编码', '医保目录编码', '项目代码', '医保编码', '目录编码'],
  itemName: ['项目名称', '医保项目名称', '收费项目名称', '目录名称', '药品名称'],
  quantity: ['数量', '使用数量', '收费数量'],
  unitPrice: ['单价', '收费单价', '价格'],
  amount: ['金额', '费用金额', '明细金额', '总金额', '费用总额', '收费金额'],
  fundPaid: ['医保支付金额', '统筹支付', '统筹支付金额', '基金支付', '基金支付金额', '医保支付', '统筹金额', '医保基金支付'],
  category: ['类别', '项目类别', '收费类别', '目录类别', '费用类别'],
  maxPrice: ['最高单价', '最高限价', '限价', '支付标准', '最高价格'],
  sexLimit: ['限定性别', '限性别', '性别限制', '限制性别'],
  minAge: ['最小年龄', '年龄下限', '最低年龄'],
  maxAge: ['最大年龄', '年龄上限', '最高年龄'],
  dailyLimit: ['每日限量', '日限量', '每日最大数量', '每日最大用量', '限定频次'],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', '单位统一社会信用代码', '机构统一社会信用代码', '统一代码', '组织机构代码'],
  orgName: ['名称', '单位名称', '检查对象名称', '对象名称', '机构名称', '企业名称', '定点医药机构名称', '参保单位名称', '定点医疗机构名称', '定点零售药店名称', '药店名称', '医疗机构名称'],
  riskTier: ['风险等级', '风险级别', '风险类别', '风险分级', '风险程度', '风险'],
  credential: ['执法证号', '执法证件号', '执法证编号', '执法证件号码', '执法证件编号', '行政执法证号', '执法证'],
  drawDate: ['抽查日期', '抽取日期', '抽查时间', '抽取时间', '检查日期', '日期'],
  // The directory of designated medical institutions (seed 003 annexes 2 and 3).
  region: ['所在地区', '地区', '所属地区', '行政区划', '县区'],
  insuranceCode: ['医保编码', '医保机构编码', '定点编码', '医保定点编码', '机构编码'],
  orgKind: ['机构类别', '定点类别', '机构种类', '定点类型'],
  ownership: ['性质', '机构性质', '经营性质', '所有制'],
  hospitalType: ['类型', '机构类型', '医院类型'],
  grade: ['等级', '医院等级', '机构等级'],
  foundedOn: ['成立日期', '成立时间', '开业日期'],
  address: ['地址', '详细地址', '机构地址', '营业场所', '经营场所'],
  legalRepName: ['法定代表人', '法定代表人姓名', '法人', '法人代表', '负责人'],
  legalRepId: ['法定代表人身份证号', '法定代表人身份证号码', '法人身份证号', '法定代表人证件号码'],
  contact: ['联系人'],
  phone: ['联系电话', '电话', '联系方式', '手机号码'],
  agreementNo: ['协议编号', '服务协议编号', '协议号'],
  agreementFrom: ['协议开始日期', '协议起始日期', '协议生效日期', '协议开始时间'],
  agreementTo: ['协议结束日期', '协议终止日期', '协议截止日期', '协议到期日期'],
  creditRating: ['信用等级', '信用评级'],
  note: ['备注', '说明'],
  // The employer directory (DOMAIN.md §10.1) and the industry average-wage table (§10.2).
  insuranceUnitCode: ['参保单位编号', '单位编号', '单位社保编号', '社保登记号', '社会保险登记证号', '单位编码', '参保编号', '单位参保编号'],
  industry: ['行业', '所属行业', '行业类别', '行业名称', '国民经济行业', '行业门类', '行业分类'],
  year: ['年度', '年份', '统计年度'],
  averageWage: ['月平均工资', '平均工资', '月均工资', '平均月工资', '职工月平均工资', '行业平均工资', '行业月平均工资', '在岗职工月平均工资'],
  wageSource: ['来源', '数据来源', '资料来源', '发布来源'],
};

/** Chinese names of the roles, one table for the importer's messages and the UI (shared/domain/importReport.ts). */
export const ROLE_NAMES = COLUMN_ROLE_NAMES;

/**
 * Tables that are not case files but go through the same header detection: the draw's inputs
 * (DOMAIN.md §10.3 command-line contract). Their rows are read by tableRows.ts.
 */
export const TABLE_KINDS = ['drawTargets', 'drawInspectors', 'drawConflicts', 'drawHistory'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
/** Every kind of sheet the header detection knows. */
export type SheetKind = ImportKind | TableKind;

/** The roles each kind of file uses; other recognised columns are ignored. */
export const KIND_ROLES: Readonly<Record<SheetKind, readonly ColumnRole[]>> = {
  payroll: ['personId', 'name', 'month', 'gross', 'net', 'department'],
  declaration: ['personId', 'name', 'month', 'base', 'insurance', 'employerAmount', 'employeeAmount', 'paid'],
  roster: ['personId', 'name', 'department', 'hireDate', 'leaveDate', 'contractType', 'employmentStatus'],
  claims: ['settlementId', 'personId', 'name', 'sex', 'birthDate', 'visitType', 'admissionDate', 'dischargeDate', 'feeDate', 'itemCode', 'itemName', 'quantity', 'unitPrice', 'amount', 'fundPaid'],
  catalog: ['itemCode', 'itemName', 'category', 'maxPrice', 'sexLimit', 'minAge', 'maxAge', 'dailyLimit'],
  drawTargets: ['creditCode', 'orgName', 'riskTier'],
  drawInspectors: ['credential', 'name'],
  drawConflicts: ['credential', 'creditCode', 'name', 'orgName'],
  drawHistory: ['creditCode', 'drawDate', 'orgName'],
  institutions: ['creditCode', 'orgName', 'region', 'insuranceCode', 'orgKind', 'ownership', 'hospitalType', 'grade', 'foundedOn', 'address', 'legalRepName', 'legalRepId', 'contact', 'phone', 'agreementNo', 'agreementFrom', 'agreementTo', 'creditRating', 'note'],
  employers: ['creditCode', 'orgName', 'region', 'insuranceUnitCode', 'industry', 'address', 'legalRepName', 'contact', 'phone', 'note'],
  industryWages: ['year', 'industry', 'region', 'averageWage', 'wageSource'],
};

/** Required columns; the month may instead come from the sheet name or title row. */
export const REQUIRED_ROLES: Readonly<Record<SheetKind, readonly ColumnRole[]>> = {
  payroll: ['personId', 'month', 'gross'],
  declaration: ['personId', 'month', 'base'],
  roster: ['personId', 'hireDate'],
  claims: ['settlementId', 'personId', 'visitType', 'feeDate', 'itemCode', 'quantity', 'unitPrice', 'amount', 'fundPaid'],
  catalog: ['itemCode', 'category'],
  drawTargets: ['creditCode', 'riskTier'],
  drawInspectors: ['credential'],
  drawConflicts: ['credential', 'creditCode'],
  drawHistory: ['creditCode', 'drawDate'],
  institutions: ['creditCode', 'orgName'],
  employers: ['creditCode', 'orgName'],
  industryWages: ['industry', 'averageWage', 'year'],
};

/** Amount roles that may carry an insurance qualifier (wide declaration layouts). */
const QUALIFIABLE: ReadonlySet<ColumnRole> = new Set(['base', 'employerAmount', 'employeeAmount']);

/** Full-width to ASCII, no spaces or line breaks, no "(元)"-style notes, no required-field marks. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0\u200B]/g, '')
    .replace(/[([【][^()[\]【】]*[)\]】]/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]$/, '')
    .replace(/\(?单位[:：]?元\)?$/, '');
}

export interface RoleMatch {
  role: Exclude<ColumnRole, 'ignore'>;
  insurance: InsuranceCode | null;
  /** Position in the synonym list: lower is a better match. */
  rank: number;
}

function exactRole(text: string, kind: SheetKind): RoleMatch | null {
  for (const role of KIND_ROLES[kind]) {
    if (role === 'ignore') continue;
    const rank = ROLE_SYNONYMS[role].indexOf(text);
    if (rank >= 0) return { role, insurance: null, rank };
  }
  return null;
}

/** An insurance name used as a header prefix or group title: 养老, 养老保险, 基本医疗保险, 失业险. */
export function insuranceFromLabel(label: string): InsuranceCode | null {
  const t = normaliseHeader(label);
  if (t === '' || t.length > 12) return null;
  if (!/^(企业职工|城镇职工|职工)?(基本)?(养老|医疗|医保|生育|失业|工伤|大额医疗|大病|补充医疗|大额)(保险|险|补助|费)?$/.test(t)) return null;
  return parseInsuranceName(t);
}

/**
 * The role of one header. `parent` is the upper cell of a two-row merged header (e.g. 养老保险
 * above 缴费基数 | 单位缴纳 | 个人缴纳): it qualifies amounts with an insurance, or names the
 * column when the lower cell is empty.
 */
export function matchHeader(header: string, kind: SheetKind, parent = ''): RoleMatch | null {
  const text = normaliseHeader(header);
  const parentText = normaliseHeader(parent);
  if (text === '') return parentText === '' ? null : exactRole(parentText, kind);
  const direct = exactRole(text, kind);
  if (direct) {
    if (kind === 'declaration' && QUALIFIABLE.has(direct.role) && parentText !== '') {
      const ins = insuranceFromLabel(parentText);
      if (ins) return { ...direct, insurance: ins };
    }
    return direct;
  }
  // One-row wide layout: 养老保险缴费基数, 医疗单位缴纳, 失业保险个人缴费.
  if (kind === 'declaration') {
    for (const role of ['base', 'employerAmount', 'employeeAmount'] as const) {
      for (const [rank, syn] of ROLE_SYNONYMS[role].entries()) {
        if (text.length > syn.length && text.endsWith(syn)) {
          const ins = insuranceFromLabel(text.slice(0, -syn.length));
          if (ins) return { role, insurance: ins, rank };
        }
      }
    }
  }
  return null;
}

export interface ColumnAssignment {
  index: number;
  letter: string;
  /** The header as shown ("养老保险/缴费基数" for a two-row header). */
  header: string;
  role: ColumnRole;
  insurance: InsuranceCode | null;
}

export interface HeaderCell {
  /** Lower (or only) header cell text. */
  text: string;
  /** Upper cell of a two-row header, '' otherwise. */
  parent: string;
}

export function headerLabel(cell: HeaderCell): string {
  const child = cell.text.trim();
  const parent = cell.parent.trim();
  if (parent === '' || parent === child) return child;
  if (child === '') return parent;
  return `${parent}/${child}`;
}

/**
 * One role per column and (role, insurance) per sheet; when two columns compete for a role,
 * the better synonym wins, then the leftmost. `notes` says which columns lost.
 */
export function assignRoles(cells: readonly HeaderCell[], kind: SheetKind): { columns: ColumnAssignment[]; notes: string[] } {
  const matches = cells.map((cell) => matchHeader(cell.text, kind, cell.parent));
  const winner = new Map<string, number>();
  matches.forEach((m, i) => {
    if (!m) return;
    const key = `${m.role}|${m.insurance ?? ''}`;
    const prev = winner.get(key);
    if (prev === undefined || (matches[prev] as RoleMatch).rank > m.rank) winner.set(key, i);
  });
  const notes: string[] = [];
  const columns = cells.map((cell, i): ColumnAssignment => {
    const m = matches[i];
    const base = { index: i, letter: columnLetter(i), header: headerLabel(cell) };
    if (!m) return { ...base, role: 'ignore', insurance: null };
    const key = `${m.role}|${m.insurance ?? ''}`;
    if (winner.get(key) !== i) {
      const w = winner.get(key) as number;
      notes.push(`第${columnLetter(i)}列“${base.header}”也像“${ROLE_NAMES[m.role]}”，已采用第${columnLetter(w)}列`);
      return { ...base, role: 'ignore', insurance: null };
    }
    return { ...base, role: m.role, insurance: m.insurance };
  });
  return { columns, notes };
}

/** What the auditor (or a saved template) says about one column. */
export interface ColumnOverride {
  role: ColumnRole;
  insurance?: InsuranceCode | null;
}

/** The auditor's corrections for one sheet; absent fields keep what was detected. */
export interface SheetMappingOverride {
  /** 1-based row of the (last) header row. */
  headerRow?: number;
  /** By column letter. */
  columns?: Record<string, ColumnRole | ColumnOverride>;
  /** The month of every row of the sheet when it has no month column. */
  sheetMonth?: Month | null;
  skip?: boolean;
}

/** Keyed by sheet name ('' for CSV); '*' applies to every sheet without its own entry. */
export type MappingOverride = Record<string, SheetMappingOverride>;

export function overrideFor(mapping: MappingOverride | undefined, sheet: string): SheetMappingOverride | undefined {
  if (!mapping) return undefined;
  return mapping[sheet] ?? mapping['*'];
}

/** Applies column overrides; a role given to a column is taken away from any other column. */
export function applyColumnOverrides(columns: readonly ColumnAssignment[], override: SheetMappingOverride['columns']): ColumnAssignment[] {
  if (!override) return [...columns];
  const out = columns.map((c) => ({ ...c }));
  for (const [letter, value] of Object.entries(override)) {
    const o: ColumnOverride = typeof value === 'string' ? { role: value } : value;
    let col = out.find((c) => c.letter === letter.toUpperCase());
    if (!col) {
      const index = [...letter.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      col = { index, letter: columnLetter(index), header: '', role: 'ignore', insurance: null };
      out.push(col);
    }
    const insurance = o.insurance ?? null;
    if (o.role !== 'ignore') {
      for (const other of out) if (other !== col && other.role === o.role && other.insurance === insurance) other.role = 'ignore';
    }
    col.role = o.role;
    col.insurance = o.role === 'ignore' ? null : insurance;
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Required roles the columns do not cover (month is satisfied by a sheet month). */
export function missingRoles(columns: readonly ColumnAssignment[], kind: SheetKind, hasSheetMonth: boolean): ColumnRole[] {
  const present = new Set(columns.map((c) => c.role));
  return REQUIRED_ROLES[kind].filter((r) => !present.has(r) && !(r === 'month' && hasSheetMonth));
}

export function synonymsText(role: Exclude<ColumnRole, 'ignore'>): string {
  return ROLE_SYNONYMS[role].slice(0, 6).join('、');
}
