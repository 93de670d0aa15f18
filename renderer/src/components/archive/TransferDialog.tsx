// 案件交换 (issue 5 item 6): take cases to another workstation and bring them back. Export: pick
// cases, save the package. Import: pick a package; the result says per case whether it was
// created, brought up to date, already the same, newer here, or in conflict — and for a conflict
// lists every conflicting item, since nothing of that case was taken.
import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { ExportOutlined, ImportOutlined, SwapOutlined } from '@ant-design/icons';
import type { Case } from '../../../../shared/api/dto';
import { TRANSFER_OUTCOME_NAMES, type TransferCaseOutcome, type TransferImportResult } from '../../../../shared/api/dto/archive';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { CaseStateTag } from '../CaseStateTag';
import { downloadBytes } from './download';
import { ConflictResolver } from './ConflictResolver';

const OUTCOME_COLORS: Record<TransferCaseOutcome['outcome'], string> = { created: 'green', updated: 'blue', unchanged: 'default', 'local-newer': 'gold', conflict: 'red', resolved: 'purple' };

/** The transfer passphrase both sides type (the package is encrypted with it). */
function PassphraseField({ value, onChange, hint }: { value: string; onChange: (v: string) => void; hint: string }) {
  return (
    <div style={{ margin: '12px 0' }}>
      <Typography.Text>交换包口令：</Typography.Text>
      <Input.Password aria-label="交换包口令" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} style={{ width: 260 }} />
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {hint}
      </Typography.Paragraph>
    </div>
  );
}

function ExportTab() {
  const cases = useQuery(() => call('cases.list', { kind: 'employer-audit' }) /* institution checks travel with part 2 */, []);
  const [selected, setSelected] = useState<number[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const exportSelected = async () => {
    setBusy(true);
    try {
      const pkg = await call('transfer.exportCases', { caseIds: selected, ...(passphrase ? { passphrase } : {}) });
      downloadBytes(pkg.fileName, pkg.data);
      void message.success(`已导出 ${pkg.cases} 个案件的交换包`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Typography.Paragraph type="secondary">选择要带到其他工作站（如外出用的笔记本电脑）的案件。交换包含案件的全部数据、原始文件、文书、证据和审计记录；在另一台工作站导入后可离线办理，再导出带回。</Typography.Paragraph>
      <Table<Case>
        size="small"
        rowKey="id"
        loading={cases.loading}
        dataSource={cases.data ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        columns={[
          { title: '案件编号', dataIndex: 'number', width: 140 },
          { title: '被稽核单位', dataIndex: 'employerName' },
          { title: '状态', dataIndex: 'state', width: 100, render: (s: Case['state']) => <CaseStateTag state={s} /> },
        ]}
      />
      <PassphraseField value={passphrase} onChange={setPassphrase} hint="交换包含身份证号码和工资，导出时加密。请设置至少 8 个字符的口令，并另行（如当面或电话）告知导入的一方。" />
      <Button type="primary" icon={<ExportOutlined />} disabled={selected.length === 0} loading={busy} onClick={() => void exportSelected()} style={{ marginTop: 12 }}>
        导出交换包（{selected.length} 个案件）
      </Button>
    </div>
  );
}

function ImportTab({ onImported }: { onImported: () => void }) {
  const [result, setResult] = useState<TransferImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  // the package as read, kept so its conflicts can be resolved by sending it again with the choices
  const [pkg, setPkg] = useState<{ data: Uint8Array<ArrayBuffer>; fileName: string; passphrase: string } | null>(null);
  const importFile = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setPkg(null);
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const r = await call('transfer.importPackage', { data, fileName: file.name, ...(passphrase ? { passphrase } : {}) });
      setResult(r);
      setPkg({ data, fileName: file.name, passphrase });
      onImported();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Typography.Paragraph type="secondary">导入其他工作站导出的交换包。本机没有的案件将新建；只在对方修改过的案件将更新；两边都修改过的案件不会导入，并列出冲突的内容。重复导入同一交换包不会产生重复数据。</Typography.Paragraph>
      <PassphraseField value={passphrase} onChange={setPassphrase} hint="输入导出方设置的交换包口令。" />
      <Upload
        accept=".jhpkg"
        showUploadList={false}
        beforeUpload={(file) => {
          void importFile(file);
          return false;
        }}
      >
        <Button icon={<ImportOutlined />} loading={busy}>
          选择交换包并导入
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="transfer-result">
          <Alert
            type={result.conflicts > 0 ? 'warning' : 'success'}
            showIcon
            title={`新建 ${result.created} 个，更新 ${result.updated} 个，无变化 ${result.unchanged} 个，冲突 ${result.conflicts} 个${result.resolved ? `，冲突已处理 ${result.resolved} 个` : ''}`}
            style={{ marginBottom: 8 }}
          />
          <Table<TransferCaseOutcome>
            size="small"
            rowKey="caseNumber"
            pagination={false}
            dataSource={result.cases}
            expandable={{
              rowExpandable: (r) => r.conflicts.length > 0,
              defaultExpandAllRows: true,
              expandedRowRender: (r) => (
                <Table
                  size="small"
                  rowKey={(i) => `${i.kind}|${i.description}`}
                  pagination={false}
                  dataSource={r.conflicts}
                  columns={[
                    { title: '冲突项', dataIndex: 'kind', width: 120 },
                    { title: '内容', dataIndex: 'description' },
                  ]}
                />
              ),
            }}
            columns={[
              { title: '案件编号', dataIndex: 'caseNumber', width: 140 },
              { title: '被稽核单位', dataIndex: 'employerName' },
              { title: '结果', dataIndex: 'outcome', width: 150, render: (o: TransferCaseOutcome['outcome']) => <Tag color={OUTCOME_COLORS[o]}>{TRANSFER_OUTCOME_NAMES[o]}</Tag> },
              { title: '说明', dataIndex: 'message' },
            ]}
          />
          {result.conflicts > 0 && pkg && (
            <ConflictResolver
              cases={result.cases.filter((c) => c.outcome === 'conflict')}
              onResolve={async (resolutions) => {
                const r = await call('transfer.resolveConflicts', { data: pkg.data, fileName: pkg.fileName, resolutions, ...(pkg.passphrase ? { passphrase: pkg.passphrase } : {}) });
                setResult(r);
                onImported();
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}

/** The 案件交换 button and its dialog. */
export function TransferButton({ onImported }: { onImported: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)}>
        案件交换
      </Button>
      <Modal open={open} title="案件交换（在工作站之间带走、带回案件）" footer={null} width={860} onCancel={() => setOpen(false)} destroyOnHidden>
        <Tabs
          items={[
            { key: 'export', label: '导出案件', children: <ExportTab /> },
            { key: 'import', label: '导入交换包', children: <ImportTab onImported={onImported} /> },
          ]}
        />
      </Modal>
    </>
  );
}
