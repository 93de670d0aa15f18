// Writes a case's dossier ZIP (DOMAIN.md §9): cover, index and notes; every issued document's PDF
// as stored; the back-pay schedule and the working papers as XLSX; every imported source file
// and every evidence file byte-for-byte; the audit trail as JSON and as a readable PDF; and
// manifest.json with the SHA-256, size and role of every other file plus the trail's chain head. Entries are STORED
// (not deflated): PDFs and XLSX are compressed already, and a stored archive lets anyone pull
// an intact file out of a damaged ZIP, and lets a changed byte show up as that file's change.
// signature.json is the workstation's Ed25519 signature of manifest.json, so rewriting a manifest
// entry to match a changed file no longer passes; the 备考表 prints the chain head, the digest of
// the other files and the signer's fingerprint, so the paper sheet checks the electronic dossier.
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Db } from '../db/open';
import { canonicalJson } from '../audit/canonicalJson';
import { GENESIS_HASH } from '../audit/auditLog';
import { IMPORT_KIND_NAMES } from '../../../shared/domain/importReport';
import {
  DOSSIER_FORMAT,
  DOSSIER_FORMAT_VERSION,
  MANIFEST_PATH,
  SIGNATURE_FORMAT,
  SIGNATURE_PATH,
  contentDigestInput,
  safeZipName,
  type DossierSignature,
  serial,
  type DossierManifest,
  type DossierTrail,
  type FileRole,
  type ManifestFile,
} from '../../../shared/dossier/manifest';
import { buildDossierCover, buildDossierIndex, buildDossierNotes, type ArchiveItem, type ArchiveSheetsInput } from '../../../shared/dossier/archiveSheets';
import { parseAgencyProfile } from '../../../shared/domain/agency';
import { AGENCY_PROFILE_KEY, getSetting } from '../db/repos/settings';
import { renderPdf } from '../documents/pdf';
import { buildScheduleXlsx } from '../documents/scheduleXlsx';
import { buildTrailSheet } from '../../../shared/dossier/trailSheet';
import type { AgencyProfile } from '../../../shared/domain/agency';
import { closedAt, collectCaseMaterial, type CaseMaterial } from './collect';
import { evidenceKindName } from './evidence';
import { findUserByUsername } from '../db/repos/users';
import { sha256Hex } from './sha256';
import { signedText } from './verifyDossier';
import { getDocumentRecord } from '../db/repos/documents';
import { readCaseFacts } from '../backend/documentBuild';
import { buildWorkingPapersXlsx } from './workingPapersXlsx';
import { signBytes, signerOf, workstationKey } from '../signing/workstationKey';
import { formatFingerprint } from '../../../shared/security/fingerprint';

export interface ExportDossierOptions {
  /** Who exports (manifest.exportedBy). */
  actor: string;
  /** The clock (tests). */
  now?: Date;
  /** Set when the export is the one archiving the case: its 档号, retention, and the state it is put in. */
  archive?: { archiveNumber: string; retentionYears: number };
}

export const TRAIL_PATH = '审计记录/审计记录.json';
export const TRAIL_PDF_PATH = '审计记录/审计记录.pdf';
export const SCHEDULE_XLSX_PATH = '工作底稿/补缴明细表.xlsx';
export const WORKING_PAPERS_PATH = '工作底稿/稽核工作底稿.xlsx';

function agencyProfile(db: Db): AgencyProfile | null {
  try {
    return parseAgencyProfile(getSetting(db, AGENCY_PROFILE_KEY));
  } catch {
    return null;
  }
}

/** When the case was (or is being) closed: now when this export archives it. */
function closedOn(m: CaseMaterial, opts: ExportDossierOptions, exportedAt: string): string | null {
  return opts.archive ? exportedAt : closedAt(m);
}

/** The index lists the bureau's documents first, then the employer's files (DOMAIN.md §9). */
const CONCLUSIONS = ['audit-opinion', 'no-violation-notice', 'rectification-notice', 'penalty-referral', 'backpay-schedule'];
const conclusionRank = (type: string): number => (CONCLUSIONS.includes(type) ? 0 : 1);

/** A document's own date: the issue date on its form, else the day it was issued. */
function documentDate(db: Db, id: number): string | null {
  const r = getDocumentRecord(db, id);
  const issueDate = (r?.fields as { issueDate?: string } | null)?.issueDate;
  return issueDate ?? r?.issuedAt?.slice(0, 10) ?? null;
}

/** A user's name as printed (display name), the account name when it is not a user's. */
function personName(db: Db, actor: string): string {
  return findUserByUsername(db, actor)?.displayName ?? actor;
}

function archiveSheetsInput(db: Db, m: CaseMaterial, agency: string, opts: ExportDossierOptions, exportedAt: string, trailPages: number): ArchiveSheetsInput {
  const today = exportedAt.slice(0, 10);
  const trailDate = (m.trail.at(-1)?.at ?? exportedAt).slice(0, 10);
  const items: ArchiveItem[] = [
    // the bureau's conclusions first, then its other documents, each by its own (issue) date
    ...[...m.documents]
      .map((d) => ({ d, date: documentDate(db, d.id) ?? d.createdAt.slice(0, 10) }))
      .sort((a, b) => conclusionRank(a.d.type) - conclusionRank(b.d.type) || a.date.localeCompare(b.date) || a.d.id - b.d.id)
      .map(({ d, date }) => ({ number: d.number, author: agency, title: d.title, date, pages: d.pages, remark: '' })),
    ...(m.result
      ? [
          { number: '', author: agency, title: '补缴明细表（电子表格）', date: m.result.asOf, pages: null, remark: `${m.result.rows.length} 行，XLSX` },
          { number: '', author: agency, title: '稽核工作底稿（问题清单）', date: m.result.asOf, pages: null, remark: 'XLSX，6 个工作表' },
        ]
      : []),
    ...m.sources.map((f) => ({ number: '', author: m.employer.name, title: `${IMPORT_KIND_NAMES[f.kind]}（${f.fileName}）`, date: f.importedAt.slice(0, 10), pages: null, remark: `原始电子文件，${f.rows} 行` })),
    ...m.evidence.map((e) => ({ number: '', author: m.employer.name, title: `${e.description}（${e.fileName}）`, date: e.addedAt.slice(0, 10), pages: null, remark: evidenceKindName(e.kind) })),
    { number: '', author: agency, title: '审计记录', date: trailDate, pages: trailPages, remark: `${m.trail.length} 条，PDF` },
    { number: '', author: agency, title: '审计记录（哈希链）', date: trailDate, pages: null, remark: `${m.trail.length} 条，JSON` },
  ];
  const closed = closedOn(m, opts, exportedAt);
  return {
    agencyName: agency,
    employerName: m.employer.name,
    caseNumber: m.case.number,
    archiveNumber: opts.archive?.archiveNumber ?? `${(closed ?? m.case.createdAt).slice(0, 4)}-${m.case.number}`,
    ...(opts.archive ? { retentionYears: opts.archive.retentionYears } : {}),
    openedOn: m.case.createdAt.slice(0, 10),
    closedOn: closed ? closed.slice(0, 10) : null,
    items,
    periodFrom: m.case.periodFrom,
    periodTo: m.case.periodTo,
    auditors: readCaseFacts(db, m.case.id).auditors.map((x) => x.name),
    // 立卷人: the case's lead auditor, who assembled its file; 检查人: whoever archives it (an
    // archivist or section head checks it on receipt, and the dossier is verified then), by name
    arrangedBy: readCaseFacts(db, m.case.id).auditors[0]?.name ?? personName(db, opts.actor),
    checkedBy: opts.archive ? personName(db, opts.actor) : '',
    ...(opts.archive ? { checkedOn: today } : {}),
    arrangedOn: today,
  };
}

export async function exportDossier(db: Db, caseId: number, opts: ExportDossierOptions): Promise<Uint8Array> {
  const exportedAt = (opts.now ?? new Date()).toISOString();
  const m = collectCaseMaterial(db, caseId, exportedAt.slice(0, 10));
  const agency = agencyProfile(db);
  const agencyName = agency?.name ?? '（未配置机关名称）';
  const files: { entry: ManifestFile; bytes: Uint8Array }[] = [];
  const add = (path: string, role: FileRole, bytes: Uint8Array, extra: { title?: string; number?: string } = {}) => {
    files.push({ entry: { path, role, sha256: sha256Hex(bytes), size: bytes.byteLength, ...extra }, bytes });
  };

  m.documents.forEach((d, i) => {
    const name = safeZipName(`${d.title}${d.number ? `_${d.number}` : ''}`);
    add(`文书/${serial(i + 1)}_${name}.pdf`, 'document', d.pdf, { title: d.title, ...(d.number ? { number: d.number } : {}) });
  });
  if (m.result) {
    if (agency) {
      const opinion = m.documents.filter((d) => d.type === 'audit-opinion').at(-1);
      const annexTo = { name: '稽核意见书', number: opinion?.number || '（未出具）' };
      const facts = { agency, caseNumber: m.case.number, employer: { name: m.employer.name, creditCode: m.employer.creditCode }, periodFrom: m.case.periodFrom, periodTo: m.case.periodTo, auditors: [] };
      add(SCHEDULE_XLSX_PATH, 'working-paper', await buildScheduleXlsx({ facts, result: m.result, annexTo }), { title: '补缴明细表' });
    }
    add(WORKING_PAPERS_PATH, 'working-paper', await buildWorkingPapersXlsx({ caseNumber: m.case.number, employerName: m.employer.name, agencyName, result: m.result }), { title: '稽核工作底稿' });
  }
  m.sources.forEach((f, i) => {
    add(`原始文件/${serial(i + 1)}_${IMPORT_KIND_NAMES[f.kind]}_${safeZipName(f.fileName)}`, 'source', f.bytes, { title: f.fileName });
  });
  m.evidence.forEach((e, i) => {
    add(`证据材料/${serial(i + 1)}_${safeZipName(e.fileName)}`, 'evidence', e.bytes, { title: e.description });
  });
  const trailPdf = await renderPdf(buildTrailSheet({ agencyName, employerName: m.employer.name, caseNumber: m.case.number, head: m.head, entries: m.trail }), { draft: false, archival: true });
  add(TRAIL_PDF_PATH, 'trail', trailPdf.bytes, { title: '审计记录' });
  const trail: DossierTrail = { caseNumber: m.case.number, genesis: GENESIS_HASH, head: m.head, entries: m.trail };
  add(TRAIL_PATH, 'trail', strToU8(`${JSON.stringify(JSON.parse(canonicalJson(trail)), null, 2)}\n`), { title: '审计记录（哈希链）' });
  const sheets = archiveSheetsInput(db, m, agencyName, opts, exportedAt, trailPdf.pages);
  const [cover, index] = (await Promise.all([buildDossierCover, buildDossierIndex].map((b) => renderPdf(b(sheets), { draft: false, archival: true })))).map((r) => r.bytes) as [Uint8Array, Uint8Array];
  files.unshift(
    { entry: { path: '00_案卷封面.pdf', role: 'cover', sha256: sha256Hex(cover), size: cover.byteLength, title: '案卷封面' }, bytes: cover },
    { entry: { path: '00_卷内文件目录.pdf', role: 'index', sha256: sha256Hex(index), size: index.byteLength, title: '卷内文件目录' }, bytes: index },
  );
  // the 备考表 comes last: it prints the trail's head and the digest of every other file, and the signer
  const key = workstationKey(db);
  const contentSha256 = sha256Hex(strToU8(contentDigestInput(files.map((f) => f.entry))));
  const integrity = { trailEntries: m.trail.length, chainHead: m.head, contentSha256, signer: key.name, fingerprintText: formatFingerprint(key.fingerprint) };
  const notes = (await renderPdf(buildDossierNotes({ ...sheets, integrity }), { draft: false, archival: true })).bytes;
  add('99_备考表.pdf', 'notes', notes, { title: '备考表' });

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
      state: opts.archive ? 'archived' : m.case.state,
      openedAt: m.case.createdAt,
      closedAt: closedOn(m, opts, exportedAt),
    },
    trail: { path: TRAIL_PATH, entries: m.trail.length, head: m.head },
    files: files.map((f) => f.entry),
    contentSha256,
  };

  const mtime = new Date(exportedAt);
  const zippable: Zippable = {};
  for (const f of files) zippable[f.entry.path] = [f.bytes, { level: 0, mtime }];
  const manifestBytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  zippable[MANIFEST_PATH] = [manifestBytes, { level: 0, mtime }];
  const signed = { format: SIGNATURE_FORMAT, workstation: signerOf(key), manifestSha256: sha256Hex(manifestBytes) } as const;
  const signature: DossierSignature = { ...signed, signature: signBytes(key, signedText(signed)) };
  zippable[SIGNATURE_PATH] = [strToU8(`${JSON.stringify(signature, null, 2)}\n`), { level: 0, mtime }];
  return zipSync(zippable, { level: 0 });
}
