// First open seeds the shipped example plans and the default agency profile exactly once (an
// edited profile survives reopening); case and document numbers come from sequences that a
// rolled-back transaction does not advance and that refuse a number already taken.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { seedDatabase } from '../../electron/services/db/seed';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { AGENCY_PROFILE_KEY, getSetting, setSetting } from '../../electron/services/db/repos/settings';
import { insertIssuedDocument, peekNextSeq, type NewIssuedDocument } from '../../electron/services/db/repos/documents';
import { insertCase } from '../../electron/services/db/repos/cases';
import { openTestDatabase, createCase, META, openSeeded, RESOURCES, tempDir } from './db-helpers';

describe('seeding and numbering', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    tmp = tempDir();
    db = openSeeded(tmp.dir);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('seeds the example plans and the agency profile once, keeping the user’s edits', () => {
    const plans = listRatePlans(db);
    expect(plans.map((p) => p.name).sort()).toEqual(expect.arrayContaining(['示例地区 2024']));
    expect(plans.every((p) => p.example)).toBe(true);
    const profile = getSetting<{ name: string }>(db, AGENCY_PROFILE_KEY)!;
    expect(profile.name).toBe('示例市医疗保障局');
    setSetting(db, AGENCY_PROFILE_KEY, { ...profile, name: '某市医疗保障局' }, META);
    db.close();
    db = openTestDatabase(path.join(tmp.dir, 'jihe.sqlite'));
    expect(seedDatabase(db, RESOURCES, META)).toEqual({ plans: 0, agencyProfile: false });
    expect(listRatePlans(db)).toHaveLength(plans.length);
    expect(getSetting<{ name: string }>(db, AGENCY_PROFILE_KEY)!.name).toBe('某市医疗保障局');
  });

  it('numbers cases per year and never reuses a number after a rollback', () => {
    const { employerId, ratePlanId } = createCase(db); // 稽〔2026〕1号
    const input = { employerId, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId, source: 'lead' as const };
    expect(() =>
      db.transaction(() => {
        insertCase(db, input, 2026, META);
        throw new Error('后续步骤失败');
      })(),
    ).toThrow('后续步骤失败');
    expect(db.transaction(() => insertCase(db, input, 2026, META))().number).toBe('稽〔2026〕2号');
    expect(db.transaction(() => insertCase(db, input, 2027, META))().number).toBe('稽〔2027〕1号');
  });

  it('takes a document number only when the document is stored', () => {
    const { caseId } = createCase(db);
    const doc = (seq: number): NewIssuedDocument => ({
      caseId,
      type: 'audit-notice',
      title: '稽核通知书',
      year: 2026,
      seq,
      number: `示医保稽通〔2026〕${seq}号`,
      model: { kind: 'audit-notice' },
      pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
      sha256: 'e'.repeat(64),
      pages: 1,
      fonts: { body: 'Noto Serif SC' },
    });
    expect(peekNextSeq(db, 'audit-notice', 2026)).toBe(1);
    expect(() =>
      db.transaction(() => {
        insertIssuedDocument(db, doc(1), META);
        throw new Error('审计日志写入失败');
      })(),
    ).toThrow();
    expect(peekNextSeq(db, 'audit-notice', 2026)).toBe(1);
    expect(db.transaction(() => insertIssuedDocument(db, doc(1), META))().number).toBe('示医保稽通〔2026〕1号');
    // A document built with a number someone else has taken meanwhile is refused.
    expect(() => db.transaction(() => insertIssuedDocument(db, doc(1), META))()).toThrow('文号 示医保稽通〔2026〕1号 已被占用，请重新生成');
    expect(peekNextSeq(db, 'audit-notice', 2026)).toBe(2);
    expect(peekNextSeq(db, 'audit-notice', 2027)).toBe(1);
  });
});
