// 单位: the employer directory (DOMAIN.md §10.1): add, edit, deactivate or re-activate (never
// delete) with a reason in the trail, and bulk import from a spreadsheet laid out like seed 003's
// annex through the usual importer (all rows or none), with a template to download.
import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Employer } from '../../../shared/api/dto';
import { call, errorText } from '../api/client';
import { useQuery } from '../api/useQuery';
import { EmployerFormModal } from '../components/EmployerFormModal';
import { downloadBytes } from '../components/office/download';
import { formatDateTime } from '../format';
import { navigate } from '../router';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function EmployersPage() {
  const { message } = App.useApp();
  const employers = useQuery(() => call('employers.list', {}), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Employer | null>(null);
  const [toggling, setToggling] = useState<Employer | null>(null);
  const [reason, setReason] = useState('');
  const [importError, setImportError] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setImportError(null);
    try {
      const r = await call('employers.import', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      void message.success(`已导入参保单位名录：新增 ${r.created} 家，更新 ${r.updated} 家`);
      await employers.reload();
    } catch (e) {
      setImportError(errorText(e));
    }
  };
  const template = async () => {
    const t = await call('employers.template', {});
    downloadBytes(t.fileName, t.data, XLSX);
  };
  const toggle = async () => {
    if (!toggling) return;
    try {
      await call('employers.setActive', { id: toggling.id, active: toggling.active === false, reason });
      setToggling(null);
      setReason('');
      await employers.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div>
      <div className="page-title">
        <h2>单位</h2>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void template()}>
            下载名录模板
          </Button>
          <Upload accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={(file) => (void importFile(file), false)}>
            <Button icon={<UploadOutlined />}>导入单位名录</Button>
          </Upload>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建单位
          </Button>
        </Space>
      </div>
      {importError && <Alert type="error" showIcon className="section" title="单位名录未导入" description={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{importError}</pre>} closable onClose={() => setImportError(null)} />}
      {employers.error && <Alert type="error" showIcon title={employers.error} className="section" />}
      <Table<Employer>
        size="small"
        rowKey="id"
        loading={employers.loading}
        dataSource={employers.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有单位。点击右上角“新建单位”录入被稽核单位，或导入单位名录。' }}
        columns={[
          {
            title: '单位名称',
            dataIndex: 'name',
            render: (name: string, e) => (
              <span>
                <strong>{name}</strong> {e.active === false && <Tag>已停用</Tag>}
              </span>
            ),
          },
          { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v: string) => <span className="mono">{v}</span> },
          { title: '参保单位编号', dataIndex: 'insuranceUnitCode', render: (v?: string) => v || '—' },
          { title: '行业', dataIndex: 'industry', render: (v?: string) => v || '—' },
          { title: '地区', dataIndex: 'region', render: (v?: string) => v || '—' },
          { title: '地址', dataIndex: 'address', ellipsis: true, render: (v?: string) => v || '—' },
          { title: '联系人', dataIndex: 'contact', render: (v: string | undefined, e) => [v, e.phone].filter(Boolean).join(' ') || '—' },
          { title: '录入时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: '操作',
            key: 'actions',
            width: 230,
            render: (_, e) => (
              <Space size={4}>
                <Button size="small" onClick={() => navigate({ page: 'cases', employerId: e.id })}>
                  稽核案件
                </Button>
                <Button size="small" onClick={() => setEditing(e)}>
                  修改
                </Button>
                <Button size="small" danger={e.active !== false} onClick={() => setToggling(e)}>
                  {e.active === false ? '启用' : '停用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <EmployerFormModal
        open={creating || editing !== null}
        editing={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onCreated={() => {
          setCreating(false);
          setEditing(null);
          void employers.reload();
        }}
      />
      <Modal
        title={toggling ? `${toggling.active === false ? '启用' : '停用'}：${toggling.name}` : ''}
        open={toggling !== null}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ disabled: reason.trim() === '' }}
        onOk={() => void toggle()}
        onCancel={() => setToggling(null)}
      >
        <p>{toggling?.active === false ? '启用后该单位重新进入风险筛查和双随机抽查名录。' : '停用的单位不再进入风险筛查和双随机抽查；已有案件不受影响，单位不会被删除。'}</p>
        <Input.TextArea aria-label="理由" rows={3} placeholder="请写明理由（记入操作记录）" value={reason} onChange={(ev) => setReason(ev.target.value)} />
      </Modal>
    </div>
  );
}
