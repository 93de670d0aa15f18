// 案件信息: what every document of the case says about it, entered once — the auditors with their
// credential numbers, the on-site audit (dates, time, place), the contact, the employer's people,
// the interviewee and the office a penalty referral goes to. Document forms start from these.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Row } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { CaseFactsRecord } from '../../../../shared/api/dto/documents';
import { call, errorText, fieldErrors } from '../../api/client';
import { linesOf, toDayjs, toIso } from './dates';
import { DateField } from '../DateField';

interface FormValues {
  auditors: { name: string; credentialNo: string }[];
  onsiteFrom?: Dayjs;
  onsiteTo?: Dayjs;
  onsiteTime?: string;
  place?: string;
  contactName?: string;
  contactPhone?: string;
  legalRepresentative?: string;
  employerAttendees?: string;
  intervieweeName?: string;
  intervieweeId?: string;
  intervieweePosition?: string;
  intervieweePhone?: string;
  penaltyAddressee?: string;
}

const blankToUndefined = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

export function CaseFactsModal({ open, caseId, onClose, onSaved }: { open: boolean; caseId: number; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    if (!open) return;
    setError(null);
    call('caseFacts.get', { caseId })
      .then(({ facts: f }) => {
        const auditors = [...f.auditors];
        while (auditors.length < 2) auditors.push({ name: '', credentialNo: '' });
        form.setFieldsValue({
          auditors,
          onsiteFrom: toDayjs(f.onsiteFrom),
          onsiteTo: toDayjs(f.onsiteTo),
          onsiteTime: f.onsiteTime ?? '上午9:00',
          place: f.place,
          contactName: f.contactName,
          contactPhone: f.contactPhone,
          legalRepresentative: f.legalRepresentative,
          employerAttendees: f.employerAttendees.join('\n'),
          intervieweeName: f.interviewee?.name,
          intervieweeId: f.interviewee?.idNumber,
          intervieweePosition: f.interviewee?.position,
          intervieweePhone: f.interviewee?.phone,
          penaltyAddressee: f.penaltyAddressee,
        });
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [open, caseId, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const interviewee = {
      name: blankToUndefined(v.intervieweeName),
      idNumber: blankToUndefined(v.intervieweeId),
      position: blankToUndefined(v.intervieweePosition),
      phone: blankToUndefined(v.intervieweePhone),
    };
    const facts: CaseFactsRecord = {
      auditors: v.auditors.filter((a) => a.name?.trim() || a.credentialNo?.trim()),
      onsiteFrom: toIso(v.onsiteFrom),
      onsiteTo: toIso(v.onsiteTo),
      onsiteTime: blankToUndefined(v.onsiteTime),
      place: blankToUndefined(v.place),
      contactName: blankToUndefined(v.contactName),
      contactPhone: blankToUndefined(v.contactPhone),
      legalRepresentative: blankToUndefined(v.legalRepresentative),
      employerAttendees: linesOf(v.employerAttendees),
      interviewee: Object.values(interviewee).some((x) => x !== undefined) ? interviewee : undefined,
      penaltyAddressee: blankToUndefined(v.penaltyAddressee),
    };
    setSaving(true);
    setError(null);
    try {
      await call('caseFacts.set', { caseId, facts: JSON.parse(JSON.stringify(facts)) as CaseFactsRecord });
      message.success('案件信息已保存');
      onSaved();
    } catch (e) {
      const fields = fieldErrors(e).map((f) => ({ ...f, name: f.name[0] === 'facts' ? f.name.slice(1) : f.name }));
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="案件信息（各文书共用）" open={open} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={saving} width={760} forceRender>
      {error && <Alert type="error" showIcon title={error} className="section" />}
      <Form<FormValues> form={form} layout="vertical" name="caseFacts" initialValues={{ auditors: [{ name: '', credentialNo: '' }, { name: '', credentialNo: '' }] }}>
        <div style={{ marginBottom: 8, fontWeight: 500 }}>稽核人员（至少两名，须持执法证）</div>
        <Form.List name="auditors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={12} key={field.key}>
                  <Col span={9}>
                    <Form.Item name={[field.name, 'name']}>
                      <Input placeholder={`稽核人员 ${index + 1} 姓名`} aria-label={`稽核人员 ${index + 1} 姓名`} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={[field.name, 'credentialNo']}>
                      <Input placeholder="执法证号" aria-label={`稽核人员 ${index + 1} 执法证号`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>{fields.length > 2 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除" />}</Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', credentialNo: '' })} style={{ marginBottom: 16 }}>
                添加稽核人员
              </Button>
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="onsiteFrom" label="实地稽核开始日期">
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="onsiteTo" label="实地稽核结束日期">
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="onsiteTime" label="实地稽核时间">
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="place" label="实地稽核地点">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactName" label="联系人">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactPhone" label="联系电话">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="legalRepresentative" label="单位法定代表人（负责人）">
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="employerAttendees" label="单位在场人员（每行一人，如：陈静（财务部经理））">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="intervieweeName" label="被询问人">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="intervieweeId" label="被询问人身份证号">
              <Input />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="intervieweePosition" label="职务">
              <Input />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="intervieweePhone" label="电话">
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="penaltyAddressee" label="提请行政处罚的受理部门">
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
