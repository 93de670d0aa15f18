// Normalised rows as the importer produces them and the rules consume them. Every row keeps
// where it came from, so a figure on a document can be traced to a file, sheet and row.
import type { Fen } from '../rules/money';
import type { Month } from '../rules/month';
import type { InsuranceCode } from './insurance';

export interface SourceRef {
  /** The imported file's id in the database (0 when computing straight from files, e.g. CLI). */
  fileId: number;
  fileName: string;
  sheet: string;
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
}

export interface PayrollLine {
  personId: string;
  name: string;
  month: Month;
  grossFen: Fen;
  department?: string;
  netFen?: Fen;
  source: SourceRef;
}

export interface DeclarationLine {
  personId: string;
  name: string;
  month: Month;
  /** null: the file has no insurance column, so the base counts for every insurance of the plan. */
  insurance: InsuranceCode | null;
  baseFen: Fen;
  employerFen?: Fen;
  employeeFen?: Fen;
  paid?: boolean;
  source: SourceRef;
}

export const EXEMPTION_REASONS = ['retiree-rehired', 'student-intern', 'insured-elsewhere', 'other'] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];
export const EXEMPTION_REASON_NAMES: Record<ExemptionReason, string> = {
  'retiree-rehired': '退休返聘',
  'student-intern': '实习学生',
  'insured-elsewhere': '已在他处参保',
  other: '其他',
};

export interface Exemption {
  personId: string;
  /** null or absent: every month of the audit period. */
  months?: Month[] | null;
  reason: ExemptionReason;
  note?: string;
}

/**
 * The auditor's decision to estimate (核定, DOMAIN.md §13) where the payroll is missing or
 * unusable: a person's months, or the whole case (personId null), with the reason recorded.
 */
export interface Estimation {
  /** null: every person of the case. */
  personId: string | null;
  /** null or absent: every month of the audit period. */
  months?: Month[] | null;
  reason: string;
}
