// The case-transfer package (issue 5 item 6): a ZIP carrying cases from one workstation to another.
// `transfer.json` lists the cases (their UUID, number, audit-trail head) and every other file with
// its SHA-256 and size; `cases/<uuid>.json` is one case's rows, table by table, rows named by UUID
// (or by content for tables without one); `blobs/<sha256>` holds file bytes (imported files, PDFs,
// evidence) once each. Pure: the exporter writes it and the importer reads it through this schema.
// Version 2 (issue 8): `transfer.json` also names the sending workstation (its public key) and its
// users, and `transfer.sig` is the workstation's Ed25519 signature of `transfer.json`'s bytes —
// which, listing every other file's SHA-256, covers the whole package.
import { z } from 'zod';

export const TRANSFER_FORMAT = 'jihe-transfer';
export const TRANSFER_VERSION = 2;
export const TRANSFER_MANIFEST = 'transfer.json';
export const TRANSFER_SIGNATURE = 'transfer.sig';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A cell: a plain value, a file's bytes by SHA-256, or a reference to another row by UUID. */
export type Cell = null | number | string | { $blob: string } | { $ref: string };
const CellSchema: z.ZodType<Cell> = z.union([z.null(), z.number(), z.string(), z.object({ $blob: sha256 }).strict(), z.object({ $ref: z.string() }).strict()]);

export const RowDumpSchema = z.object({
  /** The row's UUID, or for tables without one the SHA-256 of its cells. */
  key: z.string(),
  uuid: z.string().nullable(),
  values: z.array(CellSchema),
  /** Rows of tables hanging under this one (imported lines under their file), cells only. */
  children: z.record(z.string(), z.object({ columns: z.array(z.string()), rows: z.array(z.array(CellSchema)) })).optional(),
});
export type RowDump = z.infer<typeof RowDumpSchema>;

export const TableDumpSchema = z.object({ columns: z.array(z.string()), rows: z.array(RowDumpSchema) });
export type TableDump = z.infer<typeof TableDumpSchema>;

export const TrailEntryDumpSchema = z.object({
  at: z.string(),
  actor: z.string(),
  /** The case id the entry was hashed with (on the workstation that wrote it). */
  caseId: z.number().int().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: sha256,
  hash: sha256,
});
export type TrailEntryDump = z.infer<typeof TrailEntryDumpSchema>;

export const CaseDumpSchema = z.object({
  uuid: z.string(),
  number: z.string(),
  case: TableDumpSchema,
  employer: TableDumpSchema,
  ratePlan: TableDumpSchema,
  tables: z.record(z.string(), TableDumpSchema),
  trail: z.array(TrailEntryDumpSchema),
  head: sha256,
});
export type CaseDump = z.infer<typeof CaseDumpSchema>;

/** The workstation that signed a package or dossier: its id, name and public key (SPKI DER, base64). */
export const SignerSchema = z.object({ id: z.string(), name: z.string(), publicKey: z.string().min(1).max(200), fingerprint: sha256 });

/** A user account of the sending workstation, as the receiving one checks trail actors against. */
export const PackageUserSchema = z.object({ username: z.string(), displayName: z.string(), role: z.string(), active: z.boolean() });
export type PackageUser = z.infer<typeof PackageUserSchema>;

export const TransferManifestSchema = z.object({
  format: z.literal(TRANSFER_FORMAT),
  version: z.literal(TRANSFER_VERSION),
  exportedAt: z.string(),
  exportedBy: z.string(),
  workstation: SignerSchema,
  /** The sending workstation's accounts (every one, deactivated included); empty before it had any. */
  users: z.array(PackageUserSchema),
  /** Who acts on the sending workstation while it has no accounts (the OS user). */
  defaultActor: z.string(),
  /** The number range (号段) the sending workstation issues from, if it has one. */
  numberRange: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  cases: z.array(z.object({ uuid: z.string(), number: z.string(), employerName: z.string(), head: sha256, path: z.string() })),
  files: z.array(z.object({ path: z.string(), sha256, size: z.number().int().nonnegative() })),
});
export type TransferManifest = z.infer<typeof TransferManifestSchema>;

/** Chinese names of the tables a case is made of, for conflict lists. */
export const TABLE_NAMES: Record<string, string> = {
  cases: '案件',
  source_files: '导入文件',
  roster_files: '花名册',
  documents: '文书',
  exemptions: '豁免',
  finding_judgments: '问题认定',
  approvals: '审核',
  ledger_totals: '账簿工资总额',
  evidence: '证据材料',
  dossier_exports: '归档档案',
  case_facts: '案件登记事项',
  case_transitions: '状态变更',
  rectification_entries: '整改记录',
};
