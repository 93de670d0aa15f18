// 证据材料: photos, scans, recordings and copies attached to the case (and optionally to a finding),
// with who added them and when, their SHA-256, image thumbnails and a PDF preview. Bytes come
// from evidence.get and are shown through Blob URLs; nothing leaves the workstation.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Select, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import type { CaseDetail } from '../../../../shared/api/dto';
import { EVIDENCE_KINDS, EVIDENCE_KIND_NAMES, type Evidence, type EvidenceKind } from '../../../../shared/api/dto/workflow';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function guessKind(file: File): EvidenceKind {
  if (file.type.startsWith('image/')) return 'photo';
  if (file.type.startsWith('audio/') || file.type.startsWith('video/')) return 'recording';
  if (file.type === 'application/pdf') return 'scan';
  return 'copy';
}

/** Loads one piece of evidence as a Blob URL, revoked when no longer shown. */
function useEvidenceUrl(e: Evidence | null): { url: string | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });
  useEffect(() => {
    if (!e) return;
    let url: string | null = null;
    let cancelled = false;
    call('evidence.get', { evidenceId: e.id })
      .then(({ data }) => {
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: e.mime }));
        setState({ url, error: null });
      })
      .catch((err: unknown) => !cancelled && setState({ url: null, error: errorText(err) }));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
      setState({ url: null, error: null });
    };
  }, [e]);
  return state;
}

function Thumbnail({ e, onOpen }: { e: Evidence; onOpen: () => void }) {
  const { url } = useEvidenceUrl(e.mime.startsWith('image/') ? e : null);
  const box = { width: 72, height: 54, display: 'flex', alignItems: 'center', justifyContent: 'center', border: '1px solid #eee', borderRadius: 4, cursor: 'pointer', background: '#fafafa' } as const;
  if (url) return <img src={url} alt={e.fileName} style={{ ...box, objectFit: 'cover' }} onClick={onOpen} />;
  const label = e.mime === 'application/pdf' ? 'PDF' : e.mime.startsWith('audio/') || e.mime.startsWith('video/') ? '音视频' : '文件';
  return (
    <div style={box} onClick={onOpen} role="button" aria-label={`查看 ${e.fileName}`}>
      <Typography.Text type="secondary">{label}</Typography.Text>
    </div>
  );
}

function Preview({ e, onClose }: { e: Evidence | null; onClose: () => void }) {
  const { url, error } = useEvidenceUrl(e);
  const canShow = e && (e.mime.startsWith('image/') || e.mime === 'application/pdf');
  return (
    <Modal
      open={e !== null}
      title={e ? `${e.fileName}（${EVIDENCE_KIND_NAMES[e.kind]}）` : ''}
      width={900}
      onCancel={onClose}
      footer={
        url && e ? (
          <Button icon={<DownloadOutlined />} href={url} download={e.fileName}>
            下载原件
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} />}
      {e && <Typography.Paragraph type="secondary">{e.description} · SHA-256 <span className="mono">{e.sha256}</span></Typography.Paragraph>}
      {url && e?.mime.startsWith('image/') && <img src={url} alt={e.fileName} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} />}
      {url && e?.mime === 'application/pdf' && <iframe src={url} title={e.fileName} style={{ width: '100%', height: '70vh', border: 0 }} />}
      {e && !canShow && <Alert type="info" showIcon title="此类文件不能在此预览，请下载原件查看" />}
    </Modal>
  );
}

interface Pending {
  file: File;
  description: string;
  kind: EvidenceKind;
  findingKey: string;
}

export function EvidencePanel({ detail, onChanged }: { detail: CaseDetail; onChanged?: () => void }) {
  const caseId = detail.case.id;
  const list = useQuery(() => call('evidence.list', { caseId }), [caseId]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Evidence | null>(null);
  const { message } = App.useApp();
  const archived = detail.case.state === 'archived';

  const save = async () => {
    if (!pending) return;
    setSaving(true);
    setError(null);
    try {
      const data = new Uint8Array(await pending.file.arrayBuffer());
      const e = await call('evidence.add', {
        caseId,
        fileName: pending.file.name,
        data,
        description: pending.description.trim(),
        kind: pending.kind,
        ...(pending.findingKey.trim() ? { findingKey: pending.findingKey.trim() } : {}),
      });
      message.success(`已添加证据：${e.fileName}`);
      setPending(null);
      await list.reload();
      onChanged?.();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="evidence-panel">
      {!archived && (
        <Card size="small" className="section">
          <Flex gap={12} align="center">
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                setError(null);
                setPending({ file, description: '', kind: guessKind(file), findingKey: '' });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>添加证据材料</Button>
            </Upload>
            <Typography.Text type="secondary">照片、扫描件、录音录像、单位资料复制件；原件按字节保存并记录 SHA-256，添加后不能修改或删除。</Typography.Text>
          </Flex>
        </Card>
      )}
      {list.error && <Alert type="error" showIcon title={list.error} className="section" />}
      <Table<Evidence>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="尚未添加证据材料" /> }}
        columns={[
          { title: '预览', key: 'thumb', width: 90, render: (_, e) => <Thumbnail e={e} onOpen={() => setViewing(e)} /> },
          {
            title: '文件',
            key: 'file',
            render: (_, e) => (
              <div>
                <Button type="link" size="small" icon={<EyeOutlined />} style={{ padding: 0 }} onClick={() => setViewing(e)}>
                  {e.fileName}
                </Button>
                <div className="muted">{e.description}</div>
                {e.findingKey && <Tag style={{ marginTop: 4 }}>问题：{e.findingKey}</Tag>}
              </div>
            ),
          },
          { title: '类别', key: 'kind', width: 90, render: (_, e) => EVIDENCE_KIND_NAMES[e.kind] },
          { title: '大小', key: 'size', width: 90, align: 'right', render: (_, e) => formatSize(e.size) },
          { title: 'SHA-256', key: 'sha', width: 170, render: (_, e) => <span className="mono" title={e.sha256}>{e.sha256.slice(0, 16)}…</span> },
          { title: '添加人', dataIndex: 'addedBy', width: 100 },
          { title: '添加时间', key: 'at', width: 140, render: (_, e) => formatDateTime(e.addedAt) },
        ]}
      />
      <Modal
        open={pending !== null}
        title={`添加证据材料：${pending?.file.name ?? ''}`}
        okText="保存"
        cancelText="取消"
        onOk={() => void save()}
        okButtonProps={{ disabled: !pending?.description.trim(), loading: saving }}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        {pending && (
          <Form layout="vertical">
            <Form.Item label="说明" required>
              <Input.TextArea rows={2} maxLength={500} value={pending.description} placeholder="如：2024年3月工资发放签字表（财务室现场拍摄）" onChange={(ev) => setPending({ ...pending, description: ev.target.value })} aria-label="证据说明" />
            </Form.Item>
            <Form.Item label="类别">
              <Select value={pending.kind} options={EVIDENCE_KINDS.map((k) => ({ value: k, label: EVIDENCE_KIND_NAMES[k] }))} onChange={(kind) => setPending({ ...pending, kind })} />
            </Form.Item>
            <Form.Item label="关联问题（可选）" extra="稽核结果中问题的编号，如 payroll-only:身份证号:2024-03">
              <Input value={pending.findingKey} onChange={(ev) => setPending({ ...pending, findingKey: ev.target.value })} />
            </Form.Item>
            <Typography.Text type="secondary">{formatSize(pending.file.size)}</Typography.Text>
          </Form>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
      <Preview e={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}
