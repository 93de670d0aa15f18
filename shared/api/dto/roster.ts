// Schemas of the roster area (花名册 and the headcount comparison, DOMAIN.md §3 item 1, §4.3).
import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
const sourceRef = z.object({ fileId: z.number().int(), fileName: z.string(), sheet: z.string(), row: z.number().int() });

export const HeadcountPersonSchema = z.object({ personId: z.string(), name: z.string(), sources: z.array(sourceRef) });
export type HeadcountPersonDto = z.infer<typeof HeadcountPersonSchema>;

export const HeadcountMonthSchema = z.object({
  month,
  rosterCount: z.number().int(),
  payrollCount: z.number().int(),
  declaredCount: z.number().int(),
  /** Persons whose declaration rows of the month say paid; null when the declarations carry no paid flag. */
  payingCount: z.number().int().nullable(),
  /** 发薪未申报 */
  paidNotDeclared: z.array(HeadcountPersonSchema),
  /** 申报未发薪 */
  declaredNotPaid: z.array(HeadcountPersonSchema),
  /** 在册未发薪 */
  rosterNotPaid: z.array(HeadcountPersonSchema),
  /** 发薪不在册 */
  paidNotOnRoster: z.array(HeadcountPersonSchema),
  /** 在册未参保 */
  rosterNotDeclared: z.array(HeadcountPersonSchema),
  /** 在册但既未发薪也未参保 */
  rosterOnly: z.array(HeadcountPersonSchema),
});
export type HeadcountMonthDto = z.infer<typeof HeadcountMonthSchema>;

export const HeadcountSchema = z.object({
  periodFrom: month,
  periodTo: month,
  /** What the comparison had to work with; a missing side makes its column read 0. */
  rosterFiles: z.number().int(),
  rosterPersons: z.number().int(),
  payrollFiles: z.number().int(),
  declarationFiles: z.number().int(),
  months: z.array(HeadcountMonthSchema),
});
export type HeadcountDto = z.infer<typeof HeadcountSchema>;
