// The dates the deadlines count from that no document carries: when a tip-off (举报) was received,
// and the rectification deadline when it was set outside the workstation's own notice.
import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { WorkflowStatus } from '../../../../shared/api/dto/workflow';
import { call, errorText } from '../../api/client';
import { DateField } from '../DateField';

interface Values {
  tipOffReceived?: Dayjs | null;
  rectificationDeadline?: Dayjs | null;
}

export function CaseDatesModal({ open, status, isTipOff, onClose, onSaved }: { open: boolean; status: WorkflowStatus; isTipOff: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rectifying = status.state === 'concluded' || status.state === 'rectifying';

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await call('workflow.setDates', {
        caseId: status.caseId,
        ...(v.tipOffReceived ? { tipOffReceived: v.tipOffReceived.format('YYYY-MM-DD') } : {}),
        ...(v.rectificationDeadline ? { rectificationDeadline: v.rectificationDeadline.format('YYYY-MM-DD') } : {}),
      });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="登记案件日期" okText="登记" cancelText="取消" onOk={() => void submit()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          tipOffReceived: status.tipOffReceived ? dayjs(status.tipOffReceived) : null,
          rectificationDeadline: status.rectificationDeadline ? dayjs(status.rectificationDeadline) : null,
        }}
      >
        {isTipOff && (
          <Form.Item name="tipOffReceived" label="收到举报日期" extra="应在收到举报后30日内答复举报人">
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        )}
        {rectifying && (
          <Form.Item name="rectificationDeadline" label="整改期限" extra="限期整改通知书规定的期限；签发的通知书已载明时无需登记">
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
