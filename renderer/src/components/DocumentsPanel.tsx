// 文书: the case's documents — drafts, issued and corrected ones, the forms to make each kind, the
// preview and the PDF — in documents/DocumentsWorkspace.tsx.
import type { CaseDetail } from '../../../shared/api/dto';
import { DocumentsWorkspace } from './documents/DocumentsWorkspace';

export function DocumentsPanel({ detail, onGenerated }: { detail: CaseDetail; onGenerated: () => void }) {
  return <DocumentsWorkspace detail={detail} onChanged={onGenerated} />;
}
