// Contract methods of one area (documents); spread into the contract by shared/api/contract.ts.
// The life of a document (DOMAIN.md §8): a draft without a number, rebuilt at will; issued with
// its number and frozen; corrected by a new document citing the old one. Case facts are entered
// once per case and prefill every document form.
import { z } from 'zod';
import {
  CaseFactsRecordSchema,
  CaseFactsViewSchema,
  DocumentDraftInputSchema,
  DocumentKindStatusSchema,
  DocumentListItemSchema,
  DocumentModelSchema,
} from '../dto/documents';
import { BytesSchema, IdSchema, method } from '../methodKit';

const documentId = z.object({ documentId: IdSchema });

export const documentMethods = {
  /** Every kind of document, whether a draft can be made now for this case, and why not. */
  'documents.kinds': method(z.object({ caseId: IdSchema }), z.array(DocumentKindStatusSchema)),
  /** Makes a draft (or rebuilds the draft `documentId`): no number, PDF with the 草稿 watermark. */
  'documents.draft': method(DocumentDraftInputSchema, DocumentListItemSchema),
  /** Issues a draft: takes the next number of its type and year and freezes model, PDF and hash. */
  'documents.issue': method(documentId, DocumentListItemSchema),
  /** A new draft of the same kind citing the issued document it corrects; the old one stays. */
  'documents.correct': method(z.object({ documentId: IdSchema, reason: z.string().trim().min(1, '请填写更正原因').max(300, '更正原因最多300字') }), DocumentListItemSchema),
  'documents.list': method(z.object({ caseId: IdSchema }), z.array(DocumentListItemSchema)),
  /** The document's model, for the on-screen preview (the same model the PDF was rendered from). */
  'documents.model': method(documentId, DocumentModelSchema),
  /** The back-pay schedule as XLSX, frozen with its PDF. */
  'documents.xlsx': method(documentId, z.object({ fileName: z.string(), data: BytesSchema })),

  'caseFacts.get': method(z.object({ caseId: IdSchema }), CaseFactsViewSchema),
  'caseFacts.set': method(z.object({ caseId: IdSchema, facts: CaseFactsRecordSchema }), CaseFactsViewSchema),
} as const;
