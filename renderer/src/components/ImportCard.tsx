// Imports one file: reads it as bytes, starts the backend job, shows its progress, then the
// report. A refused file says why, and offers to import again leaving out the listed rows.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Progress, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { JobStatus } from '../../../shared/api/dto';
import { IMPORT_KIND_NAMES, type ImportKind, type ImportReport } from '../../../shared/domain/importReport';
import { call, errorText } from '../api/client';
import { waitForJob } from '../api/jobs';
import { ImportReportView } from './ImportReportView';

type Phase =
  | { step: 'idle' }
  | { step: 'running'; fileName: string; progress: number; message: string }
  | { step: 'done'; report: ImportReport | null }
  | { step: 'refused'; report: ImportReport; reason: string }
  | { step: 'failed'; reason: string; report: ImportReport | null };

const HINTS: Record<ImportKind, string> = {
  payroll: '每人每月一行：身份证号、姓名、月份、应发工资。支持 .xlsx / .xls / .csv，多个工作表、标题行、合计行均可。',
  declaration: '从征缴系统导出的申报明细：身份证号、月份、缴费基数（可含险种、单位/个人缴费）。',
  roster: '单位的职工花名册：身份证号、姓名、入职日期（可含离职日期、用工形式、部门、在职状态），用于人数比对。',
  claims: '从医保信息平台导出的结算明细：结算ID、身份证号、就诊类型、费用日期、项目编码、数量、单价、金额、医保支付金额（住院另需入院、出院日期）。',
  catalog: '医保目录与限价：项目编码、项目名称、类别，可含最高单价、限定性别、最小/最大年龄、每日限量。',
  institutions: '定点医药机构名录：名称、统一社会信用代码，可含所在地区、医保编码、机构类别、性质、类型、等级、地址、法定代表人及身份证号、联系人、联系电话、协议编号与起止日期、信用等级。',
  employers: '参保单位名录：名称、统一社会信用代码，可含所在地区、参保单位编号、行业、地址、法定代表人、联系人、联系电话。',
  industryWages: '行业平均工资表：年度、行业、月平均工资，可含地区、来源。',
};

function errorCount(report: ImportReport): number {
  return report.issues.filter((i) => i.severity === 'error').length;
}

export function ImportCard({ caseId, kind, onImported }: { caseId: number; kind: ImportKind; onImported: () => void }) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const lastFile = useRef<File | null>(null);
  const kindName = IMPORT_KIND_NAMES[kind];

  const run = async (file: File, leaveOutErrorRows: boolean) => {
    lastFile.current = file;
    setPhase({ step: 'running', fileName: file.name, progress: 0, message: '正在读取文件…' });
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const { jobId } = await call('imports.start', { caseId, kind, fileName: file.name, data, leaveOutErrorRows });
      const status = await waitForJob(jobId, (s: JobStatus) =>
        setPhase({ step: 'running', fileName: file.name, progress: s.progress, message: s.message }),
      );
      if (status.state === 'done') {
        setPhase({ step: 'done', report: status.report });
        onImported();
      } else if (status.state === 'failed' && status.report && errorCount(status.report) > 0) {
        setPhase({ step: 'refused', report: status.report, reason: status.error ?? '' });
      } else {
        setPhase({ step: 'failed', reason: status.error ?? (status.state === 'cancelled' ? '导入已取消' : '导入失败'), report: status.report });
      }
    } catch (e) {
      setPhase({ step: 'failed', reason: errorText(e), report: null });
    }
  };

  const busy = phase.step === 'running';
  return (
    <Card size="small" title={`导入${kindName}`} data-testid={`import-${kind}`}>
      <Upload.Dragger
        accept=".xlsx,.xls,.csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void run(file, false);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入{kindName}文件</p>
        <p className="ant-upload-hint">{HINTS[kind]}</p>
      </Upload.Dragger>

      {phase.step === 'running' && (
        <div style={{ marginTop: 12 }}>
          <div className="muted">{phase.fileName}</div>
          <Progress percent={Math.round(phase.progress * 100)} status="active" />
          <div>{phase.message}</div>
        </div>
      )}

      {phase.step === 'done' && (
        <div style={{ marginTop: 12 }}>
          <Alert
            type="success"
            showIcon
            title={phase.report ? `已导入 ${phase.report.fileName}：${phase.report.rowsTaken} 行，${phase.report.persons} 人` : '导入完成'}
            className="section"
          />
          {phase.report && <ImportReportView report={phase.report} />}
        </div>
      )}

      {phase.step === 'refused' && (
        <div style={{ marginTop: 12 }}>
          <Alert
            type="error"
            showIcon
            className="section"
            title={`文件未导入：${phase.report.fileName} 中有 ${errorCount(phase.report)} 处错误`}
            description={
              <div>
                <div>{phase.reason || '为避免遗漏数据，有无法读取的行时整份文件不导入。'}</div>
                <div style={{ marginTop: 4 }}>
                  可更正文件后重新导入；如确认下表所列的行可以不计，可剔除这些行，只导入其余 {phase.report.rowsTaken} 行。
                </div>
              </div>
            }
            action={
              <Button danger onClick={() => lastFile.current && void run(lastFile.current, true)}>
                剔除所列错误行后导入
              </Button>
            }
          />
          <ImportReportView report={phase.report} refused />
        </div>
      )}

      {phase.step === 'failed' && (
        <div style={{ marginTop: 12 }}>
          <Alert type="error" showIcon title="导入失败" description={phase.reason} className="section" />
          {phase.report && <ImportReportView report={phase.report} />}
        </div>
      )}
    </Card>
  );
}
