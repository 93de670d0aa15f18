// 定点医药机构: the directory of designated hospitals and pharmacies (INSTITUTIONS.md §2) — list,
// create, edit, deactivate (with a reason), bulk import through the messy-file importer with its
// template, and opening a check (a case of kind 'institution-check') for one institution.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { CASE_SOURCE_NAMES } from '../../../shared/api/dto';
import { AGREEMENT_STATUS_NAMES, INSTITUTION_KIND_NAMES, type Institution } from '../../../shared/api/dto/institutions';
import { call, errorText } from '../api/client';
import { useQuery } from '../api/useQuery';
import { InstitutionFormModal } from '../components/institutions/InstitutionFormModal';
import { downloadBytes } from '../components/import/downloadBytes';
import { MonthField } from '../components/DateField';
import { navigate } from '../router';
import type { Dayjs } from 'dayjs';

const RATING_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export function InstitutionsPage() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const list = useQuery(() => call('institutions.list', { includeInactive }), [includeInactive]);
  const [editing, setEditing] = useState<Institution | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<Institution | null>(null);
  const [reason, setReason] = useState('');
  const [checking, setChecking] = useState<Institution | null>(null);
  const [checkForm] = Form.useForm<{ periodFrom: Dayjs; periodTo: Dayjs; source: 'plan' | 'random' | 'tip-off' | 'lead' }>();
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  const template = async () => {
    const t = await call('institutions.template', {});
    downloadBytes(t.fileName, t.data);
  };
  const importFile = async (file: File) => {
    setImporting(true);
    setError(null);
    try {
      const r = await call('institutions.import', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      message.success(`名录已导入：新增 ${r.created} 家，更新 ${r.updated} 家`);
      await list.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setImporting(false);
    }
  };
  const deactivate = async () => {
    if (!deactivating) return;
    try {
      await call('institutions.deactivate', { id: deactivating.id, reason: reason.trim() });
      setDeactivating(null);
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const openCheck = async () => {
    if (!checking) return;
    const v = await checkForm.validateFields();
    try {
      const c = await call('institutionChecks.create', { institutionId: checking.id, periodFrom: v.periodFrom.format('YYYY-MM'), periodTo: v.periodTo.format('YYYY-MM'), source: v.source });
      setChecking(null);
      navigate({ page: 'case', caseId: c.caseId });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <div>
      <div className="page-title">
        <h2>定点医药机构</h2>
        <Space>
          <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
            显示已停用
          </Checkbox>
          <Button icon={<DownloadOutlined />} onClick={() => void template()}>
            下载名录模板
          </Button>
          <Upload
            accept=".xlsx,.xls,.csv"
            showUploadList={false}
            beforeUpload={(f) => {
              void importFile(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importing} data-testid="import-institutions">
              批量导入名录
            </Button>
          </Upload>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建机构
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} className="section" closable onClose={() => setError(null)} />}
      {list.error && <Alert type="error" showIcon title={list.error} className="section" />}
      <Table<Institution>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '名录为空。点击“批量导入名录”或“新建机构”。' }}
        scroll={{ x: 1300 }}
        columns={[
          { title: '名称', dataIndex: 'name', width: 200, render: (v: string, i) => <span><strong>{v}</strong>{!i.active && <Tag style={{ marginLeft: 6 }}>已停用</Tag>}</span> },
          { title: '类别', dataIndex: 'kind', width: 110, render: (k: Institution['kind']) => INSTITUTION_KIND_NAMES[k] },
          { title: '地区', dataIndex: 'region', width: 90 },
          { title: '统一社会信用代码', dataIndex: 'creditCode', width: 170, render: (v: string) => <span className="mono">{v}</span> },
          { title: '医保编码', dataIndex: 'insuranceCode', width: 120, render: (v: string) => v || '—' },
          { title: '法定代表人', key: 'rep', width: 210, render: (_, i) => <span>{i.legalRepName || '—'} <span className="mono muted" data-testid="legal-rep-id">{i.legalRepId}</span></span> },
          { title: '协议编号', dataIndex: 'agreementNo', width: 110, render: (v: string) => v || '—' },
          { title: '协议期限', key: 'agreement', width: 190, render: (_, i) => (i.agreementFrom || i.agreementTo ? `${i.agreementFrom ?? '…'} 至 ${i.agreementTo ?? '…'}` : '—') },
          {
            title: '协议状态',
            dataIndex: 'agreementStatus',
            width: 130,
            render: (s: Institution['agreementStatus'], i) => <Tag color={s === 'normal' ? 'green' : s === 'suspended' ? 'orange' : 'red'}>{AGREEMENT_STATUS_NAMES[s]}{i.suspendedUntil ? `至${i.suspendedUntil}` : ''}</Tag>,
          },
          { title: '信用等级', dataIndex: 'creditRating', width: 80, render: (r: string | null, i) => (r ? <Tag color={RATING_COLORS[r]} title={[i.creditRatedOn, i.creditSource].filter(Boolean).join(' ')}>{r}</Tag> : '—') },
          { title: '检查', dataIndex: 'checks', width: 60, align: 'right' },
          {
            title: '操作',
            key: 'actions',
            width: 240,
            fixed: 'right',
            render: (_, i) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(i)}>
                  编辑
                </Button>
                <Button size="small" type="primary" ghost disabled={!i.active} onClick={() => { checkForm.resetFields(); setChecking(i); }} data-testid="open-check">
                  立项检查
                </Button>
                <Button size="small" danger disabled={!i.active} onClick={() => { setReason(''); setDeactivating(i); }}>
                  停用
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <InstitutionFormModal
        open={editing !== null}
        editing={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void list.reload();
        }}
      />
      <Modal open={deactivating !== null} title={`停用：${deactivating?.name ?? ''}`} okText="停用" okButtonProps={{ danger: true, disabled: reason.trim() === '' }} cancelText="取消" onCancel={() => setDeactivating(null)} onOk={() => void deactivate()}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="停用原因（必填），如：协议已解除" />
      </Modal>
      <Modal open={checking !== null} title={`立项检查：${checking?.name ?? ''}`} okText="立项" cancelText="取消" onCancel={() => setChecking(null)} onOk={() => void openCheck()} destroyOnHidden forceRender>
        <Form form={checkForm} layout="vertical" initialValues={{ source: 'plan' }} name="check">
          <Space>
            <Form.Item name="periodFrom" label="检查期间自" rules={[{ required: true, message: '请选择开始月' }]}>
              <MonthField />
            </Form.Item>
            <Form.Item name="periodTo" label="至" rules={[{ required: true, message: '请选择结束月' }]}>
              <MonthField />
            </Form.Item>
            <Form.Item name="source" label="案件来源">
              <Select style={{ width: 140 }} options={Object.entries(CASE_SOURCE_NAMES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </div>
  );
}
