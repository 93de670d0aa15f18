// Proof of service of the audit notice (送达回证): which issued notice, served when, how and to whom.
// The notice period before the on-site audit counts from this date.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseDetail } from '../../../../shared/api/dto';
import { SERVICE_MANNERS } from '../../../../shared/api/dto/workflow';
import { call, errorText, fieldErrors } from '../../api/client';
import { DateField } from '../DateField';

interface Values {
  documentId: number;
  servedOn: Dayjs;
  manner: string;
  recipient: string;
}

export function ServiceModal({ open, detail, onClose, onSaved }: { open: boolean; detail: CaseDetail; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notices = detail.documents.filter((d) => d.type === 'audit-notice' && d.status === 'issued');

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await call('workflow.recordService', { caseId: detail.case.id, documentId: v.documentId, servedOn: v.servedOn.format('YYYY-MM-DD'), manner: v.manner, recipient: v.recipient });
      onSaved();
    } catch (e) {
      setError(errorText(e));
      form.setFields(fieldErrors(e) as never);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="登记稽核通知书送达回证" okText="登记" cancelText="取消" onOk={() => void submit()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      {notices.length === 0 ? (
        <Alert type="warning" showIcon title="本案尚无已签发的稽核通知书，请先在“文书”中签发" />
      ) : (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ documentId: notices[notices.length - 1]!.id, servedOn: dayjs(), manner: SERVICE_MANNERS[0] }}>
          <Form.Item name="documentId" label="送达的文书" rules={[{ required: true }]}>
            <Select options={notices.map((d) => ({ value: d.id, label: `${d.title} ${d.number}` }))} />
          </Form.Item>
          <Form.Item name="servedOn" label="送达日期" rules={[{ required: true, message: '请选择送达日期' }]}>
            <DateField style={{ width: '100%' }} aria-label="送达日期" />
          </Form.Item>
          <Form.Item name="manner" label="送达方式" rules={[{ required: true }]}>
            <Select options={SERVICE_MANNERS.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="recipient" label="受送达人（签收人）" rules={[{ required: true, whitespace: true, message: '请填写受送达人' }]}>
            <Input maxLength={60} placeholder="如：王芳（财务部经理）" />
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
