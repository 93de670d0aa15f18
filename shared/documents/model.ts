// The document model: what an official document says and how it is structured, as plain data.
// Builders (auditNotice.ts and the documents after it) turn a case into this model; the PDF
// renderer (electron/services/documents) and the on-screen preview both read it, so the
// preview shows what prints. Nothing here knows about pdfmake, fonts in files, or the DOM:
// the model names typographic roles (body, title, heading) and the renderer maps them.

/** A run of text inside a paragraph. A plain string is ordinary body text. */
export type Inline = string | InlineRun;

export interface InlineRun {
  text: string;
  /** Emphasis: printed in the 黑体 role (Chinese official fonts have no bold weight). */
  strong?: boolean;
  /** Underlined, e.g. a filled-in value or a blank to fill by hand (use full-width spaces). */
  underline?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** The addressee line (主送机关/被稽核单位), flush left, ending in a full-width colon. */
export interface AddresseeBlock {
  kind: 'addressee';
  text: string;
}

/** A body paragraph; indented two characters on its first line unless `indent` is false. */
export interface ParagraphBlock {
  kind: 'paragraph';
  content: Inline[];
  indent?: boolean;
  align?: Align;
  /** Smaller type, e.g. remarks under a table. */
  small?: boolean;
}

/**
 * A heading inside the body. Level 1 (一、) prints in 黑体, level 2 (（一）) in 楷体, levels 3 and
 * 4 (1． and （1）) in the body face (GB/T 9704 §7.3.3). `label` is the ordinal as printed; the
 * helper `headingLabel` in numbering.ts makes it. `content` may continue on the same line.
 */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3 | 4;
  label: string;
  text: string;
  /** Body text run on after the heading, in the body face, as in “（一）稽核期间。2024年…”. */
  content?: Inline[];
}

/** A numbered list; each item prints as an indented paragraph starting with its label. */
export interface ListBlock {
  kind: 'list';
  style: 'decimal' | 'paren-decimal' | 'chinese';
  items: Inline[][];
  /** First label number, 1 unless a list continues. */
  start?: number;
}

export interface TableCell {
  content: Inline[];
  align?: Align;
  colSpan?: number;
  rowSpan?: number;
}

export interface TableColumn {
  /** Relative width: columns share the text block in proportion to these weights. */
  weight: number;
  align?: Align;
}

/**
 * A ruled table. `header` rows repeat at the top of every page the table spans. When
 * `pageTotals` is set, the body is cut into pages as `tablePages` says (a table with page totals
 * starts on a new page unless `firstPageRows` gives the rows that fit under what precedes it),
 * and a 本页小计 row follows each page with the sums the builder supplies per page in
 * `pageTotals.sums` (money stays exact: the builder sums fen, not the renderer). The renderer
 * refuses to print when a page's rows do not fit on one page, since its subtotal would be wrong.
 */
export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  header: TableCell[][];
  rows: TableCell[][];
  /** Rows after the body, e.g. 合计; printed once at the end. */
  footer?: TableCell[][];
  /** Body font size role; tables with many columns use 'small'. */
  size?: 'body' | 'small' | 'tiny';
  pageTotals?: {
    rowsPerPage: number;
    firstPageRows?: number;
    label: string;
    /** Per page, column index → the printed sum. */
    sums: Record<number, string>[];
  };
}

/**
 * Issuing agency and date (发文机关署名 and 成文日期): the date is printed about four characters
 * in from the right margin with the agency name centred above it, leaving room for the red seal
 * over both (GB/T 9704 §7.3.5.1).
 */
export interface SignatureBlock {
  kind: 'signature';
  agency: string;
  /** Already written as 2026年7月1日. */
  date: string;
  /** Printed only on drafts, as the outline of where the seal goes. */
  sealText?: string;
}

/**
 * A block for the recipient's or a party's handwritten confirmation: labelled blanks such as
 * 签收人、日期, optionally under a cut line (回执). Used by proofs of service and records.
 */
export interface ReceivedBlock {
  kind: 'received';
  title?: string;
  cutLine?: boolean;
  /** Each line holds one or more labelled blanks; `blank` is the blank's width in characters. */
  lines: { label: string; blank: number; value?: string }[][];
}

/** 附件：1．… written after the body, before the signature (GB/T 9704 §7.3.4). */
export interface AttachmentsBlock {
  kind: 'attachments';
  items: string[];
}

/** Notes under the document (注：…), in smaller type. */
export interface NotesBlock {
  kind: 'notes';
  label: string;
  items: Inline[][];
}

export interface SpacerBlock {
  kind: 'spacer';
  /** Height in body lines. */
  lines: number;
}

export interface PageBreakBlock {
  kind: 'page-break';
}

export type Block =
  | AddresseeBlock
  | ParagraphBlock
  | HeadingBlock
  | ListBlock
  | TableBlock
  | SignatureBlock
  | ReceivedBlock
  | AttachmentsBlock
  | NotesBlock
  | SpacerBlock
  | PageBreakBlock;

export type BlockKind = Block['kind'];

export interface PageSettings {
  size: 'A4';
  orientation: 'portrait' | 'landscape';
  /**
   * Margins in millimetres. GB/T 9704: top 37, left 28, and a 156 × 225 mm text block, which
   * leaves right 26 and bottom 35 on A4 portrait.
   */
  marginsMm: { top: number; right: number; bottom: number; left: number };
  /** 'official': — 1 — under the text block, right on odd pages and left on even ones. */
  pageNumbers: 'official' | 'centered' | 'none';
}

export const OFFICIAL_PAGE: PageSettings = {
  size: 'A4',
  orientation: 'portrait',
  marginsMm: { top: 37, right: 26, bottom: 35, left: 28 },
  pageNumbers: 'official',
};

export interface DocumentModel {
  /** Which document this is (kinds.ts); kept as a string so the model stays open to new kinds. */
  kind: string;
  /** Printed above the title when set, e.g. the agency name in a two-line title. */
  issuer?: string;
  title: string;
  /** 示医保稽通〔2026〕12号, centred under the title; absent on unnumbered forms. */
  number?: string;
  blocks: Block[];
  page: PageSettings;
  /** PDF metadata. */
  meta: { author: string; subject?: string; keywords?: string[] };
}

/** The [start, end) row ranges of each page of a table with page totals; one rule for builder and renderer. */
export function tablePages(rowCount: number, rowsPerPage: number, firstPageRows?: number): [number, number][] {
  if (!Number.isInteger(rowsPerPage) || rowsPerPage < 1) throw new RangeError(`每页行数应为正整数：${rowsPerPage}`);
  if (firstPageRows !== undefined && (!Number.isInteger(firstPageRows) || firstPageRows < 1)) {
    throw new RangeError(`首页行数应为正整数：${firstPageRows}`);
  }
  const out: [number, number][] = [];
  let start = 0;
  let size = firstPageRows ?? rowsPerPage;
  while (start < rowCount) {
    out.push([start, Math.min(rowCount, start + size)]);
    start += size;
    size = rowsPerPage;
  }
  return out;
}

/** The plain text of a run list, for search, previews and tests. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((c) => (typeof c === 'string' ? c : c.text)).join('');
}
