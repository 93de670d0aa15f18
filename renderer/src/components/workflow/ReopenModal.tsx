// Re-opening a case (a step back) needs a reason; it is recorded in the trail like any transition.
import { useEffect, useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import type { TransitionOption } from '../../../../shared/api/dto/workflow';

export function ReopenModal({ option, busy, onCancel, onConfirm }: { option: TransitionOption | null; busy: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [option]);
  return (
    <Modal
      open={option !== null}
      title={option?.label ?? ''}
      okText="重新打开"
      cancelText="取消"
      okButtonProps={{ disabled: reason.trim() === '', danger: true, loading: busy }}
      onCancel={onCancel}
      onOk={() => onConfirm(reason.trim())}
      destroyOnHidden
    >
      <Typography.Paragraph>重新打开须由{option?.who}办理，原因将记入操作记录，不能删除。</Typography.Paragraph>
      <Input.TextArea rows={3} maxLength={500} placeholder="请填写重新打开的原因" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="重新打开原因" />
    </Modal>
  );
}
