// The renderer's layout rules of issue 9 item 6, checked on real PDFs with pdftotext/pdfinfo: a
// date, an amount or a document number is never broken across lines, wherever it falls in the
// line; a heading never ends a page; issued (archival) PDFs identify themselves as PDF/A-2b.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFICIAL_PAGE, type Block, type DocumentModel } from '../../shared/documents/model';
import { unbreakablePieces } from '../../electron/services/documents/lineBreaks';
import { renderPdf } from '../../electron/services/documents/pdf';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jihe-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(name: string, blocks: Block[]): Promise<{ file: string; pages: number }> {
  const model: DocumentModel = { kind: 'audit-opinion', issuer: '福州市医疗保障局', title: '排版检查', blocks, page: OFFICIAL_PAGE, meta: { author: '福州市医疗保障局' } };
  const r = await renderPdf(model, { draft: false, archival: true });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, r.bytes);
  return { file, pages: r.pages };
}
const text = (file: string, page?: number) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });

describe('line breaking and page breaking in issued PDFs', () => {
  it('cuts text into unbreakable numbers, amounts, dates and document numbers', () => {
    const pieces = unbreakablePieces('依据：示医保稽通〔2026〕12号，于2025年3月24日前缴纳186,730.28元（58人次）');
    expect(pieces.filter((p) => p.keep).map((p) => p.text)).toEqual(['示医保稽通〔2026〕12号', '2025年3月24日', '186,730.28元', '58人次']);
    expect(pieces.map((p) => p.text).join('')).toBe('依据：示医保稽通〔2026〕12号，于2025年3月24日前缴纳186,730.28元（58人次）');
    // in a narrow table cell only each number keeps its unit
    expect(unbreakablePieces('2025年3月24日', 'cell').filter((p) => p.keep).map((p) => p.text)).toEqual(['2025年', '3月', '24日']);
  });

  it('never splits a date, an amount or a document number across lines, wherever it falls; the PDF is PDF/A-2b', async () => {
    // the same sentence shifted one character at a time puts every token across every line end
    const sentence = '于2025年3月24日出具示医保稽意〔2026〕12号稽核意见书，应补缴186,730.28元，';
    const blocks: Block[] = Array.from({ length: 30 }, (_, k) => ({ kind: 'paragraph', content: [`${'稽'.repeat(k)}${sentence}${sentence}`] }));
    const { file } = await render('tokens', blocks);
    const lines = text(file).split('\n');
    const count = (re: RegExp) => lines.reduce((n, l) => n + (l.match(re) ?? []).length, 0);
    expect(count(/2025年3月24日/g)).toBe(60);
    expect(count(/示医保稽意〔2026〕12号/g)).toBe(60);
    expect(count(/186,730\.28元/g)).toBe(60);
    const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
  });

  it('never leaves a heading alone at the foot of a page, nor notes alone on a page', async () => {
    // headings among paragraphs of varying length fall at every height of the page
    const blocks: Block[] = [];
    for (let k = 1; k <= 24; k++) {
      blocks.push({ kind: 'heading', level: 1, label: `${k}、`, text: `标题第${k}节` });
      blocks.push({ kind: 'paragraph', content: ['稽核人员核对了工资表与申报明细。'.repeat(1 + (k % 4))] });
    }
    blocks.push({ kind: 'notes', label: '说明', items: [['本表金额单位为元。'], ['数据来源见电子附件。']] });
    const { file, pages } = await render('headings', blocks);
    expect(pages).toBeGreaterThan(3);
    for (let p = 1; p <= pages; p++) {
      const body = text(file, p)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^—\s*\d+\s*—$/.test(l));
      expect(body.at(-1), `page ${p}`).not.toMatch(/^\d+、标题第\d+节$/);
      // a page never holds only the notes
      expect(body[0], `page ${p}`).not.toMatch(/^说明：/);
    }
  });
});
