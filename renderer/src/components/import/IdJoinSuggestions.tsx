// Suggestions to join an ID with a wrong check digit to a near-identical valid ID of the same
// name across the case's payroll and declarations (DOMAIN.md §4.4), with 合并 to accept one
// (recorded; the rows are corrected in the database, the source files stay as they were).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Table, message } from 'antd';
import type { IdJoinRecord, IdJoinSuggestion } from '../../../../shared/api/dto/imports';
import { call, errorText } from '../../api/client';

export function IdJoinSuggestions({ caseId, version, onJoined }: { caseId: number; version: number; onJoined: () => void }) {
  const [data, setData] = useState<{ suggestions: IdJoinSuggestion[]; accepted: IdJoinRecord[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    call('imports.idJoins', { caseId })
      .then(setData)
      .catch((e: unknown) => setError(errorText(e)));
  }, [caseId]);
  useEffect(load, [load, version]);

  if (error) return <Alert type="error" showIcon title={error} className="section" />;
  if (!data || (data.suggestions.length === 0 && data.accepted.length === 0)) return null;
  const accept = async (s: IdJoinSuggestion) => {
    setBusy(s.fromId);
    try {
      await call('imports.acceptIdJoin', { caseId, fromId: s.fromId, toId: s.toId });
      void message.success(`已将 ${s.name} 的 ${s.fromId} 合并为 ${s.toId}`);
      load();
      onJoined();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" className="section" title="身份证号合并建议" data-testid="id-joins">
      {data.suggestions.length > 0 && (
        <>
          <div className="muted" style={{ marginBottom: 8 }}>
            下列号码校验位不正确，与同名人员的有效号码仅差一位或相邻两位对调，可能是录入错误。核对后可合并（记入操作日志，原始文件不变）。
          </div>
          <Table<IdJoinSuggestion>
            size="small"
            rowKey={(s) => `${s.fromId}-${s.toId}`}
            pagination={false}
            dataSource={data.suggestions}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '校验位错误的号码', dataIndex: 'fromId', render: (v: string) => <span className="mono">{v}</span> },
              { title: '建议合并到', dataIndex: 'toId', render: (v: string) => <span className="mono">{v}</span> },
              { title: '涉及行数', key: 'rows', width: 150, render: (_, s) => `工资表 ${s.payrollRows} 行，申报 ${s.declarationRows} 行` },
              { title: '首次出现', dataIndex: 'where', ellipsis: true },
              {
                title: '',
                key: 'act',
                width: 80,
                render: (_, s) => (
                  <Button size="small" type="primary" loading={busy === s.fromId} disabled={busy !== null} onClick={() => void accept(s)}>
                    合并
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {data.accepted.length > 0 && (
        <div style={{ marginTop: 8 }} className="muted">
          已合并：
          {data.accepted.map((j) => `${j.name} ${j.fromId} → ${j.toId}（${j.createdBy}，${j.createdAt.slice(0, 10)}）`).join('；')}
        </div>
      )}
    </Card>
  );
}
