// The monthly statistics report (DOMAIN.md §11): both tables and the chart series for a month,
// from one set of facts. The single entry point the backend, the exports and the CLI call.
import type { StatsFacts } from './facts';
import { employerTable } from './employerTable';
import { institutionTable } from './institutionTable';
import { statsCharts, type StatsCharts } from './charts';
import { statsWindows } from './period';
import type { StatsTable } from './table';
import type { Month } from '../month';

export interface StatsReport {
  month: Month;
  unit: string;
  /** 1 January … the month's last day. */
  from: string;
  to: string;
  institutions: StatsTable;
  employers: StatsTable;
  charts: StatsCharts;
}

export function monthlyStatistics(facts: StatsFacts, month: Month): StatsReport {
  const w = statsWindows(month);
  return {
    month,
    unit: facts.unit,
    from: w.cumulative.from,
    to: w.cumulative.to,
    institutions: institutionTable(facts, month),
    employers: employerTable(facts, month),
    charts: statsCharts(facts, month),
  };
}
