// Contract methods of the statistics area (DOMAIN.md §11, seed 004 附表): the monthly report
// (both tables, the charts, the cases behind every figure), its XLSX and PDF, and marking a
// month's report sent (recorded in the trail; the dashboard reminds until then). Spread into the
// contract by shared/api/contract.ts.
import { z } from 'zod';
import { StatsMonthSchema, StatsReminderSchema, StatsReportDtoSchema, StatsSentSchema, StatsSignaturesSchema } from '../dto/statistics';
import { BytesSchema, method } from '../methodKit';

export const statisticsMethods = {
  'statistics.report': method(z.object({ month: StatsMonthSchema }), StatsReportDtoSchema),
  'statistics.export': method(
    z.object({ month: StatsMonthSchema, format: z.enum(['xlsx', 'pdf']), signatures: StatsSignaturesSchema.optional() }),
    z.object({ fileName: z.string(), data: BytesSchema }),
  ),
  'statistics.markSent': method(z.object({ month: StatsMonthSchema }), StatsSentSchema),
  'statistics.reminder': method(z.object({}), StatsReminderSchema),
};
