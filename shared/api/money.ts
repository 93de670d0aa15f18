import { z } from 'zod';
/** Money at the API boundary: yuan as a string with exactly two decimals ("3575.74", "-0.05"). */
export const MoneySchema = z.string().regex(/^-?\d+\.\d{2}$/, '金额应为两位小数');
export type Money = z.infer<typeof MoneySchema>;
