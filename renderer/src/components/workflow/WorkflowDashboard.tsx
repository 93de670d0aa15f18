// The dashboard over every case (稽核案件 page): how many are in each state, and the cases with
// their next deadline, overdue ones (逾期) first and in red.
import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { CASE_STATES, CASE_STATE_NAMES } from '../../../../shared/api/dto';
import type { Dashboard } from '../../../../shared/api/dto/workflow';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { CaseStateTag } from '../CaseStateTag';
import { DeadlineTag } from './WorkflowBar';
import { StatsReminder } from '../statistics/StatsReminder';

type Row = Dashboard['cases'][number];

export function WorkflowDashboard() {
  const dash = useQuery(() => call('workflow.dashboard', {}), []);
  const d = dash.data;
  if (!d) return null;
  const withDeadline = d.cases
    .filter((c) => c.next)
    .sort((a, b) => Number(b.overdue.length > 0) - Number(a.overdue.length > 0) || a.next!.due.localeCompare(b.next!.due));
  const overdueCases = d.cases.filter((c) => c.overdue.length > 0).length;
  return (
    <div className="section" aria-label="案件概览">
      <StatsReminder />
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        {CASE_STATES.map((st) => (
          <Col key={st} flex="1 1 0">
            <Card size="small">
              <Statistic title={CASE_STATE_NAMES[st]} value={d.counts.find((c) => c.state === st)?.count ?? 0} />
            </Card>
          </Col>
        ))}
        <Col flex="1 1 0">
          <Card size="small">
            <Statistic title="逾期案件" value={overdueCases} styles={{ content: { color: overdueCases ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
      </Row>
      {withDeadline.length > 0 && (
        <Card size="small" title="期限提醒">
          <Table<Row>
            size="small"
            rowKey={(r) => r.case.id}
            dataSource={withDeadline}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            onRow={(r) => (r.overdue.length ? { style: { background: '#fff1f0' } } : {})}
            columns={[
              { title: '案件编号', key: 'number', width: 150, render: (_, r) => <a href={`#/cases/${r.case.id}`}>{r.case.number}</a> },
              { title: '被稽核单位 / 机构', key: 'target', render: (_, r) => r.case.target.name },
              { title: '状态', key: 'state', width: 100, render: (_, r) => <CaseStateTag state={r.case.state} /> },
              { title: '下一期限', key: 'next', render: (_, r) => (r.next ? <DeadlineTag d={r.next} /> : '—') },
              {
                title: '逾期事项',
                key: 'overdue',
                render: (_, r) => (r.overdue.length ? r.overdue.map((o) => <Tag key={o.kind} color="error">{o.label}</Tag>) : <span className="muted">无</span>),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
