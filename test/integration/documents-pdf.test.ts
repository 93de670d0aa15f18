// Renders real documents to PDF and reads them back with poppler (pdffonts, pdftotext, pdfinfo),
// the way a person or an archive checker would see them. Output goes to test-output/documents.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditNotice } from '../../shared/documents/auditNotice';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';
import { OFFICIAL_PAGE, tablePages, type DocumentModel, type TableCell } from '../../shared/documents/model';
import { formatDocumentNumber } from '../../shared/documents/numbering';
import { numberPrefixFor, parseAgencyProfile } from '../../shared/domain/agency';
import { formatFen, sumFen } from '../../shared/rules/money';
import { isInsideAllowedDirs, resolveFonts } from '../../electron/services/documents/fonts';
import { renderPdf, type RenderedPdf } from '../../electron/services/documents/pdf';

const OUT = join(process.cwd(), 'test-output', 'documents');
const agency = parseAgencyProfile(JSON.parse(readFileSync(join(process.cwd(), 'resources', 'agency-profile.default.json'), 'utf8')));
const number = formatDocumentNumber(numberPrefixFor(agency, 'audit-notice'), 2026, 12);

const notice = buildAuditNotice({
  agency,
  number,
  employer: { name: '示例市青禾智能装备制造有限公司', creditCode: '91110000MA01ABCD2X', address: '示例市高新区科技路88号' },
  periodFrom: '2024-01',
  periodTo: '2024-12',
  onsiteDate: '2026-07-06',
  onsiteTime: '上午9:00',
  place: '你单位财务部会议室（示例市高新区科技路88号）',
  auditors: [
    { name: '王建国', credentialNo: '示医保稽字第000123号' },
    { name: '李晓梅', credentialNo: '示医保稽字第000456号' },
  ],
  contactName: '王建国',
  contactPhone: '0000-12345678',
  issueDate: '2026-07-01',
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** pdftotext output with all white space removed, so line breaks inside a phrase don't matter. */
const flatText = (file: string) => run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, '');

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  text: string;
}
function words(file: string): Word[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] as string });
  }
  return out;
}

let issued: RenderedPdf;
let draft: RenderedPdf;
const issuedFile = join(OUT, 'audit-notice-issued.pdf');
const draftFile = join(OUT, 'audit-notice-draft.pdf');

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  issued = await renderPdf(notice, { draft: false });
  draft = await renderPdf(notice, { draft: true });
  writeFileSync(issuedFile, issued.bytes);
  writeFileSync(draftFile, draft.bytes);
});

describe('the audit notice as PDF', () => {
  it('embeds subset CJK fonts and records which ones', () => {
    const rows = run('pdffonts', [issuedFile]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      // name type encoding emb sub uni ...
      expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
    const fonts = resolveFonts();
    const bodyFont = fonts.faces.fangsong;
    expect(issued.fonts.fangsong).toContain(bodyFont.name);
    if (bodyFont.source === 'bundled') expect(rows.some((r) => r.includes('+NotoSerifSC-Regular'))).toBe(true);
  });

  it('is A4 and reports its page count', () => {
    const info = run('pdfinfo', [issuedFile]);
    expect(info).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(issued.pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [draftFile]))?.[1])).toBe(draft.pages);
  });

  it('prints the employer, number, period, on-site date and both auditors', () => {
    const text = flatText(issuedFile);
    expect(text).toContain('示例市医疗保障局稽核通知书');
    expect(text).toContain('示医保稽通〔2026〕12号');
    expect(text).toContain('示例市青禾智能装备制造有限公司：');
    expect(text).toContain('91110000MA01ABCD2X');
    expect(text).toContain('2024年1月至2024年12月');
    expect(text).toContain('2026年7月6日（星期一）上午9:00');
    expect(text).toContain('王建国示医保稽字第000123号');
    expect(text).toContain('李晓梅示医保稽字第000456号');
    expect(text).toContain('2026年7月1日');
  });

  it('can be written as PDF/A-2b for the dossier', async () => {
    const archival = await renderPdf(notice, { draft: false, archival: true });
    const file = join(OUT, 'audit-notice-archival.pdf');
    writeFileSync(file, archival.bytes);
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Metadata Stream:\s+yes/);
    expect(Buffer.from(archival.bytes).toString('latin1')).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(flatText(file)).toContain('示医保稽通〔2026〕12号');
  });

  it('marks drafts 草稿 and leaves issued documents unmarked', () => {
    expect(flatText(draftFile)).toContain('草稿');
    expect(flatText(issuedFile)).not.toContain('草');
  });

  it('numbers pages — n —, right on odd pages and left on even pages', () => {
    const ws = words(issuedFile);
    const pageWidth = 595.28;
    for (let p = 1; p <= issued.pages; p++) {
      const num = ws.find((w) => w.page === p && w.text === String(p) && w.yMin > 740);
      expect(num, `page number on page ${p}`).toBeDefined();
      if (p % 2 === 1) expect(num!.xMin).toBeGreaterThan(pageWidth * 0.75);
      else expect(num!.xMax).toBeLessThan(pageWidth * 0.25);
      const dashes = ws.filter((w) => w.page === p && w.text === '—' && Math.abs(w.yMin - num!.yMin) < 1);
      expect(dashes).toHaveLength(2);
    }
  });

  it('puts the date four characters in from the right with the agency centred above it', () => {
    const ws = words(issuedFile);
    const date = ws.filter((w) => w.text === '2026年7月1日').at(-1)!;
    const name = ws.filter((w) => w.text === '示例市医疗保障局' && w.page === date.page && w.yMin < date.yMin).at(-1)!;
    const textRight = 595.28 - (26 * 72) / 25.4;
    expect(textRight - date.xMax).toBeCloseTo(4 * 16, 0);
    expect(Math.abs((name.xMin + name.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(8);
    expect(date.yMin - name.yMin).toBeGreaterThan(20); // one body line apart
  });

  it('sets the text block at 28 mm from the left and 37 mm from the top', () => {
    const ws = words(issuedFile).filter((w) => w.page === 1);
    const left = Math.min(...ws.map((w) => w.xMin));
    expect(left).toBeCloseTo((28 * 72) / 25.4, 0);
    const top = Math.min(...ws.map((w) => w.yMin));
    expect(top).toBeGreaterThanOrEqual((37 * 72) / 25.4 - 1);
    expect(top).toBeLessThan((37 * 72) / 25.4 + 12);
  });
});

describe('the renderer with every block kind', () => {
  it('repeats table headers, adds page totals and prints notes, attachments and receipts', async () => {
    // A back-pay style annex: 45 people, 20 rows a page, sums per page computed in fen.
    const amounts = Array.from({ length: 45 }, (_, i) => 12_345 + i * 1_001);
    const cells = (...t: string[]): TableCell[] => t.map((x) => ({ content: [x] }));
    const chunks = tablePages(amounts.length, 20).map(([from, to]) => amounts.slice(from, to));
    const total = sumFen(amounts);
    const model: DocumentModel = {
      kind: 'backpay-schedule',
      title: '补缴明细表',
      number: formatDocumentNumber('示医保稽意', 2026, 3),
      page: OFFICIAL_PAGE,
      meta: { author: agency.name },
      blocks: [
        { kind: 'addressee', text: '示例市青禾智能装备制造有限公司：' },
        { kind: 'heading', level: 1, label: '一、', text: '补缴金额' },
        { kind: 'heading', level: 2, label: '（一）', text: '合计。', content: [`应补缴${formatFen(total)}元（大写：${toChineseCapitals(total)}）。`] },
        {
          kind: 'table',
          size: 'small',
          columns: [{ weight: 1 }, { weight: 3 }, { weight: 3, align: 'right' }],
          header: [[{ content: ['序号'] }, { content: ['姓名'] }, { content: ['补缴金额（元）'] }]],
          rows: amounts.map((a, i) => cells(String(i + 1), `职工${String(i + 1).padStart(2, '0')}`, formatFen(a))),
          footer: [cells('合计', '', formatFen(total))],
          pageTotals: { rowsPerPage: 20, label: '本页小计', sums: chunks.map((c) => ({ 2: formatFen(sumFen(c)) })) },
        },
        { kind: 'attachments', items: ['补缴明细表', '稽核工作记录'] },
        { kind: 'notes', label: '注', items: [['金额单位为元。'], ['本表由稽核工作站生成。']] },
        { kind: 'signature', agency: agency.name, date: '2026年7月20日' },
        { kind: 'received', title: '回　执', cutLine: true, lines: [[{ label: '签收人', blank: 6 }, { label: '签收日期', blank: 8, value: '2026年7月21日' }]] },
      ],
    };
    const r = await renderPdf(model, { draft: false });
    const file = join(OUT, 'block-kinds.pdf');
    writeFileSync(file, r.bytes);
    // the cover page, then one page per 20 rows, each with its own subtotal
    expect(r.pages).toBe(4);
    const perPage = words(file).filter((w) => w.text === '本页小计').map((w) => w.page);
    expect(perPage).toEqual([2, 3, 4]);
    const text = flatText(file);
    expect(text.match(/补缴金额（元）/g)?.length).toBeGreaterThanOrEqual(3);
    for (const c of chunks) expect(text).toContain(formatFen(sumFen(c)));
    expect(text).toContain(`合计${formatFen(total)}`);
    expect(text).toContain(toChineseCapitals(total));
    expect(text).toContain('附件：1．补缴明细表');
    expect(text).toContain('2．稽核工作记录');
    expect(text).toContain('注：金额单位为元。');
    expect(text).toContain('签收人：');
    expect(text).toContain('签收日期：2026年7月21日');
  });

  it('refuses to print page totals when a page of rows does not fit on one page', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [{ content: [String(i + 1)] }, { content: ['1.00'] }]);
    const model: DocumentModel = {
      kind: 'backpay-schedule',
      title: '补缴明细表',
      page: OFFICIAL_PAGE,
      meta: { author: agency.name },
      blocks: [
        {
          kind: 'table',
          columns: [{ weight: 1 }, { weight: 1 }],
          header: [[{ content: ['序号'] }, { content: ['金额'] }]],
          rows,
          pageTotals: { rowsPerPage: 40, label: '本页小计', sums: [{ 1: '40.00' }, { 1: '40.00' }] },
        },
      ],
    };
    await expect(renderPdf(model, { draft: false })).rejects.toThrow('本页小计”分页有误：有2页的行数超过一页能容纳的行数');
  });

  it('refuses page totals that do not match the pages', async () => {
    const model: DocumentModel = {
      kind: 'backpay-schedule',
      title: '补缴明细表',
      page: OFFICIAL_PAGE,
      meta: { author: agency.name },
      blocks: [
        {
          kind: 'table',
          columns: [{ weight: 1 }],
          header: [[{ content: ['金额'] }]],
          rows: [[{ content: ['1.00'] }], [{ content: ['2.00'] }]],
          pageTotals: { rowsPerPage: 1, label: '本页小计', sums: [{ 0: '1.00' }] },
        },
      ],
    };
    await expect(renderPdf(model, { draft: true })).rejects.toThrow('本页小计的页数（1）与表格分页数（2）不一致');
  });
});

describe('font resolution', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jihe-fonts-'));
    mkdirSync(join(dir, 'windows'));
    // an "official" 仿宋 (a copy of a real TTF under the Windows file name) and a damaged 黑体
    copyFileSync(resolveFonts({ searchDirs: [] }).faces.fangsong.path, join(dir, 'windows', 'SIMFANG.TTF'));
    writeFileSync(join(dir, 'windows', 'simhei.ttf'), Buffer.from('not a font'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses bundled OFL fonts when the machine has no official ones', () => {
    const set = resolveFonts({ searchDirs: [] });
    for (const f of Object.values(set.faces)) {
      expect(f.source).toBe('bundled');
      expect(f.path).toMatch(/@expo-google-fonts[\\/]noto-(serif|sans)-sc/);
      expect(f.lineHeightEm).toBeGreaterThan(1.2);
    }
  });

  it('prefers an installed official font and falls back when one is damaged', async () => {
    const set = resolveFonts({ searchDirs: [dir] });
    expect(set.faces.fangsong.source).toBe('system');
    expect(set.faces.fangsong.name).toBe('仿宋（SIMFANG.TTF）');
    expect(set.faces.heiti.source).toBe('bundled');
    expect(set.allowedDirs).toContain(join(dir, 'windows'));
    const r = await renderPdf(notice, { draft: false, fonts: set });
    expect(r.fonts.fangsong).toBe('仿宋（SIMFANG.TTF）（本机字体）');
    expect(r.fonts.heiti).toContain('内置开源字体');
  });

  it('allows reading only files inside the font folders', () => {
    const set = resolveFonts({ searchDirs: [] });
    const allowed = set.allowedDirs;
    expect(isInsideAllowedDirs(set.faces.fangsong.path, allowed)).toBe(true);
    expect(isInsideAllowedDirs('/etc/passwd', allowed)).toBe(false);
    expect(isInsideAllowedDirs(`${allowed[0]}/../../../../package.json`, allowed)).toBe(false);
    expect(isInsideAllowedDirs(`${allowed[0]}-evil/x.ttf`, allowed)).toBe(false);
  });
});
