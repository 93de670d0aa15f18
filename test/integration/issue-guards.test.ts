// Issue 9, items 2 and 3, through backend.invoke on a real database with realistic imported files:
// the seeded example agency profile says which of its fields are examples; until the bureau has
// replaced them a document is only a draft (issuing is refused in Chinese and consumes no number);
// editing a field takes it off the list; once the profile is the bureau's own the document is
// issued as PDF/A-2b without any example text. A document whose amounts include insurance types
// outside the agency's remit is refused too.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFactsView, DocumentKindStatus, DocumentListItem } from '../../shared/api/dto/documents';
import type { AgencyProfile } from '../../shared/domain/agency';
import { AGENCY_PROFILE_KEY, getSetting, setSetting } from '../../electron/services/db/repos/settings';
import { fillAgencyProfile, META } from './db-helpers';
import { createTeam, fail, importedCase, login, ok, useBackend } from './judgments-helpers';

const FACTS = {
  auditors: [
    { name: '王建国', credentialNo: '闽医保稽字第000123号' },
    { name: '李晓梅', credentialNo: '闽医保稽字第000456号' },
  ],
  onsiteFrom: '2026-07-06',
  onsiteTo: '2026-07-08',
  onsiteTime: '上午9:00',
  place: '被稽核单位财务部会议室',
  contactName: '王建国',
  contactPhone: '0591-83210000',
};

/** What a bureau types into 单位信息 at first run. */
const OWN = {
  name: '福州市医疗保障局',
  address: '福州市鼓楼区五四路158号',
  postcode: '350003',
  phone: '0591-87110000',
  contact: '基金稽核科',
  sealText: '福州市医疗保障局稽核专用章',
  numberPrefixes: {
    'audit-notice': '榕医保稽通',
    'service-proof': '榕医保稽送',
    'findings-notice': '榕医保稽告',
    'audit-opinion': '榕医保稽意',
    'rectification-notice': '榕医保稽改',
    'penalty-referral': '榕医保稽罚',
    'no-violation-notice': '榕医保稽结',
  },
};

describe('issuing is refused while the agency profile holds example values or the amounts leave the remit', () => {
  const env = useBackend('jihe-guards-', { sampleProfile: true });
  const b = () => env.backend;
  const pdf = async (documentId: number) => {
    const { data } = ok<{ data: Uint8Array }>(await b().invoke('documents.pdf', { documentId }));
    const file = path.join(env.dir, `doc-${documentId}.pdf`);
    writeFileSync(file, data);
    return {
      text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
      meta: execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }),
    };
  };
  const seqOf = (type: string) => (b().db.prepare('SELECT last_seq FROM document_sequences WHERE type = ? AND year = 2026').get(type) as { last_seq: number } | undefined)?.last_seq ?? 0;

  async function preparedCase() {
    await createTeam(b());
    await login(b(), 'zhangming');
    const c = await importedCase(b());
    ok<CaseFactsView>(await b().invoke('caseFacts.set', { caseId: c.id, facts: FACTS }));
    return c;
  }

  it('first run: example values keep documents drafts until every one is replaced; then the issued PDF/A has none', async () => {
    const c = await preparedCase();
    const seeded = ok<AgencyProfile>(await b().invoke('agency.get', {}));
    expect(seeded.sampleFields).toEqual(['name', 'numberPrefixes', 'address', 'postcode', 'phone', 'contact', 'sealText']);

    const kinds = ok<DocumentKindStatus[]>(await b().invoke('documents.kinds', { caseId: c.id }));
    const noticeKind = kinds.find((k) => k.kind === 'audit-notice')!;
    expect(noticeKind.available).toBe(true); // a draft can be made …
    expect(noticeKind.issueBlocker).toMatch(/^机关信息中的机关名称、文号前缀、机关地址.*仍是示例内容，不能签发文书/); // … and the form says why it cannot be issued
    // prefilled from the case information; the date of service is left blank for the server
    const draft = ok<DocumentListItem>(await b().invoke('documents.draft', { caseId: c.id, kind: 'audit-notice', fields: {} }));
    const draftText = (await pdf(draft.id)).text;
    expect(draftText).toContain('被稽核单位财务部会议室');
    expect(draftText).toContain('2026年7月6日');
    expect(draftText).toContain('0591-83210000');

    const refused = fail(await b().invoke('documents.issue', { documentId: draft.id }));
    expect(refused.code).toBe('not-ready');
    expect(refused.message).toMatch(/仍是示例内容，不能签发文书。本文书含示例内容：示例市医疗保障局/);
    expect(refused.message).toContain('系统设置 → 单位信息');
    expect(seqOf('audit-notice')).toBe(0); // no number consumed
    // the older one-step notice is refused the same way
    const legacy = fail(await b().invoke('documents.generateNotice', { caseId: c.id, issueDate: '2026-07-01', onsiteDate: '2026-07-06', onsiteTime: '上午9:00', place: '财务部', auditors: FACTS.auditors, contactName: '王建国', contactPhone: '0591-83210000' }));
    expect(legacy.message).toMatch(/仍是示例内容/);

    // the section head fills in the profile; a partial edit leaves the rest marked
    await login(b(), 'wangke');
    const partial = ok<AgencyProfile>(await b().invoke('agency.update', { profile: { ...seeded, name: OWN.name, sampleFields: [] } }));
    expect(partial.sampleFields).toEqual(['numberPrefixes', 'address', 'postcode', 'phone', 'contact', 'sealText']); // a form cannot clear the marker by itself
    const filled = ok<AgencyProfile>(await b().invoke('agency.update', { profile: { ...partial, ...OWN, numberPrefixes: { ...OWN.numberPrefixes } } }));
    expect(filled.sampleFields).toBeUndefined();

    await login(b(), 'zhangming');
    // the old draft still prints the example agency: issuing it would not be what was previewed
    expect(fail(await b().invoke('documents.issue', { documentId: draft.id })).message).toMatch(/重新生成草稿/);
    const again = ok<DocumentListItem>(await b().invoke('documents.draft', { caseId: c.id, kind: 'audit-notice', documentId: draft.id, fields: {} }));
    const issued = ok<DocumentListItem>(await b().invoke('documents.issue', { documentId: again.id }));
    expect(issued.number).toBe('榕医保稽通〔2026〕1号');
    const out = await pdf(issued.id);
    expect(out.text).toContain('福州市医疗保障局');
    expect(out.text).not.toMatch(/示例|（示例）|示医保/);
    expect(out.meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(out.meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
  });

  it('a document whose amounts include insurance types outside the remit is refused', async () => {
    const c = await preparedCase();
    // the profile is the bureau's own, a medical-security bureau: medical and maternity only
    fillAgencyProfile(b().db, ['medical', 'maternity']);
    const d = ok<DocumentListItem>(await b().invoke('documents.draft', { caseId: c.id, kind: 'findings-notice', fields: {} }));
    const refused = fail(await b().invoke('documents.issue', { documentId: d.id }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/^稽核事实确认书的金额含本机关稽核范围以外的险种（基本养老保险、失业保险|^稽核事实确认书的金额含本机关稽核范围以外的险种（[^）]*养老/);
    expect(refused.message).toContain('不能签发');
    expect(seqOf('findings-notice')).toBe(0);
    // a remit that covers the plan's types lets the same draft be issued
    const profile = getSetting<AgencyProfile>(b().db, AGENCY_PROFILE_KEY)!;
    setSetting(b().db, AGENCY_PROFILE_KEY, { ...profile, remit: ['pension', 'medical', 'maternity', 'unemployment'] }, META);
    expect(ok<DocumentListItem>(await b().invoke('documents.issue', { documentId: d.id })).number).toBe('示医保稽告〔2026〕1号');
  });
});
