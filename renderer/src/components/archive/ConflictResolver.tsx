// 处理交换冲突 (issue 8 item 6): for each case both workstations changed, the section head or
// archivist chooses take the package's version / keep ours / keep both (as a correction). The
// choices go back with the package in one call; the backend applies all of them in one
// transaction or none, and records each in the case's audit trail.
import { useState } from 'react';
import { Alert, Button, Radio, Space, Table, Typography } from 'antd';
import type { TransferCaseOutcome } from '../../../../shared/api/dto/archive';
import { CONFLICT_CHOICE_HINTS, CONFLICT_CHOICE_NAMES, CONFLICT_CHOICES, type ConflictChoice, type ConflictResolution } from '../../../../shared/api/dto/transferResolve';
import { errorText } from '../../api/client';

/** A case whose number another case here holds can only be kept ours (the package's case is not taken). */
const numberClash = (c: TransferCaseOutcome) => c.conflicts.some((i) => i.kind === '案件编号');

export function ConflictResolver({ cases, onResolve }: { cases: TransferCaseOutcome[]; onResolve: (r: ConflictResolution[]) => Promise<void> }) {
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = cases.filter((c) => !choices[c.caseNumber]).length;
  const resolve = async () => {
    setBusy(true);
    setError(null);
    try {
      await onResolve(cases.map((c) => ({ caseNumber: c.caseNumber, choice: choices[c.caseNumber]! })));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="conflict-resolver" style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        处理冲突
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        请为每个冲突的案件选择处理方式。全部选择后一次处理：任何一项不能按所选方式处理时，全部不作改动；每项选择都记入该案件的审计记录。
      </Typography.Paragraph>
      <ul style={{ margin: '0 0 8px', paddingLeft: 20, color: 'rgba(0,0,0,0.65)' }}>
        {CONFLICT_CHOICES.map((c) => (
          <li key={c}>
            <b>{CONFLICT_CHOICE_NAMES[c]}</b>：{CONFLICT_CHOICE_HINTS[c]}
          </li>
        ))}
      </ul>
      <Table<TransferCaseOutcome>
        size="small"
        rowKey="caseNumber"
        pagination={false}
        dataSource={cases}
        columns={[
          { title: '案件编号', dataIndex: 'caseNumber', width: 140 },
          { title: '被稽核单位', dataIndex: 'employerName', width: 180 },
          {
            title: '处理方式',
            render: (_: unknown, c) => (
              <Radio.Group
                aria-label={`案件 ${c.caseNumber} 的处理方式`}
                value={choices[c.caseNumber]}
                onChange={(e) => setChoices((prev) => ({ ...prev, [c.caseNumber]: e.target.value as ConflictChoice }))}
              >
                <Space wrap>
                  {CONFLICT_CHOICES.map((k) => (
                    <Radio key={k} value={k} disabled={numberClash(c) && k !== 'ours'}>
                      {CONFLICT_CHOICE_NAMES[k]}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      <Button type="primary" danger style={{ marginTop: 12 }} disabled={missing > 0} loading={busy} onClick={() => void resolve()}>
        {missing > 0 ? `按所选方式处理（尚有 ${missing} 个未选择）` : `按所选方式处理 ${cases.length} 个冲突`}
      </Button>
    </div>
  );
}
