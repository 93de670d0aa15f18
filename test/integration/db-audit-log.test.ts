// The audit log is append-only in the database itself, and its per-case SHA-256 chain detects
// any entry changed outside the program.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { appendAudit, GENESIS_HASH, listAudit, verifyAuditChain, entryHash } from '../../electron/services/audit/auditLog';
import { createCase, META, openSeeded, tempDir } from './db-helpers';

describe('audit log', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir();
    db = openSeeded(tmp.dir);
    caseId = createCase(db).caseId;
    appendAudit(db, { ...META, caseId, action: 'case.create', detail: { number: '稽〔2026〕1号' } });
    appendAudit(db, { ...META, caseId, action: 'import.store', detail: { fileName: '工资表.xlsx', rows: 288 } });
    appendAudit(db, { ...META, caseId: null, action: 'employer.create', detail: { name: '另一单位' } });
    appendAudit(db, { ...META, caseId, action: 'document.issue', detail: { number: '示医保稽通〔2026〕1号' } });
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('chains each case entry to the previous one of the same case', () => {
    const entries = listAudit(db, caseId);
    expect(entries.map((e) => e.action)).toEqual(['case.create', 'import.store', 'document.issue']);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(entries[1]!.hash).toBe(entryHash(entries[0]!.hash, entries[1]!));
    const check = verifyAuditChain(entries);
    expect(check).toEqual({ ok: true, entries: 3, head: entries[2]!.hash });
    // The workstation's own chain (seed entries + employer) is verified separately.
    expect(verifyAuditChain(listAudit(db, null)).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE in SQL', () => {
    expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE case_id = ?").run(caseId)).toThrow(/审计日志只能追加，不能修改/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE case_id = ?').run(caseId)).toThrow(/审计日志只能追加，不能删除/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/不能删除/);
    expect(listAudit(db, caseId)).toHaveLength(3);
  });

  it('refuses an entry that does not link to the head of its chain', () => {
    const insert = db.prepare('INSERT INTO audit_log (at, actor, case_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    expect(() => insert.run(META.at, 'x', caseId, 'forged', '{}', GENESIS_HASH, 'f'.repeat(64))).toThrow(/链断裂/);
  });

  it('detects an entry whose content no longer matches its hash', () => {
    const entries = listAudit(db, caseId);
    const tampered = entries.map((e, i) => (i === 1 ? { ...e, detail: { ...e.detail, rows: 287 } } : e));
    expect(verifyAuditChain(tampered)).toEqual({ ok: false, entryId: entries[1]!.id, reason: expect.stringMatching(/内容与其哈希不符/) });
    const dropped = entries.filter((_, i) => i !== 1);
    expect(verifyAuditChain(dropped)).toMatchObject({ ok: false, entryId: entries[2]!.id });
  });
});
