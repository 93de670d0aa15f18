// Loading and reading a rate plan (DOMAIN.md §5): validation with Chinese messages that name the
// field, which period covers a month, and when a month's contributions fall due. The plan's
// shape lives in shared/domain/ratePlan.ts; the rules that read it live here.
import { RatePlanSchema, type PlanPeriod, type RatePlan } from '../domain/ratePlan';
import { chineseErrorMap, formatZodIssues, type FieldError, type PathLabels } from './zodIssues';
import { addMonths, daysInMonth, makeDate, monthParts, type IsoDate, type Month } from './month';

export { formatZodIssues, type FieldError } from './zodIssues';

export type ParseRatePlanResult = { ok: true; plan: RatePlan } | { ok: false; errors: FieldError[] };

/** Chinese names of the plan's fields, for error paths such as "第2个期间 › 第1个险种 › 单位费率". */
export const RATE_PLAN_LABELS: PathLabels = {
  fields: {
    name: '方案名称',
    'insurances.name': '险种名称',
    region: '地区',
    lateFeeDailyRate: '滞纳金日费率',
    lateFeeCap: '滞纳金上限',
    due: '缴费期限',
    monthOffset: '顺延月数',
    day: '截止日',
    baseRule: '基数规则',
    kind: '规则类型',
    yearStartMonth: '年度起始月',
    periods: '期间',
    from: '开始月',
    to: '结束月',
    insurances: '险种',
    code: '险种代码',
    employerRate: '单位费率',
    employeeRate: '个人费率',
    floor: '基数下限',
    ceiling: '基数上限',
    note: '说明',
    example: '示例标记',
    estimation: '核定基数',
    rule: '核定规则',
    legalBasis: '法律依据',
    averageWages: '月平均工资',
    monthly: '月平均工资（元）',
    percent: '百分比',
    lookBackMonths: '追溯月数',
  },
  items: { periods: '期间', insurances: '险种', averageWages: '月平均工资段' },
};

/** Validates a parsed JSON value as a rate plan. */
export function parseRatePlan(json: unknown): ParseRatePlanResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [{ path: '', field: '', message: '缴费政策文件的内容应为一个 JSON 对象（{…}）' }] };
  }
  const r = RatePlanSchema.safeParse(json, { error: chineseErrorMap });
  if (r.success) return { ok: true, plan: r.data };
  return { ok: false, errors: formatZodIssues(r.error, RATE_PLAN_LABELS) };
}

/** Parses the text of a plan file (BOM allowed) and validates it; JSON syntax errors in Chinese. */
export function parseRatePlanText(text: string): ParseRatePlanResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, errors: [{ path: '', field: '', message: '缴费政策文件是空的' }] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, errors: [{ path: '', field: '', message: describeJsonSyntaxError(body) }] };
  }
  return parseRatePlan(json);
}

/** "第3行第15列附近，最后一项后面多了逗号": where the JSON breaks and the likely slip. */
export function describeJsonSyntaxError(text: string): string {
  const pos = jsonErrorPosition(text);
  if (pos < 0) return '不是有效的 JSON 文件（语法错误）';
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const where = pos >= text.length ? '文件末尾' : `第${line}行第${column}列附近`;
  return `不是有效的 JSON 文件：${where}${jsonHint(text, pos)}`;
}

function jsonHint(text: string, pos: number): string {
  if (pos >= text.length) return '，内容不完整（缺少右括号 } ] 或引号）';
  const ch = text[pos] as string;
  const prev = text.slice(0, pos).trimEnd().slice(-1);
  if ((ch === '}' || ch === ']') && prev === ',') return '，最后一项后面多了逗号';
  if (ch === '/' || ch === '#') return '，JSON 不允许注释';
  if ('“”‘’，：【】'.includes(ch)) return `，使用了中文标点 ${ch} ，请改为英文标点`;
  if (ch === "'") return '，字符串要用双引号';
  if (/["{[\d]/.test(ch) && prev !== '' && /["}\]\d el]/.test(prev)) return '，上一项后面缺少逗号';
  return `，“${ch}”处有语法错误`;
}

/**
 * Offset of the first JSON syntax error (text.length when the text ends too early), or -1 when
 * the text is valid. Engines word and place their errors differently, so we find it ourselves.
 */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  // Each reader returns true on success and leaves `i` at the offending character on failure.
  const value = (): boolean => {
    ws();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    return false;
  };
  const object = (): boolean => {
    i++;
    ws();
    if (text[i] === '}') return (i++, true);
    for (;;) {
      ws();
      if (text[i] !== '"' || !string()) return false;
      ws();
      if (text[i] !== ':') return false;
      i++;
      if (!value()) return false;
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return (i++, true);
      return false;
    }
  };
  const array = (): boolean => {
    i++;
    ws();
    if (text[i] === ']') return (i++, true);
    for (;;) {
      if (!value()) return false;
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return (i++, true);
      return false;
    }
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '"') return (i++, true);
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return ((i += 1), false);
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else return ((i += 1), false);
      } else if (ch < ' ') return false;
      else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  if (!value()) return Math.min(i, text.length);
  ws();
  return i < text.length ? i : -1;
}

/** The plan period covering month `month`, or undefined when none does. */
export function planPeriodFor(plan: RatePlan, month: Month): PlanPeriod | undefined {
  return plan.periods.find((p) => p.from <= month && month <= p.to);
}

/** "2024-01～2024-12", how a period is named on documents. */
export function periodLabel(period: Pick<PlanPeriod, 'from' | 'to'>): string {
  return `${period.from}～${period.to}`;
}

/**
 * The date by which contributions for `month` are due: `day` (or the last day) of month
 * `month` + monthOffset; a day past that month's end means its last day (31 → 2月29日).
 */
export function dueDate(plan: Pick<RatePlan, 'due'>, month: Month): IsoDate {
  const target = addMonths(month, plan.due.monthOffset);
  const { year, month: mo } = monthParts(target);
  const last = daysInMonth(year, mo);
  const day = plan.due.day === 'last' ? last : Math.min(plan.due.day, last);
  return makeDate(year, mo, day);
}
