// evidence.*: photos, scans, recordings and copies of the employer's papers (DOMAIN.md §2 step 3),
// attached to a case and optionally to one finding. Stored byte-for-byte with their SHA-256, who
// and when; never edited or removed (the database refuses), read-only once the case is archived.
import { createHash } from 'node:crypto';
import type { Evidence, EvidenceKind } from '../../../shared/api/dto/workflow';
import { appendAudit } from '../audit/auditLog';
import type { Db } from '../db/open';
import { ApiFailure } from './errors';
import { requireCase, requireOpenCase } from './cases';
import type { Handlers } from './types';

/** Largest single piece of evidence (a few minutes of video fit; a whole film does not). */
export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  amr: 'audio/amr',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  txt: 'text/plain',
};

/** The type by the bytes' signature first (a renamed file is still what it is), then by extension. */
export function sniffMime(fileName: string, bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'application/pdf';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'image/gif';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

interface EvidenceRow {
  id: number;
  case_id: number;
  finding_key: string | null;
  file_name: string;
  mime: string;
  kind: EvidenceKind;
  description: string;
  size: number;
  sha256: string;
  added_at: string;
  added_by: string;
}

const COLUMNS = 'id, case_id, finding_key, file_name, mime, kind, description, size, sha256, added_at, added_by';

function toEvidence(r: EvidenceRow): Evidence {
  return { id: r.id, caseId: r.case_id, findingKey: r.finding_key, fileName: r.file_name, mime: r.mime, kind: r.kind, description: r.description, size: r.size, sha256: r.sha256, addedAt: r.added_at, addedBy: r.added_by };
}

export function listEvidence(db: Db, caseId: number): Evidence[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM evidence WHERE case_id = ? ORDER BY id`).all(caseId) as EvidenceRow[]).map(toEvidence);
}

export function getEvidenceBytes(db: Db, id: number): { evidence: Evidence; data: Uint8Array<ArrayBuffer> } | null {
  const r = db.prepare(`SELECT ${COLUMNS}, bytes FROM evidence WHERE id = ?`).get(id) as (EvidenceRow & { bytes: Buffer }) | undefined;
  return r ? { evidence: toEvidence(r), data: new Uint8Array(r.bytes) } : null;
}

export const evidenceHandlers: Handlers<'evidence.add' | 'evidence.list' | 'evidence.get'> = {
  'evidence.add': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    const bytes = new Uint8Array(input.data);
    if (bytes.byteLength === 0) throw new ApiFailure('bad-file', `证据文件“${input.fileName}”是空文件`, [{ path: 'data', message: '文件为空' }]);
    if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw new ApiFailure('bad-file', `证据文件“${input.fileName}”超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB，请压缩或分段后再添加`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const dup = ctx.db.prepare('SELECT file_name, added_at, added_by FROM evidence WHERE case_id = ? AND sha256 = ?').get(c.id, sha256) as { file_name: string; added_at: string; added_by: string } | undefined;
    if (dup) throw new ApiFailure('conflict', `相同内容的证据已于 ${dup.added_at.slice(0, 10)} 由 ${dup.added_by} 添加（${dup.file_name}）`);
    const mime = sniffMime(input.fileName, bytes);
    const meta = ctx.meta();
    const id = ctx.db.transaction(() => {
      const info = ctx.db
        .prepare('INSERT INTO evidence (case_id, finding_key, file_name, mime, kind, description, size, sha256, bytes, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(c.id, input.findingKey ?? null, input.fileName, mime, input.kind, input.description, bytes.byteLength, sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), meta.at, meta.actor);
      const evidenceId = Number(info.lastInsertRowid);
      appendAudit(ctx.db, {
        ...meta,
        caseId: c.id,
        action: 'evidence.add',
        detail: { evidenceId, fileName: input.fileName, kind: input.kind, mime, size: bytes.byteLength, sha256, findingKey: input.findingKey ?? null, description: input.description },
      });
      return evidenceId;
    })();
    return getEvidenceBytes(ctx.db, id)!.evidence;
  },

  'evidence.list': (ctx, input) => {
    requireCase(ctx.db, input.caseId);
    return listEvidence(ctx.db, input.caseId);
  },

  'evidence.get': (ctx, input) => {
    const e = getEvidenceBytes(ctx.db, input.evidenceId);
    if (!e) throw new ApiFailure('not-found', `找不到证据材料（编号 ${input.evidenceId}）`);
    return e;
  },
};
