// The shape every statistics table shares, so the page, the XLSX and the PDF render one model:
// a row-label column (填报单位) and column groups, each group a cell over its columns in the
// first header row (seed 004's two-row header); a group with a single column of the same label
// spans both header rows. Rows come per region and for the whole bureau, for the month and
// cumulative.
import type { Figure } from './figure';

export interface StatsColumn {
  key: string;
  label: string;
}

export interface StatsColumnGroup {
  label: string;
  columns: StatsColumn[];
}

export interface StatsRow {
  label: string;
  /** null for the bureau's total row. */
  region: string | null;
  cells: Record<string, Figure>;
}

export interface StatsTable {
  key: 'institutions' | 'employers';
  title: string;
  labelHeader: string;
  groups: StatsColumnGroup[];
  /** Cumulative from 1 January to the month's end: the rows the report sends. */
  cumulative: StatsRow[];
  /** The month alone. */
  month: StatsRow[];
  notes: string[];
}

export const NO_REGION_LABEL = '未填地区';

export function regionLabel(region: string): string {
  return region.trim() === '' ? NO_REGION_LABEL : region;
}

export function allColumns(t: Pick<StatsTable, 'groups'>): StatsColumn[] {
  return t.groups.flatMap((g) => g.columns);
}

/** Regions in a stable order (by code point), the blank region last. */
export function sortRegions(regions: Iterable<string>): string[] {
  const list = [...new Set([...regions].map((r) => r.trim()))];
  return list.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
}
