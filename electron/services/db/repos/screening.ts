// Screening runs, their hits and the inspector's judgments in SQL (migration 011). A run keeps
// the parameters (and version) it used and the files it read; judgments are append-only and
// keyed by the hit's stable key, so re-running the same files keeps them.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { RowRef } from '../../../../shared/domain/claims';
import type { Hit, RuleCode } from '../../../../shared/rules/screening/screen';
import { decimalText } from '../../../../shared/rules/screening/exact';
import type { ScreeningParams } from '../../../../shared/rules/screening/params';
import type { WriteMeta } from './meta';

export interface RunFile {
  role: 'claims' | 'catalog';
  fileName: string;
  sha256: string;
  rows: number;
}

export interface StoredRun {
  id: number;
  params: ScreeningParams;
  paramsVersion: number;
  files: RunFile[];
  rowsScreened: number;
  refundRows: number;
  createdAt: string;
  createdBy: string;
}

export function insertRun(db: Database.Database, caseId: number, run: { params: ScreeningParams; files: RunFile[]; rowsScreened: number; refundRows: number; hits: readonly Hit[] }, meta: WriteMeta): number {
  const info = db
    .prepare('INSERT INTO screening_runs (case_id, params_json, params_version, files_json, rows_screened, refund_rows, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(caseId, JSON.stringify(run.params), run.params.version, JSON.stringify(run.files), run.rowsScreened, run.refundRows, meta.at, meta.actor);
  const runId = Number(info.lastInsertRowid);
  const insert = db.prepare('INSERT INTO screening_hits (run_id, hit_key, rule, rows_json, person_id, person_name, amount_fen, fund_loss_fen, derivation_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const h of run.hits) insert.run(runId, h.key, h.rule, JSON.stringify(h.rows), h.personId, h.name, h.amount, h.fundLoss, derivationJson(h.derivation));
  return runId;
}

export function latestRun(db: Database.Database, caseId: number): StoredRun | null {
  const r = db.prepare('SELECT * FROM screening_runs WHERE case_id = ? ORDER BY id DESC LIMIT 1').get(caseId) as
    | { id: number; params_json: string; params_version: number; files_json: string; rows_screened: number; refund_rows: number; created_at: string; created_by: string }
    | undefined;
  if (!r) return null;
  return {
    id: r.id,
    params: JSON.parse(r.params_json) as ScreeningParams,
    paramsVersion: r.params_version,
    files: JSON.parse(r.files_json) as RunFile[],
    rowsScreened: r.rows_screened,
    refundRows: r.refund_rows,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export function runHits(db: Database.Database, runId: number): StoredHit[] {
  const rows = db.prepare('SELECT * FROM screening_hits WHERE run_id = ? ORDER BY id').all(runId) as {
    hit_key: string;
    rule: RuleCode;
    rows_json: string;
    person_id: string;
    person_name: string;
    amount_fen: number | null;
    fund_loss_fen: number | null;
    derivation_json: string;
  }[];
  return rows.map((r) => ({
    key: r.hit_key,
    rule: r.rule,
    rows: JSON.parse(r.rows_json) as RowRef[],
    personId: r.person_id,
    name: r.person_name,
    amount: r.amount_fen,
    fundLoss: r.fund_loss_fen,
    derivation: JSON.parse(r.derivation_json) as StoredHit['derivation'],
  }));
}

/** A hit as stored: the catalog entry of its derivation with exact decimals written as text. */
export interface StoredHit extends Omit<Hit, 'derivation'> {
  derivation: { rows: RowRef[]; catalog: Record<string, unknown> | null; parameter: string | null; arithmetic: string[] };
}

/** JSON for a derivation: exact decimals ({ numerator, scale }) become their decimal text. */
function derivationJson(d: Hit['derivation']): string {
  return JSON.stringify(d, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && 'numerator' in value && typeof (value as { numerator: unknown }).numerator === 'bigint'
      ? decimalText(value as { numerator: bigint; scale: number })
      : value,
  );
}

export type Verdict = 'confirmed' | 'excluded' | 'pending';

/** The latest judgment of each hit key of the case. */
export function latestJudgments(db: Database.Database, caseId: number): Map<string, { verdict: Verdict; reason: string | null }> {
  const rows = db
    .prepare(
      `SELECT j.hit_key, j.verdict, j.reason FROM screening_judgments j
       JOIN (SELECT hit_key, max(id) AS id FROM screening_judgments WHERE case_id = ? GROUP BY hit_key) m ON m.id = j.id`,
    )
    .all(caseId) as { hit_key: string; verdict: Verdict; reason: string | null }[];
  return new Map(rows.map((r) => [r.hit_key, { verdict: r.verdict, reason: r.reason }]));
}

export function insertJudgments(db: Database.Database, caseId: number, keys: readonly string[], verdict: Verdict, reason: string | null, meta: WriteMeta): void {
  const insert = db.prepare('INSERT INTO screening_judgments (case_id, hit_key, verdict, reason, judged_at, judged_by) VALUES (?, ?, ?, ?, ?, ?)');
  for (const k of keys) insert.run(caseId, k, verdict, reason, meta.at, meta.actor);
}
