// GB/T 9704-2012 §7.3.5: the agency name and date must never stand alone on a page ("此页无正文").
// Documents end in every possible fill of their last page here (1…24 body paragraphs, with a
// spacer and attachment lines between body and signature, as the builders write them), and the
// page that carries the signature must always carry body text too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/services/documents/pdf';
import { OFFICIAL_PAGE, type Block, type DocumentModel } from '../../shared/documents/model';

const OUT = join(process.cwd(), 'test-output', 'documents', 'signature');
const BODY = '经查，你单位在稽核期间存在未按规定为职工足额申报缴纳社会保险费的情形，应予补缴。';

function pageTexts(file: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((p) => p.replace(/\s+/g, ''));
}

function model(paragraphs: number): DocumentModel {
  const blocks: Block[] = [];
  for (let i = 0; i < paragraphs; i++) blocks.push({ kind: 'paragraph', content: [`${i + 1}．${BODY}`] });
  blocks.push({ kind: 'attachments', items: ['补缴明细表', '稽核工作记录'] });
  blocks.push({ kind: 'spacer', lines: 2 });
  blocks.push({ kind: 'signature', agency: '示例市医疗保障局', date: '2026年7月20日' });
  return { kind: 'audit-opinion', title: '稽核意见书', number: '示医保稽意〔2026〕1号', blocks, page: OFFICIAL_PAGE, meta: { author: 'test' } };
}

describe('signature placement', () => {
  it('never leaves the agency name and date alone on a page, whatever the fill of the last page', async () => {
    mkdirSync(OUT, { recursive: true });
    let sawPageBreakCase = false;
    for (let n = 1; n <= 24; n++) {
      const r = await renderPdf(model(n), { draft: false });
      const file = join(OUT, `sig-${n}.pdf`);
      writeFileSync(file, r.bytes);
      const pages = pageTexts(file).filter((t) => t !== '');
      const signaturePage = pages.find((t) => t.includes('2026年7月20日'));
      expect(signaturePage, `${n} paragraphs: the date is printed`).toBeDefined();
      // body text on the signature's page: a numbered paragraph or the attachment lines
      expect(/\d+．经查|附件/.test(signaturePage!), `${n} paragraphs: signature page has body text`).toBe(true);
      if (r.pages > 1) sawPageBreakCase = true;
    }
    // the sweep must include documents that run over a page, or it proves nothing
    expect(sawPageBreakCase).toBe(true);
  }, 120_000);
});
