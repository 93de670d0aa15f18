// The form of one designated medical institution (INSTITUTIONS.md §2): the annex fields, the
// agreement (number, dates, status), the credit rating. Used to create and to edit; the backend
// checks the credit code and the dates, its messages land on the fields.
import { useEffect, useState } from 'react';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AGREEMENT_STATUS_NAMES, INSTITUTION_KIND_NAMES, type Institution, type InstitutionInput } from '../../../../shared/api/dto/institutions';
import { call, errorText, fieldErrors } from '../../api/client';
import { DateField } from '../DateField';

const DATE_FIELDS = ['foundedOn', 'agreementFrom', 'agreementTo', 'suspendedUntil', 'creditRatedOn'] as const;
type FormValues = Omit<InstitutionInput, (typeof DATE_FIELDS)[number]> & Partial<Record<(typeof DATE_FIELDS)[number], Dayjs | null>>;

function toForm(i: Institution): FormValues {
  const dates = Object.fromEntries(DATE_FIELDS.map((k) => [k, i[k] ? dayjs(i[k]) : null]));
  return { ...i, legalRepId: i.legalRepIdMasked ? '' : i.legalRepId, ...dates } as FormValues;
}

// A viewer who sees the ID masked leaves it blank: the backend keeps the stored number.
function toInput(v: FormValues): InstitutionInput {
  const dates = Object.fromEntries(DATE_FIELDS.map((k) => [k, v[k] ? v[k].format('YYYY-MM-DD') : null]));
  return { ...v, ...dates } as InstitutionInput;
}

const opt = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export function InstitutionFormModal({ open, editing, onClose, onSaved }: { open: boolean; editing: Institution | null; onClose: () => void; onSaved: (i: Institution) => void }) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const status = Form.useWatch('agreementStatus', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? toForm(editing) : ({ kind: 'hospital', agreementStatus: 'normal' } as FormValues));
  }, [open, editing, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const input = toInput(values);
      const saved = editing ? await call('institutions.update', { id: editing.id, changes: input }) : await call('institutions.create', input);
      message.success(`已保存：${saved.name}`);
      onSaved(saved);
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const text = (name: keyof FormValues, label: string, span = 8, extra: object = {}) => (
    <Col span={span}>
      <Form.Item name={name} label={label} {...extra}>
        <Input />
      </Form.Item>
    </Col>
  );
  const date = (name: keyof FormValues, label: string, span = 8) => (
    <Col span={span}>
      <Form.Item name={name} label={label}>
        <DateField style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal title={editing ? `编辑：${editing.name}` : '新建定点医药机构'} open={open} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={saving} width={860} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" requiredMark="optional" name="institution">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label="机构类别" rules={[{ required: true }]}>
              <Select options={opt(INSTITUTION_KIND_NAMES)} />
            </Form.Item>
          </Col>
          {text('name', '名称', 10, { rules: [{ required: true, whitespace: true, message: '请填写名称' }] })}
          {text('region', '所在地区', 6)}
          <Col span={8}>
            <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}>
              <Input maxLength={18} className="mono" />
            </Form.Item>
          </Col>
          {text('insuranceCode', '医保编码')}
          {kind === 'hospital' ? (
            <>
              <Col span={4}>
                <Form.Item name="ownership" label="性质">
                  <Select allowClear options={[{ value: '公立' }, { value: '民营' }]} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="hospitalType" label="类型">
                  <Select allowClear options={[{ value: '综合' }, { value: '专科' }]} />
                </Form.Item>
              </Col>
              {text('grade', '等级')}
              {date('foundedOn', '成立日期')}
            </>
          ) : (
            <>
              {text('businessLicence', '营业执照')}
              {text('drugLicence', '药品经营许可证')}
              {text('premises', '营业场所')}
            </>
          )}
          {text('address', '地址', 8)}
          {text('legalRepName', '法定代表人')}
          {text('legalRepId', editing?.legalRepIdMasked ? '法定代表人身份证号（留空不变）' : '法定代表人身份证号')}
          {text('contact', '联系人')}
          {text('phone', '联系电话')}
          {text('agreementNo', '协议编号')}
          {date('agreementFrom', '协议开始日期')}
          {date('agreementTo', '协议结束日期')}
          <Col span={8}>
            <Form.Item name="agreementStatus" label="协议状态">
              <Select options={opt(AGREEMENT_STATUS_NAMES)} />
            </Form.Item>
          </Col>
          {status === 'suspended' && date('suspendedUntil', '暂停至')}
          <Col span={4}>
            <Form.Item name="creditRating" label="信用等级">
              <Select allowClear options={['A', 'B', 'C', 'D'].map((value) => ({ value }))} />
            </Form.Item>
          </Col>
          {date('creditRatedOn', '评定日期', 6)}
          {text('creditSource', '评定来源', 6)}
          {text('note', '备注', 24)}
        </Row>
      </Form>
    </Modal>
  );
}
