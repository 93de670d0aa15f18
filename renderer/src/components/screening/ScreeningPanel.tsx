// Placeholder replaced below in the same commit series.
import type { CaseDetail } from '../../../../shared/api/dto';
export function ScreeningPanel(_props: { detail: CaseDetail; onChanged: () => void }) {
  return null;
}
