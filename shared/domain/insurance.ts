// The insurance types a rate plan can name, and how employers' files spell them (DOMAIN.md §4.4).
import { z } from 'zod';

export const INSURANCE_CODES = ['pension', 'medical', 'maternity', 'unemployment', 'injury', 'supplementary-medical'] as const;
export const InsuranceCodeSchema = z.enum(INSURANCE_CODES);
export type InsuranceCode = z.infer<typeof InsuranceCodeSchema>;

export const INSURANCE_NAMES: Record<InsuranceCode, string> = {
  pension: '基本养老保险',
  medical: '职工基本医疗保险',
  maternity: '生育保险',
  unemployment: '失业保险',
  injury: '工伤保险',
  'supplementary-medical': '大额医疗补助',
};

// Order matters: the more specific words are tried first (补充医疗 before 医疗).
const INSURANCE_WORDS: ReadonlyArray<readonly [RegExp, InsuranceCode]> = [
  [/大额|大病|补充医疗/, 'supplementary-medical'],
  [/养老/, 'pension'],
  [/生育/, 'maternity'],
  [/失业/, 'unemployment'],
  [/工伤/, 'injury'],
  [/医疗|医保/, 'medical'],
];

/** 养老/基本养老/企业职工基本养老 → pension, …; the code itself is accepted too; null when unknown. */
export function parseInsuranceName(text: string): InsuranceCode | null {
  const t = text.replace(/[\s\u3000]/g, '');
  if ((INSURANCE_CODES as readonly string[]).includes(t)) return t as InsuranceCode;
  for (const [re, code] of INSURANCE_WORDS) if (re.test(t)) return code;
  return null;
}
