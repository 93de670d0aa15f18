// statistics.*: the monthly statistics (DOMAIN.md §11, seed 004 附表) for the page, the exports
// and the dashboard reminder. Aggregates without personal data; the work is in
// electron/services/statistics.
import { StatsSignaturesSchema } from '../../../shared/api/dto/statistics';
import { exportStatistics, markStatisticsSent, statisticsFileName, statisticsReminder, statisticsReport, statisticsReportDto } from '../statistics/statisticsService';
import { localIsoDate } from './computeCase';
import type { Handlers } from './types';

export const statisticsHandlers: Handlers<'statistics.report' | 'statistics.export' | 'statistics.markSent' | 'statistics.reminder'> = {
  'statistics.report': (ctx, input) => statisticsReportDto(ctx.db, input.month),
  'statistics.export': async (ctx, input) => {
    const report = statisticsReport(ctx.db, input.month);
    const data = await exportStatistics(report, input.format, StatsSignaturesSchema.parse(input.signatures ?? {}), localIsoDate(ctx.now()));
    return { fileName: statisticsFileName(input.month, input.format), data: new Uint8Array(data) };
  },
  'statistics.markSent': (ctx, input) => markStatisticsSent(ctx.db, input.month, ctx.meta()),
  'statistics.reminder': (ctx) => statisticsReminder(ctx.db, localIsoDate(ctx.now())),
};
