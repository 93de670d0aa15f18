// The auditor's judgments through backend.invoke on a real database: exemptions change the amounts
// by exactly the exempted rows (to the fen) and a revoke restores them; finding judgments; ledger
// totals against the payroll; the what-if leaves the case as it was; an archived case refuses
// every new judgment, also when written in SQL.
import { describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import type { ComputeResultDto, ExemptionRecord, FindingJudgment, LedgerMonth, ResultRow } from '../../shared/api/dto';
import { fenFromString, sumFen } from '../../shared/rules/money';
import { tableCounts } from './db-helpers';
import { createTeam, employerData, fail, importedCase, login, MONTHS, ok, useBackend } from './judgments-helpers';

const AS_OF = '2026-06-30';
const fen = (money: string) => fenFromString(money);

/** Sums of a set of rows, in fen, per total the result reports. */
function rowSums(rows: readonly ResultRow[]) {
  return {
    employer: sumFen(rows.map((r) => fen(r.employer))),
    employee: sumFen(rows.map((r) => fen(r.employee))),
    backPay: sumFen(rows.map((r) => fen(r.total))),
    lateFee: sumFen(rows.map((r) => fen(r.lateFee))),
  };
}

function totalsFen(r: ComputeResultDto) {
  return { employer: fen(r.totals.employer), employee: fen(r.totals.employee), backPay: fen(r.totals.backPay), lateFee: fen(r.totals.lateFee), total: fen(r.totals.total) };
}

/** A person owing back-pay in at least `n` months, preferring one who is declared (under-declared). */
function personWithRows(r: ComputeResultDto, n: number, payrollOnly: boolean): { personId: string; rows: ResultRow[] } {
  const byPerson = new Map<string, ResultRow[]>();
  for (const row of r.rows) if (row.payrollOnly === payrollOnly) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  const found = [...byPerson].find(([, rows]) => rows.length >= n);
  if (!found) throw new Error(`no ${payrollOnly ? 'payroll-only' : 'under-declared'} person with ${n} rows in the generated data`);
  return { personId: found[0], rows: found[1] };
}

describe('judgments', () => {
  const env = useBackend('jihe-judgments-');
  const compute = async (extra: Record<string, unknown> = {}) => ok<ComputeResultDto>(await env.backend.invoke('results.compute', { caseId, asOf: AS_OF, ...extra }));
  let caseId = 0;

  async function setUp() {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    caseId = (await importedCase(env.backend)).id;
  }

  it('an exemption of some months removes exactly those rows, to the fen, and a revoke restores them', async () => {
    await setUp();
    const before = await compute();
    expect(before.rows.length).toBeGreaterThan(10);
    expect(before.exempted).toEqual([]);
    const { personId, rows } = personWithRows(before, 3, false);
    const exemptRows = rows.slice(0, 2);
    const months = exemptRows.map((r) => r.month);

    const ex = ok<ExemptionRecord>(await env.backend.invoke('exemptions.add', { caseId, personId, months: [...months].reverse(), reason: 'retiree-rehired', note: '退休返聘协议复印件已核' }));
    expect(ex).toMatchObject({ caseId, personId, months, reason: 'retiree-rehired', createdBy: 'zhangming', revokedAt: null });

    const after = await compute();
    const removed = rowSums(exemptRows);
    const t0 = totalsFen(before);
    const t1 = totalsFen(after);
    expect(t0.employer - t1.employer).toBe(removed.employer);
    expect(t0.employee - t1.employee).toBe(removed.employee);
    expect(t0.backPay - t1.backPay).toBe(removed.backPay);
    expect(t0.lateFee - t1.lateFee).toBe(removed.lateFee);
    expect(t0.total - t1.total).toBe(removed.backPay + removed.lateFee);
    expect(removed.backPay).toBeGreaterThan(0);
    // The exempted rows stay visible with what they would have owed and why.
    expect(after.exempted.map((r) => [r.personId, r.month, r.total])).toEqual(exemptRows.map((r) => [r.personId, r.month, r.total]));
    expect(after.exempted.every((r) => r.exemption?.reason === 'retiree-rehired')).toBe(true);
    expect(after.rows).toEqual(before.rows.filter((r) => !(r.personId === personId && months.includes(r.month))));
    // The person's other months still owe.
    expect(after.rows.filter((r) => r.personId === personId)).toHaveLength(rows.length - 2);

    const revoked = ok<ExemptionRecord>(await env.backend.invoke('exemptions.revoke', { exemptionId: ex.id, note: '复核后不予豁免' }));
    expect(revoked).toMatchObject({ id: ex.id, revokedBy: 'zhangming', revokedAt: expect.any(String) });
    const restored = await compute();
    expect(restored.totals).toEqual(before.totals);
    expect(restored.rows).toEqual(before.rows);
    expect(restored.exempted).toEqual([]);

    // Nothing was deleted: the revoked exemption is still listed, and a second revoke is refused.
    expect(ok<ExemptionRecord[]>(await env.backend.invoke('exemptions.list', { caseId }))).toHaveLength(1);
    expect(ok<ExemptionRecord[]>(await env.backend.invoke('exemptions.list', { caseId, includeRevoked: false }))).toEqual([]);
    expect(fail(await env.backend.invoke('exemptions.revoke', { exemptionId: ex.id }))).toMatchObject({ code: 'conflict', message: expect.stringContaining('已于') });

    const trail = listAudit(env.backend.db, caseId);
    expect(trail.filter((e) => e.action.startsWith('exemption.')).map((e) => [e.action, e.actor])).toEqual([
      ['exemption.add', 'zhangming'],
      ['exemption.revoke', 'zhangming'],
    ]);
    expect(trail.find((e) => e.action === 'exemption.add')!.detail).toMatchObject({ personId, months, reason: 'retiree-rehired' });
    expect(verifyAuditChain(trail).ok).toBe(true);
  });

  it('an exemption of a whole person (no months) removes all their rows', async () => {
    await setUp();
    const before = await compute();
    const { personId, rows } = personWithRows(before, 2, true);
    ok(await env.backend.invoke('exemptions.add', { caseId, personId, months: null, reason: 'insured-elsewhere', note: '已在外地参保' }));
    const after = await compute();
    expect(totalsFen(before).backPay - totalsFen(after).backPay).toBe(rowSums(rows).backPay);
    expect(after.rows.some((r) => r.personId === personId)).toBe(false);
    expect(after.exempted).toHaveLength(rows.length);
  });

  it('refuses exemptions with a bad month, an unknown person, or reason 其他 without a note, in Chinese', async () => {
    await setUp();
    const before = await compute();
    const personId = before.rows[0]!.personId;
    const outside = fail(await env.backend.invoke('exemptions.add', { caseId, personId, months: ['2024-07'], reason: 'student-intern' }));
    expect(outside).toMatchObject({ code: 'invalid-input', message: '豁免月份有误：2024年7月不在稽核期间（2024年1月至2024年6月）内' });
    const stranger = fail(await env.backend.invoke('exemptions.add', { caseId, personId: '11010519491231002X', reason: 'student-intern' }));
    expect(stranger.message).toContain('不在案件');
    const noNote = fail(await env.backend.invoke('exemptions.add', { caseId, personId, reason: 'other' }));
    expect(noNote.message).toContain('说明：豁免原因为“其他”时必须填写说明');
    const badReason = fail(await env.backend.invoke('exemptions.add', { caseId, personId, reason: 'friend-of-boss' }));
    expect(badReason.message).toContain('豁免原因：');
    expect(ok<ExemptionRecord[]>(await env.backend.invoke('exemptions.list', { caseId }))).toEqual([]);
  });

  it('judges findings: accept, exempt (which records an exemption and changes the amounts), refuses unknown ones', async () => {
    await setUp();
    const before = await compute();
    const po = before.payrollOnly[0]!;
    const accepted = ok<FindingJudgment>(await env.backend.invoke('findings.judge', { caseId, key: `payroll-only:${po.personId}:${po.month}`, decision: 'accepted', note: '确认未参保' }));
    expect(accepted).toMatchObject({ decision: 'accepted', exemptionId: null, decidedBy: 'zhangming' });
    expect(await compute()).toEqual(before);

    const ud = personWithRows(before, 1, false).rows[0]!;
    const key = `under-declared:${ud.personId}:${ud.month}`;
    const exempted = ok<FindingJudgment>(await env.backend.invoke('findings.judge', { caseId, key, decision: 'exempted', reason: 'other', note: '当月为病假工资，经核实不计入' }));
    expect(exempted.exemptionId).toEqual(expect.any(Number));
    const ex = ok<ExemptionRecord[]>(await env.backend.invoke('exemptions.list', { caseId }));
    expect(ex).toEqual([expect.objectContaining({ id: exempted.exemptionId, personId: ud.personId, months: [ud.month], reason: 'other', judgmentId: exempted.id })]);
    const after = await compute();
    expect(fen(before.totals.backPay) - fen(after.totals.backPay)).toBe(fen(ud.total));

    expect(ok<FindingJudgment[]>(await env.backend.invoke('findings.judgments', { caseId })).map((j) => j.key)).toEqual([`payroll-only:${po.personId}:${po.month}`, key]);

    const unknown = fail(await env.backend.invoke('findings.judge', { caseId, key: `under-declared:${ud.personId}:2024-09`, decision: 'accepted' }));
    expect(unknown).toMatchObject({ code: 'not-found', message: expect.stringContaining('中没有此问题') });
    const badKey = fail(await env.backend.invoke('findings.judge', { caseId, key: 'wrong-kind:x:2024-01', decision: 'accepted' }));
    expect(badKey.message).toContain('问题类型“wrong-kind”无效');
    const noReason = fail(await env.backend.invoke('findings.judge', { caseId, key, decision: 'exempted' }));
    expect(noReason.message).toContain('豁免时必须选择豁免原因');
    if (before.declaredOnly.length > 0) {
      const d = before.declaredOnly[0]!;
      const e = fail(await env.backend.invoke('findings.judge', { caseId, key: `declared-only:${d.personId}:${d.month}`, decision: 'exempted', reason: 'student-intern' }));
      expect(e.message).toContain('不涉及补缴，不能豁免');
    }
    expect(listAudit(env.backend.db, caseId).filter((e) => e.action === 'finding.judge')).toHaveLength(2);
  });

  it('keeps ledger totals per month against the payroll gross, latest entry in force', async () => {
    const data = employerData();
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    caseId = (await importedCase(env.backend, data)).id;
    const grossMarch = sumFen(data.payrollRows.filter((r) => r.month === '2024-03').map((r) => r.grossFen));

    const first = ok<LedgerMonth>(await env.backend.invoke('ledger.set', { caseId, month: '2024-03', amount: '1,000,000.00' }));
    expect(first).toMatchObject({ month: '2024-03', ledger: '1000000.00', setBy: 'zhangming' });
    const ledgerFen = grossMarch + 1_234_567;
    const second = ok<LedgerMonth>(await env.backend.invoke('ledger.set', { caseId, month: '2024-03', amount: (ledgerFen / 100).toFixed(2), note: '据2024年3月应付职工薪酬明细账' }));
    expect(fen(second.payrollGross)).toBe(grossMarch);
    expect(fen(second.difference!)).toBe(1_234_567);

    const list = ok<LedgerMonth[]>(await env.backend.invoke('ledger.list', { caseId }));
    expect(list.map((m) => m.month)).toEqual(MONTHS);
    expect(list.filter((m) => m.ledger !== null).map((m) => m.month)).toEqual(['2024-03']);
    expect(fen(list.find((m) => m.month === '2024-01')!.payrollGross)).toBe(sumFen(data.payrollRows.filter((r) => r.month === '2024-01').map((r) => r.grossFen)));

    ok(await env.backend.invoke('ledger.set', { caseId, month: '2024-03', amount: null }));
    expect(ok<LedgerMonth[]>(await env.backend.invoke('ledger.list', { caseId })).every((m) => m.ledger === null)).toBe(true);
    expect(fail(await env.backend.invoke('ledger.set', { caseId, month: '2024-03', amount: '-5.00' })).message).toBe('应付职工薪酬金额有误：金额不能为负');
    expect(fail(await env.backend.invoke('ledger.set', { caseId, month: '2024-03', amount: '12.345' })).message).toBe('应付职工薪酬金额有误：金额最多两位小数');
    expect(fail(await env.backend.invoke('ledger.set', { caseId, month: '2025-01', amount: '1.00' })).message).toContain('2025年1月不在稽核期间');
    expect(listAudit(env.backend.db, caseId).filter((e) => e.action === 'ledger.set')).toHaveLength(3);
  });

  it('what-if (as-of date, late-fee cap, annual base rule) changes the figures of that call only', async () => {
    await setUp();
    const base = await compute();
    const counts = tableCounts(env.backend.db);
    const plan = env.backend.db.prepare('SELECT json FROM rate_plans r JOIN cases c ON c.rate_plan_id = r.id WHERE c.id = ?').get(caseId);

    const capped = await compute({ asOf: '2040-12-31', lateFeeCap: 'principal' });
    const uncapped = await compute({ asOf: '2040-12-31' });
    expect(fen(uncapped.totals.lateFee)).toBeGreaterThan(fen(capped.totals.lateFee));
    expect(capped.rows.every((r) => fen(r.lateFee) <= fen(r.total))).toBe(true);
    expect(capped.rows.some((r) => r.lateFeeCapped)).toBe(true);
    expect(capped.totals.backPay).toBe(uncapped.totals.backPay);

    const annual = await compute({ baseRule: { kind: 'annual', yearStartMonth: 7 } });
    expect(annual.totals.backPay).not.toBe(base.totals.backPay);

    expect(tableCounts(env.backend.db)).toEqual(counts);
    expect(env.backend.db.prepare('SELECT json FROM rate_plans r JOIN cases c ON c.rate_plan_id = r.id WHERE c.id = ?').get(caseId)).toEqual(plan);
    expect(await compute()).toEqual(base);
    const bad = fail(await env.backend.invoke('results.compute', { caseId, asOf: AS_OF, lateFeeCap: 'half' }));
    expect(bad.message).toContain('滞纳金上限：');
  });

  it('an archived case refuses new judgments, through the API and directly in SQL', async () => {
    await setUp();
    const before = await compute();
    const row = before.rows[0]!;
    const ex = ok<ExemptionRecord>(await env.backend.invoke('exemptions.add', { caseId, personId: row.personId, months: [row.month], reason: 'student-intern' }));
    env.backend.db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(caseId);

    const refused = [
      await env.backend.invoke('exemptions.add', { caseId, personId: row.personId, reason: 'student-intern' }),
      await env.backend.invoke('exemptions.revoke', { exemptionId: ex.id }),
      await env.backend.invoke('findings.judge', { caseId, key: `under-declared:${row.personId}:${row.month}`, decision: 'accepted' }),
      await env.backend.invoke('ledger.set', { caseId, month: '2024-01', amount: '1.00' }),
    ];
    for (const r of refused) expect(fail(r)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('已归档') });

    const db = env.backend.db;
    const at = '2026-07-02T00:00:00Z';
    expect(() => db.prepare("INSERT INTO exemptions (case_id, person_id, reason, created_at, created_by) VALUES (?, ?, 'student-intern', ?, 'x')").run(caseId, row.personId, at)).toThrow('已归档的稽核案件不能修改');
    expect(() => db.prepare('UPDATE exemptions SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(at, 'x', ex.id)).toThrow('已归档的稽核案件不能修改');
    expect(() => db.prepare("INSERT INTO finding_judgments (case_id, finding_key, decision, decided_at, decided_by) VALUES (?, 'k', 'accepted', ?, 'x')").run(caseId, at)).toThrow('已归档的稽核案件不能修改');
    expect(() => db.prepare("INSERT INTO ledger_totals (case_id, month, amount_fen, set_at, set_by) VALUES (?, '2024-01', 1, ?, 'x')").run(caseId, at)).toThrow('已归档的稽核案件不能修改');
    expect(() => db.prepare("INSERT INTO approvals (case_id, kind, as_of, review_sha256, preparer, approved_at, approved_by) VALUES (?, 'findings', '2026-06-30', ?, 'a', ?, 'b')").run(caseId, 'a'.repeat(64), at)).toThrow('已归档的稽核案件不能修改');
    // Reading still works, with the exemption as it was.
    expect((await compute()).exempted).toHaveLength(1);
  });
});
