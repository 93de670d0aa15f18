// The auditor's judgment on one finding (findings.judge) or on many at once (findings.judgeMany,
// one transaction): 认定 with an optional note, or 豁免 with a reason of DOMAIN.md §6.4
// (退休返聘/实习学生/已在他处参保/其他 + 说明). The backend records each with who and when in the
// audit log; the amounts follow at once.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { EXEMPTION_REASONS, EXEMPTION_REASON_NAMES, type ExemptionReason } from '../../../../shared/domain/lines';
import { call, errorText, fieldErrors } from '../../api/client';
import { formatMonth } from '../../format';
import type { PaperFinding } from './model';

export interface JudgeRequest {
  findings: PaperFinding[];
  decision: 'accepted' | 'exempted';
}

function titleOf(r: JudgeRequest): string {
  const verb = r.decision === 'exempted' ? '豁免' : '认定';
  const f = r.findings[0];
  if (r.findings.length === 1 && f) return `${verb}：${f.name}（${formatMonth(f.month)}）`;
  const persons = new Set(r.findings.map((x) => x.personId)).size;
  return `批量${verb}：${r.findings.length} 项（${persons} 人）`;
}

interface Values {
  reason?: ExemptionReason;
  note?: string;
}

export function JudgeModal({ caseId, request, onClose, onSaved }: { caseId: number; request: JudgeRequest | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reason = Form.useWatch('reason', form);
  const exempt = request?.decision === 'exempted';

  const submit = async () => {
    if (!request) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const common = { caseId, decision: request.decision, ...(exempt && v.reason ? { reason: v.reason } : {}), ...(v.note ? { note: v.note } : {}) };
      const [only] = request.findings;
      if (request.findings.length === 1 && only) await call('findings.judge', { ...common, key: only.key });
      else await call('findings.judgeMany', { ...common, keys: request.findings.map((x) => x.key) });
      form.resetFields();
      onSaved();
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={request ? titleOf(request) : ''}
      open={request !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={exempt ? '记录豁免' : '记录认定'}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="section" />}
      {request && request.findings.length > 1 && (
        <div className="section muted" data-testid="judge-many-list" style={{ maxHeight: 120, overflow: 'auto' }}>
          {[...new Set(request.findings.map((x) => x.name))].join('、')}
        </div>
      )}
      <Form<Values> form={form} layout="vertical" name="judge">
        {exempt && (
          <Form.Item name="reason" label="豁免原因" rules={[{ required: true, message: '请选择豁免原因' }]}>
            <Select options={EXEMPTION_REASONS.map((r) => ({ value: r, label: EXEMPTION_REASON_NAMES[r] }))} placeholder="选择原因" />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label="说明"
          rules={[{ required: exempt && reason === 'other', whitespace: true, message: '豁免原因为“其他”时必须填写说明' }]}
          extra={exempt ? '豁免所选人员月份：不计补缴和滞纳金，仍列于底稿；每项记入稽核日志，可撤销。' : '每项认定记入稽核日志（认定人、时间、说明）。'}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
