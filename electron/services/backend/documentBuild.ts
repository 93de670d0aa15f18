// From a case to the model of one of its documents: the agency profile, the employer, the case
// facts entered once (case_facts), the form's own fields, the case's figures (caseFigures.ts: the
// approved snapshot in force, else the computation at the case's cut-off date), and the issued documents it cites (the opinion cites the notice of findings, the
// rectification notice the opinion …). One builder per kind of DOMAIN.md §8, fed as `jihe demo`
// feeds them, so the app and the demo print the same documents.
import { numberPrefixFor, parseAgencyProfile, type AgencyProfile } from '../../../shared/domain/agency';
import { IMPORT_KIND_NAMES } from '../../../shared/domain/importReport';
import type { ComputeResult } from '../../../shared/domain/result';
import type { Case, Employer } from '../../../shared/api/dto';
import { CaseFactsRecordSchema, NUMBERED_KINDS, type CaseFactsRecord, type DocumentFields, type MakeableKind } from '../../../shared/api/dto/documents';
import { buildAuditNotice } from '../../../shared/documents/auditNotice';
import { buildAuditOpinion, paymentDeadline } from '../../../shared/documents/auditOpinion';
import { buildBackPaySchedule } from '../../../shared/documents/backPaySchedule';
import type { CaseFacts } from '../../../shared/documents/caseFacts';
import { buildFindingsNotice } from '../../../shared/documents/findingsNotice';
import { buildInterviewRecord } from '../../../shared/documents/interviewRecord';
import { DOCUMENT_KIND_NAMES } from '../../../shared/documents/kinds';
import type { DocumentModel } from '../../../shared/documents/model';
import { buildNoViolationNotice } from '../../../shared/documents/noViolationNotice';
import { buildPenaltyReferral } from '../../../shared/documents/penaltyReferral';
import { buildProofOfService } from '../../../shared/documents/proofOfService';
import { buildRectificationNotice } from '../../../shared/documents/rectificationNotice';
import { buildUndertaking } from '../../../shared/documents/undertaking';
import { buildWorkRecord } from '../../../shared/documents/workRecord';
import type { Db } from '../db/open';
import { getCaseFacts } from '../db/repos/caseFacts';
import { caseTeam } from '../db/repos/office';
import { listDocumentRecords, type DocumentRecord } from '../db/repos/documents';
import { employerOfCase } from './cases';
import { AGENCY_PROFILE_KEY, getSetting } from '../db/repos/settings';
import { listSourceFiles } from '../db/repos/sourceFiles';
import type { CaseFigures } from './caseFigures';
import { ApiFailure } from './errors';

/** Kinds whose amounts come from the case's figures. */
export const AMOUNT_KINDS: readonly MakeableKind[] = [
  'work-record',
  'findings-notice',
  'audit-opinion',
  'rectification-notice',
  'backpay-schedule',
  'penalty-referral',
  // the no-violation notice reads the computation (nothing found) but states no amounts
  'no-violation-notice',
];

/** Issuing these needs the section head's current approval (assertApprovedForIssue). */
export const APPROVAL_KINDS: readonly MakeableKind[] = ['audit-opinion', 'rectification-notice'];

/** What each kind's form asks for; everything else comes from the case facts. */
export const FORM_FIELDS: Record<MakeableKind, (keyof DocumentFields)[]> = {
  'audit-notice': ['issueDate'],
  'service-proof': ['issueDate', 'servedDocumentIds', 'manner', 'serviceDate', 'remarks'],
  undertaking: ['issueDate'],
  'interview-record': ['issueDate', 'questions'],
  'work-record': ['issueDate', 'observations'],
  'findings-notice': ['issueDate'],
  'audit-opinion': ['issueDate', 'response'],
  'rectification-notice': ['issueDate', 'deadline'],
  'backpay-schedule': ['issueDate'],
  'penalty-referral': ['issueDate', 'checkedOn', 'nonCompliance'],
  'no-violation-notice': ['issueDate'],
};

/** Everything a build reads, gathered once per call; the case's figures are read once. */
export interface BuildEnv {
  db: Db;
  case: Case;
  today: string;
  figures(): CaseFigures;
}

/**
 * The case's facts as every document reads them. A case with a team from the inspector directory
 * (drawn, or picked on the case page) takes its auditors — name and 执法证号 — from the directory,
 * not from what was typed (DOMAIN.md §10.1).
 */
export function readCaseFacts(db: Db, caseId: number): CaseFactsRecord {
  const stored = getCaseFacts(db, caseId);
  const parsed = CaseFactsRecordSchema.safeParse(stored?.facts ?? {});
  const facts = parsed.success ? parsed.data : CaseFactsRecordSchema.parse({});
  const team = caseTeam(db, caseId);
  return team.length > 0 ? { ...facts, auditors: team.map((i) => ({ name: i.name, credentialNo: i.credential })) } : facts;
}

export function loadAgency(db: Db): AgencyProfile {
  const raw = getSetting(db, AGENCY_PROFILE_KEY);
  if (raw === null) throw new ApiFailure('not-ready', '尚未配置机关信息（名称、文号前缀等），无法生成文书');
  try {
    return parseAgencyProfile(raw);
  } catch (e) {
    throw new ApiFailure('not-ready', (e as Error).message);
  }
}

/** The issued documents of a case that no issued correction has replaced. */
export function currentIssued(records: readonly DocumentRecord[]): DocumentRecord[] {
  const replaced = new Set(records.filter((r) => r.status === 'issued' && r.supersedesId !== null).map((r) => r.supersedesId));
  return records.filter((r) => r.status === 'issued' && !replaced.has(r.id));
}

function latestOf(records: readonly DocumentRecord[], kind: MakeableKind): DocumentRecord | undefined {
  return currentIssued(records)
    .filter((r) => r.type === kind)
    .at(-1);
}

const fieldsOf = (r: DocumentRecord): DocumentFields => (r.fields ?? {}) as DocumentFields;
const issueDateOf = (r: DocumentRecord): string => fieldsOf(r).issueDate ?? r.issuedAt?.slice(0, 10) ?? r.createdAt.slice(0, 10);

/** The number a draft prints: the prefix and year with the sequence left blank, 示医保稽意〔2026〕　号. */
export function draftNumber(prefix: string, year: number): string {
  return `${prefix}〔${year}〕　号`;
}

/** Which documents a kind cites, as Chinese problems when they are not issued yet. */
function citedDocuments(kind: MakeableKind, records: readonly DocumentRecord[]): { opinion?: DocumentRecord; findings?: DocumentRecord; rectification?: DocumentRecord; problems: string[] } {
  const problems: string[] = [];
  const opinion = latestOf(records, 'audit-opinion');
  const findings = latestOf(records, 'findings-notice');
  const rectification = latestOf(records, 'rectification-notice');
  const need = (doc: DocumentRecord | undefined, name: string) => {
    if (!doc) problems.push(`须先签发${name}`);
  };
  if (kind === 'rectification-notice') need(opinion, '稽核意见书');
  if (kind === 'penalty-referral') {
    need(opinion, '稽核意见书');
    need(rectification, '限期整改通知书');
  }
  if (kind === 'backpay-schedule' && !opinion && !findings) problems.push('须先签发稽核事实确认书或稽核意见书（补缴明细表是其附件）');
  return { ...(opinion ? { opinion } : {}), ...(findings ? { findings } : {}), ...(rectification ? { rectification } : {}), problems };
}

/** The form's fields with every default filled in; stored with the draft so issuing rebuilds the same document. */
export function resolveFields(env: BuildEnv, kind: MakeableKind, given: DocumentFields): DocumentFields {
  const facts = readCaseFacts(env.db, env.case.id);
  const records = listDocumentRecords(env.db, env.case.id);
  // Documents written after the on-site audit cannot be dated before its end.
  const afterOnsite = kind !== 'audit-notice' && kind !== 'service-proof' && facts.onsiteTo !== undefined && facts.onsiteTo > env.today;
  const issueDate = given.issueDate ?? (afterOnsite ? facts.onsiteTo! : env.today);
  const out: DocumentFields = { issueDate };
  // Every document states the case's figures, at the case's cut-off date (never its own).
  if (AMOUNT_KINDS.includes(kind)) out.asOf = env.figures().asOf;
  switch (kind) {
    case 'service-proof': {
      const servable = currentIssued(records).filter((r) => r.type !== 'service-proof');
      out.servedDocumentIds = given.servedDocumentIds ?? (servable.length > 0 ? [servable.at(-1)!.id] : []);
      out.manner = given.manner ?? '直接送达';
      if (given.serviceDate) out.serviceDate = given.serviceDate;
      if (given.remarks) out.remarks = given.remarks;
      break;
    }
    case 'interview-record':
      if (given.questions?.length) out.questions = given.questions;
      break;
    case 'work-record':
      if (given.observations?.length) out.observations = given.observations;
      break;
    case 'audit-opinion':
      if (given.response) out.response = given.response;
      break;
    case 'rectification-notice':
      out.deadline = given.deadline ?? paymentDeadline(issueDate);
      break;
    case 'penalty-referral':
      out.checkedOn = given.checkedOn ?? issueDate;
      if (given.nonCompliance?.length) out.nonCompliance = given.nonCompliance;
      break;
    default:
      break;
  }
  return out;
}

/** The document's title in lists: its kind, and for a proof of service what it serves. */
export function documentTitle(kind: MakeableKind, fields: DocumentFields, records: readonly DocumentRecord[]): string {
  if (kind !== 'service-proof') return DOCUMENT_KIND_NAMES[kind];
  const names = (fields.servedDocumentIds ?? []).map((id) => records.find((r) => r.id === id)).filter((r) => r !== undefined).map((r) => DOCUMENT_KIND_NAMES[r.type]);
  return names.length > 0 ? `送达回证（${names.join('、')}）` : '送达回证';
}

/**
 * Builds the model of `kind` from resolved fields. `seq` null builds the draft (number left
 * blank); a number builds the document as issued. Throws ApiFailure('not-ready') naming every
 * missing fact or document.
 */
export function buildDocumentModel(env: BuildEnv, kind: MakeableKind, fields: DocumentFields, seq: number | null): DocumentModel {
  const c = env.case;
  const agency = loadAgency(env.db);
  const employer = employerOfCase(env.db, c);
  const f = readCaseFacts(env.db, c.id);
  const records = listDocumentRecords(env.db, c.id);
  const issueDate = fields.issueDate ?? env.today;
  const year = Number(issueDate.slice(0, 4));
  const facts = builderFacts(env.case, agency, employer, f);

  const problems: string[] = [];
  const need = <T>(v: T | undefined, label: string): T => {
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) problems.push(`请在“案件信息”中填写${label}`);
    return v as T;
  };
  const cited = citedDocuments(kind, records);
  problems.push(...cited.problems);
  // The employer signs the undertaking; every other document names at least two auditors.
  if (kind !== 'undertaking' && f.auditors.length < 2) problems.push(`请在“案件信息”中填写稽核人员及执法证号（至少两名，当前${f.auditors.length}名）`);
  let number = '';
  if (NUMBERED_KINDS.includes(kind)) {
    try {
      const prefix = numberPrefixFor(agency, kind);
      number = seq === null ? draftNumber(prefix, year) : `${prefix}〔${year}〕${seq}号`;
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  const result = (): ComputeResult => env.figures().result;
  const onsite = () => ({ onsiteFrom: need(f.onsiteFrom, '实地稽核开始日期'), onsiteTo: need(f.onsiteTo, '实地稽核结束日期') });
  const materialsExamined = () => listSourceFiles(env.db, c.id);
  const fail = () => {
    if (problems.length > 0) throw new ApiFailure('not-ready', `${DOCUMENT_KIND_NAMES[kind]}无法生成：${problems.join('；')}`);
  };

  const build = (): DocumentModel => {
    switch (kind) {
      case 'audit-notice': {
        const p = {
          onsiteDate: need(f.onsiteFrom, '实地稽核开始日期'),
          onsiteTime: need(f.onsiteTime, '实地稽核时间'),
          place: need(f.place, '实地稽核地点'),
          contactName: need(f.contactName, '联系人'),
          contactPhone: need(f.contactPhone, '联系电话'),
        };
        fail();
        return buildAuditNotice({
          agency,
          number,
          employer: facts.employer,
          periodFrom: c.periodFrom,
          periodTo: c.periodTo,
          ...p,
          auditors: f.auditors,
          issueDate,
        });
      }
      case 'service-proof': {
        const served = (fields.servedDocumentIds ?? []).map((id) => {
          const r = records.find((d) => d.id === id);
          if (!r || r.status !== 'issued') {
            problems.push(`送达的文书（编号 ${id}）不是本案件已签发的文书`);
            return { name: '', number: '' };
          }
          return { name: DOCUMENT_KIND_NAMES[r.type], number: r.number || c.number };
        });
        if (served.length === 0) problems.push(currentIssued(records).some((r) => r.type !== 'service-proof') ? '请选择要送达的已签发文书' : '须先签发要送达的文书');
        const place = employer.address ?? need(f.place, '送达地点（单位地址或实地稽核地点）');
        fail();
        return buildProofOfService({
          facts,
          number,
          served,
          place,
          manner: fields.manner ?? '直接送达',
          ...(fields.serviceDate ? { serviceDate: fields.serviceDate } : {}),
          servers: f.auditors.map((a) => a.name),
          ...(fields.remarks ? { remarks: fields.remarks } : {}),
        });
      }
      case 'undertaking': {
        fail();
        const files = materialsExamined();
        const period = `${Number(c.periodFrom.slice(0, 4))}年${Number(c.periodFrom.slice(5))}月至${Number(c.periodTo.slice(0, 4))}年${Number(c.periodTo.slice(5))}月`;
        return buildUndertaking({
          facts,
          materials: [
            { name: '营业执照副本复印件', copies: '1' },
            { name: '职工花名册、劳动合同', detail: period, copies: '1' },
            ...files.map((s) => ({ name: `${IMPORT_KIND_NAMES[s.kind]}（电子文件）`, detail: s.fileName, copies: '1' })),
            { name: '“应付职工薪酬”明细账及记账凭证', detail: period, copies: '1' },
          ],
        });
      }
      case 'interview-record': {
        fail();
        const iv = f.interviewee;
        const interviewee = iv
          ? {
              ...(iv.name ? { name: iv.name } : {}),
              ...(iv.idNumber ? { idNumber: iv.idNumber } : {}),
              ...(iv.position ? { position: iv.position } : {}),
              ...(iv.phone ? { phone: iv.phone } : {}),
            }
          : undefined;
        return buildInterviewRecord({
          facts,
          ...(interviewee ? { interviewee } : {}),
          ...(f.place ? { place: f.place } : {}),
          ...(fields.questions?.length ? { questions: fields.questions } : {}),
        });
      }
      case 'work-record': {
        const o = onsite();
        const place = need(f.place, '实地稽核地点');
        fail();
        return buildWorkRecord({
          facts,
          result: result(),
          ...o,
          place,
          materials: materialsExamined().map((s) => ({
            name: IMPORT_KIND_NAMES[s.kind],
            detail: `${s.fileName}：${s.report.sheets.filter((x) => x.skipped === null).length}个工作表，读取${s.report.rowsRead}行，计入${s.report.rowsTaken}行，${s.report.persons}人`,
          })),
          employerAttendees: f.employerAttendees,
          ...(fields.observations?.length ? { observations: fields.observations } : {}),
        });
      }
      case 'findings-notice': {
        const o = onsite();
        fail();
        return buildFindingsNotice({ facts, number, result: result(), ...o, issueDate });
      }
      case 'audit-opinion': {
        const o = onsite();
        fail();
        const fn = cited.findings;
        return buildAuditOpinion({
          facts,
          number,
          result: result(),
          ...o,
          issueDate,
          ...(fn ? { findingsNotice: { number: fn.number, date: issueDateOf(fn), ...(fields.response ? { response: fields.response } : {}) } } : {}),
        });
      }
      case 'rectification-notice': {
        fail();
        const op = cited.opinion!;
        return buildRectificationNotice({
          facts,
          number,
          result: result(),
          opinion: { number: op.number, date: issueDateOf(op) },
          issueDate,
          ...(fields.deadline ? { deadline: fields.deadline } : {}),
        });
      }
      case 'backpay-schedule': {
        fail();
        return buildBackPaySchedule({
          facts,
          result: result(),
          annexTo: scheduleAnnex(env),
          xlsxName: scheduleXlsxName(c),
        });
      }
      case 'penalty-referral': {
        const addressee = need(f.penaltyAddressee, '提请处罚的受理部门');
        fail();
        const op = cited.opinion!;
        const rect = cited.rectification!;
        return buildPenaltyReferral({
          facts,
          number,
          result: result(),
          addressee,
          opinion: { number: op.number, date: issueDateOf(op) },
          rectification: { number: rect.number, date: issueDateOf(rect), deadline: fieldsOf(rect).deadline ?? paymentDeadline(issueDateOf(rect)) },
          checkedOn: fields.checkedOn ?? issueDate,
          ...(fields.nonCompliance?.length ? { nonCompliance: fields.nonCompliance } : {}),
          issueDate,
          // only documents that exist: the issued opinion, notice, schedule and their proofs of service
          attachments: currentIssued(records)
            .filter((r) => r.type === 'audit-opinion' || r.type === 'rectification-notice' || r.type === 'backpay-schedule' || r.type === 'service-proof')
            .map((r) => `${r.title}${r.number ? `（${r.number}）` : ''}`),
        });
      }
      case 'no-violation-notice': {
        const o = onsite();
        fail();
        return buildNoViolationNotice({
          facts,
          number,
          result: result(),
          ...o,
          issueDate,
          materials: materialsExamined().map((s) => `${IMPORT_KIND_NAMES[s.kind]}（${s.fileName}）`),
        });
      }
    }
  };
  try {
    return build();
  } catch (e) {
    if (e instanceof ApiFailure) throw e;
    throw new ApiFailure('not-ready', (e as Error).message);
  }
}

/** The issued document the back-pay schedule is annexed to: the opinion, else the notice of findings. */
export function scheduleAnnex(env: BuildEnv): { name: string; number: string } {
  const records = listDocumentRecords(env.db, env.case.id);
  const annex = latestOf(records, 'audit-opinion') ?? latestOf(records, 'findings-notice');
  if (!annex) throw new ApiFailure('not-ready', '补缴明细表无法生成：须先签发稽核事实确认书或稽核意见书（补缴明细表是其附件）');
  return { name: DOCUMENT_KIND_NAMES[annex.type], number: annex.number };
}

/** The XLSX annex's file name, printed in the PDF schedule when it shows only a summary. */
export function scheduleXlsxName(c: Case): string {
  return `补缴明细表_${c.number.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}

/** What every builder is told about the case (shared/documents/caseFacts.ts). */
export function builderFacts(c: Case, agency: AgencyProfile, employer: Employer, f: CaseFactsRecord): CaseFacts {
  const legalRepresentative = employer.legalRepresentative ?? f.legalRepresentative;
  return {
    agency,
    caseNumber: c.number,
    employer: {
      name: employer.name,
      creditCode: employer.creditCode,
      ...(employer.address ? { address: employer.address } : {}),
      ...(legalRepresentative ? { legalRepresentative } : {}),
    },
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    auditors: f.auditors,
  };
}
