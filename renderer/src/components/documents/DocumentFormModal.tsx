// The form of one document: only what is specific to it (issue date, as-of date, what a proof of
// service serves, the employer's answer …) — the case facts fill in the rest. It starts from the
// backend's defaults for the kind (documents.kinds) or from the draft being rebuilt, and makes or
// rebuilds the draft (documents.draft): no number yet, the PDF with the 草稿 watermark.
import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { DOCUMENT_TYPE_NAMES } from '../../../../shared/api/dto';
import type { DocumentFields, DocumentKindStatus, DocumentListItem } from '../../../../shared/api/dto/documents';
import { SERVICE_MANNERS } from '../../../../shared/documents/proofOfService';
import { call, errorText } from '../../api/client';
import { linesOf, toDayjs, toIso } from './dates';
import { DateField } from '../DateField';

interface FormValues {
  issueDate?: Dayjs;
  asOf?: Dayjs;
  servedDocumentIds?: number[];
  manner?: DocumentFields['manner'];
  serviceDate?: Dayjs;
  remarks?: string;
  response?: string;
  deadline?: Dayjs;
  checkedOn?: Dayjs;
  nonCompliance?: string;
  observations?: string;
  questions?: string;
}

const DATE_LABELS: Partial<Record<keyof DocumentFields, string>> = {
  issueDate: '成文日期',
  asOf: '金额计算截止日期（滞纳金计至）',
  serviceDate: '送达日期（留空则由受送达人填写）',
  deadline: '整改期限',
  checkedOn: '复查日期',
};

interface Props {
  open: boolean;
  caseId: number;
  kind: DocumentKindStatus | null;
  /** The draft being rebuilt, or null for a new one. */
  draft: DocumentListItem | null;
  documents: DocumentListItem[];
  onClose: () => void;
  onDrafted: (doc: DocumentListItem) => void;
}

export function DocumentFormModal({ open, caseId, kind, draft, documents, onClose, onDrafted }: Props) {
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    if (!open || !kind) return;
    setError(null);
    const f: DocumentFields = draft?.fields ?? kind.defaults;
    form.resetFields();
    form.setFieldsValue({
      issueDate: toDayjs(f.issueDate),
      asOf: toDayjs(f.asOf),
      servedDocumentIds: f.servedDocumentIds,
      manner: f.manner,
      serviceDate: toDayjs(f.serviceDate),
      remarks: f.remarks,
      response: f.response,
      deadline: toDayjs(f.deadline),
      checkedOn: toDayjs(f.checkedOn),
      nonCompliance: (f.nonCompliance ?? []).join('\n'),
      observations: (f.observations ?? []).join('\n'),
      questions: (f.questions ?? []).join('\n'),
    });
  }, [open, kind, draft, form]);

  if (!kind) return null;
  const shown = new Set(kind.formFields);
  const servable = documents.filter((d) => d.status === 'issued' && d.state !== 'superseded' && d.type !== 'service-proof');

  const submit = async () => {
    const v = await form.validateFields();
    const fields: DocumentFields = {};
    if (shown.has('issueDate')) fields.issueDate = toIso(v.issueDate);
    if (shown.has('asOf')) fields.asOf = toIso(v.asOf);
    if (shown.has('servedDocumentIds')) fields.servedDocumentIds = v.servedDocumentIds ?? [];
    if (shown.has('manner') && v.manner) fields.manner = v.manner;
    if (shown.has('serviceDate')) fields.serviceDate = toIso(v.serviceDate);
    if (shown.has('remarks') && v.remarks?.trim()) fields.remarks = v.remarks.trim();
    if (shown.has('response') && v.response?.trim()) fields.response = v.response.trim();
    if (shown.has('deadline')) fields.deadline = toIso(v.deadline);
    if (shown.has('checkedOn')) fields.checkedOn = toIso(v.checkedOn);
    if (shown.has('nonCompliance')) fields.nonCompliance = linesOf(v.nonCompliance);
    if (shown.has('observations')) fields.observations = linesOf(v.observations);
    if (shown.has('questions')) fields.questions = linesOf(v.questions);
    setSaving(true);
    setError(null);
    try {
      const doc = await call('documents.draft', {
        caseId,
        kind: kind.kind,
        fields: JSON.parse(JSON.stringify(fields)) as DocumentFields,
        ...(draft ? { documentId: draft.id } : {}),
      });
      message.success(`已生成${kind.name}草稿`);
      onDrafted(doc);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const date = (name: 'issueDate' | 'asOf' | 'serviceDate' | 'deadline' | 'checkedOn') =>
    shown.has(name) && (
      <Col span={12} key={name}>
        <Form.Item name={name} label={DATE_LABELS[name]} rules={name === 'issueDate' ? [{ required: true, message: '请选择成文日期' }] : []}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    );
  const lines = (name: 'nonCompliance' | 'observations' | 'questions', label: string) =>
    shown.has(name) && (
      <Col span={24} key={name}>
        <Form.Item name={name} label={label}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Col>
    );

  return (
    <Modal
      title={draft ? `修改草稿：${kind.name}` : `新建${kind.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="生成草稿"
      confirmLoading={saving}
      width={680}
      forceRender
    >
      <Alert type="info" showIcon className="section" title="单位、期间、稽核人员、实地稽核时间地点等取自“案件信息”；草稿不占用文号，签发时才分配文号。" />
      {error && <Alert type="error" showIcon title={error} className="section" />}
      <Form<FormValues> form={form} layout="vertical" name="documentForm">
        <Row gutter={16}>
          {date('issueDate')}
          {date('asOf')}
          {shown.has('servedDocumentIds') && (
            <Col span={24}>
              <Form.Item name="servedDocumentIds" label="送达的文书（已签发）" rules={[{ required: true, type: 'array', min: 1, message: '请选择要送达的文书' }]}>
                <Select
                  mode="multiple"
                  options={servable.map((d) => ({ value: d.id, label: `${DOCUMENT_TYPE_NAMES[d.type]} ${d.number || '（无文号）'}` }))}
                  notFoundContent="尚无已签发的文书"
                />
              </Form.Item>
            </Col>
          )}
          {shown.has('manner') && (
            <Col span={12}>
              <Form.Item name="manner" label="送达方式">
                <Select options={SERVICE_MANNERS.map((m) => ({ value: m, label: m }))} />
              </Form.Item>
            </Col>
          )}
          {date('serviceDate')}
          {date('deadline')}
          {date('checkedOn')}
          {shown.has('remarks') && (
            <Col span={24}>
              <Form.Item name="remarks" label="备注（拒收、留置送达等）">
                <Input />
              </Form.Item>
            </Col>
          )}
          {shown.has('response') && (
            <Col span={24}>
              <Form.Item name="response" label="单位对事实确认书的陈述、申辩（留空则不写）">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
              </Form.Item>
            </Col>
          )}
          {lines('nonCompliance', '未整改的事项（每行一项，留空则按稽核结论列出）')}
          {lines('observations', '其他情况（每行一条）')}
          {lines('questions', '预先拟定的询问问题（每行一个，留空则用默认问题）')}
        </Row>
      </Form>
      <div className="muted">{DOCUMENT_TYPE_NAMES[kind.kind]}{kind.numbered ? '签发时按类型、年度顺序编号。' : '不单独编号，以案件编号为准。'}</div>
    </Modal>
  );
}
