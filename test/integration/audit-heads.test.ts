// The signed head of each audit-trail chain (issue 8): with the append-only triggers dropped, an
// attacker who rewrites an entry and re-hashes the whole chain gets a chain that links up — and
// `trail.verify` still says it was tampered with, as it does when the last entry is cut off, since
// neither matches the count and head the workstation signed at the last append. The signed head
// row itself cannot be forged without the key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { entryHash, GENESIS_HASH, listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import { canonicalJson } from '../../electron/services/audit/canonicalJson';
import { storedChainHead } from '../../electron/services/audit/checkpoint';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import { ok } from './judgments-helpers';
import { tempDir } from './db-helpers';

type Verify = { ok: boolean; entries: number; message: string };

describe('signed audit-trail heads', () => {
  let tmp: ReturnType<typeof tempDir>;
  let b: Backend;
  let c: Case;
  beforeEach(async () => {
    tmp = tempDir('jihe-heads-');
    b = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '张明', now: () => new Date('2026-07-01T02:00:00Z') });
    const e = ok<Employer>(await b.invoke('employers.create', { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }));
    const plan = ok<RatePlanSummary[]>(await b.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    c = ok<Case>(await b.invoke('cases.create', { employerId: e.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }));
    for (const amount of ['100.00', '200.00']) ok(await b.invoke('ledger.set', { caseId: c.id, month: '2024-01', amount }));
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  const dropTriggers = () => b.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_chain;');

  it('verifies as written, with a signed head counting every entry', async () => {
    const trail = listAudit(b.db, c.id);
    expect(trail.length).toBeGreaterThanOrEqual(3);
    expect(storedChainHead(b.db, c.id)).toMatchObject({ entries: trail.length, head: trail.at(-1)!.hash });
    expect(ok<Verify>(await b.invoke('trail.verify', { caseId: c.id }))).toMatchObject({ ok: true, entries: trail.length });
  });

  it('a chain rewritten and re-hashed from the first entry on fails verify', async () => {
    dropTriggers();
    const trail = listAudit(b.db, c.id);
    let prev = GENESIS_HASH;
    const update = b.db.prepare('UPDATE audit_log SET actor = ?, detail = ?, prev_hash = ?, hash = ? WHERE id = ?');
    for (const e of trail) {
      const rewritten = { ...e, actor: '李四', detail: e.action === 'ledger.set' ? { ...e.detail, amount: '1.00' } : e.detail };
      const hash = entryHash(prev, rewritten);
      update.run(rewritten.actor, canonicalJson(rewritten.detail), prev, hash, e.id);
      prev = hash;
    }
    // the rewritten chain links up on its own …
    expect(verifyAuditChain(listAudit(b.db, c.id)).ok).toBe(true);
    // … but not with the head this workstation signed
    const v = ok<Verify>(await b.invoke('trail.verify', { caseId: c.id }));
    expect(v.ok).toBe(false);
    expect(v.message).toContain('重新计算了哈希');
  });

  it('a cut tail fails verify, and stays visible after the next append', async () => {
    dropTriggers();
    const trail = listAudit(b.db, c.id);
    b.db.prepare('DELETE FROM audit_log WHERE id = ?').run(trail.at(-1)!.id);
    expect(verifyAuditChain(listAudit(b.db, c.id)).ok).toBe(true);
    const v = ok<Verify>(await b.invoke('trail.verify', { caseId: c.id }));
    expect(v).toMatchObject({ ok: false, entries: trail.length - 1 });
    expect(v.message).toContain('末尾 1 条记录被删除');
    // the program appending again does not paper over the cut (the count goes on from the signed one)
    b.db.exec(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;`);
    ok(await b.invoke('ledger.set', { caseId: c.id, month: '2024-02', amount: '300.00' }));
    expect(ok<Verify>(await b.invoke('trail.verify', { caseId: c.id })).ok).toBe(false);
  });

  it('a forged head row (count and hash set by hand) fails on its signature; a deleted one is noticed', async () => {
    dropTriggers();
    const trail = listAudit(b.db, c.id);
    b.db.prepare('DELETE FROM audit_log WHERE id = ?').run(trail.at(-1)!.id);
    b.db.prepare('UPDATE audit_heads SET entries = ?, head = ? WHERE chain = ?').run(trail.length - 1, trail.at(-2)!.hash, `case:${c.id}`);
    expect(ok<Verify>(await b.invoke('trail.verify', { caseId: c.id })).message).toContain('签名无效');
    b.db.exec('DROP TRIGGER audit_heads_no_delete');
    b.db.prepare('DELETE FROM audit_heads WHERE chain = ?').run(`case:${c.id}`);
    expect(ok<Verify>(await b.invoke('trail.verify', { caseId: c.id })).message).toContain('缺少本机签名的链头');
  });
});
