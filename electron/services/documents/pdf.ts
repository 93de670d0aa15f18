// Renders a DocumentModel to PDF with pdfmake 0.3 in Node, laid out per GB/T 9704-2012: A4, a
// 156 × 225 mm text block with 22 lines of body text, 仿宋 body at 16 pt, 小标宋 title at 22 pt,
// 黑体 and 楷体 headings, `— 1 —` page numbers alternating right and left, the issuing agency
// centred over the date four characters in from the right. The renderer never fetches a URL
// and reads no file: fonts come from the per-process buffer cache through pdfmake's virtual
// file system, and the access policies deny everything outside the font folders.
import pdfmake from 'pdfmake';
import type { Content, ContentText, Style, TableCell as PdfTableCell, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { tablePages, type Align, type Block, type DocumentModel, type Inline, type TableBlock, type TableCell } from '../../../shared/documents/model';
import { unbreakablePieces } from './lineBreaks';
import { FONT_ROLES, fontRecord, isInsideAllowedDirs, loadFontBuffer, resolveFonts, type FontRole, type FontSet } from './fonts';

export interface RenderOptions {
  /** Drafts carry a 草稿 watermark and show where the seal goes. */
  draft: boolean;
  fonts?: FontSet;
  /** PDF/A-2b for the dossier's archival copies. */
  archival?: boolean;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  /** Role → font actually used, for the document record. */
  fonts: Record<FontRole, string>;
}

const PT_PER_MM = 72 / 25.4;
const mm = (v: number) => v * PT_PER_MM;

/** 3号, 2号, 4号, 5号 in points. */
const SIZE = { body: 16, title: 22, small: 14, tiny: 10.5, pageNumber: 14 } as const;
/** GB/T 9704: 22 lines in the 225 mm block, so one body line is 225/22 mm. */
const BODY_PITCH = mm(225) / 22;
const TITLE_PITCH = SIZE.title * 1.45;
const CHAR = SIZE.body;
/** Header and footer nodes, which the keep-heading-with-next rule must not count as content. */
const MARGINAL_STYLE = 'marginal';

type PdfMakeRuntime = typeof pdfmake & {
  virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
};
const engine = pdfmake as PdfMakeRuntime;

interface LaidOutNode {
  id?: string;
  headlineLevel?: number;
  style?: unknown;
  pageNumbers?: number[];
}

interface FontPlan {
  /** pdfmake family name per role. */
  family: Record<FontRole, string>;
  dictionary: TFontDictionary;
  /** lineHeight factor giving `pitch` points per line at `size` in a role's face. */
  lineHeight(role: FontRole, size: number, pitch: number): number;
}

/**
 * One pdfmake family per distinct font file, its bytes registered once in the virtual file
 * system. The dictionary is rebuilt for every render because pdfmake replaces entries of a
 * collection's descriptor with the loaded buffer while rendering.
 */
function planFonts(set: FontSet): FontPlan {
  const family = {} as Record<FontRole, string>;
  const dictionary: TFontDictionary = {};
  const byFile = new Map<string, string>();
  for (const role of FONT_ROLES) {
    const f = set.faces[role];
    const key = `${f.path}#${f.postscriptName ?? ''}`;
    let name = byFile.get(key);
    if (!name) {
      name = `F${byFile.size + 1}`;
      byFile.set(key, name);
      const vfsName = `jihe-fonts/${name}-${encodeURIComponent(f.path)}`;
      if (!engine.virtualfs.existsSync(vfsName)) engine.virtualfs.writeFileSync(vfsName, loadFontBuffer(f.path));
      const src = () => (f.postscriptName ? ([vfsName, f.postscriptName] as unknown as string) : vfsName);
      dictionary[name] = { normal: src(), bold: src(), italics: src(), bolditalics: src() };
    }
    family[role] = name;
  }
  return {
    family,
    dictionary,
    lineHeight: (role, size, pitch) => pitch / (size * set.faces[role].lineHeightEm),
  };
}

/** Rough advance of a text in points: full width for CJK and full-width forms, half otherwise. */
function estimateWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u00ff\u2000-\u206f]/.test(ch) ? 0.5 : 1;
  return ems * size;
}

export async function renderPdf(model: DocumentModel, opts: RenderOptions): Promise<RenderedPdf> {
  const fontSet = opts.fonts ?? resolveFonts();
  const plan = planFonts(fontSet);
  const page = model.page;
  const margins = page.marginsMm;
  const pageWidth = page.orientation === 'portrait' ? mm(210) : mm(297);
  const textWidth = pageWidth - mm(margins.left) - mm(margins.right);
  const ctx: Ctx = { plan, textWidth, draft: opts.draft, chunks: { next: 0, overflowed: [] } };

  const content: Content[] = [...titleBlock(model, ctx), ...renderBlocks(model.blocks, ctx)];

  let pageCount = 0;
  const styles: Record<string, Style> = {
    [MARGINAL_STYLE]: {},
    body: { font: plan.family.fangsong, fontSize: SIZE.body, lineHeight: plan.lineHeight('fangsong', SIZE.body, BODY_PITCH) },
  };
  const docDefinition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: page.orientation,
    pageMargins: [mm(margins.left), mm(margins.top), mm(margins.right), mm(margins.bottom)],
    defaultStyle: { ...styles.body, alignment: BODY_ALIGN },
    styles,
    info: {
      title: model.number ? `${model.title}（${model.number}）` : model.title,
      author: model.meta.author,
      subject: model.meta.subject ?? model.title,
      keywords: (model.meta.keywords ?? []).join(' '),
      creator: '稽核工作站',
      producer: '稽核工作站 (pdfmake)',
    },
    language: 'zh-CN',
    content,
    // a heading never ends a page: move it to the next page when nothing follows it here
    // a heading never ends a page: move it to the next page when no body content follows it
    // there (header and page number count as nodes on the page, so they are left out by their style)
    // pdfmake asks this once for every node after laying it out, which is also where a table
    // page with a page total is seen to have run over onto a second page
    pageBreakBefore: (node: LaidOutNode, nodes: { getFollowingNodesOnPage(): LaidOutNode[] }) => {
      if (node.id?.startsWith(PAGE_CHUNK_ID) && (node.pageNumbers?.length ?? 0) > 1) ctx.chunks.overflowed.push(node.id);
      return Boolean(node.headlineLevel) && nodes.getFollowingNodesOnPage().every((n) => n.style === MARGINAL_STYLE);
    },
    footer: (currentPage: number, total: number) => {
      pageCount = Math.max(pageCount, total);
      return pageNumberFooter(currentPage, page.pageNumbers, plan, mm(margins.left), mm(margins.right));
    },
    ...(opts.draft
      ? {
          header: () => ({
            text: '草稿　未经签发，不得送达',
            style: MARGINAL_STYLE,
            font: plan.family.heiti,
            fontSize: SIZE.small,
            color: '#c03030',
            alignment: 'right',
            margin: [0, mm(15), mm(margins.right), 0],
          }),
          watermark: { text: '草稿', font: plan.family.heiti, fontSize: 140, color: '#9a9a9a', opacity: 0.22, angle: -40 },
        }
      : {}),
    ...(opts.archival ? { subset: 'PDF/A-2b' as const, version: '1.7' as const } : {}),
  } as TDocumentDefinitions;

  engine.setUrlAccessPolicy(() => false);
  engine.setLocalAccessPolicy((path) => isInsideAllowedDirs(path, fontSet.allowedDirs));
  engine.setFonts(plan.dictionary);
  const bytes = await engine.createPdf(docDefinition).getBuffer();
  if (ctx.chunks.overflowed.length > 0) {
    throw new Error(`表格“本页小计”分页有误：有${ctx.chunks.overflowed.length}页的行数超过一页能容纳的行数，请减少每页行数`);
  }
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages: pageCount, fonts: fontRecord(fontSet) };
}

interface Ctx {
  plan: FontPlan;
  textWidth: number;
  draft: boolean;
  /** Numbering of table pages that carry a page total, and those that overflowed a page. */
  chunks: { next: number; overflowed: string[] };
}

const PAGE_CHUNK_ID = 'jihe-page-total-';

function pageNumberFooter(n: number, mode: DocumentModel['page']['pageNumbers'], plan: FontPlan, left: number, right: number): Content {
  if (mode === 'none') return { text: '' };
  const odd = n % 2 === 1;
  // GB/T 9704 §7.5: 4号 宋体, the dash line 7 mm under the text block, one character in from
  // the right edge on odd pages and from the left edge on even pages.
  return {
    text: `— ${n} —`,
    style: MARGINAL_STYLE,
    font: plan.family.songti,
    fontSize: SIZE.pageNumber,
    lineHeight: 1,
    alignment: mode === 'centered' ? 'center' : odd ? 'right' : 'left',
    margin: [left + (mode === 'official' ? SIZE.pageNumber : 0), mm(7) - SIZE.pageNumber * 0.6, right + (mode === 'official' ? SIZE.pageNumber : 0), 0],
  };
}

function titleBlock(model: DocumentModel, ctx: Ctx): Content[] {
  const { plan } = ctx;
  const titleStyle = {
    font: plan.family.xiaobiaosong,
    fontSize: SIZE.title,
    lineHeight: plan.lineHeight('xiaobiaosong', SIZE.title, TITLE_PITCH),
    alignment: 'center' as const,
  };
  const out: Content[] = [];
  if (model.issuer) out.push({ text: model.issuer, ...titleStyle });
  out.push({ text: model.title, ...titleStyle, margin: [0, 0, 0, model.number ? BODY_PITCH * 0.25 : BODY_PITCH] });
  if (model.number) out.push({ text: model.number, alignment: 'center', margin: [0, 0, 0, BODY_PITCH] });
  return out;
}

/** A sum of money as printed: 186,730.28 or 186,730.28元. */
const AMOUNT = /^[-+]?\d[\d,]*\.\d{2}元?$/;

/**
 * Inline runs in pdfmake's form. Numbers, amounts, dates and document numbers become runs of
 * their own that are never broken across lines (lineBreaks.ts); amounts stay in the run's face.
 */
function runs(content: readonly Inline[], ctx: Ctx, baseRole: FontRole = 'fangsong', mode: 'body' | 'cell' = 'body'): ContentText['text'] {
  return content.flatMap((c) => {
    const run = typeof c === 'string' ? { text: c } : c;
    const style = {
      font: ctx.plan.family[typeof c !== 'string' && c.strong ? 'heiti' : baseRole],
      ...(typeof c !== 'string' && c.underline ? { decoration: 'underline' as const } : {}),
    };
    return unbreakablePieces(run.text, mode).map((p) => ({
      text: p.text,
      ...style,
      // an amount is printed in the body face even where the sentence around it is emphasised
      ...(p.keep && AMOUNT.test(p.text) ? { font: ctx.plan.family[baseRole] } : {}),
      ...(p.keep ? { noWrap: true } : {}),
    }));
  });
}

const alignment = (a: Align | undefined, fallback: Align): Align => a ?? fallback;

/**
 * Body text is set flush left, not justified: pdfmake justifies by spreading a line's gap over
 * every character, so a line whose next date or amount moved down whole (lineBreaks.ts) would be
 * stretched character by character. Full-width characters keep the right edge within one character.
 */
const BODY_ALIGN: Align = 'left';

// GB/T 9704-2012 §7.3.5: the signature and date never stand alone on a page ("此页无正文"). The
// signature is laid out as one unbreakable stack with what precedes it back to the last line of
// body text (a paragraph or list), so spacers and attachment lines between them move with it.
function renderBlocks(blocks: readonly Block[], ctx: Ctx): Content[] {
  const out: Content[] = [];
  let i = 0;
  while (i < blocks.length) {
    const end = nextSignatureWithBody(blocks, i);
    if (end === null) {
      out.push(...renderKept(blocks.slice(i), ctx));
      break;
    }
    // a heading right before the last body text goes with it
    const bodyStart = end.bodyStart > i && blocks[end.bodyStart - 1]!.kind === 'heading' ? end.bodyStart - 1 : end.bodyStart;
    out.push(...renderKept(blocks.slice(i, bodyStart), ctx));
    out.push({ stack: blocks.slice(bodyStart, end.signature + 1).flatMap((b) => renderBlock(b, ctx)), unbreakable: true });
    i = end.signature + 1;
  }
  return out;
}

/** A table that runs over pages (it is never held in one piece). */
const paged = (b: Block | undefined) => b?.kind === 'table' && (b.pageTotals !== undefined || b.rows.length > 12);

/**
 * Blocks laid out with what must stay together: a heading with the paragraph or list after it
 * (never left alone at a page foot), and notes with the block before them (never a page holding
 * only notes). Tables that run over pages are never pulled along.
 */
function renderKept(blocks: readonly Block[], ctx: Ctx): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    const withNext =
      (b.kind === 'heading' && (next?.kind === 'paragraph' || next?.kind === 'list' || next?.kind === 'notes')) || (next?.kind === 'notes' && b.kind !== 'heading' && !paged(b));
    if (!withNext) {
      out.push(...renderBlock(b, ctx));
      continue;
    }
    if (b.kind === 'heading' && next?.kind === 'list') {
      // a heading keeps the first item of its list, not the whole list
      const [first, ...rest] = renderBlock(next, ctx);
      out.push({ stack: [...renderBlock(b, ctx), ...(first ? [first] : [])], unbreakable: true }, ...rest);
      i += 1;
      continue;
    }
    // a following notes block also comes along (heading, paragraph, notes)
    const last = blocks[i + 2]?.kind === 'notes' && next?.kind !== 'notes' ? i + 2 : i + 1;
    out.push({ stack: blocks.slice(i, last + 1).flatMap((x) => renderBlock(x, ctx)), unbreakable: true });
    i = last;
  }
  return out;
}

function nextSignatureWithBody(blocks: readonly Block[], from: number): { bodyStart: number; signature: number } | null {
  for (let k = from; k < blocks.length; k++) {
    // the signature, or the lines where the parties sign (received), never stand alone on a page
    if (blocks[k]!.kind !== 'signature' && blocks[k]!.kind !== 'received') continue;
    let j = k - 1;
    while (j >= from && blocks[j]!.kind !== 'paragraph' && blocks[j]!.kind !== 'list' && blocks[j]!.kind !== 'table') j--;
    // a table is never pulled along (it may span pages): the signature then keeps only what follows it
    const bodyStart = j >= from && blocks[j]!.kind !== 'table' ? j : k;
    return { bodyStart, signature: k };
  }
  return null;
}

function renderBlock(block: Block, ctx: Ctx): Content[] {
  const { plan } = ctx;
  switch (block.kind) {
    case 'addressee':
      return [{ text: block.text, alignment: 'left' }];
    case 'paragraph': {
      const size = block.small ? SIZE.small : SIZE.body;
      return [
        {
          text: runs(block.content, ctx),
          alignment: alignment(block.align, BODY_ALIGN),
          ...(block.indent === false ? {} : { leadingIndent: 2 * size }),
          ...(block.small ? { fontSize: size, lineHeight: plan.lineHeight('fangsong', size, size * 1.5) } : {}),
        },
      ];
    }
    case 'heading': {
      const role: FontRole = block.level === 1 ? 'heiti' : block.level === 2 ? 'kaiti' : 'fangsong';
      return [
        {
          text: [
            ...(runs([`${block.label}${block.text}`], ctx, role) as ContentText[]),
            ...(block.content ? (runs(block.content, ctx) as ContentText[]) : []),
          ],
          leadingIndent: 2 * CHAR,
          lineHeight: plan.lineHeight(role, SIZE.body, BODY_PITCH),
          alignment: BODY_ALIGN,
          // keep a heading with the line after it
          headlineLevel: block.level,
        } as Content,
      ];
    }
    case 'list':
      return block.items.map((item, i) => ({
        text: [{ text: listLabel(block.style, (block.start ?? 1) + i), font: plan.family.fangsong }, ...(runs(item, ctx) as ContentText[])],
        leadingIndent: 2 * CHAR,
        alignment: BODY_ALIGN,
      }));
    case 'table':
      return renderTable(block, ctx);
    case 'signature':
      return [signatureBlock(block.agency, block.date, block.sealText, ctx)];
    case 'received':
      return receivedBlock(block, ctx);
    case 'attachments':
      return block.items.map((item, i) => ({
        text: i === 0 ? `附件：${block.items.length > 1 ? '1．' : ''}${item}` : `${i + 1}．${item}`,
        margin: [i === 0 ? 2 * CHAR : 5 * CHAR, 0, 0, 0],
        alignment: 'left',
      }));
    case 'notes':
      return [
        {
          stack: block.items.map((item, i) => ({
            text: [i === 0 ? `${block.label}：` : '', ...(runs(item, ctx) as ContentText[])],
            margin: [i === 0 ? 0 : 3 * SIZE.small, 0, 0, 0],
          })) as Content[],
          fontSize: SIZE.small,
          lineHeight: plan.lineHeight('fangsong', SIZE.small, SIZE.small * 1.5),
          margin: [0, BODY_PITCH * 0.5, 0, 0],
        },
      ];
    case 'spacer':
      return [{ text: '', margin: [0, BODY_PITCH * block.lines, 0, 0] }];
    case 'page-break':
      return [pageBreak()];
    default: {
      const never: never = block;
      throw new Error(`未知的文书内容类型：${JSON.stringify(never)}`);
    }
  }
}

/**
 * A forced page break. Its text is a space, not empty, so that pdfmake's layout sees a node on
 * the page and the keep-heading-with-next rule does not push a heading before it off the page.
 */
function pageBreak(): Content {
  return { text: ' ', pageBreak: 'after' };
}

function listLabel(style: 'decimal' | 'paren-decimal' | 'chinese', n: number): string {
  switch (style) {
    case 'decimal':
      return `${n}．`;
    case 'paren-decimal':
      return `（${n}）`;
    case 'chinese':
      return `${'一二三四五六七八九十'[n - 1] ?? n}、`;
  }
}

const TABLE_SIZE = { body: SIZE.body, small: SIZE.small, tiny: SIZE.tiny } as const;
const CELL_PAD = 4;

function renderTable(block: TableBlock, ctx: Ctx): Content[] {
  const size = TABLE_SIZE[block.size ?? 'body'];
  const totalWeight = block.columns.reduce((s, c) => s + c.weight, 0);
  const usable = ctx.textWidth - block.columns.length * 2 * CELL_PAD - (block.columns.length + 1) * 0.75;
  const widths = block.columns.map((c) => (usable * c.weight) / totalWeight);
  const cell = (c: TableCell, col: number, header: boolean): PdfTableCell => ({
    text: runs(c.content, ctx, header ? 'heiti' : 'fangsong', 'cell'),
    alignment: alignment(c.align ?? block.columns[col]?.align, header ? 'center' : 'left'),
    ...(c.colSpan ? { colSpan: c.colSpan } : {}),
    ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
  });
  const row = (r: TableCell[], header = false): PdfTableCell[] => {
    // pdfmake wants a placeholder for every column a span covers
    const out: PdfTableCell[] = [];
    for (const c of r) {
      out.push(cell(c, out.length, header));
      for (let k = 1; k < (c.colSpan ?? 1); k++) out.push({ text: '' });
    }
    return out;
  };
  const table = (bodyRows: TableCell[][], extra: TableCell[][]): Content => ({
    table: {
      headerRows: block.header.length,
      dontBreakRows: true,
      widths,
      body: [...block.header.map((r) => row(r, true)), ...bodyRows.map((r) => row(r)), ...extra.map((r) => row(r))],
    },
    layout: {
      hLineWidth: () => 0.75,
      vLineWidth: () => 0.75,
      paddingLeft: () => CELL_PAD,
      paddingRight: () => CELL_PAD,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: size,
    lineHeight: ctx.plan.lineHeight('fangsong', size, size * 1.45),
    alignment: 'left',
    margin: [0, BODY_PITCH * 0.2, 0, BODY_PITCH * 0.2],
  });

  if (!block.pageTotals) return [table(block.rows, block.footer ?? [])];
  const { rowsPerPage, firstPageRows, label, sums } = block.pageTotals;
  const pages = tablePages(block.rows.length, rowsPerPage, firstPageRows);
  if (sums.length !== pages.length) throw new Error(`本页小计的页数（${sums.length}）与表格分页数（${pages.length}）不一致`);
  const out: Content[] = firstPageRows === undefined ? [pageBreak()] : [];
  pages.forEach(([from, to], i) => {
    const subtotal: TableCell[] = block.columns.map((_, col) => ({
      content: [col === 0 ? label : (sums[i]?.[col] ?? '')],
      align: col === 0 ? 'center' : 'right',
    }));
    const last = i === pages.length - 1;
    const t = table(block.rows.slice(from, to), [subtotal, ...(last ? (block.footer ?? []) : [])]);
    // the id lets the layout check that this page of rows stayed on one page
    out.push({ ...(t as object), id: `${PAGE_CHUNK_ID}${ctx.chunks.next++}`, ...(last ? {} : { pageBreak: 'after' }) } as Content);
  });
  return out;
}

/**
 * 成文日期 four characters in from the right, the agency centred over it (GB/T 9704 §7.3.5.1);
 * on drafts a dashed circle the size of a 42 mm seal shows where the red seal will go.
 */
function signatureBlock(agency: string, date: string, sealText: string | undefined, ctx: Ctx): Content {
  const rightGap = 4 * CHAR;
  const dateWidth = estimateWidth(date, SIZE.body);
  const agencyWidth = estimateWidth(agency, SIZE.body);
  const centreFromRight = rightGap + dateWidth / 2;
  const agencyRight = Math.max(0, centreFromRight - agencyWidth / 2);
  const parts: Content[] = [
    { text: agency, alignment: 'right', margin: [0, 0, agencyRight, 0] },
    { text: date, alignment: 'right', margin: [0, 0, rightGap, 0] },
  ];
  if (ctx.draft) {
    const r = mm(21);
    const cx = ctx.textWidth - centreFromRight;
    // the seal sits over both lines, its centre a little above the date (印章中心偏下)
    const cy = BODY_PITCH * 0.35;
    parts.unshift({
      canvas: [{ type: 'ellipse', x: cx, y: cy, r1: r, r2: r, lineColor: '#d04040', lineWidth: 1, dash: { length: 4, space: 3 } }],
      relativePosition: { x: 0, y: 0 },
    } as Content);
    if (sealText) {
      parts.unshift({
        text: sealText,
        fontSize: 9,
        color: '#d04040',
        alignment: 'center',
        relativePosition: { x: cx - ctx.textWidth / 2, y: cy - r + 8 },
      } as Content);
    }
  }
  return { stack: parts, unbreakable: true };
}

function receivedBlock(block: Extract<Block, { kind: 'received' }>, ctx: Ctx): Content[] {
  const out: Content[] = [];
  if (block.cutLine) {
    out.push({
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.textWidth, y2: 0, lineWidth: 0.75, dash: { length: 5, space: 3 } }],
      margin: [0, BODY_PITCH * 0.5, 0, BODY_PITCH * 0.25],
    });
  }
  if (block.title) out.push({ text: block.title, font: ctx.plan.family.heiti, alignment: 'center' });
  for (const line of block.lines) {
    out.push({
      text: line.flatMap((f, i) => [
        { text: `${i > 0 ? '　　' : ''}${f.label}：` },
        { text: f.value ? padTo(f.value, f.blank) : '　'.repeat(f.blank), decoration: 'underline' as const },
      ]),
      alignment: 'left',
    });
  }
  return [{ stack: out, unbreakable: true }];
}

function padTo(value: string, chars: number): string {
  const missing = chars - Math.ceil(estimateWidth(value, 1));
  return missing > 0 ? `${value}${'　'.repeat(missing)}` : value;
}
