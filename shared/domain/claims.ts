// Settlement details (结算明细) and the catalog (目录与限价) as the claims screening reads them
// (INSTITUTIONS.md §6). Every row keeps its file, sheet and row so each hit traces to its source.
import type { Decimal, Fen } from '../rules/money';
import type { IsoDate } from '../rules/month';

export const VISIT_TYPES = ['门诊', '住院'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export const SEXES = ['男', '女'] as const;
export type Sex = (typeof SEXES)[number];

export const ITEM_CATEGORIES = ['药品', '诊疗', '检查', '耗材', '床位', '护理', '其他'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** Where a row came from: 1-based spreadsheet row; sheet '' for a CSV file. */
export interface RowRef {
  file: string;
  sheet: string;
  row: number;
}

/** One row of 结算明细, as the importer normalised it. Money in fen, prices and quantities exact. */
export interface ClaimRow {
  ref: RowRef;
  settlementId: string;
  personId: string;
  name: string;
  /** From the 性别 column; null when the file has none (then the ID number decides). */
  sex: Sex | null;
  /** From the 出生日期 column; null when the file has none (then the ID number decides). */
  birthDate: IsoDate | null;
  visitType: VisitType;
  admissionDate: IsoDate | null;
  dischargeDate: IsoDate | null;
  feeDate: IsoDate;
  itemCode: string;
  itemName: string;
  quantity: Decimal;
  /** Yuan, exact (drug prices may have more than two decimals). */
  unitPrice: Decimal;
  amount: Fen;
  fundPaid: Fen;
}

/** One entry of the catalog with its limits; null = no limit. */
export interface CatalogEntry {
  ref: RowRef;
  itemCode: string;
  itemName: string;
  category: ItemCategory;
  /** Yuan, exact. */
  maxPrice: Decimal | null;
  sexLimit: Sex | null;
  minAge: number | null;
  maxAge: number | null;
  dailyLimit: Decimal | null;
}
