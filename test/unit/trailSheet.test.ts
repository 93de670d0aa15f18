// The dossier's readable trail speaks Chinese in the bureau's local time: document kinds and
// exemption reasons by their names, dates as 2025年3月24日, no API method names.
import { describe, expect, it } from 'vitest';
import { describeDetail, trailTime } from '../../shared/dossier/trailSheet';

describe('trail sheet', () => {
  it('writes times in 北京时间 and the date style of the documents', () => {
    expect(trailTime('2025-03-23T17:30:05.123Z')).toBe('2025年3月24日 01:30:05');
  });

  it('names kinds and reasons in Chinese and leaves out ids and the API method', () => {
    const text = describeDetail({ documentId: 4, type: 'audit-notice', number: '示医保稽通〔2025〕1号', asOf: '2025-03-24' });
    expect(text).toBe('文书类型：稽核通知书；文号：示医保稽通〔2025〕1号；计算截止：2025年3月24日');
    const ex = describeDetail({ exemptionId: 2, reason: 'student-intern', months: ['2024-01'], via: 'exemptions.add' });
    expect(ex).toContain('实习学生');
    expect(ex).not.toMatch(/student-intern|exemptions\.add|via/);
  });
});
