// Validation errors an auditor can act on: zod's issues turned into Chinese "where → what" pairs.
// Schemas carry their own Chinese messages where they can; `chineseErrorMap` covers the rest
// (a missing field, a string where a number belongs), and `formatZodIssues` turns the technical
// path (periods.1.insurances.0.employerRate) into words (第2个期间 › 第1个险种 › 单位费率).
import type { z } from 'zod';

export interface FieldError {
  /** Human path in Chinese, e.g. "第2个期间 › 第1个险种 › 单位费率"; "" for the whole document. */
  path: string;
  /** Technical path, e.g. "periods[1].insurances[0].employerRate"; "" for the whole document. */
  field: string;
  message: string;
}

/**
 * How to name fields: `fields` maps a property name to its Chinese label — "owner.name" (owner =
 * the nearest enclosing property) takes precedence over "name" —, `items` maps an array property
 * to the noun for one element (periods → 期间 gives "第2个期间").
 */
export interface PathLabels {
  fields?: Readonly<Record<string, string>>;
  items?: Readonly<Record<string, string>>;
}

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: '是/否（true 或 false）',
  object: '对象（{…}）',
  array: '列表（[…]）',
  null: '空值',
  undefined: '空',
  bigint: '整数',
  int: '整数',
  nan: '非数字',
};

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Chinese text for zod's own issues; pass as `{ error: chineseErrorMap }` to safeParse. */
export function chineseErrorMap(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '缺少此项';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const received = TYPE_NAMES[typeOf(issue.input)] ?? typeOf(issue.input);
      return `应为${expected}，实际为${received}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${show(issue.values[0])}` : `只能是 ${issue.values.map(show).join('、')} 之一`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return `至少要有 ${min} 项`;
      if (issue.origin === 'string') return Number(min) <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      return issue.inclusive ? `不能小于 ${min}` : `必须大于 ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      if (issue.origin === 'string') return `最多 ${max} 个字符`;
      return issue.inclusive ? `不能大于 ${max}` : `必须小于 ${max}`;
    }
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `无法识别的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '取值不正确';
    case 'invalid_key':
    case 'invalid_element':
      return '含有无效的值';
    default:
      return '取值不正确';
  }
}

/** periods.1.insurances.0.employerRate → "periods[1].insurances[0].employerRate". */
export function technicalPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** periods.1.insurances.0.employerRate → "第2个期间 › 第1个险种 › 单位费率". */
export function humanPath(path: readonly PropertyKey[], labels: PathLabels = {}): string {
  const parts: string[] = [];
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    if (typeof seg === 'number') {
      const owner = k > 0 ? path[k - 1] : undefined;
      const noun = typeof owner === 'string' ? labels.items?.[owner] : undefined;
      // "第2个期间" replaces the bare array name "期间" that preceded it.
      if (noun !== undefined && parts.length > 0) parts[parts.length - 1] = `第${seg + 1}个${noun}`;
      else parts.push(`第${seg + 1}项`);
    } else {
      const name = String(seg);
      let owner: string | undefined;
      for (let j = k - 1; j >= 0 && owner === undefined; j--) if (typeof path[j] === 'string') owner = path[j] as string;
      const qualified = owner !== undefined ? labels.fields?.[`${owner}.${name}`] : undefined;
      parts.push(qualified ?? labels.fields?.[name] ?? name);
    }
  }
  return parts.join(' › ');
}

/** Every issue of a failed parse, as Chinese path + message, in the order zod found them. */
export function formatZodIssues(error: { issues: readonly Issue[] }, labels: PathLabels = {}): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    // A union that failed on every branch: its own message when the schema gave one; otherwise
    // the branch that got furthest says more than "取值不正确".
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.message === '取值不正确') {
      const deepest = issue.errors.flat().sort((a, b) => b.path.length - a.path.length)[0];
      if (deepest) {
        const full = [...issue.path, ...deepest.path];
        out.push({ path: humanPath(full, labels), field: technicalPath(full), message: deepest.message });
        continue;
      }
    }
    out.push({ path: humanPath(issue.path, labels), field: technicalPath(issue.path), message: issue.message });
  }
  return out;
}

/** One line per error, e.g. "第2个期间 › 第1个险种 › 单位费率：费率不能为负". */
export function fieldErrorsToText(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.path ? `${e.path}：${e.message}` : e.message)).join('\n');
}
