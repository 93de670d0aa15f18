// 检查人员: the inspector directory (seed 003 annex 4) with its bulk import through the usual
// importer, activation, and the conflicts (回避) with their reasons (DOMAIN.md §10.1).
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag, Upload } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Conflict, Inspector } from '../../../shared/api/dto/office';
import { call, errorText } from '../api/client';
import { useQuery } from '../api/useQuery';

export function InspectorsPage() {
  const { message } = App.useApp();
  const inspectors = useQuery(() => call('inspectors.list', {}), []);
  const conflicts = useQuery(() => call('conflicts.list', {}), []);
  const employers = useQuery(() => call('employers.list', {}), []);
  const [importError, setImportError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ inspectorId: number; creditCode: string; reason: string }>();

  const importFile = async (file: File) => {
    setImportError(null);
    try {
      const r = await call('inspectors.import', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      void message.success(`已导入检查人员：新增 ${r.created} 名，更新 ${r.updated} 名`);
      await inspectors.reload();
    } catch (e) {
      setImportError(errorText(e));
    }
  };

  const addConflict = async () => {
    const v = await form.validateFields();
    try {
      await call('conflicts.add', { ...v, targetKind: 'employer' });
      setAdding(false);
      form.resetFields();
      await conflicts.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const toggle = async (i: Inspector) => {
    try {
      await call('inspectors.setActive', { id: i.id, active: !i.active, reason: i.active ? '调离执法岗位' : '恢复执法资格' });
      await inspectors.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div>
      <div className="page-title">
        <h2>检查人员名录库</h2>
        <Upload accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={(file) => (void importFile(file), false)}>
          <Button type="primary" icon={<UploadOutlined />}>
            导入检查人员名录
          </Button>
        </Upload>
      </div>
      {importError && <Alert type="error" showIcon title={<span style={{ whiteSpace: 'pre-wrap' }}>{importError}</span>} className="section" />}
      {inspectors.error && <Alert type="error" showIcon title={inspectors.error} className="section" />}
      <Table<Inspector>
        size="small"
        rowKey="id"
        loading={inspectors.loading}
        dataSource={inspectors.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有检查人员。可导入按附件4格式填写的检查人员库基本信息表（含姓名、执法证号等列）。' }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
          { title: '执法证号', dataIndex: 'credential', render: (v: string) => <span className="mono">{v}</span> },
          { title: '所在地区', dataIndex: 'region', render: (v?: string) => v || '—' },
          { title: '工作单位', dataIndex: 'unit', render: (v?: string) => v || '—' },
          { title: '部门岗位', dataIndex: 'department', render: (v?: string) => v || '—' },
          { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">在岗</Tag> : <Tag>停用</Tag>) },
          { title: '操作', key: 'op', width: 90, render: (_, i) => <Button size="small" onClick={() => void toggle(i)}>{i.active ? '停用' : '启用'}</Button> },
        ]}
      />
      <Card
        size="small"
        className="section"
        title="回避关系"
        extra={
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记回避
          </Button>
        }
      >
        <Table<Conflict>
          size="small"
          rowKey="id"
          dataSource={conflicts.data ?? []}
          pagination={false}
          locale={{ emptyText: '没有登记回避关系' }}
          columns={[
            { title: '检查人员', dataIndex: 'inspectorName', render: (v: string, c) => `${v}（${c.credential}）` },
            { title: '检查对象', dataIndex: 'targetName', render: (v: string, c) => `${v || '—'}（${c.creditCode}）` },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      </Card>
      <Modal title="登记回避关系" open={adding} onCancel={() => setAdding(false)} onOk={() => void addConflict()} okText="登记" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="inspectorId" label="检查人员" rules={[{ required: true, message: '请选择检查人员' }]}>
            <Select showSearch optionFilterProp="label" options={(inspectors.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.credential}）` }))} />
          </Form.Item>
          <Form.Item name="creditCode" label="检查对象" rules={[{ required: true, message: '请选择单位' }]}>
            <Select showSearch optionFilterProp="label" options={(employers.data ?? []).map((e) => ({ value: e.creditCode, label: `${e.name}（${e.creditCode}）` }))} />
          </Form.Item>
          <Form.Item name="reason" label="回避原因" rules={[{ required: true, whitespace: true, message: '请写明回避原因' }]}>
            <Input placeholder="如：配偶在该单位任职" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
