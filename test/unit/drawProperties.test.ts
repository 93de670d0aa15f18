// Any recorded draw re-runs to the same result (seeded random draws, so a failure is
// reproducible), tampering is caught, input order does not matter — and a third party's re-run,
// written below in a few plain lines from DOMAIN.md §10.3 alone with node:crypto, agrees.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { chooseReplacement, DRAW_TIERS, DrawRefused, quotaText, runDraw, type DrawParams, type DrawTier } from '../../shared/rules/draw';
import { buildDrawRecord, verifyDrawRecord, type DrawRecord } from '../../shared/rules/drawRecord';
import { createRng, type Rng } from '../fixtures/prng';

function randomCode(rng: Rng): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const first = '91410' + Array.from({ length: 12 }, () => alphabet[rng.int(0, 30)]).join('');
  return first + creditCodeCheckChar(first);
}

function randomParams(rng: Rng): DrawParams {
  const n = rng.int(1, 40);
  const codes = [...new Set(Array.from({ length: n }, () => randomCode(rng)))];
  const targets = codes.map((creditCode) => ({ creditCode, tier: rng.pick(DRAW_TIERS) }));
  const inspectors = Array.from({ length: rng.int(2, 15) }, (_, i) => (rng.chance(0.5) ? `豫医保执${String(i).padStart(3, '0')}` : `41${rng.int(100000, 999999)}${i}`));
  const conflicts = Array.from({ length: rng.int(0, 6) }, () => ({ credential: rng.pick(inspectors), creditCode: rng.pick(codes) }));
  const quotas: DrawParams['quotas'] = {};
  for (const tier of DRAW_TIERS) {
    if (rng.chance(0.2)) continue;
    quotas[tier] = rng.chance(0.5) ? { count: rng.int(0, 6) } : { percent: rng.chance(0.5) ? String(rng.int(0, 100)) : `${rng.int(0, 99)}.${rng.int(1, 9)}` };
  }
  return { seed: `种子 ${rng.int(0, 1e9)}`, targets, inspectors, conflicts, quotas, teamSize: rng.int(2, 3), cap: rng.chance(0.3) ? rng.int(1, 4) : null };
}

function recordOf(p: DrawParams): DrawRecord {
  const quotas = Object.fromEntries(DRAW_TIERS.map((t) => [t, quotaText(p.quotas[t])])) as Record<DrawTier, string>;
  return buildDrawRecord({ task: '抽查', year: 2026, seed: p.seed, quotas, teamSize: p.teamSize }, runDraw(p));
}

/** A third party's re-run from the record (DOMAIN.md §10.3 only): returns [creditCode, tier, team][]. */
function plainRerun(r: { seed: string; snapshotText: string; quotas: Record<string, string>; teamSize: number; cap: number }) {
  const h = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  const lines = r.snapshotText.split('\n').filter(Boolean).map((l) => l.split('\t'));
  const ins = lines.filter((l) => l[0] === 'I').map((l) => l[1]!);
  const cf = new Set(lines.filter((l) => l[0] === 'C').map((l) => `${l[1]}|${l[2]}`));
  const used: Record<string, number> = {}, out: [string, string, string[]][] = [];
  for (const tier of ['high', 'medium', 'low']) {
    const ts = lines.filter((l) => l[0] === 'T' && l[2] === tier).map((l) => l[1]!).sort((a, b) => (h(`${r.seed}|T|${a}`) < h(`${r.seed}|T|${b}`) ? -1 : 1));
    const q = r.quotas[tier]!, quota = q.endsWith('%') ? Math.ceil((Math.round(Number(q.slice(0, -1)) * 10) * ts.length) / 1000) : Number(q); // p has ≤ 1 decimal here
    for (const c of ts.slice(0, quota)) {
      const team = ins.map((i) => [h(`${r.seed}|I|${c}|${i}`), i] as const).sort().map((x) => x[1]).filter((i) => !cf.has(`${i}|${c}`)).filter((i) => (used[i] ?? 0) < r.cap).slice(0, r.teamSize);
      team.forEach((i) => (used[i] = (used[i] ?? 0) + 1));
      out.push([c, tier, team]);
    }
  }
  return out;
}

describe('re-running recorded draws', () => {
  it('gives the same result for 300 random draws, through JSON, and with the inputs shuffled', () => {
    let made = 0;
    let refused = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rng = createRng(seed);
      const p = randomParams(rng);
      let record: DrawRecord;
      try {
        record = recordOf(p);
      } catch (e) {
        if (!(e instanceof DrawRefused)) throw e;
        refused++;
        continue;
      }
      made++;
      const json = JSON.parse(JSON.stringify(record)) as unknown;
      const v = verifyDrawRecord(json);
      expect(v.problems, `seed ${seed}`).toEqual([]);
      expect(v.teams.map((t) => t.team)).toEqual(record.selected.map((s) => s.team));
      const shuffled = recordOf({ ...p, targets: rng.shuffle(p.targets), inspectors: rng.shuffle(p.inspectors), conflicts: rng.shuffle(p.conflicts) });
      expect(shuffled).toEqual(record);
      expect(plainRerun(record)).toEqual(record.selected.map((s) => [s.creditCode, s.tier, s.team]));
    }
    // The generator must exercise both outcomes, or this test proves little.
    expect(made).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(5);
  });

  it('re-runs replacements and catches a tampered team, snapshot, seed or replacement', () => {
    let checked = 0;
    for (let seed = 1000; seed < 1200 && checked < 40; seed++) {
      const rng = createRng(seed);
      let record: DrawRecord;
      try {
        record = recordOf(randomParams(rng));
      } catch (e) {
        if (e instanceof DrawRefused) continue;
        throw e;
      }
      if (record.selected.length === 0) continue;
      // Replace a few withdrawing inspectors by the rule; each must verify.
      for (let k = 0; k < 3; k++) {
        const target = rng.pick(record.selected);
        const team = verifyDrawRecord(record).teams.find((t) => t.creditCode === target.creditCode)!.team;
        const withdrawn = rng.pick(team);
        try {
          const replacement = chooseReplacement(record, record.replacements, target.creditCode, withdrawn);
          record = { ...record, replacements: [...record.replacements, { creditCode: target.creditCode, withdrawn, reason: '因病不能参加', replacement }] };
        } catch (e) {
          if (!(e instanceof DrawRefused)) throw e;
        }
      }
      expect(verifyDrawRecord(record).ok).toBe(true);
      checked++;
      const first = record.selected[0]!;
      const tamperedTeam = { ...record, selected: [{ ...first, team: [...first.team].reverse() }, ...record.selected.slice(1)] };
      expect(verifyDrawRecord(tamperedTeam).ok).toBe(false);
      expect(verifyDrawRecord({ ...record, seed: `${record.seed} ` }).ok).toBe(false);
      expect(verifyDrawRecord({ ...record, snapshotText: record.snapshotText.replace(/\thigh\n/, '\tlow\n') }).ok).toBe(record.snapshotText.includes('\thigh\n') ? false : true);
      if (record.replacements.length > 0) {
        const bad = { ...record, replacements: record.replacements.map((r, i) => (i === 0 ? { ...r, replacement: r.withdrawn } : r)) };
        expect(verifyDrawRecord(bad).ok).toBe(false);
      }
    }
    expect(checked).toBe(40);
  });
});
