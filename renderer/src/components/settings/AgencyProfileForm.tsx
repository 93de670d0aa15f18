// 单位信息: the issuing agency's profile (shared/domain/agency.ts) as a form. The same schema the
// backend uses checks it here first, so each Chinese message sits under its field; 导出配置 and
// 导入配置 carry the profile to the bureau's other workstations as one JSON file.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Upload } from 'antd';
import { DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { AgencyProfileSchema, type AgencyProfile, type SampleField } from '../../../../shared/domain/agency';
import { SAMPLE_FIELD_NAMES } from '../../../../shared/rules/sampleValues';
import { DOCUMENT_KINDS, DOCUMENT_KIND_NAMES, type DocumentKind } from '../../../../shared/documents/kinds';
import { call, errorText } from '../../api/client';
import { downloadText, readText } from './files';
import { AGENCY_CHANGED_EVENT } from './AgencyProfileBanner';

/** The form's shape: legal-basis citations as one textarea per document type, one citation a line. */
interface FormValues {
  name: string;
  address: string;
  postcode: string;
  phone: string;
  contact: string;
  sealText: string;
  noticeDays: number;
  numberPrefixes: Partial<Record<DocumentKind, string>>;
  legalBasis: Partial<Record<DocumentKind, string>>;
}

function toForm(p: AgencyProfile): FormValues {
  const legalBasis: Partial<Record<DocumentKind, string>> = {};
  for (const k of DOCUMENT_KINDS) if (p.legalBasis[k]) legalBasis[k] = p.legalBasis[k]!.join('\n');
  return { name: p.name, address: p.address, postcode: p.postcode, phone: p.phone, contact: p.contact, sealText: p.sealText, noticeDays: p.noticeDays, numberPrefixes: { ...p.numberPrefixes }, legalBasis };
}

function fromForm(v: FormValues): unknown {
  const numberPrefixes: Record<string, string> = {};
  const legalBasis: Record<string, string[]> = {};
  for (const k of DOCUMENT_KINDS) {
    const prefix = v.numberPrefixes?.[k]?.trim();
    if (prefix) numberPrefixes[k] = prefix;
    const lines = (v.legalBasis?.[k] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length) legalBasis[k] = lines;
  }
  return { ...v, numberPrefixes, legalBasis };
}

/** A zod issue path → the form field showing it (a citation's index points at its textarea). */
function fieldName(path: readonly PropertyKey[]): (string | number)[] {
  const name = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  return name[0] === 'legalBasis' ? name.slice(0, 2) : name;
}

export function AgencyProfileForm() {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [importError, setImportError] = useState<{ message: string; details: string[] } | null>(null);
  /** Fields still holding the example's values; each leaves the list when saved changed. */
  const [sample, setSample] = useState<readonly SampleField[]>([]);
  const changed = (p: AgencyProfile) => {
    setSample(p.sampleFields ?? []);
    window.dispatchEvent(new Event(AGENCY_CHANGED_EVENT));
  };

  const load = async () => {
    try {
      const profile = await call('agency.get', {});
      form.resetFields();
      setSample(profile?.sampleFields ?? []);
      if (profile) form.setFieldsValue(toForm(profile));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const save = async () => {
    const values = form.getFieldsValue(true) as FormValues;
    const profile = fromForm(values);
    // Clear earlier messages, then show each problem under its field.
    form.setFields(form.getFieldsError().map((f) => ({ name: f.name as never, errors: [] })));
    const checked = AgencyProfileSchema.safeParse(profile);
    if (!checked.success) {
      form.setFields(checked.error.issues.map((i) => ({ name: fieldName(i.path) as never, errors: [i.message] })));
      message.error('单位信息有误，未保存：请按标红的提示修改');
      return;
    }
    setSaving(true);
    try {
      const saved = await call('agency.update', { profile: checked.data });
      form.setFieldsValue(toForm(saved));
      changed(saved);
      message.success('单位信息已保存，此后生成的文书使用新的信息');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const exportProfile = async () => {
    try {
      const file = await call('agency.export', {});
      downloadText(file.fileName, file.json);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const importProfile = async (file: File) => {
    try {
      const profile = await call('agency.import', { json: await readText(file) });
      form.setFieldsValue(toForm(profile));
      changed(profile);
      setImportError(null);
      message.success(`已导入配置：${profile.name}`);
    } catch (e) {
      const details = e && typeof e === 'object' && 'error' in e ? ((e as { error: { details?: { path: string; message: string }[] } }).error.details ?? []) : [];
      setImportError({ message: errorText(e), details: details.map((d) => (d.path ? `${d.path}：${d.message}` : d.message)) });
    }
  };

  const kindRows = DOCUMENT_KINDS.map((kind) => ({ kind }));
  return (
    <div data-testid="agency-profile">
      {loadError && <Alert type="error" showIcon title={loadError} className="section" />}
      {sample.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="section"
          data-testid="agency-sample-fields"
          title={`以下内容仍是示例，请改为本机关的真实信息后保存：${sample.map((f) => SAMPLE_FIELD_NAMES[f]).join('、')}`}
          description="示例内容保留期间，文书只能生成草稿，不能签发。"
        />
      )}
      <Space className="section">
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
          保存单位信息
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportProfile()}>
          导出配置
        </Button>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => (void importProfile(f), false)}>
          <Button icon={<UploadOutlined />}>导入配置</Button>
        </Upload>
        <span className="muted">导出的配置文件可在本局其他电脑上导入，一次配置、处处一致。</span>
      </Space>
      {importError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportError(null)}
          className="section"
          title={importError.message.split('：')[0]}
          description={importError.details.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{importError.details.map((d) => <li key={d}>{d}</li>)}</ul> : importError.message}
        />
      )}
      <Form form={form} layout="vertical" name="agency" requiredMark={false}>
        <Card size="small" title="机关" className="section">
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item name="name" label="机关名称" extra="文书的发文机关和落款">
                <Input placeholder="如 某某市医疗保障局" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="sealText" label="印章文字" extra="仅在草稿预览中显示">
                <Input />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="noticeDays" label="提前通知天数" extra="送达通知书至实地稽核">
                <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="address" label="机关地址">
                <Input />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="postcode" label="邮政编码">
                <Input maxLength={6} className="mono" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="contact" label="联系人">
                <Input />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="phone" label="联系电话">
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title="文号前缀与法律依据" className="section">
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={kindRows}
            columns={[
              { title: '文书', dataIndex: 'kind', width: 170, render: (k: DocumentKind) => DOCUMENT_KIND_NAMES[k] },
              {
                title: '文号前缀',
                key: 'prefix',
                width: 220,
                render: (_, r) => (
                  <Form.Item name={['numberPrefixes', r.kind]} style={{ margin: 0 }}>
                    <Input placeholder="不编号则留空" aria-label={`${DOCUMENT_KIND_NAMES[r.kind]}文号前缀`} />
                  </Form.Item>
                ),
              },
              {
                title: '法律依据（每行一条，按引用顺序；留空则用国家规定的默认表述）',
                key: 'basis',
                render: (_, r) => (
                  <Form.Item name={['legalBasis', r.kind]} style={{ margin: 0 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} aria-label={`${DOCUMENT_KIND_NAMES[r.kind]}法律依据`} placeholder="如 《中华人民共和国社会保险法》第五十八条" />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Card>
      </Form>
    </div>
  );
}
