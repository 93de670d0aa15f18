// 工作站与签名: this workstation's name, key fingerprint (to read out on the phone) and number range
// (号段, given by the office so laptops working offline never issue the same 文号), its public-key
// file for the office; and the office's register of its laptops' keys — register after comparing
// the fingerprint by phone, revoke (never delete). Every change is in the trail (backend).
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { NumberRangeDto, RegisteredKeyDto } from '../../../../shared/api/dto/signing';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';
import { downloadText, readText } from './files';

const rangeText = (r: NumberRangeDto | null) => (r ? `${r.start}–${r.end}` : '未分配（从 1 起，跳过已登记工作站的号段）');

function IdentityCard() {
  const id = useQuery(() => call('signing.identity', {}), []);
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ name: string; start: number | null; end: number | null }>();
  if (!id.data) return <Card loading title="本工作站" />;
  const w = id.data;
  const save = async () => {
    const v = await form.validateFields();
    try {
      await call('signing.setIdentity', { name: v.name, numberRange: v.start && v.end ? { start: v.start, end: v.end } : null });
      message.success('已保存本工作站名称和号段');
      setEditing(false);
      await id.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const exportKey = async () => {
    try {
      const f = await call('signing.exportPublicKey', {});
      downloadText(f.fileName, f.text);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          本工作站
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => (form.setFieldsValue({ name: w.name, start: w.numberRange?.start ?? null, end: w.numberRange?.end ?? null }), setEditing(true))}>修改名称和号段</Button>
          <Button icon={<DownloadOutlined />} onClick={exportKey} data-testid="export-public-key">
            导出公钥文件
          </Button>
        </Space>
      }
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="名称">{w.name}</Descriptions.Item>
        <Descriptions.Item label="公钥指纹">
          <Typography.Text code copyable={{ text: w.fingerprint }} data-testid="own-fingerprint" style={{ fontSize: 16, letterSpacing: 1 }}>
            {w.fingerprintText}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="编号号段">{rangeText(w.numberRange)}</Descriptions.Item>
        <Descriptions.Item label="密钥生成时间">{formatDateTime(w.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        本工作站导出的案件交换包和稽核档案都用此密钥签名。笔记本出发前，由科室为其分配号段（如 1001–1999）并在科室工作站登记其公钥；登记时请电话逐组核对上面的指纹。
      </Typography.Paragraph>
      <Modal title="本工作站名称和号段" open={editing} onOk={save} onCancel={() => setEditing(false)} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="工作站名称" rules={[{ required: true, message: '请填写工作站名称' }]}>
            <Input maxLength={60} placeholder="如：稽核科一号笔记本" />
          </Form.Item>
          <Space align="start">
            <Form.Item name="start" label="号段起">
              <InputNumber min={1} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="end" label="号段止">
              <InputNumber min={1} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Typography.Text type="secondary">科室工作站留空；笔记本填科室分配的号段，案件编号和文号只从号段内取号。</Typography.Text>
        </Form>
      </Modal>
    </Card>
  );
}

function RegisterModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ keyText: string; confirmFingerprint: string; start: number | null; end: number | null }>();
  const [preview, setPreview] = useState<{ name: string; fingerprint: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File) => {
    const text = await readText(file);
    form.setFieldValue('keyText', text);
    try {
      const k = JSON.parse(text) as { name?: string; fingerprint?: string; numberRange?: NumberRangeDto | null };
      setPreview(k.name && k.fingerprint ? { name: k.name, fingerprint: k.fingerprint } : null);
      if (k.numberRange) form.setFieldsValue({ start: k.numberRange.start, end: k.numberRange.end });
    } catch {
      setPreview(null);
    }
    return false;
  };
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const k = await call('signing.registerKey', { keyText: v.keyText, confirmFingerprint: v.confirmFingerprint, numberRange: v.start && v.end ? { start: v.start, end: v.end } : null });
      message.success(`已登记工作站“${k.name}”`);
      form.resetFields();
      setPreview(null);
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title="登记笔记本工作站的公钥" open={open} onOk={submit} onCancel={onClose} okText="登记" cancelText="取消" width={620} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item label="公钥文件">
          <Upload accept=".json" maxCount={1} beforeUpload={pick} showUploadList={false}>
            <Button data-testid="pick-key-file">选择对方导出的公钥文件…</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="keyText" label="公钥文件内容" rules={[{ required: true, message: '请选择或粘贴工作站公钥文件' }]}>
          <Input.TextArea rows={4} placeholder="也可直接粘贴公钥文件的内容" data-testid="key-text" />
        </Form.Item>
        {preview && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            message={`文件中的工作站：${preview.name}`}
            description="请打电话给该工作站的持有人，请对方读出其“设置 → 工作站与签名”中显示的指纹，填在下面（逐组核对）。"
          />
        )}
        <Form.Item name="confirmFingerprint" label="电话核对的指纹" rules={[{ required: true, message: '请填写电话核对的指纹' }]}>
          <Input placeholder="如 3F2A 9C1B 0D44 …（8 组）" data-testid="confirm-fingerprint" />
        </Form.Item>
        <Space align="start">
          <Form.Item name="start" label="分配号段起">
            <InputNumber min={1} precision={0} style={{ width: 160 }} data-testid="range-start" />
          </Form.Item>
          <Form.Item name="end" label="分配号段止">
            <InputNumber min={1} precision={0} style={{ width: 160 }} data-testid="range-end" />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon message={error} data-testid="register-error" />}
      </Form>
    </Modal>
  );
}

function RegisteredKeys() {
  const keys = useQuery(() => call('signing.keys', {}), []);
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const revoke = (k: RegisteredKeyDto) =>
    modal.confirm({
      title: `吊销工作站“${k.name}”的公钥？`,
      content: '吊销后，该工作站签名的交换包和档案不再被本机接受；登记记录保留，不能恢复。',
      okText: '吊销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('signing.revokeKey', { id: k.id });
          message.success(`已吊销“${k.name}”`);
          await keys.reload();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  return (
    <Card
      title="已登记的工作站"
      style={{ marginTop: 16 }}
      extra={
        <Button type="primary" onClick={() => setOpen(true)} data-testid="register-key">
          登记工作站公钥
        </Button>
      }
    >
      <Table<RegisteredKeyDto>
        rowKey="id"
        size="small"
        loading={keys.loading}
        dataSource={keys.data ?? []}
        pagination={false}
        locale={{ emptyText: '尚未登记其他工作站：未登记的工作站发来的交换包将被拒绝' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '公钥指纹', dataIndex: 'fingerprintText', render: (t: string) => <Typography.Text code>{t}</Typography.Text> },
          { title: '号段', render: (_, k) => (k.numberRange ? `${k.numberRange.start}–${k.numberRange.end}` : '—') },
          { title: '登记', render: (_, k) => `${k.registeredBy}，${formatDateTime(k.registeredAt)}` },
          {
            title: '状态',
            render: (_, k) => (k.revokedAt ? <Tag color="red">已吊销（{formatDateTime(k.revokedAt)}，{k.revokedBy}）</Tag> : <Tag color="green">有效</Tag>),
          },
          { title: '', render: (_, k) => (k.revokedAt ? null : <Button size="small" danger onClick={() => revoke(k)}>吊销</Button>) },
        ]}
      />
      <RegisterModal
        open={open}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          void keys.reload();
        }}
      />
    </Card>
  );
}

export function SigningPanel() {
  return (
    <div data-testid="signing-panel">
      <IdentityCard />
      <RegisteredKeys />
    </div>
  );
}
