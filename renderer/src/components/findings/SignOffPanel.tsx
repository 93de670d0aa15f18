// 审核 (sign-off): where the case's findings stand — 待审核 with the preparer, 审核通过 with who and
// when, or "审核后已变更" when anything changed since — and the section head's 审核通过 button,
// disabled with the reason in words when the logged-in user may not approve (findings.signOff
// applies the same rule as approvals.approve).
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Tag } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import type { SignOffState } from '../../../../shared/api/dto/findings';
import { formatChineseDate } from '../../../../shared/rules/month';
import { call, errorText } from '../../api/client';
import { formatDateTime } from '../../format';

function statusTag(s: SignOffState) {
  if (!s.status.approved) return <Tag color="gold">待审核</Tag>;
  if (s.status.changedAfterReview) return <Tag color="red">审核后已变更</Tag>;
  return <Tag color="green">审核通过</Tag>;
}

/** `pending`: findings still 待认定 (null while not known), shown before anyone approves (issue 10). */
export function SignOffPanel({ caseId, asOf, state, onChanged, pending }: { caseId: number; asOf: string | null; state: SignOffState | undefined; onChanged: () => void; pending: number | null }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!state) return null;
  const s = state.status;
  const approve = async () => {
    setBusy(true);
    try {
      await call('approvals.approve', { caseId });
      message.success('已审核通过');
      onChanged();
    } catch (e) {
      message.error(errorText(e));
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" className="section" data-testid="sign-off" title={<span>审核 {statusTag(state)}</span>}>
      <Flex gap={24} wrap align="center">
        <span>
          经办人：{state.preparer ? `${state.preparer.displayName}（${state.preparer.username}）` : '—'}
        </span>
        {s.approved && (
          <span data-testid="approved-by">
            审核人：{state.approvedByName}（{s.approvedBy}），{formatDateTime(s.approvedAt!)}，计算截止日 {s.asOf ? formatChineseDate(s.asOf) : ''}
          </span>
        )}
        <Flex gap={8} align="center">
          <Popconfirm title={`按本案计算截止日 ${asOf ? formatChineseDate(asOf) : ''} 的金额审核通过本案稽核结论？审核通过的金额将冻结，文书和整改均以此为准。${pending ? `（尚有 ${pending} 条问题待认定）` : ''}`} okText="审核通过" cancelText="取消" onConfirm={() => approve()} disabled={!state.canApprove}>
            <Button type="primary" icon={<CheckCircleOutlined />} disabled={!state.canApprove} loading={busy}>
              审核通过
            </Button>
          </Popconfirm>
          {pending !== null && !s.approved && (
            <Tag color={pending > 0 ? 'orange' : 'green'} data-testid="pending-count">
              {pending > 0 ? `尚有 ${pending.toLocaleString('zh-CN')} 条问题待认定` : '所有问题均已认定或豁免'}
            </Tag>
          )}
          {state.reason && (
            <span className="muted" data-testid="sign-off-reason">
              {state.reason}
            </span>
          )}
        </Flex>
      </Flex>
      {s.approved && s.changedAfterReview && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="changed-after-review"
          title="审核后已变更"
          description={`${state.approvedByName} 于 ${formatDateTime(s.approvedAt!)} 审核后，本案的问题、认定、账载数据或导入文件又有变更：需重新审核后才能出具稽核意见书和限期整改通知书。`}
        />
      )}
    </Card>
  );
}
