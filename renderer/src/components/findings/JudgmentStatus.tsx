// A finding's state in the working papers: 豁免 (with reason) when an exemption is in force,
// else the latest judgment (认定), else 待认定 — with who decided and when.
import { Tag, Tooltip } from 'antd';
import type { ExemptionRecord, FindingJudgment } from '../../../../shared/api/dto';
import { EXEMPTION_REASON_NAMES } from '../../../../shared/domain/lines';
import { formatDateTime } from '../../format';

export function JudgmentStatus({ latest, exemption }: { latest: FindingJudgment | undefined; exemption: ExemptionRecord | null }) {
  if (exemption) {
    return (
      <Tooltip title={`${exemption.createdBy} ${formatDateTime(exemption.createdAt)}${exemption.note ? `：${exemption.note}` : ''}`}>
        <Tag color="orange">豁免（{EXEMPTION_REASON_NAMES[exemption.reason]}）</Tag>
      </Tooltip>
    );
  }
  if (latest?.decision === 'accepted') {
    return (
      <Tooltip title={`${latest.decidedBy} ${formatDateTime(latest.decidedAt)}${latest.note ? `：${latest.note}` : ''}`}>
        <Tag color="blue">已认定</Tag>
      </Tooltip>
    );
  }
  return <Tag>待认定</Tag>;
}
