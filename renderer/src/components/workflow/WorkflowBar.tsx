// The case's place in the procedure (DOMAIN.md §2) under its header: the steps, the next steps
// with what each still needs (the backend's own reasons), the deadlines with 逾期 marked, and the
// records the steps need — proof of service, the tip-off's receipt, the rectification deadline.
// Going back is a separate, explicit re-opening with a reason. Archiving is the archive area's
// ArchiveBar (it exports the dossier), which moves the case through the same transitionCase.
import { useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Flex, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons';
import { caseStateName, type CaseDetail, type CaseState } from '../../../../shared/api/dto';
import type { DeadlineDto, TransitionOption, WorkflowStatus } from '../../../../shared/api/dto/workflow';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';
import { ReopenModal } from './ReopenModal';
import { ServiceModal } from './ServiceModal';
import { CaseDatesModal } from './CaseDatesModal';

const MAIN_PATH: CaseState[] = ['planned', 'notified', 'onsite', 'summarised', 'concluded', 'rectifying', 'archived'];
const NO_FINDING_PATH: CaseState[] = ['planned', 'notified', 'onsite', 'summarised', 'closed-no-finding', 'archived'];

export function formatDue(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

export function DeadlineTag({ d }: { d: DeadlineDto }) {
  if (d.done) return <Tag icon={<CheckCircleOutlined />} color="success">{d.label} {formatDue(d.due)}</Tag>;
  if (d.overdue) return <Tag icon={<WarningOutlined />} color="error" title={d.basis}>{d.label} {formatDue(d.due)} 逾期</Tag>;
  return <Tag icon={<ClockCircleOutlined />} color="processing" title={d.basis}>{d.label} {formatDue(d.due)} 前</Tag>;
}

function stepsOf(s: WorkflowStatus): CaseState[] {
  const noFinding = s.state === 'closed-no-finding' || (s.state === 'archived' && s.history.some((h) => h.to === 'closed-no-finding' && !h.reopen));
  return noFinding ? NO_FINDING_PATH : MAIN_PATH;
}

export function WorkflowBar({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const caseId = detail.case.id;
  const status = useQuery(() => call('workflow.status', { caseId }), [caseId, detail]);
  const { message } = App.useApp();
  const [busy, setBusy] = useState<CaseState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reopening, setReopening] = useState<TransitionOption | null>(null);
  const [serving, setServing] = useState(false);
  const [dating, setDating] = useState(false);

  const s = status.data;
  if (!s) return status.error ? <Alert type="error" showIcon title={status.error} className="section" /> : null;

  const go = async (o: TransitionOption, reason?: string) => {
    setBusy(o.to);
    setError(null);
    try {
      await call('workflow.transition', { caseId, to: o.to, ...(reason ? { reason } : {}) });
      message.success(`案件已变为“${caseStateName(detail.case.kind, o.to)}”`);
      setReopening(null);
      await status.reload();
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const steps = stepsOf(s);
  const current = steps.indexOf(s.state);
  // Archiving exports the dossier too: the archive area's ArchiveBar offers it, with its own reasons.
  const forward = s.options.filter((o) => !o.reopen && o.to !== 'archived');
  const back = s.options.filter((o) => o.reopen);
  const blocked = forward.filter((o) => !o.allowed);
  const archived = s.state === 'archived';
  // The proof of service is of the audit notice; an institution check's notice comes with part 2.
  const canServe = detail.case.kind === 'employer-audit' && (s.state === 'planned' || s.state === 'notified');
  const canDate = !archived && (detail.case.source === 'tip-off' || s.state === 'concluded' || s.state === 'rectifying');

  return (
    <Card size="small" className="section workflow-bar" aria-label="办理进度">
      <Steps size="small" current={current} items={steps.map((st) => ({ title: caseStateName(detail.case.kind, st) }))} style={{ marginBottom: 12 }} />
      <Flex gap={8} wrap align="center" justify="space-between">
        <Space wrap>
          {forward.map((o) => (
            <Popconfirm
              key={o.to}
              title={`确认${o.label}？`}
              description="状态变更将记入操作记录，退回须由科室负责人重新打开。"
              okText="确认" cancelText="取消" onConfirm={() => void go(o)} disabled={!o.allowed}>
              <Button type="primary" disabled={!o.allowed} loading={busy === o.to} title={o.allowed ? `办理人：${o.who}` : o.missing.join('；')}>
                {o.label}
              </Button>
            </Popconfirm>
          ))}
          {canServe && <Button onClick={() => setServing(true)}>登记送达回证</Button>}
          {canDate && <Button onClick={() => setDating(true)}>登记日期</Button>}
          {back.length > 0 && (
            <Dropdown menu={{ items: back.map((o) => ({ key: o.to, label: o.label })), onClick: ({ key }) => setReopening(back.find((o) => o.to === key) ?? null) }}>
              <Button icon={<RollbackOutlined />}>重新打开…</Button>
            </Dropdown>
          )}
        </Space>
        <Space wrap size={4}>
          {s.deadlines.map((d) => (
            <DeadlineTag key={d.kind} d={d} />
          ))}
        </Space>
      </Flex>
      {s.service && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          稽核通知书 {s.service.documentNumber} 已于 {formatDue(s.service.servedOn)} {s.service.manner}，受送达人：{s.service.recipient}（{s.service.by} 登记于 {formatDateTime(s.service.at)}）
        </Typography.Paragraph>
      )}
      {blocked.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={blocked.map((o) => (
            <div key={o.to}>
              “{o.label}”还需：{o.missing.join('；')}
            </div>
          ))}
        />
      )}
      {error && <Alert type="error" showIcon closable style={{ marginTop: 8 }} title={error} onClose={() => setError(null)} />}
      <ReopenModal option={reopening} busy={busy !== null} onCancel={() => setReopening(null)} onConfirm={(reason) => reopening && void go(reopening, reason)} />
      <ServiceModal
        open={serving}
        detail={detail}
        onClose={() => setServing(false)}
        onSaved={() => {
          setServing(false);
          void status.reload();
        }}
      />
      <CaseDatesModal
        open={dating}
        status={s}
        isTipOff={detail.case.source === 'tip-off'}
        onClose={() => setDating(false)}
        onSaved={() => {
          setDating(false);
          void status.reload();
        }}
      />
    </Card>
  );
}
