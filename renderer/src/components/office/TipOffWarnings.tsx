// On the dashboard: tip-offs whose 30-day answer clock has run out or is about to (DOMAIN.md
// §10.5, seed 000), overdue first. Shows nothing when every tip-off is answered or far from due.
import { Alert, Card, Table, Tag } from 'antd';
import type { TipOff } from '../../../../shared/api/dto/office';
import { TIP_OFF_WARN_DAYS } from '../../../../shared/rules/tipOffClock';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';

export function TipOffWarnings() {
  const list = useQuery(() => call('tipOffs.list', {}), []);
  const due = (list.data ?? []).filter((t) => t.answeredOn === null && t.daysLeft <= TIP_OFF_WARN_DAYS).sort((a, b) => a.daysLeft - b.daysLeft);
  if (due.length === 0) return null;
  const overdue = due.filter((t) => t.overdue).length;
  return (
    <Card size="small" className="section" title="举报答复提醒（收到之日起 30 日内答复）" aria-label="举报答复提醒">
      {overdue > 0 && <Alert type="error" showIcon title={`${overdue} 件举报已超过 30 日未答复`} style={{ marginBottom: 8 }} />}
      <Table<TipOff>
        size="small"
        rowKey="id"
        dataSource={due}
        pagination={false}
        onRow={(t) => (t.overdue ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '被举报对象', dataIndex: 'subjectName', render: (v: string) => <a href="#/tipoffs">{v}</a> },
          { title: '举报内容', dataIndex: 'allegation', ellipsis: true },
          { title: '答复期限', dataIndex: 'answerDue', width: 110 },
          { title: '', key: 'state', width: 130, render: (_, t) => (t.overdue ? <Tag color="error">逾期 {-t.daysLeft} 日</Tag> : <Tag color="warning">还剩 {t.daysLeft} 日</Tag>) },
        ]}
      />
    </Card>
  );
}
