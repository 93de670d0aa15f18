// A file refused by the self-verification (electron/services/import/verify.ts): each failed
// check with its reason, and 仍然导入 — which needs the checks ticked and a written reason, both
// recorded in the stored report and the audit log.
import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Space } from 'antd';
import type { ImportIssue } from '../../../../shared/domain/importReport';
import { isVerificationCode, VERIFICATION_NAMES, type VerificationCode } from '../../../../shared/api/dto/imports';

export function verificationIssues(issues: readonly ImportIssue[]): (ImportIssue & { code: VerificationCode })[] {
  return issues.filter((i): i is ImportIssue & { code: VerificationCode } => i.severity === 'error' && isVerificationCode(i.code));
}

export function VerificationRefusal({ issues, busy, onOverride }: { issues: readonly ImportIssue[]; busy: boolean; onOverride: (codes: VerificationCode[], reason: string) => void }) {
  const failed = verificationIssues(issues);
  const codes = [...new Set(failed.map((i) => i.code))];
  const [chosen, setChosen] = useState<VerificationCode[]>([]);
  const [reason, setReason] = useState('');
  if (failed.length === 0) return null;
  const ready = chosen.length === codes.length && reason.trim().length >= 2;
  return (
    <Alert
      type="error"
      showIcon
      className="section"
      data-testid="verification-refusal"
      title="核验未通过，文件未导入：列映射可能有误，或文件不属于本案"
      description={
        <div>
          <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }}>
            {failed.map((i, k) => (
              <li key={k}>
                <b>{VERIFICATION_NAMES[i.code]}</b>：{i.message}
              </li>
            ))}
          </ul>
          <div style={{ marginBottom: 6 }}>可重新选择文件、更正列映射；如核对后确认文件无误，可勾选下列项目并写明理由后仍然导入（记入导入报告和操作日志）。</div>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Checkbox.Group
              value={chosen}
              onChange={(v) => setChosen(v as VerificationCode[])}
              options={codes.map((c) => ({ value: c, label: VERIFICATION_NAMES[c] }))}
            />
            <Input.TextArea rows={2} maxLength={500} placeholder="仍然导入的理由（必填），如：合计行为单位手工填写，已与财务核对" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="仍然导入的理由" />
            <Button danger disabled={!ready || busy} loading={busy} onClick={() => onOverride(chosen, reason.trim())}>
              仍然导入
            </Button>
          </Space>
        </div>
      }
    />
  );
}
