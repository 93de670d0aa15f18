// 稽核案件: every case (or one employer's), and the form to open a new one.
import { useState } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CASE_KIND_NAMES, CASE_SOURCE_NAMES, type Case } from '../../../shared/api/dto';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { CaseFormModal } from '../components/CaseFormModal';
import { CaseStateTag } from '../components/CaseStateTag';
import { formatDateTime, formatPeriod } from '../format';
import { navigate } from '../router';
import { WorkflowDashboard } from '../components/workflow/WorkflowDashboard';
import { TipOffWarnings } from '../components/office/TipOffWarnings';
import { TransferButton } from '../components/archive/TransferDialog';

export function CasesPage({ employerId }: { employerId?: number | undefined }) {
  const cases = useQuery(() => call('cases.list', employerId ? { employerId } : {}), [employerId]);
  const [creating, setCreating] = useState(false);
  const employerName = employerId ? (cases.data?.[0]?.employerName ?? undefined) : undefined;

  return (
    <div>
      <div className="page-title">
        <h2>
          稽核案件
          {employerId && (
            <Tag closable onClose={() => navigate({ page: 'cases' })} style={{ marginLeft: 12, fontWeight: 400 }}>
              {employerName ?? `单位 #${employerId}`}
            </Tag>
          )}
        </h2>
        <span style={{ display: 'flex', gap: 8 }}>
          <TransferButton onImported={() => void cases.reload()} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建稽核案件
          </Button>
        </span>
      </div>
      {!employerId && <WorkflowDashboard />}
      {!employerId && <TipOffWarnings />}
      {cases.error && <Alert type="error" showIcon title={cases.error} className="section" />}
      <Table<Case>
        size="small"
        rowKey="id"
        loading={cases.loading}
        dataSource={cases.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有稽核案件。点击右上角“新建稽核案件”立项。' }}
        onRow={(c) => ({ onClick: () => navigate({ page: 'case', caseId: c.id }), style: { cursor: 'pointer' } })}
        columns={[
          { title: '案件编号', dataIndex: 'number', width: 150, render: (v: string, c) => <a href={`#/cases/${c.id}`}>{v}</a> },
          {
            title: '被稽核单位 / 机构',
            key: 'target',
            render: (_, c) => (
              <span>
                {c.target.name}
                {c.kind === 'institution-check' && (
                  <Tag color="geekblue" style={{ marginLeft: 6 }}>
                    {CASE_KIND_NAMES[c.kind]}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: '稽核期间', key: 'period', width: 190, render: (_, c) => formatPeriod(c.periodFrom, c.periodTo) },
          { title: '缴费政策', dataIndex: 'ratePlanName', render: (v: string | null) => v ?? '—' },
          { title: '案件来源', dataIndex: 'source', width: 110, render: (s: Case['source']) => CASE_SOURCE_NAMES[s] },
          { title: '状态', dataIndex: 'state', width: 100, render: (s: Case['state']) => <CaseStateTag state={s} /> },
          { title: '立项时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
        ]}
      />
      <CaseFormModal
        open={creating}
        employerId={employerId}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          navigate({ page: 'case', caseId: c.id });
        }}
      />
    </div>
  );
}
