// Migration 003 on a database at version 2 holding a case with an issued audit notice: the notice
// keeps its number, model, PDF and hash; the new columns and case_facts appear; the rules hold
// in SQL — drafts carry no number, issued documents stay frozen, a correction cites an issued
// document of the same case and type, once, with a reason; sequences only move forward; case
// facts of an archived case are read-only.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { migrate, userVersion } from '../../electron/services/db/migrate';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { seedDatabase } from '../../electron/services/db/seed';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { insertIssuedDocument } from '../../electron/services/db/repos/documents';
import { openTestDatabase, META, RESOURCES, tableCounts, tempDir, insertCaseAtOldVersion } from './db-helpers';

describe('migration 003_documents_lifecycle', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  let noticeId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-m003-');
    db = openTestDatabase(path.join(tmp.dir, 'v2.sqlite'), { migrate: false });
    migrate(db, MIGRATIONS, 2);
    seedDatabase(db, RESOURCES, META);
    const employer = insertEmployer(db, { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, META);
    const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024')!;
    caseId = db.transaction(() => insertCaseAtOldVersion(db, { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }, 2026, META))().id;
    noticeId = db.transaction(() =>
      insertIssuedDocument(
        db,
        { caseId, type: 'audit-notice', title: '稽核通知书', year: 2026, seq: 1, number: '示医保稽通〔2026〕1号', model: { title: '稽核通知书', blocks: [] }, pdf: new Uint8Array([37, 80, 68, 70]), sha256: 'c'.repeat(64), pages: 1, fonts: null },
        META,
      ),
    )().id;
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const insertDraft = (extra: Record<string, unknown> = {}) => {
    const cols = { case_id: caseId, type: 'audit-notice', title: '稽核通知书', status: 'draft', model: '{}', pdf: Buffer.from('%PDF'), sha256: 'd'.repeat(64), pages: 1, created_at: META.at, created_by: 'a', ...extra };
    const names = Object.keys(cols);
    return Number(db.prepare(`INSERT INTO documents (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(cols)).lastInsertRowid);
  };

  it('takes a version-2 database with an issued document to version 3, keeping it as it was', () => {
    const before = db.prepare('SELECT * FROM documents').all();
    const counts = tableCounts(db);
    expect(migrate(db, MIGRATIONS, 3)).toBe(3);
    expect(userVersion(db)).toBe(3);
    const after = tableCounts(db);
    for (const [t, n] of Object.entries(counts)) expect(after[t]).toBe(n);
    expect(after.case_facts).toBe(0);
    const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(noticeId) as Record<string, unknown>;
    expect(row).toMatchObject({ ...(before[0] as object), fields: null, as_of: null, issued_at: null, supersedes_id: null, correction_reason: null, xlsx: null });
    const cols = (db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['fields', 'as_of', 'issued_at', 'issued_by', 'updated_at', 'supersedes_id', 'correction_reason', 'xlsx']));
    expect(migrate(db, MIGRATIONS, 3)).toBe(3);
  });

  it('enforces the document life in SQL', () => {
    migrate(db, MIGRATIONS, 3);
    // the issued notice from before the migration is still frozen
    expect(() => db.prepare("UPDATE documents SET fields = '{}' WHERE id = ?").run(noticeId)).toThrow('已签发的文书不能修改');
    expect(() => db.prepare('DELETE FROM documents WHERE id = ?').run(noticeId)).toThrow('已签发的文书不能删除');

    expect(() => insertDraft({ number: '示医保稽通〔2026〕2号' })).toThrow('草稿文书没有文号');
    const draft = insertDraft();
    expect(() => db.prepare('UPDATE documents SET year = 2026, seq = 2 WHERE id = ?').run(draft)).toThrow('草稿文书没有文号');
    expect(() => db.prepare("UPDATE documents SET type = 'audit-opinion' WHERE id = ?").run(draft)).toThrow('文书的案件、类型和更正对象不能修改');
    expect(() => db.prepare("UPDATE documents SET status = 'issued', year = 2026, seq = 2, number = 'n' WHERE id = ?").run(draft)).toThrow('签发文书必须记录签发人和签发时间');
    db.prepare("UPDATE documents SET fields = '{\"issueDate\":\"2026-07-01\"}', as_of = '2026-07-01' WHERE id = ?").run(draft);
    expect(() => db.prepare("UPDATE documents SET as_of = '2026-7-1' WHERE id = ?").run(draft)).toThrow(/CHECK constraint/);
    db.prepare('DELETE FROM documents WHERE id = ?').run(draft); // a draft may be thrown away

    // corrections: of an issued document of the same case and type, with a reason, once
    expect(() => insertDraft({ supersedes_id: noticeId })).toThrow('更正文书必须写明更正原因');
    expect(() => insertDraft({ supersedes_id: noticeId, type: 'audit-opinion', correction_reason: 'r' })).toThrow('更正文书只能引用本案件同类型的已签发文书');
    const other = insertDraft();
    expect(() => insertDraft({ supersedes_id: other, correction_reason: 'r' })).toThrow('更正文书只能引用本案件同类型的已签发文书');
    insertDraft({ supersedes_id: noticeId, correction_reason: '地点有误' });
    expect(() => insertDraft({ supersedes_id: noticeId, correction_reason: '再次更正' })).toThrow(/UNIQUE constraint/);

    // sequences only move forward and are never removed
    expect(() => db.prepare("UPDATE document_sequences SET last_seq = 0 WHERE type = 'audit-notice'").run()).toThrow('文号序列只能递增');
    expect(() => db.prepare("DELETE FROM document_sequences WHERE type = 'audit-notice'").run()).toThrow('文号序列不能删除');
    db.prepare("UPDATE document_sequences SET last_seq = 2 WHERE type = 'audit-notice'").run();

    // case facts: one JSON object per case, read-only once archived
    const setFacts = db.prepare('INSERT INTO case_facts (case_id, facts, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET facts = excluded.facts');
    expect(() => setFacts.run(caseId, '[1]', META.at, 'a')).toThrow(/CHECK constraint/);
    setFacts.run(caseId, '{"auditors":[]}', META.at, 'a');
    db.prepare("DELETE FROM documents WHERE status = 'draft'").run();
    db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(caseId);
    expect(() => setFacts.run(caseId, '{"place":"x"}', META.at, 'a')).toThrow('已归档的稽核案件不能修改');
  });
});
