// The form to open a case: employer, audit period (months), rate plan (examples are labelled)
// and where the case came from.
import { useState } from 'react';
import { Alert, App, Form, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { CASE_SOURCES, CASE_SOURCE_NAMES, type Case, type CaseInput } from '../../../shared/api/dto';
import { call, errorText, fieldErrors } from '../api/client';
import { useQuery } from '../api/useQuery';
import { MonthRangeField } from './DateField';

interface Props {
  open: boolean;
  employerId?: number | undefined;
  onClose: () => void;
  onCreated: (created: Case) => void;
}

interface FormValues {
  employerId: number;
  period: [Dayjs, Dayjs];
  ratePlanId: number;
  source: CaseInput['source'];
}

export function CaseFormModal({ open, employerId, onClose, onCreated }: Props) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const employers = useQuery(() => (open ? call('employers.list', {}) : Promise.resolve([])), [open]);
  const plans = useQuery(() => (open ? call('ratePlans.list', {}) : Promise.resolve([])), [open]);
  const planId = Form.useWatch('ratePlanId', form);
  const chosenPlan = plans.data?.find((p) => p.id === planId);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const created = await call('cases.create', {
        employerId: v.employerId,
        periodFrom: v.period[0].format('YYYY-MM'),
        periodTo: v.period[1].format('YYYY-MM'),
        ratePlanId: v.ratePlanId,
        source: v.source,
      });
      message.success(`已立项：${created.number}`);
      form.resetFields();
      onCreated(created);
    } catch (e) {
      const fields = fieldErrors(e).map((f) => (f.name[0] === 'periodFrom' || f.name[0] === 'periodTo' ? { ...f, name: ['period'] } : f));
      if (fields.length) form.setFields(fields as never);
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="新建稽核案件" open={open} onCancel={onClose} onOk={() => void submit()} okText="立项" confirmLoading={saving} width={620} destroyOnHidden forceRender>
      {(employers.error || plans.error) && <Alert type="error" showIcon title={employers.error ?? plans.error} className="section" />}
      <Form form={form} layout="vertical" name="case" initialValues={{ employerId, source: 'plan' }}>
        <Form.Item name="employerId" label="被稽核单位" rules={[{ required: true, message: '请选择被稽核单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择单位（可输入名称筛选）"
            loading={employers.loading}
            options={(employers.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
            notFoundContent="没有单位，请先在“单位”中新建"
          />
        </Form.Item>
        <Form.Item name="period" label="稽核期间（起止月份）" rules={[{ required: true, message: '请选择稽核期间' }]}>
          <MonthRangeField openOn={`${new Date().getFullYear() - 1}-01`} style={{ width: '100%' }} placeholder={['开始月份', '结束月份']} />
        </Form.Item>
        <Form.Item name="ratePlanId" label="缴费政策" rules={[{ required: true, message: '请选择缴费政策' }]}>
          <Select
            placeholder="选择费率方案"
            loading={plans.loading}
            options={(plans.data ?? []).map((p) => ({
              value: p.id,
              label: (
                <span>
                  {p.name}
                  <span className="muted">（{p.region}，{p.from}～{p.to}，版本 {p.sha256.slice(0, 8)}）</span>
                  {p.example && (
                    <Tag color="orange" style={{ marginLeft: 6 }}>
                      示例
                    </Tag>
                  )}
                </span>
              ),
            }))}
          />
        </Form.Item>
        {chosenPlan?.example && (
          <Alert
            type="warning"
            showIcon
            className="section"
            title={`注意：${(chosenPlan.note ?? '这是示例方案，不是真实政策').replace(/[。.]$/, '')}。正式稽核前请导入本地区当年的缴费政策。`}
          />
        )}
        <Form.Item name="source" label="案件来源" rules={[{ required: true, message: '请选择案件来源' }]}>
          <Select options={CASE_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_NAMES[s] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
