// The draw of DOMAIN.md §10.3 on a hand-worked example. The hashes below were worked out once with
// node:crypto (printed in the comments, first six hex digits); the expected rankings, teams, cap
// and replacements follow from them by the rules of §10.3 by hand.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, chooseReplacement, DrawRefused, eligibleTargets, parseQuota, quotaCount, runDraw, snapshotText, type DrawParams } from '../../shared/rules/draw';
import { buildDrawRecord, verifyDrawRecord, withReplacement } from '../../shared/rules/drawRecord';
import { sha256Hex } from '../../shared/rules/sha256';

const nodeSha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

// Valid GB 32100 codes (check characters J, M, Q, U, Y, 2).
const C1 = '91410900MA4100001J';
const C2 = '91410900MA4100002M';
const C3 = '91410900MA4100003Q';
const C4 = '91410900MA4100004U';
const C5 = '91410900MA4100005Y';
const C6 = '91410900MA41000062';
const A1 = '豫医保执A001';
const A2 = '豫医保执A002';
const A3 = '豫医保执A003';
const A4 = '豫医保执A004';
const SEED = '2026-03-05 福彩3D 第2026058期 开奖号码 4 7 1';

// Target hashes: C1 ec80a8, C2 19969b, C3 dbccd1 (high); C4 eb380e, C5 f35d31 (medium); C6 205fa0 (low).
// Inspector rankings per target (credential suffix:hash prefix):
//   C2: 02:0a21f5 01:16bb48 04:19e04b 03:5e6ba3
//   C3: 03:2fb640 04:3521d9 01:50be17 02:c2cac0
//   C4: 04:1f4972 03:250fcc 02:7a911c 01:c82787
const PARAMS: DrawParams = {
  seed: SEED,
  targets: [
    { creditCode: C1, tier: 'high' },
    { creditCode: C2, tier: 'high' },
    { creditCode: C3, tier: 'high' },
    { creditCode: C4, tier: 'medium' },
    { creditCode: C5, tier: 'medium' },
    { creditCode: C6, tier: 'low' },
  ],
  inspectors: [A4, A2, A1, A3],
  conflicts: [{ credential: A2, creditCode: C2 }],
  quotas: { high: { count: 2 }, medium: { percent: '50' } },
  teamSize: 2,
};

describe('SHA-256 without node:crypto', () => {
  it('matches node:crypto on the standard vectors, Chinese text and every padding length', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const s of [SEED, '𠀀𠀁 emoji 😀 and \u00e9', 'x'.repeat(1000)]) expect(sha256Hex(s)).toBe(nodeSha(s));
    for (let n = 0; n < 130; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(sha256Hex(bytes)).toBe(nodeSha(bytes));
    }
  });
});

describe('the draw, worked by hand', () => {
  it('writes the snapshot text in code-point order and records its hash', () => {
    const out = runDraw(PARAMS);
    expect(out.snapshotText).toBe(
      `T\t${C1}\thigh\nT\t${C2}\thigh\nT\t${C3}\thigh\nT\t${C4}\tmedium\nT\t${C5}\tmedium\nT\t${C6}\tlow\n` +
        `I\t${A1}\nI\t${A2}\nI\t${A3}\nI\t${A4}\n` +
        `C\t${A2}\t${C2}\n`,
    );
    expect(out.snapshotSha256).toBe(nodeSha(out.snapshotText));
  });

  it('sorts by Unicode code point, not UTF-16 code unit', () => {
    // U+FF21 (Ａ) < U+20000 (𠀀) by code point; by UTF-16 unit 0xD840 < 0xFF21.
    expect(compareCodePoints('Ａ', '𠀀')).toBeLessThan(0);
    expect(['𠀀', 'Ａ'].sort()).toEqual(['𠀀', 'Ａ']);
    expect(snapshotText([], ['𠀀1', 'Ａ1'], [])).toBe('I\tＡ1\nI\t𠀀1\n');
  });

  it('takes each tier from the top of its ranking: 2 high, 50% of 2 medium = 1, low not named = 0', () => {
    const out = runDraw(PARAMS);
    expect(out.targetRankings.high.map((t) => t.creditCode)).toEqual([C2, C3, C1]);
    expect(out.targetRankings.medium.map((t) => t.creditCode)).toEqual([C4, C5]);
    expect(out.quotaCounts).toEqual({ high: 2, medium: 1, low: 0 });
    expect(out.selected.map((s) => [s.creditCode, s.tier, s.rank])).toEqual([
      [C2, 'high', 1],
      [C3, 'high', 2],
      [C4, 'medium', 1],
    ]);
  });

  it('skips a conflict, stops at the cap ⌈2 × 3 / 4⌉ = 2, and keeps the walk order', () => {
    const out = runDraw(PARAMS);
    expect(out.cap).toBe(2);
    expect(out.capIsDefault).toBe(true);
    // C2: A002 in conflict, then A001, A004.
    expect(out.selected[0]!.team).toEqual([A1, A4]);
    expect(out.selected[0]!.ranking.map((r) => r.step)).toEqual(['conflict', 'team', 'team', 'not-reached']);
    // C3: A003, A004 (A004 now has 2).
    expect(out.selected[1]!.team).toEqual([A3, A4]);
    // C4: A004 at the cap, then A003, A002.
    expect(out.selected[2]!.team).toEqual([A3, A2]);
    expect(out.selected[2]!.ranking.map((r) => [r.credential, r.step])).toEqual([
      [A4, 'cap'],
      [A3, 'team'],
      [A2, 'team'],
      [A1, 'not-reached'],
    ]);
  });

  it('refuses with a Chinese reason when fewer than k inspectors remain (cap 1)', () => {
    // C2 → A001, A004; C3 → A003, (A004 at cap), (A001 at cap), A002; C4 → everyone at cap.
    expect(() => runDraw({ ...PARAMS, cap: 1 })).toThrow(DrawRefused);
    expect(() => runDraw({ ...PARAMS, cap: 1 })).toThrow(/无法为中风险对象 91410900MA4100004U 组成 2 人检查组：符合条件的检查人员只有 0 名.*提高每人上限或增加检查人员/);
    expect(() => runDraw({ ...PARAMS, inspectors: [A1] })).toThrow(/只有 1 名/);
  });

  it('replaces a withdrawn inspector with the next one down who is free, and refuses when none is', () => {
    const record = buildDrawRecord({ task: '2026年参保单位缴费稽核', year: 2026, seed: SEED, quotas: { high: '2', medium: '50%', low: '0' }, teamSize: 2 }, runDraw(PARAMS));
    // C3's ranking A003, A004, A001, A002: below A004 comes A001 (1 target, under the cap 2).
    const one = withReplacement(record, C3, A4, '与该单位法定代表人系亲属，申请回避');
    expect(one.replacements).toEqual([{ creditCode: C3, withdrawn: A4, reason: '与该单位法定代表人系亲属，申请回避', replacement: A1 }]);
    expect(verifyDrawRecord(one).teams.map((t) => t.team)).toEqual([[A1, A4], [A3, A1], [A3, A2]]);
    // C4's ranking A004, A003, A002, A001: below A003, A002 is in the team and A001 is now at the cap.
    expect(() => chooseReplacement(one, one.replacements, C4, A3)).toThrow(/没有可递补的检查人员/);
    expect(() => withReplacement(one, C4, A2, '  ')).toThrow(/原因/);
  });

  it('computes percentages in exact integer arithmetic', () => {
    const q = (t: string) => {
      const p = parseQuota(t);
      if (!p.ok) throw new Error(p.reason);
      return p.quota;
    };
    expect(quotaCount(q('10%'), 25)).toBe(3); // ⌈2.5⌉
    expect(quotaCount(q('12.5%'), 8)).toBe(1); // exactly 1
    expect(quotaCount(q('12.5%'), 9)).toBe(2); // ⌈1.125⌉
    expect(quotaCount(q('1.1%'), 1000)).toBe(11); // floating point would give ⌈11.000000000000002⌉ = 12
    expect(quotaCount(q('0%'), 10)).toBe(0);
    expect(quotaCount(q('100%'), 7)).toBe(7);
    expect(quotaCount(q('5'), 3)).toBe(3); // a count larger than the tier takes all
    expect(parseQuota('120%').ok).toBe(false);
    expect(parseQuota('三个').ok).toBe(false);
  });

  it('leaves out inactive targets and those drawn twice in the same calendar year', () => {
    const targets = [
      { creditCode: C1, active: true },
      { creditCode: C2, active: true },
      { creditCode: C3, active: false },
      { creditCode: C4, active: true },
    ];
    const history = [
      { creditCode: C1, date: '2026-02-01' },
      { creditCode: C1, date: '2026-09-30' },
      { creditCode: C2, date: '2026-01-10' },
      { creditCode: C2, date: '2025-11-01' },
      { creditCode: C4, date: '2025-03-01' },
      { creditCode: C4, date: '2025-06-01' },
    ];
    const r = eligibleTargets(targets, history, 2026);
    expect(r.eligible.map((t) => t.creditCode)).toEqual([C2, C4]);
    expect(r.excluded.map((e) => [e.target.creditCode, e.reason])).toEqual([
      [C1, '2026 年已被抽取 2 次（同一年度至多两次）'],
      [C3, '已停用'],
    ]);
  });
});
