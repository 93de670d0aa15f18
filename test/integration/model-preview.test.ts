// The on-screen preview (renderer/src/components/documents/ModelPreview.tsx) shows everything the
// PDF prints: every document of the sample audit (jihe demo's case, computed as the CLI does) is
// drawn to static HTML from its model, and every piece of text of the model — title, number,
// paragraphs, headings, table cells, page subtotals, signature — is in the page text; explicit
// page breaks give pages; drafts carry the 草稿 watermark and the seal outline, issued ones not.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCase, DEMO_DIR, loadDemoCase, loadInputs } from '../../electron/cli/demoCase';
import { ModelPreview } from '../../renderer/src/components/documents/ModelPreview';
import { parseAgencyProfile } from '../../shared/domain/agency';
import { buildAuditOpinion } from '../../shared/documents/auditOpinion';
import { buildBackPaySchedule } from '../../shared/documents/backPaySchedule';
import type { CaseFacts } from '../../shared/documents/caseFacts';
import { buildInterviewRecord } from '../../shared/documents/interviewRecord';
import { inlineText, type Block, type DocumentModel } from '../../shared/documents/model';
import { buildProofOfService } from '../../shared/documents/proofOfService';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';
import { formatFenGrouped } from '../../shared/rules/money';
import type { ComputeResult } from '../../shared/domain/result';

const html = (model: DocumentModel, draft: boolean) => renderToStaticMarkup(createElement(ModelPreview, { model, draft }));
const textOf = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, '');

/** Every text the model prints, as the PDF renderer reads it. */
function modelTexts(m: DocumentModel): string[] {
  const out = [m.title, ...(m.number ? [m.number] : []), ...(m.issuer ? [m.issuer] : [])];
  const visit = (b: Block) => {
    switch (b.kind) {
      case 'addressee':
        out.push(b.text);
        break;
      case 'paragraph':
        out.push(inlineText(b.content));
        break;
      case 'heading':
        out.push(b.label + b.text, ...(b.content ? [inlineText(b.content)] : []));
        break;
      case 'list':
        b.items.forEach((i) => out.push(inlineText(i)));
        break;
      case 'table':
        for (const r of [...b.header, ...b.rows, ...(b.footer ?? [])]) for (const c of r) out.push(inlineText(c.content));
        if (b.pageTotals) {
          out.push(b.pageTotals.label);
          for (const sums of b.pageTotals.sums) out.push(...Object.values(sums));
        }
        break;
      case 'signature':
        out.push(b.agency, b.date);
        break;
      case 'received':
        if (b.title) out.push(b.title);
        for (const line of b.lines) for (const f of line) out.push(f.label, ...(f.value ? [f.value] : []));
        break;
      case 'attachments':
        out.push(...b.items);
        break;
      case 'notes':
        out.push(b.label, ...b.items.map(inlineText));
        break;
      default:
        break;
    }
  };
  m.blocks.forEach(visit);
  return out.map((t) => t.replace(/\s+/g, '')).filter((t) => t !== '');
}

describe('ModelPreview draws what the PDF prints', () => {
  let facts: CaseFacts;
  let result: ComputeResult;
  let opinionDate: string;
  beforeAll(async () => {
    const agency = parseAgencyProfile(JSON.parse(await readFile(path.join(DEMO_DIR, '..', 'agency-profile.default.json'), 'utf8')));
    const c = await loadDemoCase();
    const inputs = await loadInputs(c.files);
    opinionDate = c.dates.opinionIssue;
    result = computeCase(c, inputs, opinionDate);
    facts = { agency, caseNumber: c.caseNumber, employer: c.employer, periodFrom: c.periodFrom, periodTo: c.periodTo, auditors: c.auditors };
  }, 60_000);

  it('the audit opinion: every text, the totals in figures and capitals; 草稿 only on the draft', () => {
    const model = buildAuditOpinion({ facts, number: '示医保稽意〔2025〕1号', result, onsiteFrom: '2025-03-10', onsiteTo: '2025-03-12', issueDate: opinionDate });
    const issued = textOf(html(model, false));
    for (const t of modelTexts(model)) expect(issued).toContain(t);
    expect(issued).toContain(formatFenGrouped(result.totals.totalFen));
    expect(issued).toContain(toChineseCapitals(result.totals.totalFen));
    expect(issued).not.toContain('草稿');
    const draft = html(model, true);
    expect(draft).toContain('dp-watermark');
    expect(draft).toContain('dp-seal');
    expect(textOf(draft)).toContain('草稿');
  });

  it('the back-pay schedule: landscape, page subtotals cut as the PDF cuts them, the totals row', () => {
    const model = buildBackPaySchedule({ facts, result, annexTo: { name: '稽核意见书', number: '示医保稽意〔2025〕1号' } });
    const markup = html(model, false);
    const text = textOf(markup);
    for (const t of modelTexts(model)) expect(text).toContain(t);
    expect(markup).toContain('dp-landscape');
    const table = model.blocks.find((b) => b.kind === 'table' && b.pageTotals);
    expect(table && table.kind === 'table' && table.pageTotals!.sums.length).toBe((markup.match(/dp-subtotal/g) ?? []).length);
    expect(text).toContain(formatFenGrouped(result.totals.backPayFen));
  });

  it('forms: the proof of service with its blanks, the interview record with a page per explicit break', () => {
    const proof = buildProofOfService({ facts, number: '示医保稽送〔2025〕1号', served: [{ name: '稽核通知书', number: '示医保稽通〔2025〕1号' }], place: '示例市高新区科技路88号', manner: '直接送达', servers: ['王建国', '李晓梅'] });
    const text = textOf(html(proof, false));
    for (const t of modelTexts(proof)) expect(text).toContain(t);
    const record = buildInterviewRecord({ facts, interviewee: { name: '陈静', position: '财务部经理' }, minPages: 2 });
    const markup = html(record, false);
    for (const t of modelTexts(record)) expect(textOf(markup)).toContain(t);
    const breaks = record.blocks.filter((b) => b.kind === 'page-break').length;
    expect((markup.match(/class="dp-page[ "]/g) ?? []).length).toBe(breaks + 1);
    expect(breaks).toBeGreaterThan(0);
  });
});
