// The editable parameters of the screening rules (INSTITUTIONS.md §6) with their defaults, and
// the one place that validates a parameter file (`--params`, the settings screen): unknown rules
// or fields, wrong types and out-of-range values are refused with the field named in Chinese.
// A parameter set carries a version; every screening run records the set it used.
import { z } from 'zod';
import { decimalFrom, decimalToString, type Decimal } from '../money';
import { chineseErrorMap, formatZodIssues, type FieldError, type PathLabels } from '../zodIssues';

export interface ScreeningParams {
  /** Version of the parameter set (1 = the built-in defaults); raised by each saved edit. */
  version: number;
  R07: { maxGapDays: number };
  R08: { minDays: number; ratio: string };
  R10: { minVisits: number };
  R11: { minAmount: string };
}

export const DEFAULT_SCREENING_PARAMS: ScreeningParams = Object.freeze({
  version: 1,
  R07: { maxGapDays: 15 },
  R08: { minDays: 3, ratio: '0.3' },
  R10: { minVisits: 10 },
  R11: { minAmount: '5000' },
});

const decimalText = (what: string, maxDecimals: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v, ctx) => {
      const text = typeof v === 'number' ? String(v) : v.trim();
      const m = /^\d+(?:\.(\d+))?$/.exec(text);
      if (!m || (m[1] ?? '').length > maxDecimals) {
        ctx.addIssue({ code: 'custom', message: `${what}应为不超过 ${maxDecimals} 位小数的非负数，实际为“${String(v)}”` });
        return z.NEVER;
      }
      return decimalToString(decimalFrom(text));
    });

const int = (min: number, max: number) => z.number().int('应为整数').min(min).max(max);

export const ScreeningParamsFileSchema = z
  .object({
    version: int(1, 1_000_000).optional(),
    R07: z.object({ maxGapDays: int(0, 365).optional() }).strict().optional(),
    R08: z
      .object({
        minDays: int(1, 365).optional(),
        ratio: decimalText('比例', 6)
          .refine((s) => Number(s) <= 1, '比例不能大于 1')
          .optional(),
      })
      .strict()
      .optional(),
    R10: z.object({ minVisits: int(1, 31).optional() }).strict().optional(),
    R11: z.object({ minAmount: decimalText('金额', 2).optional() }).strict().optional(),
  })
  .strict();

export const SCREENING_PARAM_LABELS: PathLabels = {
  fields: {
    version: '版本',
    R07: 'R07 分解住院',
    R08: 'R08 挂床住院',
    R10: 'R10 就诊次数异常',
    R11: 'R11 门诊高额费用',
    maxGapDays: '间隔天数上限',
    minDays: '最少住院天数',
    ratio: '有诊疗日期的最低比例',
    minVisits: '每月就诊日数下限',
    minAmount: '单次结算金额下限（元）',
  },
};

export type ParseParamsResult = { ok: true; params: ScreeningParams } | { ok: false; errors: FieldError[] };

/** Validates a parameter object; absent fields keep their defaults (or those of `base`). */
export function parseScreeningParams(json: unknown, base: ScreeningParams = DEFAULT_SCREENING_PARAMS): ParseParamsResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [{ path: '', field: '', message: '规则参数应为一个 JSON 对象（{…}）' }] };
  }
  const r = ScreeningParamsFileSchema.safeParse(json, { error: chineseErrorMap });
  if (!r.success) return { ok: false, errors: formatZodIssues(r.error, SCREENING_PARAM_LABELS) };
  const p = r.data;
  return {
    ok: true,
    params: {
      version: p.version ?? base.version,
      R07: { maxGapDays: p.R07?.maxGapDays ?? base.R07.maxGapDays },
      R08: { minDays: p.R08?.minDays ?? base.R08.minDays, ratio: p.R08?.ratio ?? base.R08.ratio },
      R10: { minVisits: p.R10?.minVisits ?? base.R10.minVisits },
      R11: { minAmount: p.R11?.minAmount ?? base.R11.minAmount },
    },
  };
}

/** The text of a parameter file (BOM allowed), JSON syntax errors in Chinese. */
export function parseScreeningParamsText(text: string): ParseParamsResult {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, errors: [{ path: '', field: '', message: `不是有效的 JSON：${(e as Error).message}` }] };
  }
  return parseScreeningParams(json);
}

export function ratioDecimal(params: ScreeningParams): Decimal {
  return decimalFrom(params.R08.ratio);
}
