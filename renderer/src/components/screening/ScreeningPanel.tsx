// 智能监控筛查 on an institution check (INSTITUTIONS.md §6): choose the settlement details and the
// catalog, adjust the rules' parameters (a changed set gets a new version, shown with the run),
// run the screening as a backend job (read and screened off the main process) with progress and
// cancel, then the totals per rule, the hits with their derivation, the verdicts per hit and in
// bulk (by rule, by person), and the hits as XLSX.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Input, Progress, Space, Upload, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { CaseDetail, JobStatus } from '../../../../shared/api/dto';
import type { ScreeningResultDto } from '../../../../shared/api/dto/institutions';
import { DEFAULT_SCREENING_PARAMS, type ScreeningParams } from '../../../../shared/rules/screening/params';
import { call, errorText } from '../../api/client';
import { waitForJob } from '../../api/jobs';
import { useQuery } from '../../api/useQuery';
import { downloadBytes } from '../import/downloadBytes';
import { formatDateTime } from '../../format';
import { ScreeningTotals } from './ScreeningTotals';
import { ScreeningHits } from './ScreeningHits';

type Run = { progress: number; message: string } | null;

function paramsOf(result: ScreeningResultDto | undefined): ScreeningParams {
  return (result?.run?.params as ScreeningParams | undefined) ?? DEFAULT_SCREENING_PARAMS;
}

export function ScreeningPanel({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const caseId = detail.case.id;
  const result = useQuery(() => call('screening.result', { caseId }), [caseId]);
  const [claims, setClaims] = useState<File[]>([]);
  const [catalog, setCatalog] = useState<File | null>(null);
  const [running, setRunning] = useState<Run>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [form] = Form.useForm();
  const archived = detail.case.state === 'archived';
  const r = result.data;
  const params = paramsOf(r);

  const start = async () => {
    if (claims.length === 0 || !catalog) return;
    setError(null);
    const values = form.getFieldsValue() as { maxGapDays: number; minDays: number; ratio: string; minVisits: number; minAmount: string };
    const controller = new AbortController();
    abort.current = controller;
    setRunning({ progress: 0, message: '正在读取文件…' });
    try {
      const files = await Promise.all(claims.map(async (f) => ({ fileName: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
      const cat = { fileName: catalog.name, data: new Uint8Array(await catalog.arrayBuffer()) };
      const { jobId } = await call('screening.start', {
        caseId,
        claims: files,
        catalog: cat,
        params: { R07: { maxGapDays: values.maxGapDays }, R08: { minDays: values.minDays, ratio: String(values.ratio) }, R10: { minVisits: values.minVisits }, R11: { minAmount: String(values.minAmount) } },
      });
      const status = await waitForJob(jobId, (s: JobStatus) => setRunning({ progress: s.progress, message: s.message }), controller.signal);
      if (status.state === 'done') {
        await result.reload();
        onChanged();
      } else setError(status.state === 'cancelled' ? '筛查已取消，未保存任何结果' : (status.error ?? '筛查失败'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(null);
      abort.current = null;
    }
  };

  const exportXlsx = async () => {
    try {
      const x = await call('screening.xlsx', { caseId });
      downloadBytes(x.fileName, x.data);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div data-testid="screening-panel">
      {!archived && (
        <Card size="small" title="导入结算明细与目录，运行筛查" className="section">
          <Space align="start" size={24} wrap>
            <div>
              <Typography.Text strong>结算明细（可多个文件，按所选顺序）</Typography.Text>
              <Upload
                multiple
                accept=".xlsx,.xls,.csv"
                fileList={claims.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
                beforeUpload={(file, list) => {
                  if (file === list[0]) setClaims((prev) => [...prev, ...list]);
                  return false;
                }}
                onRemove={(f) => setClaims((prev) => prev.filter((_, i) => String(i) !== f.uid))}
              >
                <Button icon={<FileExcelOutlined />} data-testid="pick-claims" disabled={running !== null}>
                  选择结算明细
                </Button>
              </Upload>
            </div>
            <div>
              <Typography.Text strong>目录与限价</Typography.Text>
              <Upload
                accept=".xlsx,.xls,.csv"
                maxCount={1}
                fileList={catalog ? [{ uid: 'catalog', name: catalog.name, status: 'done' as const }] : []}
                beforeUpload={(file) => {
                  setCatalog(file);
                  return false;
                }}
                onRemove={() => setCatalog(null)}
              >
                <Button icon={<FileExcelOutlined />} data-testid="pick-catalog" disabled={running !== null}>
                  选择目录
                </Button>
              </Upload>
            </div>
          </Space>
          <Form
            form={form}
            layout="inline"
            style={{ marginTop: 12 }}
            key={`${r?.run?.id ?? 0}`}
            initialValues={{ maxGapDays: params.R07.maxGapDays, minDays: params.R08.minDays, ratio: params.R08.ratio, minVisits: params.R10.minVisits, minAmount: params.R11.minAmount }}
          >
            <Form.Item label="R07 间隔天数上限" name="maxGapDays">
              <InputNumber min={0} max={365} precision={0} style={{ width: 80 }} />
            </Form.Item>
            <Form.Item label="R08 最少住院天数" name="minDays">
              <InputNumber min={1} max={365} precision={0} style={{ width: 70 }} />
            </Form.Item>
            <Form.Item label="R08 诊疗日期比例" name="ratio">
              <Input style={{ width: 70 }} />
            </Form.Item>
            <Form.Item label="R10 每月就诊日数" name="minVisits">
              <InputNumber min={1} max={31} precision={0} style={{ width: 70 }} />
            </Form.Item>
            <Form.Item label="R11 金额下限（元）" name="minAmount">
              <Input style={{ width: 90 }} />
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
            参数版本 {params.version}
            {r?.run ? '（上次筛查所用）' : '（默认）'}；修改参数后运行，版本号加一并随本次筛查保存。
          </Typography.Paragraph>
          <Space>
            <Button type="primary" icon={<PlayCircleOutlined />} disabled={claims.length === 0 || !catalog || running !== null} onClick={() => void start()} data-testid="run-screening">
              运行筛查
            </Button>
            {running && (
              <Button danger onClick={() => abort.current?.abort()} data-testid="cancel-screening">
                取消
              </Button>
            )}
          </Space>
          {running && (
            <div data-testid="screening-progress" style={{ marginTop: 8 }}>
              <Progress percent={Math.round(running.progress * 100)} status="active" />
              <Typography.Text type="secondary">{running.message}</Typography.Text>
            </div>
          )}
        </Card>
      )}
      {error && <Alert type="error" showIcon title={error} className="section" closable onClose={() => setError(null)} />}
      {result.error && <Alert type="error" showIcon title={result.error} className="section" />}
      {r?.run && (
        <>
          <Descriptions
            size="small"
            bordered
            column={3}
            className="section"
            items={[
              { key: 'at', label: '筛查时间', children: `${formatDateTime(r.run.createdAt)} · ${r.run.createdBy}` },
              { key: 'rows', label: '筛查行数', children: `${r.run.rowsScreened} 行（冲正/退费行 ${r.run.refundRows} 行未纳入）` },
              {
                key: 'params',
                label: `参数（版本 ${r.run.paramsVersion}）`,
                children: `R07 ≤${params.R07.maxGapDays} 天；R08 ≥${params.R08.minDays} 天、比例 ${params.R08.ratio}；R10 ≥${params.R10.minVisits} 日；R11 ≥${params.R11.minAmount} 元`,
              },
              { key: 'files', label: '文件', span: 3, children: r.run.files.map((f) => `${f.role === 'catalog' ? '目录' : '结算明细'}《${f.fileName}》${f.rows} 行`).join('；') },
            ]}
          />
          <Space className="section">
            <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} data-testid="export-hits">
              导出疑点明细（XLSX）
            </Button>
          </Space>
          <ScreeningTotals result={r} />
          <ScreeningHits caseId={caseId} result={r} readOnly={archived} onJudged={() => void result.reload()} />
        </>
      )}
      {r && !r.run && !running && <Alert type="info" showIcon title="本案尚未筛查：选择结算明细和目录后点击“运行筛查”。" className="section" />}
    </div>
  );
}
