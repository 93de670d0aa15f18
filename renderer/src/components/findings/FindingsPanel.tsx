// 稽核发现 (working papers): the case's findings by kind, each with its derivation and the
// auditor's judgment; headcount per month; payroll against the ledger; the what-if; and the
// section head's sign-off on top. Every figure is the backend's; this screen only arranges them.
import { useState } from 'react';
import { Alert, App, Flex, Spin, Tabs, Tag } from 'antd';
import type { ComputeResultDto, ExemptionRecord } from '../../../../shared/api/dto';
import type { HeadcountDto } from '../../../../shared/api/dto/roster';
import { INSURANCE_NAMES } from '../../../../shared/domain/insurance';
import { roleCan } from '../../../../shared/domain/roles';
import { formatChineseDate } from '../../../../shared/rules/month';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatMoney, formatPeriod, todayIso } from '../../format';
import { Money } from '../Money';
import { sameOrNull } from '../results/sameOrMixed';
import { useAuth } from '../auth/AuthContext';
import { buildPapers, type PaperFinding, pendingCount } from './model';
import { FindingsTable } from './FindingsTable';
import { DerivationDrawer } from './DerivationDrawer';
import { JudgeModal, type JudgeRequest } from './JudgeModal';
import { HeadcountTable } from './HeadcountTable';
import { LedgerTable } from './LedgerTable';
import { WhatIfPanel } from './WhatIfPanel';
import { SignOffPanel } from './SignOffPanel';
import { ExemptionsFileButton } from './ExemptionsFileButton';

const TOTALS: { key: keyof ComputeResultDto['totals']; label: string }[] = [
  { key: 'employer', label: '单位补缴' },
  { key: 'employee', label: '个人补缴' },
  { key: 'backPay', label: '补缴合计' },
  { key: 'lateFee', label: '滞纳金' },
  { key: 'total', label: '总计' },
];

function PapersTotals({ totals }: { totals: ComputeResultDto['totals'] }) {
  return (
    <div className="totals section">
      {TOTALS.map((t) => (
        <div key={t.key} className={t.key === 'total' ? 'total-card grand' : 'total-card'} data-testid={`papers-total-${t.key}`}>
          <div className="label">{t.label}（元）</div>
          <div className="value">{formatMoney(totals[t.key])}</div>
        </div>
      ))}
    </div>
  );
}

/** Amount columns of a back-pay finding; an exempted one shows its amounts as not counted. */
function amountColumns<T extends PaperFinding>() {
  const cell = (f: T, get: (r: NonNullable<T['row']>) => string) =>
    f.row ? (
      <span className={f.row.exemption ? 'muted' : undefined} style={f.row.exemption ? { textDecoration: 'line-through' } : undefined}>
        <Money value={get(f.row as NonNullable<T['row']>)} />
      </span>
    ) : (
      '—'
    );
  return [
    { title: '工资基数', key: 'basis', align: 'right' as const, width: 110, render: (_: unknown, f: T) => cell(f, (r) => r.basis) },
    {
      title: '少报基数',
      key: 'shortfall',
      align: 'right' as const,
      width: 110,
      render: (_: unknown, f: T) => {
        const v = f.row ? sameOrNull(f.row.insurances.map((i) => i.shortfall)) : null;
        return f.row ? v === null ? <span className="muted">按险种不同</span> : <Money value={v} /> : '—';
      },
    },
    { title: '补缴合计', key: 'total', align: 'right' as const, width: 110, render: (_: unknown, f: T) => cell(f, (r) => r.total) },
    { title: '滞纳天数', key: 'days', align: 'right' as const, width: 80, render: (_: unknown, f: T) => f.row?.lateFeeDays ?? '—' },
    { title: '滞纳金', key: 'lateFee', align: 'right' as const, width: 100, render: (_: unknown, f: T) => cell(f, (r) => r.lateFee) },
  ];
}

const FINDINGS_ROWS_LIMIT = 2000;

export function FindingsPanel({ caseId, onChanged }: { caseId: number; onChanged?: () => void }) {
  const { message } = App.useApp();
  const { session } = useAuth();
  // The papers list at most FINDINGS_ROWS_LIMIT back-pay rows (a big case has hundreds of
  // thousands); the note below says so, and the documents are built from all of them server-side.
  const result = useQuery(() => call('results.compute', { caseId, rowsLimit: FINDINGS_ROWS_LIMIT }), [caseId]);
  const judgments = useQuery(() => call('findings.judgments', { caseId }), [caseId]);
  const exemptions = useQuery(() => call('exemptions.list', { caseId, includeRevoked: true }), [caseId]);
  const ledger = useQuery(() => call('ledger.list', { caseId }), [caseId]);
  const signOff = useQuery(() => call('findings.signOff', { caseId }), [caseId, session?.user?.id]);
  const roster = useQuery(() => call('roster.headcount', { caseId }).catch((): HeadcountDto | null => null), [caseId]);
  const [deriving, setDeriving] = useState<string | null>(null);
  const [judging, setJudging] = useState<JudgeRequest | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);

  const canJudge = session ? session.bootstrap || (session.user !== null && roleCan(session.user.role, 'case-work')) : false;
  const refresh = () => {
    void result.reload();
    void judgments.reload();
    void exemptions.reload();
    void ledger.reload();
    void signOff.reload();
    onChanged?.();
  };
  const revoke = async (e: ExemptionRecord) => {
    try {
      await call('exemptions.revoke', { exemptionId: e.id });
      message.success('已撤销豁免');
      refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const r = result.data;
  const papers = r ? buildPapers(r) : null;
  const common = {
    judgments: judgments.data ?? [],
    exemptions: exemptions.data ?? [],
    canJudge,
    onDerive: (f: PaperFinding) => setDeriving(f.key),
    onJudge: (findings: PaperFinding[], decision: 'accepted' | 'exempted') => setJudging({ findings, decision }),
    onRevoke: (e: ExemptionRecord) => void revoke(e),
    savedVersion,
  };

  return (
    <div data-testid="findings-panel">
      <SignOffPanel caseId={caseId} asOf={r?.asOf ?? null} state={signOff.data} onChanged={refresh} pending={papers && judgments.data && exemptions.data ? pendingCount(papers, judgments.data, exemptions.data) : null} />
      {r && (
        <Flex align="center" gap={12} className="section" wrap>
          <span data-testid="papers-as-of">计算截止日（滞纳金计至）：{formatChineseDate(r.asOf)}</span>
          <span className="muted">
            稽核期间 {formatPeriod(r.from, r.to)} · 缴费政策 {r.planName} · 本案的计算截止日在案件信息栏中更改
          </span>
          {canJudge && <ExemptionsFileButton caseId={caseId} onImported={refresh} />}
        </Flex>
      )}
      {result.error && <Alert type="error" showIcon title="计算失败" description={result.error} className="section" />}
      {!r && result.loading && <Spin description="正在计算…" />}
      {r && papers && (
        <Spin spinning={result.loading}>
          {r.warnings.map((w, i) => (
            <Alert key={i} type="warning" showIcon className="section" title={w.message} />
          ))}
          <PapersTotals totals={r.totals} />
          {r.rowsTotal !== undefined && r.rowsTotal > r.rows.length && (
            <Alert
              type="info"
              showIcon
              className="section"
              data-testid="papers-rows-limited"
              title={`补缴明细共 ${r.rowsTotal} 条，此处列出前 ${r.rows.length} 条（按月份、身份证号排序）；全部明细见“稽核结果”页，合计和文书按全部数据计算。`}
            />
          )}
          <Tabs
            type="card"
            items={[
              {
                key: 'payrollOnly',
                label: `未参保（在册未保）（${papers.payrollOnly.length}）`,
                children: <FindingsTable {...common} findings={papers.payrollOnly} columns={amountColumns()} empty="没有在工资表中但未申报的人员" testId="papers-payroll-only" />,
              },
              {
                key: 'underDeclared',
                label: `少报基数（${papers.underDeclared.length}）`,
                children: <FindingsTable {...common} findings={papers.underDeclared} columns={amountColumns()} empty="没有少报缴费基数的人员月份" testId="papers-under-declared" />,
              },
              {
                key: 'declaredOnly',
                label: `在保不在册（${papers.declaredOnly.length}）`,
                children: (
                  <div>
                    <Alert type="info" showIcon className="section" title="已申报参保但不在工资表中：可能是挂靠参保，应逐一核实；不计算补缴。" />
                    <FindingsTable {...common} findings={papers.declaredOnly} columns={[]} empty="没有在保不在册的人员" testId="papers-declared-only" />
                  </div>
                ),
              },
              {
                key: 'overDeclared',
                label: `多报基数（${papers.overDeclared.length}）`,
                children: (
                  <div>
                    <Alert type="info" showIcon className="section" title="申报基数高于应缴基数：仅列示，不予退还。" />
                    <FindingsTable
                      {...common}
                      findings={papers.overDeclared}
                      empty="没有多报缴费基数的人员月份"
                      testId="papers-over-declared"
                      columns={[
                        {
                          title: '险种：申报基数 / 应缴基数',
                          key: 'items',
                          render: (_, f) =>
                            f.items.map((o) => (
                              <div key={o.insurance}>
                                {INSURANCE_NAMES[o.insurance]}：<Money value={o.declaredBase} /> / <Money value={o.dueBase} />
                              </div>
                            )),
                        },
                      ]}
                    />
                  </div>
                ),
              },
              {
                key: 'discrepancies',
                label: `费率/金额不符（${papers.discrepancies.length}）`,
                children: (
                  <FindingsTable
                    {...common}
                    findings={papers.discrepancies}
                    empty="申报金额与申报基数×费率相符（或申报明细未含金额）"
                    testId="papers-discrepancies"
                    columns={[
                      { title: '险种', key: 'ins', width: 130, render: (_, f) => (f.d.insurance ? INSURANCE_NAMES[f.d.insurance] : '全部险种') },
                      { title: '方', key: 'side', width: 50, render: (_, f) => (f.d.side === 'employer' ? '单位' : '个人') },
                      { title: '申报基数', key: 'base', align: 'right', width: 110, render: (_, f) => <Money value={f.d.declaredBase} /> },
                      { title: '应缴金额', key: 'exp', align: 'right', width: 110, render: (_, f) => <Money value={f.d.expected} /> },
                      { title: '申报金额', key: 'decl', align: 'right', width: 110, render: (_, f) => <Money value={f.d.declaredAmount} /> },
                    ]}
                  />
                ),
              },
              {
                key: 'headcount',
                label: '人数差异',
                children: <HeadcountTable months={r.months} roster={roster.data ?? null} />,
              },
              {
                key: 'ledger',
                label: (
                  <span>
                    工资总额与账载
                    {ledger.data?.some((m) => m.difference !== null && !/^-?0\.00$/.test(m.difference)) && (
                      <Tag color="red" style={{ marginLeft: 6 }}>
                        有差额
                      </Tag>
                    )}
                  </span>
                ),
                children: (
                  <div>
                    {ledger.error && <Alert type="error" showIcon title={ledger.error} className="section" />}
                    <LedgerTable caseId={caseId} months={ledger.data ?? []} canEdit={canJudge} onSaved={refresh} />
                  </div>
                ),
              },
              { key: 'whatIf', label: '测算', children: <WhatIfPanel key={r?.asOf} caseId={caseId} asOf={r?.asOf ?? todayIso()} /> },
            ]}
          />
        </Spin>
      )}
      <DerivationDrawer caseId={caseId} findingKey={deriving} judgments={judgments.data ?? []} exemptions={exemptions.data ?? []} onClose={() => setDeriving(null)} />
      <JudgeModal
        caseId={caseId}
        request={judging}
        onClose={() => setJudging(null)}
        onSaved={() => {
          setJudging(null);
          setSavedVersion((v) => v + 1);
          refresh();
        }}
      />
    </div>
  );
}
