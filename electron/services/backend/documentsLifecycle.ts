// documents.* (the life of a document) and caseFacts.*: drafts without a number and with the 草稿
// watermark, rebuilt whenever the form changes; issuing, which takes the next number of the
// type's yearly sequence in the same transaction that freezes the final model, the archival
// PDF/A-2b and its SHA-256 (a failed issue never consumes a number); corrections, new drafts that
// cite the issued document they replace. Issuing rebuilds the draft from its stored fields and
// refuses when that no longer gives what was previewed. Runs one at a time (ctx.serial) so the
// number built into the PDF is the one stored.
import { createHash } from 'node:crypto';
import { MAKEABLE_KINDS, NUMBERED_KINDS, type CaseFactsView, type DocumentFields, type DocumentListItem, type MakeableKind } from '../../../shared/api/dto/documents';
import type { Case } from '../../../shared/api/dto';
import { DOCUMENT_KIND_NAMES, DOCUMENT_KINDS_BY_CASE_KIND } from '../../../shared/documents/kinds';
import type { Block, DocumentModel } from '../../../shared/documents/model';
import { formatChineseDate } from '../../../shared/rules/month';
import { remitIssueRefusal } from '../../../shared/rules/remit';
import { sampleValueRefusal } from '../../../shared/rules/sampleValues';
import { appendAudit } from '../audit/auditLog';
import type { Db } from '../db/open';
import { getCaseFacts, setCaseFacts } from '../db/repos/caseFacts';
import { getDocumentRecord, getDocumentXlsx, insertDraft, issueDraft, listDocumentRecords, peekNextSeq, updateDraft, type DocumentRecord, type RenderedDocument } from '../db/repos/documents';
import { renderPdf } from '../documents/pdf';
import { buildScheduleXlsx } from '../documents/scheduleXlsx';
import { employerOfCase, requireCase, requireOpenCase } from './cases';
import { localIsoDate, storedAgencyProfile } from './computeCase';
import { caseFigures, type CaseFigures } from './caseFigures';
import {
  AMOUNT_KINDS,
  APPROVAL_KINDS,
  buildDocumentModel,
  builderFacts,
  documentTitle,
  FORM_FIELDS,
  loadAgency,
  readCaseFacts,
  resolveFields,
  scheduleAnnex,
  type BuildEnv,
} from './documentBuild';
import { ApiFailure } from './errors';
import { assertApprovedForIssue } from './reviewState';
import type { BackendContext } from './context';
import type { Handlers } from './types';

type Methods =
  | 'documents.kinds'
  | 'documents.draft'
  | 'documents.issue'
  | 'documents.correct'
  | 'documents.list'
  | 'documents.model'
  | 'documents.xlsx'
  | 'caseFacts.get'
  | 'caseFacts.set';

function buildEnv(ctx: BackendContext, c: Case): BuildEnv {
  const today = localIsoDate(ctx.now());
  let figures: CaseFigures | null = null;
  return {
    db: ctx.db,
    case: c,
    today,
    figures: () => (figures ??= caseFigures(ctx.db, c.id, today)),
  };
}

function requireDocument(db: Db, documentId: number): DocumentRecord {
  const d = getDocumentRecord(db, documentId);
  if (!d) throw new ApiFailure('not-found', `找不到文书（编号 ${documentId}）`);
  return d;
}

function asMakeable(type: string): MakeableKind {
  if (!(MAKEABLE_KINDS as readonly string[]).includes(type)) throw new ApiFailure('invalid-input', `此类文书（${type}）不能在文书页中办理`);
  return type as MakeableKind;
}

/**
 * A correction says what it corrects: a paragraph after the addressee (or first, on forms
 * without one) naming the old document, its number and date, and the reason.
 */
function withCorrectionNote(model: DocumentModel, old: DocumentRecord, reason: string): DocumentModel {
  const date = old.issuedAt ? formatChineseDate(((old.fields ?? {}) as DocumentFields).issueDate ?? old.issuedAt.slice(0, 10)) : '';
  const cited = `${date}出具的《${old.title}》${old.number ? `（${old.number}）` : ''}`;
  const note: Block = {
    kind: 'paragraph',
    content: [{ text: '更正说明：', strong: true }, `本文书更正${cited}，原文书自本文书送达之日起不再执行。更正原因：${reason.trim()}。`],
  };
  const at = model.blocks[0]?.kind === 'addressee' ? 1 : 0;
  return { ...model, blocks: [...model.blocks.slice(0, at), note, ...model.blocks.slice(at)] };
}

interface Built {
  model: DocumentModel;
  fields: DocumentFields;
  title: string;
}

/** The model for a record's kind and fields: the draft (seq null) or the issued form (seq). */
function buildFor(env: BuildEnv, kind: MakeableKind, fields: DocumentFields, seq: number | null, supersedes: DocumentRecord | null, reason: string | null): Built {
  let model = buildDocumentModel(env, kind, fields, seq);
  if (supersedes) model = withCorrectionNote(model, supersedes, reason ?? '');
  return { model, fields, title: documentTitle(kind, fields, listDocumentRecords(env.db, env.case.id)) };
}

async function renderFor(env: BuildEnv, kind: MakeableKind, built: Built, draft: boolean): Promise<RenderedDocument> {
  const rendered = await renderPdf(built.model, draft ? { draft: true } : { draft: false, archival: true });
  let xlsx: Uint8Array | null = null;
  if (kind === 'backpay-schedule') {
    const c = env.case;
    xlsx = await buildScheduleXlsx({
      facts: builderFacts(c, loadAgency(env.db), employerOfCase(env.db, c), readCaseFacts(env.db, c.id)),
      result: env.figures().result,
      annexTo: scheduleAnnex(env),
    });
  }
  return { model: built.model, pdf: rendered.bytes, sha256: createHash('sha256').update(rendered.bytes).digest('hex'), pages: rendered.pages, fonts: rendered.fonts, xlsx };
}

/** The list entry: the stored summary with its life (superseded by an issued correction?). */
function toItem(d: DocumentRecord, all: readonly DocumentRecord[]): DocumentListItem {
  const correction = all.find((x) => x.supersedesId === d.id) ?? null;
  const old = d.supersedesId === null ? null : (all.find((x) => x.id === d.supersedesId) ?? null);
  return {
    id: d.id,
    caseId: d.caseId,
    type: d.type,
    title: d.title,
    number: d.number,
    status: d.status,
    createdAt: d.createdAt,
    sha256: d.sha256,
    pages: d.pages,
    state: d.status === 'draft' ? 'draft' : correction?.status === 'issued' ? 'superseded' : 'issued',
    fields: (d.fields ?? null) as DocumentFields | null,
    asOf: d.asOf,
    issuedAt: d.issuedAt,
    issuedBy: d.issuedBy,
    supersedes: old ? { id: old.id, number: old.number, reason: d.correctionReason ?? '' } : null,
    correctedBy: correction ? { id: correction.id, number: correction.number, status: correction.status } : null,
    hasXlsx: d.type === 'backpay-schedule',
  };
}

function itemOf(db: Db, id: number): DocumentListItem {
  const all = listDocumentRecords(db, requireDocument(db, id).caseId);
  return toItem(all.find((x) => x.id === id)!, all);
}

function factsView(db: Db, caseId: number): CaseFactsView {
  const stored = getCaseFacts(db, caseId);
  return { caseId, facts: readCaseFacts(db, caseId), updatedAt: stored?.updatedAt ?? null, updatedBy: stored?.updatedBy ?? null };
}

function issueBlocker(db: Db, caseId: number, kind: MakeableKind): string | null {
  const profile = storedAgencyProfile(db);
  const sample = profile ? sampleValueRefusal(profile, '') : null;
  if (sample) return sample;
  if (!APPROVAL_KINDS.includes(kind)) return null;
  try {
    assertApprovedForIssue(db, caseId);
    return null;
  } catch (e) {
    if (e instanceof ApiFailure) return e.message;
    throw e;
  }
}

export const documentLifecycleHandlers: Handlers<Methods> = {
  'documents.kinds': (ctx, input) => {
    const c = requireCase(ctx.db, input.caseId);
    const env = buildEnv(ctx, c);
    const forKind = DOCUMENT_KINDS_BY_CASE_KIND[c.kind];
    return MAKEABLE_KINDS.filter((kind) => forKind.includes(kind)).map((kind) => {
      let reasons: string[] = [];
      let defaults: DocumentFields = {};
      try {
        defaults = resolveFields(env, kind, {});
        buildDocumentModel(env, kind, defaults, null);
      } catch (e) {
        if (!(e instanceof ApiFailure)) throw e;
        reasons = e.message.replace(/^[^：]*无法生成：/, '').split('；');
      }
      return {
        kind,
        name: DOCUMENT_KIND_NAMES[kind],
        numbered: NUMBERED_KINDS.includes(kind),
        available: reasons.length === 0,
        reasons,
        needsApproval: APPROVAL_KINDS.includes(kind),
        issueBlocker: issueBlocker(ctx.db, c.id, kind),
        defaults,
        formFields: FORM_FIELDS[kind],
      };
    });
  },

  'documents.draft': (ctx, input) =>
    ctx.serial(async () => {
      const c = requireOpenCase(ctx.db, input.caseId);
      const existing = input.documentId === undefined ? null : requireDocument(ctx.db, input.documentId);
      if (existing) {
        if (existing.caseId !== c.id || existing.type !== input.kind) throw new ApiFailure('invalid-input', '要重新生成的草稿不属于此案件或不是此类文书');
        if (existing.status !== 'draft') throw new ApiFailure('conflict', `${existing.title}（${existing.number}）已签发，不能修改；如有错误请出具更正文书`);
      }
      const env = buildEnv(ctx, c);
      const fields = resolveFields(env, input.kind, input.fields);
      const supersedes = existing?.supersedesId ? requireDocument(ctx.db, existing.supersedesId) : null;
      const built = buildFor(env, input.kind, fields, null, supersedes, existing?.correctionReason ?? null);
      const r = await renderFor(env, input.kind, built, true);
      const meta = ctx.meta();
      const id = ctx.db.transaction(() => {
        const doc = existing
          ? updateDraft(ctx.db, existing.id, { ...r, fields, asOf: fields.asOf ?? null }, meta)
          : insertDraft(ctx.db, { caseId: c.id, type: input.kind, title: built.title, ...r, fields, asOf: fields.asOf ?? null }, meta);
        appendAudit(ctx.db, { ...meta, caseId: c.id, action: existing ? 'document.redraft' : 'document.draft', detail: { documentId: doc.id, type: input.kind, fields, sha256: r.sha256 } });
        return doc.id;
      })();
      return itemOf(ctx.db, id);
    }),

  'documents.issue': (ctx, input) =>
    ctx.serial(async () => {
      const d = requireDocument(ctx.db, input.documentId);
      if (d.status !== 'draft') throw new ApiFailure('conflict', `${d.title}（${d.number}）已签发，不能再次签发`);
      const kind = asMakeable(d.type);
      const c = requireOpenCase(ctx.db, d.caseId);
      if (APPROVAL_KINDS.includes(kind)) assertApprovedForIssue(ctx.db, c.id);
      const env = buildEnv(ctx, c);
      const fields = (d.fields ?? {}) as DocumentFields;
      const supersedes = d.supersedesId ? requireDocument(ctx.db, d.supersedesId) : null;
      if (supersedes && supersedes.status !== 'issued') throw new ApiFailure('conflict', '被更正的文书尚未签发');
      // Amounts are the approved figures: a draft made with other figures (before the approval,
      // or at another cut-off date) cannot be issued.
      const figures = AMOUNT_KINDS.includes(kind) ? env.figures() : null;
      if (figures?.approved && fields.asOf !== figures.asOf) {
        throw new ApiFailure(
          'conflict',
          `${d.title}的金额计至${formatChineseDate(fields.asOf ?? d.asOf ?? env.today)}，与审核通过的稽核结论（计至${formatChineseDate(figures.asOf)}）不一致，不能签发。请重新生成草稿，核对后再签发`,
        );
      }
      // What is issued must be what was previewed: the draft rebuilt from its fields today.
      const again = buildFor(env, kind, fields, null, supersedes, d.correctionReason);
      if (JSON.stringify(again.model) !== JSON.stringify(d.model)) {
        throw new ApiFailure('conflict', `草稿生成后，案件的数据或所引用的文书已有变化，签发后的内容将与预览不同。请重新生成草稿，核对后再签发`);
      }
      // Nothing invented and nothing outside the agency's remit is issued (issue 9 items 2 and 3).
      const agency = loadAgency(ctx.db);
      const sample = sampleValueRefusal(agency, JSON.stringify(d.model));
      if (sample) throw new ApiFailure('not-ready', sample);
      const remit = AMOUNT_KINDS.includes(kind) ? remitIssueRefusal(d.title, env.figures().result, agency) : null;
      if (remit) throw new ApiFailure('conflict', remit);
      const year = Number((fields.issueDate ?? env.today).slice(0, 4));
      const seq = peekNextSeq(ctx.db, kind, year);
      const built = buildFor(env, kind, fields, seq, supersedes, d.correctionReason);
      const r = await renderFor(env, kind, built, false);
      const number = built.model.number ?? '';
      const meta = ctx.meta();
      ctx.db.transaction(() => {
        issueDraft(ctx.db, d.id, { ...r, year, seq, number }, meta);
        appendAudit(ctx.db, {
          ...meta,
          caseId: c.id,
          action: 'document.issue',
          detail: { documentId: d.id, type: kind, number, seq, year, sha256: r.sha256, pages: r.pages, asOf: fields.asOf ?? null, ...(supersedes ? { supersedes: supersedes.id } : {}) },
        });
      })();
      return itemOf(ctx.db, d.id);
    }),

  'documents.correct': (ctx, input) =>
    ctx.serial(async () => {
      const old = requireDocument(ctx.db, input.documentId);
      const kind = asMakeable(old.type);
      if (old.status !== 'issued') throw new ApiFailure('conflict', '草稿可以直接修改后重新生成，不需要更正');
      const c = requireOpenCase(ctx.db, old.caseId);
      const all = listDocumentRecords(ctx.db, c.id);
      const existing = all.find((x) => x.supersedesId === old.id);
      if (existing) {
        throw new ApiFailure('conflict', existing.status === 'draft' ? `该文书已有更正草稿（文书编号 ${existing.id}），请在该草稿上修改` : `该文书已被 ${existing.number || existing.title} 更正`);
      }
      const env = buildEnv(ctx, c);
      const oldFields = (old.fields ?? {}) as DocumentFields;
      // The correction is a new document of today; its amounts stay as of the old one's date
      // unless the form changes it, so correcting a name does not silently move the late fee.
      const given: DocumentFields = { ...oldFields, issueDate: env.today };
      const fields = resolveFields(env, kind, given);
      const built = buildFor(env, kind, fields, null, old, input.reason);
      const r = await renderFor(env, kind, built, true);
      const meta = ctx.meta();
      const id = ctx.db.transaction(() => {
        const doc = insertDraft(ctx.db, { caseId: c.id, type: kind, title: built.title, ...r, fields, asOf: fields.asOf ?? null, supersedesId: old.id, correctionReason: input.reason }, meta);
        appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'document.correct', detail: { documentId: doc.id, supersedes: old.id, number: old.number, reason: input.reason } });
        return doc.id;
      })();
      return itemOf(ctx.db, id);
    }),

  'documents.list': (ctx, input) => {
    requireCase(ctx.db, input.caseId);
    const all = listDocumentRecords(ctx.db, input.caseId);
    return all.map((d) => toItem(d, all));
  },

  'documents.model': (ctx, input) => requireDocument(ctx.db, input.documentId).model as DocumentModel,

  'documents.xlsx': (ctx, input) => {
    const d = requireDocument(ctx.db, input.documentId);
    const xlsx = getDocumentXlsx(ctx.db, d.id);
    if (d.type !== 'backpay-schedule' || !xlsx) throw new ApiFailure('not-found', `${d.title}没有 XLSX 文件（只有补缴明细表有）`);
    const label = d.number || (d.status === 'draft' ? '草稿' : requireCase(ctx.db, d.caseId).number);
    return { fileName: `${d.title}_${label.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`, data: xlsx };
  },

  'caseFacts.get': (ctx, input) => {
    requireCase(ctx.db, input.caseId);
    return factsView(ctx.db, input.caseId);
  },

  'caseFacts.set': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    const f = input.facts;
    if (f.onsiteFrom && f.onsiteTo && f.onsiteTo < f.onsiteFrom) {
      throw new ApiFailure('invalid-input', '实地稽核结束日期不能早于开始日期', [{ path: 'facts.onsiteTo', message: '早于开始日期' }]);
    }
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      setCaseFacts(ctx.db, c.id, f, meta);
      appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'case-facts.set', detail: { facts: f } });
    })();
    return factsView(ctx.db, c.id);
  },
};
