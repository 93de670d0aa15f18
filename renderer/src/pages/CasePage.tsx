// One case: its header and its place in the procedure (WorkflowBar), then tabs in the order of
// the work — import the employer's files, read the results, produce the documents, attach
// evidence, follow the rectification — and the case's audit trail.
import { useEffect, useState } from 'react';
import { Alert, Button, Result, Skeleton, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { CaseDetail, CaseKind } from '../../../shared/api/dto';
import { ScreeningPanel } from '../components/screening/ScreeningPanel';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { CaseHeader } from '../components/CaseHeader';
import { ImportPanel } from '../components/ImportPanel';
import { ResultsView } from '../components/results/ResultsView';
import { FindingsPanel } from '../components/findings/FindingsPanel';
import { DocumentsPanel } from '../components/DocumentsPanel';
import { navigate } from '../router';
import { WorkflowBar } from '../components/workflow/WorkflowBar';
import { EvidencePanel } from '../components/evidence/EvidencePanel';
import { TrailPanel } from '../components/timeline/TrailPanel';
import { RectificationPanel } from '../components/rectification/RectificationPanel';
import { ArchiveBar } from '../components/archive/ArchiveBar';
import { CaseTeamBar } from '../components/office/CaseTeamBar';
import { PreAuditAnalysis } from '../components/office/PreAuditAnalysis';

type TabKey = 'analysis' | 'screening' | 'import' | 'results' | 'findings' | 'documents' | 'evidence' | 'rectification' | 'trail';

/** The tabs each kind of case shows (one page, the kind decides by data); the first is where it opens. */
const TABS_BY_KIND: Record<CaseKind, readonly TabKey[]> = {
  'employer-audit': ['analysis', 'import', 'results', 'findings', 'documents', 'evidence', 'rectification', 'trail'],
  'institution-check': ['screening', 'documents', 'evidence', 'trail'],
};

function isReady(files: CaseDetail['files']): boolean {
  return files.some((f) => f.kind === 'payroll') && files.some((f) => f.kind === 'declaration');
}

export function CasePage({ caseId }: { caseId: number }) {
  const detail = useQuery(() => call('cases.get', { caseId }), [caseId]);
  // The case's one set of figures: re-read whenever the case changes; every tab keys on it.
  const employerAudit = detail.data?.case.kind === 'employer-audit';
  const figures = useQuery(() => (employerAudit ? call('figures.get', { caseId }) : Promise.resolve(undefined)), [caseId, detail.data, employerAudit]);
  const [tab, setTab] = useState<TabKey | null>(null);
  const loadedReady = detail.data ? isReady(detail.data.files) : null;
  // Open on the results when the case already has both files; afterwards only the user switches.
  const kind = detail.data?.case.kind;
  useEffect(() => {
    if (tab !== null || loadedReady === null || !kind) return;
    setTab(kind === 'employer-audit' ? (loadedReady ? 'results' : 'import') : TABS_BY_KIND[kind][0]!);
  }, [tab, loadedReady, kind]);

  if (detail.error && !detail.data) {
    return <Result status="warning" title="无法打开案件" subTitle={detail.error} extra={<Button onClick={() => navigate({ page: 'cases' })}>返回案件列表</Button>} />;
  }
  if (!detail.data) return <Skeleton active />;

  const d = detail.data;
  const ready = isReady(d.files);
  const shownTabs = TABS_BY_KIND[d.case.kind];
  const activeTab: TabKey = tab && shownTabs.includes(tab) ? tab : d.case.kind === 'employer-audit' ? (ready ? 'results' : 'import') : shownTabs[0]!;
  const f = figures.data;
  const figuresKey = f ? `${f.asOf}|${f.ratePlanId}|${f.approved?.approvalId ?? 0}|${f.inForce}` : 'none';
  // The findings reload their own figures after a judgment there (which may end the approval's
  // force): remounting them on that would close the tab and the row the auditor is working on.
  const findingsKey = f ? `${f.asOf}|${f.ratePlanId}|${f.approved?.approvalId ?? 0}` : 'none';

  return (
    <div>
      <div className="page-title">
        <h2>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate({ page: 'cases' })} aria-label="返回案件列表" />
          {d.case.number} · {d.case.target.name}
        </h2>
      </div>
      {detail.error && <Alert type="error" showIcon title={detail.error} className="section" />}
      <CaseHeader detail={d} figures={f} onFiguresChanged={() => void detail.reload()} />
      <CaseTeamBar caseId={d.case.id} source={d.case.source} archived={d.case.state === 'archived'} />
      <WorkflowBar detail={d} onChanged={() => void detail.reload()} />
      {d.case.kind === 'employer-audit' && <ArchiveBar detail={d} onChanged={() => void detail.reload()} />}
      <Tabs
        activeKey={activeTab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          { key: 'analysis', label: '审前分析', children: <PreAuditAnalysis detail={d} /> },
          {
            key: 'screening',
            label: '智能监控筛查',
            children: <ScreeningPanel detail={d} onChanged={() => void detail.reload()} />,
          },
          {
            key: 'import',
            label: `数据导入（${d.files.length}）`,
            children: <ImportPanel detail={d} onImported={() => void detail.reload()} onShowResults={() => setTab('results')} />,
          },
          {
            key: 'results',
            label: '稽核结果',
            disabled: !ready,
            children: ready ? <ResultsView key={figuresKey} caseId={caseId} frozen={f?.frozen ?? false} /> : null,
          },
          {
            key: 'findings',
            label: '稽核发现',
            disabled: !ready,
            children: ready ? <FindingsPanel key={findingsKey} caseId={caseId} onChanged={() => void detail.reload()} /> : null,
          },
          {
            key: 'documents',
            label: `文书（${d.documents.length}）`,
            children: <DocumentsPanel detail={d} onGenerated={() => void detail.reload()} />,
          },
          { key: 'evidence', label: '证据材料', children: <EvidencePanel detail={d} /> },
          {
            key: 'rectification',
            label: '整改',
            disabled: !['concluded', 'rectifying', 'archived'].includes(d.case.state),
            children: <RectificationPanel key={d.case.state} detail={d} onChanged={() => void detail.reload()} />,
          },
          { key: 'trail', label: '操作记录', children: <TrailPanel caseId={caseId} version={d} /> },
        ].filter((t) => shownTabs.includes(t.key as TabKey))}
      />
    </div>
  );
}
