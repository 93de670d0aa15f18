// DTOs of the statistics area (DOMAIN.md §11): the monthly report as shared/rules/statistics
// computes it, with the cases and tip-offs its figures open to (no personal data: case numbers,
// target names and dates only; never a reporter), and the record of the report having been sent.
import { z } from 'zod';

export const StatsMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '统计月份应为 YYYY-MM');

const FigureSchema = z.object({
  value: z.number(),
  text: z.string(),
  unit: z.enum(['count', 'yuan', 'wan-yuan', 'percent']),
  caseIds: z.array(z.number().int()),
  tipOffIds: z.array(z.number().int()),
});

const RowSchema = z.object({ label: z.string(), region: z.string().nullable(), cells: z.record(z.string(), FigureSchema) });

export const StatsTableSchema = z.object({
  key: z.enum(['institutions', 'employers']),
  title: z.string(),
  labelHeader: z.string(),
  groups: z.array(z.object({ label: z.string(), columns: z.array(z.object({ key: z.string(), label: z.string() })) })),
  cumulative: z.array(RowSchema),
  month: z.array(RowSchema),
  notes: z.array(z.string()),
});

const ids = z.array(z.number().int());

export const StatsChartsSchema = z.object({
  perMonth: z.array(z.object({ month: z.string(), employerChecks: z.number(), institutionChecks: z.number(), orderedFen: z.number(), recoveredFen: z.number(), caseIds: ids })),
  perRegion: z.array(z.object({ region: z.string(), employerChecks: z.number(), institutionChecks: z.number(), caseIds: ids })),
  perSource: z.array(z.object({ source: z.enum(['plan', 'random', 'tip-off', 'lead']), checks: z.number(), caseIds: ids })),
  rectification: z.object({ completed: z.number(), overdue: z.number(), completedCaseIds: ids, overdueCaseIds: ids }),
});

export const StatsCaseRefSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: z.enum(['employer-audit', 'institution-check']),
  source: z.enum(['plan', 'random', 'tip-off', 'lead']),
  targetName: z.string(),
  region: z.string(),
  concludedOn: z.string().nullable(),
  archivedOn: z.string().nullable(),
});
export type StatsCaseRef = z.infer<typeof StatsCaseRefSchema>;

export const StatsTipOffRefSchema = z.object({ id: z.number().int(), receivedOn: z.string(), answeredOn: z.string().nullable(), caseId: z.number().int().nullable() });

export const StatsSentSchema = z.object({ month: StatsMonthSchema, at: z.string(), by: z.string() });
export type StatsSent = z.infer<typeof StatsSentSchema>;

export const StatsReportDtoSchema = z.object({
  month: StatsMonthSchema,
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  institutions: StatsTableSchema,
  employers: StatsTableSchema,
  charts: StatsChartsSchema,
  cases: z.array(StatsCaseRefSchema),
  tipOffs: z.array(StatsTipOffRefSchema),
  sent: StatsSentSchema.nullable(),
});
export type StatsReportDto = z.infer<typeof StatsReportDtoSchema>;

/** The signature block of the printed report (seed 004 附表). */
export const StatsSignaturesSchema = z.object({
  head: z.string().trim().max(40).default(''),
  checker: z.string().trim().max(40).default(''),
  preparer: z.string().trim().max(40).default(''),
  phone: z.string().trim().max(40).default(''),
});
export type StatsSignatures = z.infer<typeof StatsSignaturesSchema>;

/** The dashboard reminder: last month's report is due by the 3rd and not yet marked sent. */
export const StatsReminderSchema = z.object({ month: StatsMonthSchema, due: z.string(), overdue: z.boolean() }).nullable();
