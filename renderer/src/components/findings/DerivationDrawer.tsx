// A finding's derivation (findings.derivation): the source rows (file, sheet, row), the plan and
// its period, floor, ceiling and rates, and the arithmetic written out line by line — all as the
// backend computed it; nothing here calculates money. Below, the finding's judgment history.
import { Alert, Descriptions, Drawer, Skeleton, Table, Typography } from 'antd';
import type { ExemptionRecord, FindingJudgment, ResultRow } from '../../../../shared/api/dto';
import type { FindingDerivation } from '../../../../shared/api/dto/findings';
import { EXEMPTION_REASON_NAMES } from '../../../../shared/domain/lines';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatMonth, formatRate, formatSource } from '../../format';
import { Money, moneyColumn } from '../Money';
import { JudgmentHistory } from './JudgmentHistory';

type Line = ResultRow['insurances'][number];
type Source = FindingDerivation['sources'][number];
const REASONS: Record<string, string> = EXEMPTION_REASON_NAMES;

interface Props {
  caseId: number;
  findingKey: string | null;
  judgments: FindingJudgment[];
  exemptions: ExemptionRecord[];
  onClose: () => void;
}

export function DerivationDrawer({ caseId, findingKey, judgments, exemptions, onClose }: Props) {
  const q = useQuery(() => (findingKey ? call('findings.derivation', { caseId, key: findingKey }) : Promise.resolve(null)), [caseId, findingKey]);
  const d = q.data && q.data.key === findingKey ? q.data : null;
  return (
    <Drawer
      open={findingKey !== null}
      onClose={onClose}
      size={1000}
      title={d ? `推导：${d.kindName} · ${d.name} · ${formatMonth(d.month)}` : '推导'}
      destroyOnHidden
      data-testid="derivation-drawer"
    >
      {q.error && <Alert type="error" showIcon title={q.error} />}
      {!d && !q.error && <Skeleton active />}
      {d && (
        <div>
          <Descriptions
            size="small"
            column={2}
            bordered
            className="section"
            items={[
              { key: 'id', label: '身份证号码', children: <span className="mono">{d.personId}</span> },
              { key: 'asOf', label: '计算截止日', children: d.asOf },
              { key: 'plan', label: '缴费政策', children: d.planName },
              { key: 'period', label: '适用政策期间', children: d.planPeriod ?? '—' },
              ...(d.basis ? [{ key: 'basis', label: '工资基数', span: 2, children: <span><Money value={d.basis} />（{d.basisNote}）</span> }] : []),
              ...(d.lateFee
                ? [
                    { key: 'due', label: '应缴截止日', children: d.lateFee.dueDate },
                    {
                      key: 'rate',
                      label: '滞纳金',
                      children: `日${formatRate(d.lateFee.dailyRate)}，${d.lateFee.days} 天${d.lateFee.cap === 'principal' ? '，以本金为上限' : '，不设上限'}`,
                    },
                  ]
                : []),
              ...(d.exemption
                ? [{ key: 'ex', label: '豁免', span: 2, children: `${REASONS[d.exemption.reason] ?? d.exemption.reason}${d.exemption.note ? `：${d.exemption.note}` : ''}（不计入补缴合计）` }]
                : []),
            ]}
          />
          {d.insurances.length > 0 && (
            <Table<Line>
              size="small"
              bordered
              rowKey="code"
              pagination={false}
              className="section"
              dataSource={d.insurances}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '险种', dataIndex: 'name', width: 130 },
                { title: '单位费率', dataIndex: 'employerRate', align: 'right', render: (v: string) => formatRate(v) },
                { title: '个人费率', dataIndex: 'employeeRate', align: 'right', render: (v: string) => formatRate(v) },
                moneyColumn<Line>('基数下限', (l) => l.floor, { width: 90 }),
                moneyColumn<Line>('基数上限', (l) => l.ceiling, { width: 90 }),
                moneyColumn<Line>('应缴基数', (l) => l.dueBase, { width: 90 }),
                moneyColumn<Line>('申报基数', (l) => l.declaredBase, { width: 90 }),
                moneyColumn<Line>('少报基数', (l) => l.shortfall, { width: 90 }),
                moneyColumn<Line>('单位补缴', (l) => l.employer, { width: 80 }),
                moneyColumn<Line>('个人补缴', (l) => l.employee, { width: 80 }),
              ]}
            />
          )}
          <Typography.Title level={5}>计算过程</Typography.Title>
          <ol className="derivation-steps section" data-testid="derivation-steps">
            {d.steps.map((s, i) => (
              <li key={i}>
                <span className="muted">{s.label}：</span>
                <span className="num">{s.text}</span>
              </li>
            ))}
          </ol>
          <Typography.Title level={5}>数据来源</Typography.Title>
          <Table<Source>
            size="small"
            rowKey={(s) => `${s.side}|${s.fileId}|${s.sheet}|${s.row}`}
            pagination={false}
            className="section"
            dataSource={d.sources}
            data-testid="derivation-sources"
            columns={[
              { title: '来源', dataIndex: 'side', width: 110, render: (s: Source['side']) => (s === 'payroll' ? '工资表' : '缴费申报明细') },
              { title: '文件 · 工作表 · 行', key: 'ref', render: (_, s) => formatSource(s) },
            ]}
          />
          <Typography.Title level={5}>认定记录</Typography.Title>
          <JudgmentHistory judgments={judgments.filter((j) => j.key === d.key)} exemptions={exemptions} />
        </div>
      )}
    </Drawer>
  );
}
