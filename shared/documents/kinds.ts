// Every official document the workstation produces (DOMAIN.md §8), by a stable key. The key
// selects the agency's number prefix and legal-basis wording, and names the document record.
// The API's DocumentType (shared/api/dto.ts) is this list; the documents tab makes all but the dossier cover.

export const DOCUMENT_KINDS = [
  'audit-notice',
  'service-proof',
  'undertaking',
  'interview-record',
  'work-record',
  'findings-notice',
  'audit-opinion',
  'rectification-notice',
  'backpay-schedule',
  'penalty-referral',
  'no-violation-notice',
  'dossier-cover',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_NAMES: Record<DocumentKind, string> = {
  'audit-notice': '稽核通知书',
  'service-proof': '送达回证',
  undertaking: '承诺书',
  'interview-record': '询问笔录',
  'work-record': '稽核工作记录',
  'findings-notice': '稽核事实确认书',
  'audit-opinion': '稽核意见书',
  'rectification-notice': '限期整改通知书',
  'backpay-schedule': '补缴明细表',
  'penalty-referral': '提请行政处罚建议书',
  'no-violation-notice': '无违规结论通知',
  'dossier-cover': '卷内目录',
};

/**
 * Which documents each kind of case makes (data, one engine): the contribution-audit documents
 * are written for an employer; an institution check's own documents (监督检查通知书, 检查情况告知书,
 * 处理决定书 …, INSTITUTIONS.md §8) come with part 2 of the institutions work.
 */
export const DOCUMENT_KINDS_BY_CASE_KIND: Record<'employer-audit' | 'institution-check', readonly DocumentKind[]> = {
  'employer-audit': DOCUMENT_KINDS,
  'institution-check': [],
};
