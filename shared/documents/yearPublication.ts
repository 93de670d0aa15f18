// The yearly public lists (一公开, DOMAIN.md §10.4): the task list (抽查事项清单), the annual plan and
// the year's results, each one table for the portal. One model feeds the XLSX, the PDF and the
// personal-data guard (shared/rules/publicationGuard.ts), which reads the same cells.
import { cell } from './caseFacts';
import type { DocumentModel } from './model';

export const YEAR_PUBLICATION_KINDS = ['tasks', 'plan', 'results'] as const;
export type YearPublicationKind = (typeof YEAR_PUBLICATION_KINDS)[number];
export const YEAR_PUBLICATION_NAMES: Readonly<Record<YearPublicationKind, string>> = { tasks: '随机抽查事项清单', plan: '年度稽核计划', results: '抽查检查结果' };

export interface PublicTable {
  title: string;
  intro: string;
  header: string[];
  /** Relative column widths, one per header cell. */
  widths: number[];
  rows: string[][];
}

/** [where, text] of every cell, for the personal-data guard. */
export function publicTableCells(t: PublicTable): [string, string][] {
  return [['标题', t.title], ['说明', t.intro], ...t.rows.flatMap((r, i) => r.map((text, c): [string, string] => [`第 ${i + 1} 行 ${t.header[c] ?? ''}`, text]))];
}

export function publicTableDoc(t: PublicTable, agencyName: string): DocumentModel {
  return {
    kind: 'year-publication',
    title: t.title,
    blocks: [
      { kind: 'paragraph', content: [t.intro], small: true },
      {
        kind: 'table',
        columns: t.widths.map((weight) => ({ weight })),
        header: [t.header.map((h) => cell(h))],
        rows: t.rows.map((r) => r.map((text, c) => cell(text, c === 0 ? 'center' : 'left'))),
        size: 'tiny',
      },
    ],
    page: { size: 'A4', orientation: 'landscape', marginsMm: { top: 25, right: 20, bottom: 20, left: 20 }, pageNumbers: 'centered' },
    meta: { author: agencyName || '稽核工作站', subject: t.title },
  };
}
