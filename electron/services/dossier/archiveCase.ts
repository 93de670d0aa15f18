// Archiving a case (DOMAIN.md §2 step 7, §9): the dossier is exported, checked, and stored with its
// SHA-256 and archive number (档号, year + serial) in the same transaction that puts the case in
// the state 'archived' — after which the database's triggers refuse every change to the case and
// everything under it. The export is rendered before the transaction (PDFs take time); the
// transaction then checks that nothing was written to the case meanwhile (same trail head, same
// state, same archive serial), so the stored dossier is exactly the case as archived. The state
// changes through the workflow's transitionCase, so its role and precondition rules apply here too.
import type { Db } from '../db/open';
import { getCase } from '../db/repos/cases';
import { appendAudit, chainHead } from '../audit/auditLog';
import { findTransition } from '../../../shared/rules/workflow';
import { DEFAULT_RETENTION_YEARS, type ArchiveRecord } from '../../../shared/api/dto/archive';
import { exportDossier } from './exportDossier';
import { verifyDossier } from './verifyDossier';
import { sha256Hex } from './sha256';
import { listEvidenceFiles } from './evidence';
import { listDocuments } from '../db/repos/documents';
import { listSourceFiles } from '../db/repos/sourceFiles';
import { listRosterFiles } from '../db/repos/roster';
import { transitionCase, type TransitionActor } from '../backend/workflow';
import { nextSeqAfter } from '../db/repos/numbering';

export class ArchiveRefused extends Error {
  constructor(
    readonly code: 'not-found' | 'not-ready' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveRefused';
  }
}

export function archiveNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, '0')}`;
}

/** Null when the case's state allows archiving, else why not (Chinese); roles and preconditions are the transition's. */
export function archiveBlocker(db: Db, caseId: number): string | null {
  const c = getCase(db, caseId);
  if (!c) return `找不到案件（编号 ${caseId}）`;
  if (c.state === 'archived') return `案件 ${c.number} 已归档`;
  // the state machine says from where a case may be archived (rectifying, or closed without finding)
  const t = findTransition(c.state, 'archived');
  return t.ok ? null : t.reason;
}

interface ExportRow {
  case_id: number;
  archive_number: string;
  retention_years: number;
  sha256: string;
  size: number;
  files: number;
  chain_head: string;
  exported_at: string;
  exported_by: string;
}

const RECORD_COLUMNS = 'case_id, archive_number, retention_years, sha256, size, files, chain_head, exported_at, exported_by';

function toRecord(r: ExportRow): ArchiveRecord {
  return {
    caseId: r.case_id,
    archiveNumber: r.archive_number,
    retentionYears: r.retention_years,
    sha256: r.sha256,
    size: r.size,
    files: r.files,
    chainHead: r.chain_head,
    exportedAt: r.exported_at,
    exportedBy: r.exported_by,
  };
}

export function getArchiveRecord(db: Db, caseId: number): ArchiveRecord | null {
  const r = db.prepare(`SELECT ${RECORD_COLUMNS} FROM dossier_exports WHERE case_id = ?`).get(caseId) as ExportRow | undefined;
  return r ? toRecord(r) : null;
}

export function getArchivedDossier(db: Db, caseId: number): Uint8Array<ArrayBuffer> | null {
  const r = db.prepare('SELECT zip FROM dossier_exports WHERE case_id = ?').get(caseId) as { zip: Buffer } | undefined;
  return r ? new Uint8Array(r.zip) : null;
}

/** What the dossier holds, one Chinese line per part (the confirm dialog lists these). */
export function dossierContents(db: Db, caseId: number): string[] {
  const docs = listDocuments(db, caseId).filter((d) => d.status === 'issued');
  const sources = listSourceFiles(db, caseId);
  const computable = sources.some((f) => f.kind === 'payroll') && sources.some((f) => f.kind === 'declaration');
  const evidence = listEvidenceFiles(db, caseId).length;
  const trail = (db.prepare('SELECT count(*) AS n FROM audit_log WHERE case_id = ?').get(caseId) as { n: number }).n;
  return [
    '案卷封面、卷内文件目录、备考表（PDF）',
    `已签发的稽核文书 ${docs.length} 件（PDF）${docs.length ? `：${docs.map((d) => d.title).join('、')}` : ''}`,
    computable ? '补缴明细表和稽核工作底稿（XLSX：月度人数、未参保、少报基数、在保不在册、多报基数、金额不符）' : '补缴明细表和工作底稿：未导入工资表和申报明细，无',
    `原始文件 ${sources.length + listRosterFiles(db, caseId).length} 个（按原样保存）`,
    `证据材料 ${evidence} 个`,
    `审计记录 ${trail} 条（JSON 和 PDF）`,
    '清单 manifest.json（每个文件的 SHA-256、大小、类别和审计记录链头）',
  ];
}

export interface ArchiveOptions {
  /** Who archives: the workflow's transition checks the role and the preconditions (rectification settled or referred). */
  actor: TransitionActor;
  retentionYears?: number;
}

export async function archiveCase(db: Db, caseId: number, opts: ArchiveOptions): Promise<ArchiveRecord> {
  const blocker = archiveBlocker(db, caseId);
  if (blocker) throw new ArchiveRefused(getCase(db, caseId) ? 'not-ready' : 'not-found', blocker);
  const at = opts.actor.at;
  const now = new Date(at);
  const year = now.getUTCFullYear();
  const retentionYears = opts.retentionYears ?? DEFAULT_RETENTION_YEARS;
  const before = getCase(db, caseId)!;
  // 档号 come from this workstation's own range, like case and document numbers (numbering.ts)
  const last = (db.prepare('SELECT last_seq FROM archive_sequences WHERE year = ?').get(year) as { last_seq: number } | undefined)?.last_seq ?? 0;
  const seq = nextSeqAfter(db, last, '档号');
  const number = archiveNumber(year, seq);

  const zip = await exportDossier(db, caseId, { actor: opts.actor.actor, now, archive: { archiveNumber: number, retentionYears } });
  const check = verifyDossier(zip);
  if (!check.ok || !check.manifest) throw new Error(`导出的档案未通过核验：${check.problems.map((p) => `${p.file}：${p.message}`).join('；')}`);
  const head = check.manifest.trail.head;
  const sha256 = sha256Hex(zip);

  return db
    .transaction((): ArchiveRecord => {
      const c = getCase(db, caseId);
      if (!c || c.state !== before.state || chainHead(db, caseId) !== head) {
        throw new ArchiveRefused('conflict', `案件 ${before.number} 在导出档案期间被修改，请重新归档`);
      }
      db.prepare('INSERT INTO archive_sequences (year, last_seq) VALUES (?, 0) ON CONFLICT(year) DO NOTHING').run(year);
      const moved = db.prepare('UPDATE archive_sequences SET last_seq = ? WHERE year = ? AND last_seq = ?').run(seq, year, last);
      if (moved.changes !== 1) throw new ArchiveRefused('conflict', `档号 ${number} 已被占用，请重新归档`);
      db.prepare(
        `INSERT INTO dossier_exports (case_id, year, seq, archive_number, retention_years, sha256, size, zip, chain_head, files, exported_at, exported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(caseId, year, seq, number, retentionYears, sha256, zip.byteLength, Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), head, check.manifest!.files.length, at, opts.actor.actor);
      appendAudit(db, {
        actor: opts.actor.actor,
        at,
        caseId,
        action: 'case.archive',
        detail: { archiveNumber: number, sha256, size: zip.byteLength, files: check.manifest!.files.length, retentionYears, dossierHead: head },
      });
      // the state machine's own transition: role, preconditions, case_transitions and the trail
      transitionCase(db, caseId, 'archived', opts.actor, `归档，档号 ${number}`);
      return getArchiveRecord(db, caseId)!;
    })
    .immediate();
}
