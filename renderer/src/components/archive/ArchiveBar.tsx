// The case's archive (DOMAIN.md §2 step 7, §9): before archiving, a 归档 button — disabled with
// the reason when the case is not ready — whose confirmation lists what goes into the dossier and
// the retention period; after archiving, an 已归档（只读） banner with the 档号, the dossier's
// SHA-256 and a 下载档案 button that saves the stored ZIP byte for byte.
import { useState } from 'react';
import { Alert, App, Button, InputNumber, Modal, Space, Tooltip, Typography } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { CaseDetail } from '../../../../shared/api/dto';
import { DEFAULT_RETENTION_YEARS } from '../../../../shared/api/dto/archive';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';
import { downloadBytes } from './download';

export function ArchiveBar({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const caseId = detail.case.id;
  const status = useQuery(() => call('archive.status', { caseId }), [caseId, detail.case.state]);
  const [confirming, setConfirming] = useState(false);
  const [years, setYears] = useState<number>(DEFAULT_RETENTION_YEARS);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const s = status.data;
  if (!s) return null;

  const download = async () => {
    try {
      const file = await call('archive.dossier', { caseId });
      downloadBytes(file.fileName, file.data);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  if (s.archived && s.record) {
    const r = s.record;
    return (
      <Alert
        className="section"
        type="info"
        showIcon
        icon={<InboxOutlined />}
        data-testid="archived-banner"
        title={<strong>已归档（只读）</strong>}
        description={
          <span>
            档号 <strong>{r.archiveNumber}</strong>，{formatDateTime(r.exportedAt)} 由 {r.exportedBy} 归档，保管期限 {r.retentionYears} 年；稽核档案共 {r.files} 个文件，
            SHA-256 <Typography.Text code copyable style={{ fontSize: 12 }}>{r.sha256}</Typography.Text>。案件的数据、文书和记录均不能再修改。
          </span>
        }
        action={
          <Button icon={<DownloadOutlined />} onClick={() => void download()}>
            下载档案
          </Button>
        }
      />
    );
  }

  const archive = async () => {
    setBusy(true);
    try {
      const r = await call('archive.archive', { caseId, retentionYears: years });
      void message.success(`已归档，档号 ${r.archiveNumber}`);
      setConfirming(false);
      onChanged();
      void status.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="section" style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Tooltip title={s.ready ? '导出完整的稽核档案并保存，案件随即变为只读' : s.reason}>
        <Button disabled={!s.ready} onClick={() => setConfirming(true)}>
          归档
        </Button>
      </Tooltip>
      {!s.ready && s.reason && (
        <Typography.Text type="secondary" style={{ marginLeft: 8, alignSelf: 'center', fontSize: 12 }} data-testid="archive-reason">
          不能归档：{s.reason}
        </Typography.Text>
      )}
      <Modal
        open={confirming}
        title="归档稽核案件"
        okText="确认归档"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void archive()}
        onCancel={() => setConfirming(false)}
        width={640}
      >
        <p>
          将导出案件 <strong>{detail.case.number}</strong>（{detail.case.target.name}）的稽核档案并保存在本机，归档后案件<strong>不能再做任何修改</strong>。档案包括：
        </p>
        <ul data-testid="dossier-contents">
          {s.contents.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <Space>
          保管期限
          <InputNumber min={10} max={100} value={years} onChange={(v) => setYears(v ?? DEFAULT_RETENTION_YEARS)} addonAfter="年" aria-label="保管期限" />
          <Typography.Text type="secondary">（社会保险稽核材料保管 30 年，自结案次年 1 月 1 日起算）</Typography.Text>
        </Space>
      </Modal>
    </div>
  );
}
