// Changes the case's cut-off date (计算截止日) and plan: one for every tab, the review and the
// documents. After an approval this is a change the section head must review again.
import { useState } from 'react';
import { Alert, Form, Modal, Select } from 'antd';
import { DateField } from './DateField';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseFigures } from '../../../shared/api/dto/figures';
import type { RatePlanSummary } from '../../../shared/api/dto';
import { call, errorText } from '../api/client';

interface Values {
  asOf: Dayjs;
  ratePlanId: number;
}

export function CaseFiguresModal({ open, figures, plans, onClose, onSaved }: { open: boolean; figures: CaseFigures; plans: RatePlanSummary[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await call('figures.set', { caseId: figures.caseId, asOf: v.asOf.format('YYYY-MM-DD'), ratePlanId: v.ratePlanId });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="本案计算截止日与缴费方案" okText="保存" cancelText="取消" onOk={() => void submit()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      {figures.approved && (
        <Alert type="warning" showIcon className="section" title="稽核结论已审核通过：更改计算截止日或缴费方案后，需科室负责人重新审核才能出具文书。" />
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ asOf: dayjs(figures.asOf), ratePlanId: figures.ratePlanId }}>
        <Form.Item name="asOf" label="计算截止日（滞纳金计至）" rules={[{ required: true, message: '请选择计算截止日' }]} extra="稽核结果、稽核发现、审核、文书和整改金额都按此日期计算">
          <DateField style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="ratePlanId" label="缴费方案" rules={[{ required: true, message: '请选择缴费方案' }]}>
          <Select options={plans.map((p) => ({ value: p.id, label: p.example ? `${p.name}（示例）` : p.name }))} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
