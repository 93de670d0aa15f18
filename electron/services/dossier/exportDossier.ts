// Writes a case's dossier ZIP (DOMAIN.md §9): every issued document's PDF as stored, every
// imported source file byte-for-byte, the audit trail as JSON, and manifest.json with the
// SHA-256, size and role of every other file plus the trail's chain head. Entries are STORED
// (not deflated): PDFs and XLSX are compressed already, and a stored archive lets anyone pull
// an intact file out of a damaged ZIP, and lets a changed byte show up as that file's change.
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Db } from '../db/open';
import { canonicalJson } from '../audit/canonicalJson';
import { GENESIS_HASH } from '../audit/auditLog';
import { IMPORT_KIND_NAMES } from '../../../shared/domain/importReport';
import {
  DOSSIER_FORMAT,
  DOSSIER_FORMAT_VERSION,
  MANIFEST_PATH,
  safeZipName,
  serial,
  type DossierManifest,
  type DossierTrail,
  type FileRole,
  type ManifestFile,
} from '../../../shared/dossier/manifest';
import { closedAt, collectCaseMaterial } from './collect';
import { sha256Hex } from './sha256';

export interface ExportDossierOptions {
  /** Who exports (manifest.exportedBy). */
  actor: string;
  /** The clock (tests). */
  now?: Date;
}

export const TRAIL_PATH = '审计记录/审计记录.json';

export async function exportDossier(db: Db, caseId: number, opts: ExportDossierOptions): Promise<Uint8Array> {
  const m = collectCaseMaterial(db, caseId);
  const exportedAt = (opts.now ?? new Date()).toISOString();
  const files: { entry: ManifestFile; bytes: Uint8Array }[] = [];
  const add = (path: string, role: FileRole, bytes: Uint8Array, extra: { title?: string; number?: string } = {}) => {
    files.push({ entry: { path, role, sha256: sha256Hex(bytes), size: bytes.byteLength, ...extra }, bytes });
  };

  m.documents.forEach((d, i) => {
    const name = safeZipName(`${d.title}${d.number ? `_${d.number}` : ''}`);
    add(`文书/${serial(i + 1)}_${name}.pdf`, 'document', d.pdf, { title: d.title, ...(d.number ? { number: d.number } : {}) });
  });
  m.sources.forEach((f, i) => {
    add(`原始文件/${serial(i + 1)}_${IMPORT_KIND_NAMES[f.kind]}_${safeZipName(f.fileName)}`, 'source', f.bytes, { title: f.fileName });
  });
  // TODO(issue 5): cover (封面), index (卷内文件目录: 序号 文号 责任者 题名 日期 页号 备注) and notes
  // (备考表) as PDF built with DocumentModel + renderPdf; working papers (XLSX), evidence, and a
  // readable PDF of the trail.

  const trail: DossierTrail = { caseNumber: m.case.number, genesis: GENESIS_HASH, head: m.head, entries: m.trail };
  add(TRAIL_PATH, 'trail', strToU8(`${JSON.stringify(JSON.parse(canonicalJson(trail)), null, 2)}\n`), { title: '审计记录（哈希链）' });

  const manifest: DossierManifest = {
    format: DOSSIER_FORMAT,
    version: DOSSIER_FORMAT_VERSION,
    exportedAt,
    exportedBy: opts.actor,
    case: {
      number: m.case.number,
      employer: { name: m.employer.name, creditCode: m.employer.creditCode },
      periodFrom: m.case.periodFrom,
      periodTo: m.case.periodTo,
      source: m.case.source,
      state: m.case.state,
      openedAt: m.case.createdAt,
      closedAt: closedAt(m),
    },
    trail: { path: TRAIL_PATH, entries: m.trail.length, head: m.head },
    files: files.map((f) => f.entry),
  };

  const mtime = new Date(exportedAt);
  const zippable: Zippable = {};
  for (const f of files) zippable[f.entry.path] = [f.bytes, { level: 0, mtime }];
  zippable[MANIFEST_PATH] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 0, mtime }];
  return zipSync(zippable, { level: 0 });
}
