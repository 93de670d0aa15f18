// documents.*: generating the audit notice (DOMAIN.md §8) and handing out stored PDFs. The number
// is taken from the type's yearly sequence and committed in the same transaction that stores
// the document; generations run one at a time so the number built into the PDF is the one stored.
import { createHash } from 'node:crypto';
import { DOCUMENT_TYPE_NAMES } from '../../../shared/api/dto';
import { numberPrefixFor, parseAgencyProfile } from '../../../shared/domain/agency';
import { buildAuditNotice } from '../../../shared/documents/auditNotice';
import { formatDocumentNumber } from '../../../shared/documents/numbering';
import type { DocumentModel } from '../../../shared/documents/model';
import { appendAudit } from '../audit/auditLog';
import { getDocument, insertIssuedDocument, peekNextSeq } from '../db/repos/documents';
import { getEmployer } from '../db/repos/employers';
import { AGENCY_PROFILE_KEY, getSetting } from '../db/repos/settings';
import { sampleValueRefusal } from '../../../shared/rules/sampleValues';
import { renderPdf } from '../documents/pdf';
import { ApiFailure } from './errors';
import { requireEmployerCase, requireOpenCase } from './cases';
import type { Handlers } from './types';

export const documentHandlers: Handlers<'documents.generateNotice' | 'documents.pdf'> = {
  'documents.generateNotice': (ctx, input) =>
    ctx.serial(async () => {
      requireOpenCase(ctx.db, input.caseId);
      const c = requireEmployerCase(ctx.db, input.caseId);
      const employer = getEmployer(ctx.db, c.employerId)!;
      const rawProfile = getSetting(ctx.db, AGENCY_PROFILE_KEY);
      if (rawProfile === null) throw new ApiFailure('not-ready', '尚未配置机关信息（名称、文号前缀等），无法生成文书');
      let agency;
      let prefix: string;
      try {
        agency = parseAgencyProfile(rawProfile);
        prefix = numberPrefixFor(agency, 'audit-notice');
      } catch (e) {
        throw new ApiFailure('not-ready', (e as Error).message);
      }
      const type = 'audit-notice' as const;
      const year = Number(input.issueDate.slice(0, 4));
      const seq = peekNextSeq(ctx.db, type, year);
      const number = formatDocumentNumber(prefix, year, seq);
      let model: DocumentModel;
      try {
        model = buildAuditNotice({
          agency,
          number,
          employer: { name: employer.name, creditCode: employer.creditCode, ...(employer.address ? { address: employer.address } : {}) },
          periodFrom: c.periodFrom,
          periodTo: c.periodTo,
          onsiteDate: input.onsiteDate,
          onsiteTime: input.onsiteTime,
          place: input.place,
          auditors: input.auditors,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          issueDate: input.issueDate,
        });
      } catch (e) {
        throw new ApiFailure('invalid-input', (e as Error).message);
      }
      const sample = sampleValueRefusal(agency, JSON.stringify(model));
      if (sample) throw new ApiFailure('not-ready', sample);
      const rendered = await renderPdf(model, { draft: false, archival: true });
      const sha256 = createHash('sha256').update(rendered.bytes).digest('hex');
      const meta = ctx.meta();
      return ctx.db.transaction(() => {
        const doc = insertIssuedDocument(
          ctx.db,
          {
            caseId: c.id,
            type,
            title: DOCUMENT_TYPE_NAMES[type],
            year,
            seq,
            number,
            model,
            pdf: rendered.bytes,
            sha256,
            pages: rendered.pages,
            fonts: (rendered as { fonts?: unknown }).fonts ?? null,
          },
          meta,
        );
        appendAudit(ctx.db, {
          ...meta,
          caseId: c.id,
          action: 'document.issue',
          detail: {
            documentId: doc.id,
            type,
            number,
            sha256,
            pages: rendered.pages,
            onsiteDate: input.onsiteDate,
            place: input.place,
            auditors: input.auditors.map((a) => ({ name: a.name, credentialNo: a.credentialNo })),
            issueDate: input.issueDate,
          },
        });
        return doc;
      })();
    }),

  'documents.pdf': (ctx, input) => {
    const doc = getDocument(ctx.db, input.documentId);
    if (!doc) throw new ApiFailure('not-found', `找不到文书（编号 ${input.documentId}）`);
    const safeNumber = doc.number.replace(/[\\/:*?"<>|]/g, '_');
    return { fileName: `${doc.title}${safeNumber ? `_${safeNumber}` : ''}.pdf`, data: doc.pdf };
  },
};
