// The auditor's judgment that a person-month owes nothing (DOMAIN.md §6.4): a reason, the
// months it covers, and a note (required for 其他). Recorded by the backend with who and when.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import type { ResultRow } from '../../../../shared/api/dto';
import { EXEMPTION_REASONS, EXEMPTION_REASON_NAMES, type ExemptionReason } from '../../../../shared/domain/lines';
import { call, errorText, fieldErrors } from '../../api/client';
import { formatMonth } from '../../format';

interface Props {
  caseId: number;
  row: ResultRow | null;
  onClose: () => void;
  onSaved: () => void;
}

interface FormValues {
  reason: ExemptionReason;
  scope: 'month' | 'period';
  note?: string;
}

export function ExemptModal({ caseId, row, onClose, onSaved }: Props) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reason = Form.useWatch('reason', form);

  const submit = async () => {
    if (!row) return;
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await call('exemptions.add', {
        caseId,
        personId: row.personId,
        months: v.scope === 'month' ? [row.month] : null,
        reason: v.reason,
        ...(v.note ? { note: v.note } : {}),
      });
      form.resetFields();
      onSaved();
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={row ? `豁免：${row.name}（${row.personId}）` : '豁免'}
      open={row !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="记录豁免"
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="section" />}
      <Form<FormValues> form={form} layout="vertical" name="exempt" initialValues={{ scope: 'month' }}>
        <Form.Item name="reason" label="豁免原因" rules={[{ required: true, message: '请选择豁免原因' }]}>
          <Select options={EXEMPTION_REASONS.map((r) => ({ value: r, label: EXEMPTION_REASON_NAMES[r] }))} placeholder="选择原因" />
        </Form.Item>
        <Form.Item name="scope" label="豁免范围">
          <Radio.Group
            options={[
              { value: 'month', label: row ? `仅 ${formatMonth(row.month)}` : '仅本月' },
              { value: 'period', label: '整个稽核期间' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label="说明"
          rules={[{ required: reason === 'other', whitespace: true, message: '豁免原因为“其他”时必须填写说明' }]}
          extra="豁免会记入稽核日志（记录人、时间、原因），可撤销。"
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
