// 年度计划: the year's checks (from the plan, the double-random draw, tip-offs and leads) with
// progress against the plan, and its publication (一公开, DOMAIN.md §10.4): the task list, the plan
// and the results as XLSX or PDF, refused by the backend when personal data slips in.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, InputNumber, Progress, Row, Space, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { CASE_SOURCE_NAMES, CASE_SOURCES, CASE_STATE_NAMES, CASE_STATES } from '../../../shared/api/dto';
import type { PlanRow } from '../../../shared/api/dto/annualPlan';
import { YEAR_PUBLICATION_KINDS, YEAR_PUBLICATION_NAMES, type YearPublicationKind } from '../../../shared/documents/yearPublication';
import { call, errorText } from '../api/client';
import { useQuery } from '../api/useQuery';
import { CaseStateTag } from '../components/CaseStateTag';
import { downloadBytes } from '../components/office/download';
import { navigate } from '../router';

export function PlanPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const plan = useQuery(() => call('plan.year', { year }), [year]);
  const [publishError, setPublishError] = useState<string | null>(null);
  const p = plan.data;

  const publish = async (kind: YearPublicationKind, format: 'xlsx' | 'pdf') => {
    setPublishError(null);
    try {
      const f = await call('plan.publication', { year, kind, format });
      downloadBytes(f.fileName, f.data, format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      void message.success(`已导出${YEAR_PUBLICATION_NAMES[kind]}（${format.toUpperCase()}）`);
    } catch (e) {
      setPublishError(errorText(e));
    }
  };

  const sources = CASE_SOURCES.filter((s) => p?.counts[s]);
  const states = CASE_STATES.filter((st) => sources.some((s) => p?.counts[s]?.[st]));

  return (
    <div>
      <div className="page-title">
        <h2>年度计划</h2>
        <Space>
          年度
          <InputNumber aria-label="计划年度" min={2000} max={2200} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      </div>
      {plan.error && <Alert type="error" showIcon title={plan.error} className="section" />}
      {p && (
        <Row gutter={16} className="section">
          <Col span={5}>
            <Card size="small">
              <Statistic title="计划检查（户）" value={p.total} />
            </Card>
          </Col>
          <Col span={5}>
            <Card size="small">
              <Statistic title="已开始" value={p.started} />
            </Card>
          </Col>
          <Col span={5}>
            <Card size="small">
              <Statistic title="已办结" value={p.finished} />
            </Card>
          </Col>
          <Col span={5}>
            <Card size="small">
              <Statistic title="待核查的举报" value={p.tipOffsPending} />
            </Card>
          </Col>
          <Col span={4}>
            <Card size="small">
              <div style={{ color: 'rgba(0,0,0,.45)', marginBottom: 4 }}>完成进度</div>
              <Progress percent={p.total === 0 ? 0 : Math.floor((p.finished * 100) / p.total)} size="small" />
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small" title="按来源和状态" className="section">
        <Table
          size="small"
          rowKey="source"
          pagination={false}
          dataSource={sources.map((s) => ({ source: s, ...p!.counts[s] }))}
          locale={{ emptyText: '本年度还没有检查' }}
          columns={[
            { title: '来源', dataIndex: 'source', render: (s: PlanRow['source']) => CASE_SOURCE_NAMES[s] },
            ...states.map((st) => ({ title: CASE_STATE_NAMES[st], dataIndex: st, align: 'right' as const, render: (n?: number) => n ?? 0 })),
            { title: '合计', key: 'total', align: 'right' as const, render: (_v: unknown, r: Record<string, unknown>) => states.reduce((a, st) => a + ((r[st] as number | undefined) ?? 0), 0) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="公示（一公开）"
        className="section"
        extra={<span style={{ color: 'rgba(0,0,0,.45)' }}>导出前检查身份证号码和参保人员姓名，含个人信息的拒绝导出</span>}
      >
        <Space wrap>
          {YEAR_PUBLICATION_KINDS.map((k) =>
            (['xlsx', 'pdf'] as const).map((f) => (
              <Button key={`${k}-${f}`} icon={<DownloadOutlined />} onClick={() => void publish(k, f)}>
                {YEAR_PUBLICATION_NAMES[k]} {f.toUpperCase()}
              </Button>
            )),
          )}
        </Space>
        {publishError && <Alert type="error" showIcon className="section" style={{ marginTop: 12 }} title="未导出" description={publishError} closable onClose={() => setPublishError(null)} />}
      </Card>
      <Table<PlanRow>
        size="small"
        rowKey="caseId"
        loading={plan.loading}
        dataSource={p?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '案件编号', dataIndex: 'number', render: (v: string, r) => <a onClick={() => navigate({ page: 'case', caseId: r.caseId })}>{v}</a> },
          { title: '检查对象', dataIndex: 'targetName' },
          { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v: string) => <span className="mono">{v}</span> },
          { title: '来源', dataIndex: 'source', render: (s: PlanRow['source']) => <Tag>{CASE_SOURCE_NAMES[s]}</Tag> },
          { title: '期间', key: 'period', render: (_v, r) => `${r.periodFrom}～${r.periodTo}` },
          { title: '检查人员（执法证号）', key: 'team', render: (_v, r) => r.team.map((t) => `${t.name}（${t.credential}）`).join('、') || '—' },
          { title: '状态', dataIndex: 'state', render: (s: PlanRow['state']) => <CaseStateTag state={s} /> },
        ]}
      />
    </div>
  );
}
