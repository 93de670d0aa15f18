// Contract methods of the archive and transfer area (issue 5, items 5 and 6); spread into the
// contract by shared/api/contract.ts. Archiving stores the dossier and makes the case read-only;
// a transfer package carries cases between workstations without losing, doubling or overwriting.
import { z } from 'zod';
import { ArchiveInputSchema, ArchiveRecordSchema, ArchiveStatusSchema, TransferImportResultSchema } from '../dto/archive';
import { BytesSchema, IdSchema, method } from '../methodKit';

/** The passphrase both sides of a transfer type; omitted, the backend uses JIHE_PASSPHRASE (command line, tests). */
export const TransferPassphraseSchema = z.string().min(8, '交换包口令至少需要 8 个字符').max(1024).optional();

export const archiveMethods = {
  /** Whether the case is archived (with its stored dossier), or can be now and why not. */
  'archive.status': method(z.object({ caseId: IdSchema }), ArchiveStatusSchema),
  /** Exports the dossier, stores it with its SHA-256 and 档号, and archives the case, in one transaction. */
  'archive.archive': method(ArchiveInputSchema, ArchiveRecordSchema),
  /** The stored dossier ZIP of an archived case, byte for byte. */
  'archive.dossier': method(z.object({ caseId: IdSchema }), z.object({ fileName: z.string(), sha256: z.string(), data: BytesSchema })),
  /** A transfer package of the chosen cases, encrypted with the package passphrase (a ZIP inside), to take to another workstation. */
  'transfer.exportCases': method(
    z.object({ caseIds: z.array(IdSchema).min(1, '请至少选择一个案件').max(200, '一次最多导出200个案件'), passphrase: TransferPassphraseSchema }),
    z.object({ fileName: z.string(), data: BytesSchema, cases: z.number().int() }),
  ),
  /** Imports a transfer package: new cases are created, cases changed on one side only are brought up to date, conflicts are listed and nothing of them is taken. */
  'transfer.importPackage': method(z.object({ data: BytesSchema, fileName: z.string().max(260).optional(), passphrase: TransferPassphraseSchema }), TransferImportResultSchema),
} as const;
