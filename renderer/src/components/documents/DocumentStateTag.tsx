// How a document's life shows in lists and headers: 草稿 / 已签发 / 已更正, and its label (文号, or
// 草稿 before it has one, or the note that a form has no number of its own).
import { Tag } from 'antd';
import { DOCUMENT_TYPE_NAMES } from '../../../../shared/api/dto';
import { DOCUMENT_STATE_NAMES, type DocumentListItem } from '../../../../shared/api/dto/documents';

const COLORS = { draft: 'orange', issued: 'green', superseded: 'default' } as const;

export function DocumentStateTag({ doc }: { doc: DocumentListItem }) {
  return <Tag color={COLORS[doc.state]}>{DOCUMENT_STATE_NAMES[doc.state]}</Tag>;
}

/** 文号 as the list shows it. */
export function numberText(doc: DocumentListItem): string {
  if (doc.status === 'draft') return '草稿';
  return doc.number || '（无文号）';
}

export function documentLabel(doc: DocumentListItem): string {
  return `${doc.title || DOCUMENT_TYPE_NAMES[doc.type]} ${numberText(doc)}`;
}
