// 稽核结果: the computation as of a chosen date — totals, per insurance, per month, per person,
// the persons on only one side, and the warnings. Everything is shown as the backend computed it;
// the per-person rows come one page at a time (results.compute rowsLimit/rowsOffset/personFilter).
import { useState } from 'react';
import { Alert, Button, Empty, Flex, Spin, Tabs } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatPeriod, todayIso } from '../../format';
import { TotalsCards } from './TotalsCards';
import { ByInsuranceTable } from './ByInsuranceTable';
import { MonthTable } from './MonthTable';
import { RowsTable } from './RowsTable';
import { PersonMonthTable } from './PersonMonthTable';
import { ExemptModal } from './ExemptModal';
import { ExemptionsTable } from './ExemptionsTable';
import { DiscrepancyTable } from './DiscrepancyTable';
import type { ResultRow } from '../../../../shared/api/dto';
import { DateField } from '../DateField';

const ROWS_PAGE_SIZE = 50;

export function ResultsView({ caseId }: { caseId: number }) {
  const [asOf, setAsOf] = useState(todayIso);
  const [page, setPage] = useState(1);
  const [personFilter, setPersonFilter] = useState('');
  // One page of the per-person rows at a time: a big case has hundreds of thousands of them.
  const result = useQuery(
    () => call('results.compute', { caseId, asOf, rowsLimit: ROWS_PAGE_SIZE, rowsOffset: (page - 1) * ROWS_PAGE_SIZE, ...(personFilter ? { personFilter } : {}) }),
    [caseId, asOf, page, personFilter],
  );
  const exemptions = useQuery(() => call('exemptions.list', { caseId, includeRevoked: true }), [caseId]);
  const [exempting, setExempting] = useState<ResultRow | null>(null);
  const r = result.data;
  const refresh = () => {
    void result.reload();
    void exemptions.reload();
  };

  return (
    <div>
      <Flex align="center" gap={12} className="section" wrap>
        <span>计算截止日（滞纳金计至）：</span>
        <span data-testid="as-of">
          <DateField allowClear={false} value={dayjs(asOf)} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} style={{ width: 170 }} />
        </span>
        <Button icon={<ReloadOutlined />} onClick={() => void result.reload()} loading={result.loading}>
          重新计算
        </Button>
        {r && (
          <span className="muted">
            稽核期间 {formatPeriod(r.from, r.to)} · 缴费政策 {r.planName} · 补缴 {r.lines} 人次
          </span>
        )}
      </Flex>
      {result.error && <Alert type="error" showIcon title="计算失败" description={result.error} className="section" />}
      {!r && result.loading && <Spin description="正在计算…" />}
      {r && (
        <Spin spinning={result.loading}>
          {r.warnings.map((w, i) => (
            <Alert key={i} type="warning" showIcon className="section" title={w.message} description={w.months?.length ? `涉及月份：${w.months.join('、')}` : undefined} />
          ))}
          <TotalsCards totals={r.totals} />
          <Flex gap={16} className="section" align="start" style={{ marginTop: 16 }}>
            <div style={{ flex: '0 0 314px' }}>
              <ByInsuranceTable byInsurance={r.byInsurance} />
            </div>
            <div style={{ flex: 1, minWidth: 0 }}>
              <MonthTable months={r.months} />
            </div>
          </Flex>
          <Tabs
            type="card"
            items={[
              {
                key: 'rows',
                label: `补缴明细（${r.lines}）`,
                children:
                  r.lines > 0 ? (
                    <RowsTable
                      rows={r.rows}
                      onExempt={setExempting}
                      server={{
                        total: r.rowsTotal ?? r.rows.length,
                        page,
                        pageSize: ROWS_PAGE_SIZE,
                        onPage: setPage,
                        onFilter: (text) => {
                          setPersonFilter(text);
                          setPage(1);
                        },
                      }}
                    />
                  ) : (
                    <Empty description="没有需要补缴的人员月份" />
                  ),
              },
              {
                key: 'payrollOnly',
                label: `未参保（在册未保）（${r.payrollOnly.length}）`,
                children: <PersonMonthTable items={r.payrollOnly} empty="没有在工资表中但未申报的人员" sourceTitle="工资表来源" />,
              },
              {
                key: 'declaredOnly',
                label: `在保不在册（${r.declaredOnly.length}）`,
                children: (
                  <div>
                    <Alert type="info" showIcon className="section" title="已申报参保但不在工资表中的人员：可能是挂靠参保，应逐一核实；不计算补缴。" />
                    <PersonMonthTable items={r.declaredOnly} empty="没有在保不在册的人员" sourceTitle="申报明细来源" />
                  </div>
                ),
              },
              {
                key: 'discrepancies',
                label: `费率/金额不符（${r.discrepancies.length}）`,
                children: <DiscrepancyTable items={r.discrepancies} />,
              },
              {
                key: 'exempted',
                label: `豁免（${r.exempted.length}）`,
                children: (
                  <div>
                    {r.exempted.length > 0 && (
                      <div className="section">
                        <Alert type="info" showIcon className="section" title="以下人员月份已豁免：金额为豁免前的计算结果，不计入补缴和滞纳金合计。" />
                        <RowsTable rows={r.exempted} />
                      </div>
                    )}
                    <ExemptionsTable records={exemptions.data ?? []} onChanged={refresh} />
                  </div>
                ),
              },
            ]}
          />
        </Spin>
      )}
      <ExemptModal
        caseId={caseId}
        row={exempting}
        onClose={() => setExempting(null)}
        onSaved={() => {
          setExempting(null);
          refresh();
        }}
      />
    </div>
  );
}
