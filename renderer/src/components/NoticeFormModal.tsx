// The audit notice form: when and where the on-site audit happens, who does it (at least two
// auditors with credential numbers), whom to contact, and the issue date. The backend checks
// the 3-day notice rule and says so in Chinese.
import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Row } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseDetail, DocumentSummary } from '../../../shared/api/dto';
import { call, errorText, fieldErrors } from '../api/client';
import { DateField } from './DateField';

interface Props {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  onGenerated: (doc: DocumentSummary) => void;
}

interface FormValues {
  onsiteDate: Dayjs;
  onsiteTime: string;
  place: string;
  auditors: { name: string; credentialNo: string }[];
  contactName: string;
  contactPhone: string;
  issueDate: Dayjs;
}

export function NoticeFormModal({ open, detail, onClose, onGenerated }: Props) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const doc = await call('documents.generateNotice', {
        caseId: detail.case.id,
        onsiteDate: v.onsiteDate.format('YYYY-MM-DD'),
        onsiteTime: v.onsiteTime,
        place: v.place,
        auditors: v.auditors,
        contactName: v.contactName,
        contactPhone: v.contactPhone,
        issueDate: v.issueDate.format('YYYY-MM-DD'),
      });
      message.success(`已生成稽核通知书 ${doc.number}`);
      onGenerated(doc);
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="生成稽核通知书" open={open} onCancel={onClose} onOk={() => void submit()} okText="生成" confirmLoading={saving} width={720} forceRender>
      {error && <Alert type="error" showIcon title={error} className="section" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="notice"
        initialValues={{
          issueDate: dayjs(),
          onsiteDate: dayjs().add(7, 'day'),
          onsiteTime: '上午9:00',
          place: detail.employer?.address ?? detail.institution?.address ?? '',
          auditors: [
            { name: '', credentialNo: '' },
            { name: '', credentialNo: '' },
          ],
          contactName: '',
          contactPhone: '',
        }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="onsiteDate" label="实地稽核日期" rules={[{ required: true, message: '请选择实地稽核日期' }]}>
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="onsiteTime" label="时间" rules={[{ required: true, whitespace: true, message: '请填写实地稽核时间' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="issueDate" label="发文日期" rules={[{ required: true, message: '请选择发文日期' }]} extra="应早于实地稽核日期至少 3 日">
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="place" label="实地稽核地点" rules={[{ required: true, whitespace: true, message: '请填写实地稽核地点' }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <div style={{ marginBottom: 8, fontWeight: 500 }}>稽核人员（至少两名，须持执法证）</div>
        <Form.List
          name="auditors"
          rules={[
            {
              validator: async (_, list?: unknown[]) => {
                if (!list || list.length < 2) throw new Error('实地稽核至少需要两名稽核人员');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={12} key={field.key} align="top">
                  <Col span={9}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                      <Input placeholder={`稽核人员 ${index + 1} 姓名`} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={[field.name, 'credentialNo']} rules={[{ required: true, whitespace: true, message: '请填写执法证号' }]}>
                      <Input placeholder="执法证号" />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    {fields.length > 2 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除" />}
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', credentialNo: '' })} style={{ marginBottom: 16 }}>
                添加稽核人员
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
