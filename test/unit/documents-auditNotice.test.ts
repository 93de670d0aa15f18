import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAuditNotice, chineseWeekday, formatPeriod, type AuditNoticeParams } from '../../shared/documents/auditNotice';
import { inlineText, type Block, type DocumentModel } from '../../shared/documents/model';
import { AgencyProfileSchema, numberPrefixFor, parseAgencyProfile } from '../../shared/domain/agency';

const profile = parseAgencyProfile(JSON.parse(readFileSync(new URL('../../resources/agency-profile.default.json', import.meta.url), 'utf8')));

function params(over: Partial<AuditNoticeParams> = {}): AuditNoticeParams {
  return {
    agency: profile,
    number: '示医保稽通〔2026〕12号',
    employer: { name: '示例市青禾智能装备制造有限公司', creditCode: '91110000MA01ABCD2X' },
    periodFrom: '2024-01',
    periodTo: '2024-12',
    onsiteDate: '2026-07-06',
    onsiteTime: '上午9:00',
    place: '你单位财务部会议室',
    auditors: [
      { name: '王建国', credentialNo: '示医保稽字第000123号' },
      { name: '李晓梅', credentialNo: '示医保稽字第000456号' },
    ],
    contactName: '王建国',
    contactPhone: '0000-12345678',
    issueDate: '2026-07-01',
    ...over,
  };
}

/** Every text the model would print, in order. */
function allText(m: DocumentModel): string {
  const text = (b: Block): string => {
    switch (b.kind) {
      case 'addressee':
        return b.text;
      case 'paragraph':
        return inlineText(b.content);
      case 'heading':
        return b.label + b.text + inlineText(b.content ?? []);
      case 'list':
        return b.items.map(inlineText).join('\n');
      case 'table':
        return [...b.header, ...b.rows].map((r) => r.map((c) => inlineText(c.content)).join('|')).join('\n');
      case 'signature':
        return `${b.agency}\n${b.date}`;
      default:
        return '';
    }
  };
  return [m.issuer, m.title, m.number, ...m.blocks.map(text)].join('\n');
}

describe('the agency profile', () => {
  it('loads the shipped example and labels it as an example', () => {
    expect(profile.name).toBe('示例市医疗保障局');
    expect(numberPrefixFor(profile, 'audit-notice')).toBe('示医保稽通');
    expect(profile.noticeDays).toBe(3);
    expect(profile.address).toContain('示例');
  });

  it('defaults the notice period to 3 days and says what is wrong in Chinese', () => {
    const { noticeDays: _omit, ...rest } = profile;
    expect(AgencyProfileSchema.parse(rest).noticeDays).toBe(3);
    expect(() => parseAgencyProfile({ ...profile, postcode: '1000' }, 'agency.json')).toThrow(/agency\.json有误：postcode：邮政编码应为6位数字/);
    expect(() => parseAgencyProfile({ ...profile, numberPrefixes: { 'audit-notice': '示〔通〕' } })).toThrow('括号');
    expect(() => numberPrefixFor({ ...profile, numberPrefixes: {} }, 'audit-notice')).toThrow('文号前缀');
  });
});

describe('buildAuditNotice', () => {
  it('contains everything DOMAIN.md §8 lists for the audit notice', () => {
    const m = buildAuditNotice(params());
    const t = allText(m);
    expect(m.kind).toBe('audit-notice');
    expect(m.title).toBe('稽核通知书');
    expect(m.number).toBe('示医保稽通〔2026〕12号');
    expect(m.blocks[0]).toEqual({ kind: 'addressee', text: '示例市青禾智能装备制造有限公司：' });
    expect(t).toContain('91110000MA01ABCD2X');
    expect(t).toContain('根据《中华人民共和国社会保险法》《社会保险费征缴暂行条例》第十八条和《社会保险稽核办法》的规定');
    expect(t).toContain('2024年1月至2024年12月');
    expect(t).toMatch(/参保人数.*缴费基数.*缴纳情况/s);
    expect(t).toContain('2026年7月6日（星期一）上午9:00');
    expect(t).toContain('你单位财务部会议室');
    for (const material of ['工资表', '职工花名册', '劳动合同', '会计账簿', '记账凭证', '财务报表', '个人所得税工资薪金']) expect(t).toContain(material);
    expect(t).toContain('王建国|示医保稽字第000123号');
    expect(t).toContain('李晓梅|示医保稽字第000456号');
    expect(t).toContain('联系人：王建国');
    expect(t).toContain('0000-12345678');
    expect(t).toContain('回避');
    expect(t).toMatch(/如实提供.*不得拒绝、阻挠稽核/s);
    const sig = m.blocks.find((b) => b.kind === 'signature');
    expect(sig).toEqual({ kind: 'signature', agency: '示例市医疗保障局', date: '2026年7月1日', sealText: profile.sealText });
    expect(m.blocks[m.blocks.length - 1]?.kind).toBe('signature');
  });

  it("uses the agency's own legal basis and a custom list of materials", () => {
    const agency = { ...profile, legalBasis: { 'audit-notice': ['《中华人民共和国社会保险法》第五十八条', '《示例市社会保险稽核规程》'] } };
    const t = allText(buildAuditNotice(params({ agency, materials: ['考勤记录', '工资表'] })));
    expect(t).toContain('根据《中华人民共和国社会保险法》第五十八条和《示例市社会保险稽核规程》的规定');
    expect(t).toContain('考勤记录；');
    expect(t).toContain('工资表。');
    expect(t).not.toContain('职工花名册');
  });

  it('writes a single-month period without 至', () => {
    expect(formatPeriod('2025-03', '2025-03')).toBe('2025年3月');
    expect(formatPeriod('2023-11', '2024-02')).toBe('2023年11月至2024年2月');
  });

  it('names the weekday of the on-site date', () => {
    expect(chineseWeekday('2026-07-06')).toBe('星期一');
    expect(chineseWeekday('2026-07-05')).toBe('星期日');
    expect(chineseWeekday('1970-01-01')).toBe('星期四');
    expect(chineseWeekday('1969-12-31')).toBe('星期三');
  });
});

describe('audit notice validation', () => {
  it('refuses a single auditor', () => {
    expect(() => buildAuditNotice(params({ auditors: [{ name: '王建国', credentialNo: '示医保稽字第000123号' }] }))).toThrow(
      '实地稽核至少需要两名稽核人员，当前只有1名',
    );
  });

  it('refuses an on-site date less than the notice days after the issue date', () => {
    expect(() => buildAuditNotice(params({ issueDate: '2026-07-01', onsiteDate: '2026-07-03' }))).toThrow(
      /仅2天，稽核通知书应至少提前3天送达，实地稽核最早可安排在2026年7月4日/,
    );
    expect(() => buildAuditNotice(params({ issueDate: '2026-07-01', onsiteDate: '2026-06-30' }))).toThrow('仅-1天');
    // exactly the notice period is enough
    expect(() => buildAuditNotice(params({ issueDate: '2026-07-01', onsiteDate: '2026-07-04' }))).not.toThrow();
  });

  it("follows the agency's own notice period", () => {
    const agency = { ...profile, noticeDays: 5 };
    expect(() => buildAuditNotice(params({ agency, issueDate: '2026-07-01', onsiteDate: '2026-07-05' }))).toThrow('应至少提前5天');
    expect(() => buildAuditNotice(params({ agency, issueDate: '2026-07-01', onsiteDate: '2026-07-06' }))).not.toThrow();
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      buildAuditNotice(
        params({
          periodFrom: '2024-12',
          periodTo: '2024-01',
          auditors: [
            { name: '王建国', credentialNo: 'X1' },
            { name: '李晓梅', credentialNo: 'X1' },
            { name: '', credentialNo: '' },
          ],
          place: ' ',
        }),
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^稽核通知书无法生成：/);
    expect(message).toContain('截止月（2024-01）早于起始月（2024-12）');
    expect(message).toContain('执法证件号重复');
    expect(message).toContain('第3名稽核人员姓名为空');
    expect(message).toContain('实地稽核地点不能为空');
  });
});
