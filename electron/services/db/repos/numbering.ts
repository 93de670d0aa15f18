// Numbers that never collide between workstations (issue 8 item 6). The bureau keeps its official
// 文号 format `X医保稽通〔2026〕12号` (DOMAIN.md §8), so a workstation is told apart by a block of
// sequence numbers (号段) rather than by a prefix: the office gives each laptop its own range (e.g.
// 1001–1999) before it leaves, and registers the laptop's key with that range. A workstation with
// a range issues case and document numbers only inside it; one without a range (the office)
// issues from 1 upwards, stepping over every range registered for a laptop. Numbers that arrive
// in a transfer package move this workstation's counters only when they are its own, so two
// laptops that issued offline never take each other's numbers.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { WriteMeta } from './meta';

export const NUMBER_RANGE_SETTING = 'workstation.numberRange';

export interface NumberRange {
  start: number;
  end: number;
}

export function ownNumberRange(db: Database.Database): NumberRange | null {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(NUMBER_RANGE_SETTING) as { value: string } | undefined;
  const v = r ? (JSON.parse(r.value) as NumberRange | null) : null;
  return v && Number.isInteger(v.start) && Number.isInteger(v.end) ? v : null;
}

export function setOwnNumberRange(db: Database.Database, range: NumberRange | null, meta: WriteMeta): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(NUMBER_RANGE_SETTING, JSON.stringify(range), meta.at, meta.actor);
}

/** Ranges the office gave to other workstations (revoked ones included: their numbers stay theirs). */
export function othersRanges(db: Database.Database): NumberRange[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workstation_keys'").get();
  if (!has) return [];
  return db.prepare('SELECT range_start AS start, range_end AS end FROM workstation_keys WHERE range_start IS NOT NULL ORDER BY range_start').all() as NumberRange[];
}

export function rangeText(r: NumberRange): string {
  return `${r.start}–${r.end}`;
}

/** The sequence number after `last` this workstation may use; throws (Chinese) when its range is used up. */
export function nextSeqAfter(db: Database.Database, last: number, what: string): number {
  const own = ownNumberRange(db);
  if (own) {
    const next = Math.max(last + 1, own.start);
    if (next > own.end) throw new Error(`本机的${what}号段 ${rangeText(own)} 已用完，请由科室在“设置 → 工作站与签名”中分配新的号段`);
    return next;
  }
  let next = last + 1;
  for (const r of othersRanges(db)) if (next >= r.start && next <= r.end) next = r.end + 1;
  return next;
}

/** Whether a number that came in a package belongs to this workstation's own sequence. */
export function seqIsOurs(db: Database.Database, seq: number): boolean {
  const own = ownNumberRange(db);
  if (own) return seq >= own.start && seq <= own.end;
  return !othersRanges(db).some((r) => seq >= r.start && seq <= r.end);
}
