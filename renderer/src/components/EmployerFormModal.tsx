// The form to add or edit an employer. The backend checks the credit code (GB 32100-2015) and its
// message is shown on the field; an edit is logged with what changed.
import { useEffect, useState } from 'react';
import { App, Col, Form, Input, Modal, Row } from 'antd';
import type { Employer, EmployerInput } from '../../../shared/api/dto';
import { call, errorText, fieldErrors } from '../api/client';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (employer: Employer) => void;
  /** The employer to edit; absent: a new one. */
  editing?: Employer | null;
}

export function EmployerFormModal({ open, onClose, onCreated, editing }: Props) {
  const [form] = Form.useForm<EmployerInput & { region?: string }>();
  useEffect(() => {
    if (open && editing) form.setFieldsValue({ region: '', ...editing });
  }, [open, editing, form]);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const employer = editing ? await call('employers.update', { ...values, id: editing.id }) : await call('employers.create', values);
      message.success(editing ? `已保存：${employer.name}` : `已新建单位：${employer.name}`);
      form.resetFields();
      onCreated(employer);
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={editing ? `修改单位：${editing.name}` : '新建单位'} open={open} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={saving} width={720} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" requiredMark="optional" name="employer">
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
              <Input placeholder="与营业执照一致" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}>
              <Input placeholder="18 位，如 91350100M000100Y43" maxLength={18} className="mono" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="insuranceUnitCode" label="参保单位编号">
              <Input />
            </Form.Item>
          </Col>
          <Col span={editing ? 8 : 14}>
            <Form.Item name="industry" label="所属行业">
              <Input placeholder="如 制造业、批发和零售业" />
            </Form.Item>
          </Col>
          {editing && (
            <Col span={6}>
              <Form.Item name="region" label="所在地区">
                <Input />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item name="address" label="地址">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="legalRepresentative" label="法定代表人">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contact" label="联系人">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label="联系电话">
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
