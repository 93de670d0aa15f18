// The dossier's manifest.json (DOMAIN.md §9): what an archivist checks a case's ZIP against ten
// years later, with nothing but this file and the ZIP — every other file's path, role, SHA-256
// and size, the case facts, and the head of the case's audit-trail hash chain. Pure: the export
// writes it and the offline verifier reads it through this one schema.
import { z } from 'zod';

export const DOSSIER_FORMAT = 'jihe-dossier';
export const DOSSIER_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
/** The workstation's detached Ed25519 signature of manifest.json's SHA-256 and its own identity (issue 8). */
export const SIGNATURE_PATH = 'signature.json';
export const SIGNATURE_FORMAT = 'jihe-dossier-signature';

export const FILE_ROLES = ['cover', 'index', 'notes', 'document', 'working-paper', 'source', 'evidence', 'trail'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export const FILE_ROLE_NAMES: Record<FileRole, string> = {
  cover: '案卷封面',
  index: '卷内文件目录',
  notes: '备考表',
  document: '稽核文书',
  'working-paper': '工作底稿',
  source: '原始文件',
  evidence: '证据材料',
  trail: '审计记录',
};

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 SHA-256');

export const ManifestFileSchema = z.object({
  /** Path inside the ZIP, '/'-separated. */
  path: z.string().min(1),
  role: z.enum(FILE_ROLES),
  sha256,
  size: z.number().int().nonnegative(),
  /** Human title (document title, original file name). */
  title: z.string().optional(),
  /** Document number (文号), for issued documents. */
  number: z.string().optional(),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

export const ManifestCaseSchema = z.object({
  number: z.string().min(1),
  employer: z.object({ name: z.string().min(1), creditCode: z.string() }),
  periodFrom: z.string(),
  periodTo: z.string(),
  source: z.string(),
  state: z.string(),
  openedAt: z.string(),
  /** When the case was concluded or archived, if it was. */
  closedAt: z.string().nullable(),
});
export type ManifestCase = z.infer<typeof ManifestCaseSchema>;

export const ManifestSchema = z.object({
  format: z.literal(DOSSIER_FORMAT),
  version: z.literal(DOSSIER_FORMAT_VERSION),
  exportedAt: z.string(),
  exportedBy: z.string(),
  case: ManifestCaseSchema,
  trail: z.object({ path: z.string().min(1), entries: z.number().int().nonnegative(), head: sha256 }),
  files: z.array(ManifestFileSchema),
  /** SHA-256 of every file except the 备考表 (contentDigest), as printed on the 备考表 itself. */
  contentSha256: sha256.optional(),
});
export type DossierManifest = z.infer<typeof ManifestSchema>;

/** One entry of the case's audit trail as the dossier carries it (same fields the chain hashes). */
export const TrailEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  caseId: z.number().int().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: sha256,
  hash: sha256,
});

export const TrailFileSchema = z.object({
  caseNumber: z.string(),
  /** The chain starts from this hash (64 zeros, the genesis). */
  genesis: sha256,
  head: sha256,
  entries: z.array(TrailEntrySchema),
});
export type DossierTrail = z.infer<typeof TrailFileSchema>;

export const DossierSignatureSchema = z.object({
  format: z.literal(SIGNATURE_FORMAT),
  workstation: z.object({ id: z.string(), name: z.string(), publicKey: z.string().min(1).max(200), fingerprint: sha256 }),
  manifestSha256: sha256,
  /** Ed25519 signature, base64, of the canonical JSON of the three fields above (verifyDossier.ts signedText). */
  signature: z.string().min(1).max(200),
});
export type DossierSignature = z.infer<typeof DossierSignatureSchema>;

/** The digest printed on the 备考表: SHA-256 of the sorted (path, SHA-256) pairs of every file but the 备考表. */
export function contentDigestInput(files: readonly { path: string; role: FileRole; sha256: string }[]): string {
  return JSON.stringify(
    files
      .filter((f) => f.role !== 'notes')
      .map((f) => [f.path, f.sha256])
      .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)),
  );
}

/** Problems the verifier reports, each naming a file. */
export type DossierProblemKind = 'missing' | 'changed' | 'extra' | 'manifest' | 'trail' | 'signature';
export interface DossierProblem {
  file: string;
  kind: DossierProblemKind;
  message: string;
}
export interface DossierSigner {
  name: string;
  fingerprint: string;
  fingerprintText: string;
  /** Whether the key is registered on the workstation the check ran against; null when checked without one. */
  registered: boolean | null;
}
export interface DossierCheck {
  ok: boolean;
  /** Who signed the manifest, when the signature is valid. */
  signer: DossierSigner | null;
  problems: DossierProblem[];
  /** The manifest as read, when it could be read. */
  manifest: DossierManifest | null;
}

/** A path safe inside a ZIP on any OS: no separators or reserved characters from user text. */
export function safeZipName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

/** Two-digit (or wider) serial, so files sort in the order the index lists them. */
export function serial(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
