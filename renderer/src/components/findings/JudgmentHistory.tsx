// Every judgment of one finding, oldest first: who, when, 认定/豁免 with the exemption's reason,
// and the note — the finding's part of the audit trail.
import { Empty, Timeline } from 'antd';
import type { ExemptionRecord, FindingJudgment } from '../../../../shared/api/dto';
import { FINDING_DECISION_NAMES } from '../../../../shared/domain/findings';
import { EXEMPTION_REASON_NAMES } from '../../../../shared/domain/lines';
import { formatDateTime } from '../../format';

export function JudgmentHistory({ judgments, exemptions }: { judgments: FindingJudgment[]; exemptions: ExemptionRecord[] }) {
  if (judgments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无认定记录" />;
  const byId = new Map(exemptions.map((e) => [e.id, e]));
  return (
    <Timeline
      data-testid="judgment-history"
      items={judgments.map((j) => {
        const e = j.exemptionId === null ? undefined : byId.get(j.exemptionId);
        return {
          color: j.decision === 'exempted' ? 'orange' : 'blue',
          content: (
            <div>
              <strong>{FINDING_DECISION_NAMES[j.decision]}</strong>
              {e && `（${EXEMPTION_REASON_NAMES[e.reason]}${e.revokedAt ? `，已于 ${formatDateTime(e.revokedAt)} 由 ${e.revokedBy} 撤销` : ''}）`}
              <span className="muted">
                {' '}
                {j.decidedBy} · {formatDateTime(j.decidedAt)}
              </span>
              {j.note && <div>{j.note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
