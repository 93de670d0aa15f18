// One side of a case (工资表 or 缴费申报明细), any number of files (twelve monthly payroll files):
// each chosen file opens the column-mapping screen, then runs as a job with a progress bar and
// 取消, then shows its report — with the verification refusals (仍然导入 with a reason), leave
// out the listed rows, and 导出报告 as XLSX. The files added are listed with their state.
import { useRef, useState } from 'react';
import { Alert, Button, Card, List, Progress, Space, Tag, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { JobStatus } from '../../../../shared/api/dto';
import type { ImportPreview, MappingOverrideDto, VerificationCode } from '../../../../shared/api/dto/imports';
import { IMPORT_KIND_NAMES, type ImportKind, type ImportReport } from '../../../../shared/domain/importReport';
import { call, errorText } from '../../api/client';
import { waitForJob } from '../../api/jobs';
import { ImportReportView } from '../ImportReportView';
import { MappingScreen, type MappingConfirm } from './MappingScreen';
import { VerificationRefusal, verificationIssues } from './VerificationRefusal';
import { downloadBytes } from './downloadBytes';

type FileState = 'waiting' | 'mapping' | 'running' | 'done' | 'refused' | 'failed' | 'cancelled';

interface Entry {
  uid: number;
  file: File;
  state: FileState;
  note: string;
  report: ImportReport | null;
  jobId: string | null;
  sourceFileId: number | null;
  /** The confirmed mapping and choices, kept to retry with overrides or leaving out rows. */
  confirmed: MappingConfirm | null;
  progress: number;
  message: string;
}

const STATE_TAGS: Record<FileState, { color: string; text: string }> = {
  waiting: { color: 'default', text: '等待' },
  mapping: { color: 'processing', text: '确认列映射' },
  running: { color: 'processing', text: '导入中' },
  done: { color: 'success', text: '已导入' },
  refused: { color: 'error', text: '未导入' },
  failed: { color: 'error', text: '失败' },
  cancelled: { color: 'warning', text: '已取消' },
};

const HINTS: Partial<Record<ImportKind, string>> = {
  payroll: '每人每月一行：身份证号、姓名、月份、应发工资。支持 .xlsx / .xls / .csv，可一次选择多个文件（如 12 个月的工资表）。',
  declaration: '从征缴系统导出的申报明细：身份证号、月份、缴费基数（可含险种、单位/个人缴费）。',
};

export function MappedImportCard({ caseId, kind, onImported }: { caseId: number; kind: ImportKind; onImported: () => void }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [preview, setPreview] = useState<{ uid: number; data: ImportPreview; version: number } | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const nextUid = useRef(1);
  const entriesRef = useRef<Entry[]>([]);
  entriesRef.current = entries;
  const kindName = IMPORT_KIND_NAMES[kind];

  const update = (uid: number, patch: Partial<Entry>) => setEntries((list) => list.map((e) => (e.uid === uid ? { ...e, ...patch } : e)));
  const entry = (uid: number) => entriesRef.current.find((e) => e.uid === uid);

  const openPreview = async (uid: number, mapping?: MappingOverrideDto) => {
    const e = entry(uid);
    if (!e) return;
    setBusy(true);
    update(uid, { state: 'mapping', note: '' });
    try {
      const data = new Uint8Array(await e.file.arrayBuffer());
      const p = await call('imports.preview', { caseId, kind, fileName: e.file.name, data, ...(mapping ? { mapping } : {}) });
      if (p.problem) {
        update(uid, { state: 'failed', note: p.problem });
        setShown(uid);
        setPreview(null);
        advance(uid);
      } else setPreview((old) => ({ uid, data: p, version: (old?.version ?? 0) + 1 }));
    } catch (err) {
      update(uid, { state: 'failed', note: errorText(err) });
      setShown(uid);
      setPreview(null);
      advance(uid);
    } finally {
      setBusy(false);
    }
  };

  /** The next waiting file opens its mapping screen. */
  const advance = (after: number) => {
    setTimeout(() => {
      const next = entriesRef.current.find((e) => e.state === 'waiting' && e.uid !== after);
      if (next && !entriesRef.current.some((e) => e.state === 'mapping' || e.state === 'running')) void openPreview(next.uid);
    }, 0);
  };

  const start = async (uid: number, confirmed: MappingConfirm, extra: { leaveOutErrorRows?: boolean; overrideChecks?: VerificationCode[]; overrideReason?: string } = {}) => {
    const e = entry(uid);
    if (!e) return;
    setPreview(null);
    setShown(uid);
    update(uid, { state: 'running', confirmed, progress: 0, message: '正在读取文件…', note: '' });
    try {
      const data = new Uint8Array(await e.file.arrayBuffer());
      const { jobId } = await call('imports.start', {
        caseId,
        kind,
        fileName: e.file.name,
        data,
        leaveOutErrorRows: extra.leaveOutErrorRows ?? false,
        mapping: confirmed.mapping,
        saveTemplate: confirmed.saveTemplate,
        ...(confirmed.templateName ? { templateName: confirmed.templateName } : {}),
        ...(confirmed.templateId ? { templateId: confirmed.templateId } : {}),
        overrideChecks: extra.overrideChecks ?? [],
        ...(extra.overrideReason ? { overrideReason: extra.overrideReason } : {}),
      });
      update(uid, { jobId });
      const status = await waitForJob(jobId, (s: JobStatus) => update(uid, { progress: s.progress, message: s.message }));
      if (status.state === 'done') {
        update(uid, { state: 'done', report: status.report, sourceFileId: status.sourceFileId, progress: 1 });
        onImported();
      } else if (status.state === 'cancelled') {
        update(uid, { state: 'cancelled', note: '导入已取消，数据库未作任何修改', report: status.report });
      } else {
        update(uid, { state: status.report ? 'refused' : 'failed', note: status.error ?? '导入失败', report: status.report });
      }
    } catch (err) {
      update(uid, { state: 'failed', note: errorText(err) });
    }
    advance(uid);
  };

  const cancelJob = async (e: Entry) => {
    if (e.jobId) await call('jobs.cancel', { jobId: e.jobId }).catch(() => undefined);
  };

  const exportReport = async (e: Entry) => {
    try {
      const out = await call('imports.reportXlsx', e.sourceFileId ? { sourceFileId: e.sourceFileId } : { jobId: e.jobId ?? '' });
      downloadBytes(out.fileName, out.data);
    } catch (err) {
      update(e.uid, { note: errorText(err) });
    }
  };

  const addFile = (file: File) => {
    const uid = nextUid.current++;
    const e: Entry = { uid, file, state: 'waiting', note: '', report: null, jobId: null, sourceFileId: null, confirmed: null, progress: 0, message: '' };
    entriesRef.current = [...entriesRef.current, e];
    setEntries(entriesRef.current);
    if (!entriesRef.current.some((x) => x.uid !== uid && (x.state === 'mapping' || x.state === 'running'))) void openPreview(uid);
  };

  const current = entries.find((e) => e.uid === shown) ?? null;
  const working = entries.some((e) => e.state === 'running');
  const rowErrors = current?.report ? current.report.issues.filter((i) => i.severity === 'error' && i.row > 0).length : 0;
  const verifyFailed = current?.report ? verificationIssues(current.report.issues).length > 0 : false;

  return (
    <Card size="small" title={`导入${kindName}`} data-testid={`import-${kind}`}>
      <Upload.Dragger
        accept=".xlsx,.xls,.csv"
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          addFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入{kindName}文件（可多选）</p>
        <p className="ant-upload-hint">{HINTS[kind]}</p>
      </Upload.Dragger>

      {entries.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          data-testid={`files-${kind}`}
          dataSource={entries}
          renderItem={(e) => (
            <List.Item
              style={{ cursor: e.state === 'waiting' ? 'default' : 'pointer', background: e.uid === shown ? '#f5f8ff' : undefined }}
              onClick={() => e.state !== 'waiting' && setShown(e.uid)}
              actions={[
                e.state === 'running' ? (
                  <Button key="cancel" size="small" danger onClick={() => void cancelJob(e)}>
                    取消
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <Space>
                <Tag color={STATE_TAGS[e.state].color}>{STATE_TAGS[e.state].text}</Tag>
                <span>{e.file.name}</span>
                {e.state === 'done' && e.report && <span className="muted">{e.report.rowsTaken} 行</span>}
              </Space>
            </List.Item>
          )}
        />
      )}

      {current?.state === 'running' && (
        <div style={{ marginTop: 12 }} data-testid="import-progress">
          <div className="muted">{current.file.name}</div>
          <Space style={{ width: '100%' }} align="center">
            <Progress percent={Math.round(current.progress * 100)} status="active" style={{ width: 360 }} />
            <Button size="small" danger onClick={() => void cancelJob(current)}>
              取消
            </Button>
          </Space>
          <div>{current.message}</div>
        </div>
      )}

      {current && ['done', 'refused', 'failed', 'cancelled'].includes(current.state) && (
        <div style={{ marginTop: 12 }}>
          {current.state === 'done' && current.report && (
            <Alert type="success" showIcon className="section" title={`已导入 ${current.report.fileName}：${current.report.rowsTaken} 行，${current.report.persons} 人`} />
          )}
          {current.state === 'cancelled' && <Alert type="warning" showIcon className="section" title={current.note} />}
          {current.state === 'failed' && <Alert type="error" showIcon className="section" title="导入失败" description={current.note} />}
          {current.state === 'refused' && current.report && verifyFailed && current.confirmed && (
            <VerificationRefusal
              issues={current.report.issues}
              busy={working}
              onOverride={(codes, reason) => void start(current.uid, current.confirmed as MappingConfirm, { overrideChecks: codes, overrideReason: reason, leaveOutErrorRows: false })}
            />
          )}
          {current.state === 'refused' && current.report && !verifyFailed && (
            <Alert
              type="error"
              showIcon
              className="section"
              title={`文件未导入：${current.report.fileName}`}
              description={
                <div>
                  <div>{current.note}</div>
                  {rowErrors > 0 && <div style={{ marginTop: 4 }}>可更正文件后重新导入；如确认下表所列的行可以不计，可剔除这些行，只导入其余 {current.report.rowsTaken} 行。</div>}
                </div>
              }
              action={
                rowErrors > 0 && current.confirmed ? (
                  <Button danger disabled={working} onClick={() => void start(current.uid, current.confirmed as MappingConfirm, { leaveOutErrorRows: true })}>
                    剔除所列错误行后导入
                  </Button>
                ) : undefined
              }
            />
          )}
          {current.report && (
            <>
              <div style={{ textAlign: 'right', marginBottom: 8 }}>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportReport(current)}>
                  导出报告
                </Button>
              </div>
              <ImportReportView report={current.report} refused={current.state !== 'done'} />
            </>
          )}
        </div>
      )}

      {preview && (
        <MappingScreen
          key={`${preview.uid}-${preview.version}`}
          kind={kind}
          preview={preview.data}
          busy={busy}
          onReload={(mapping) => void openPreview(preview.uid, mapping)}
          onConfirm={(c) => void start(preview.uid, c)}
          onCancel={() => {
            update(preview.uid, { state: 'cancelled', note: '未导入（已关闭列映射）' });
            setPreview(null);
            advance(preview.uid);
          }}
        />
      )}
    </Card>
  );
}
