// The working behind one person-month: base and amounts per insurance, due date, and the source
// rows (file, sheet, row) on both sides.
import { Descriptions, Table } from 'antd';
import type { ResultRow } from '../../../../shared/api/dto';
import { formatRate, formatSource } from '../../format';
import { Money, moneyColumn } from '../Money';

type Line = ResultRow['insurances'][number];
type Ref = ResultRow['payrollSources'][number];

function sourceList(refs: Ref[]) {
  if (refs.length === 0) return <span className="muted">无</span>;
  return refs.map((s, i) => <div key={i}>{formatSource(s)}</div>);
}

export function RowDetail({ row }: { row: ResultRow }) {
  return (
    <div style={{ padding: '4px 0' }}>
      <Table<Line>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={row.insurances}
        columns={[
          { title: '险种', dataIndex: 'name', width: 130 },
          { title: '单位费率', dataIndex: 'employerRate', align: 'right', width: 72, render: (v: string) => formatRate(v) },
          { title: '个人费率', dataIndex: 'employeeRate', align: 'right', width: 72, render: (v: string) => formatRate(v) },
          moneyColumn<Line>('基数下限', (l) => l.floor),
          moneyColumn<Line>('基数上限', (l) => l.ceiling),
          moneyColumn<Line>('应缴基数', (l) => l.dueBase),
          moneyColumn<Line>('申报基数', (l) => l.declaredBase),
          moneyColumn<Line>('少报基数', (l) => l.shortfall),
          moneyColumn<Line>('单位补缴', (l) => l.employer),
          moneyColumn<Line>('个人补缴', (l) => l.employee),
        ]}
      />
      <Descriptions
        size="small"
        column={3}
        style={{ marginTop: 8 }}
        items={[
          { key: 'basis', label: '工资基数', children: <span><Money value={row.basis} /> {row.basisNote && <span className="muted">（{row.basisNote}）</span>}</span> },
          { key: 'due', label: '应缴截止日', children: row.dueDate },
          { key: 'fee', label: '滞纳金', children: <span><Money value={row.lateFee} />（{row.lateFeeDays} 天{row.lateFeeCapped ? '，已按本金封顶' : ''}）</span> },
          { key: 'plan', label: '适用政策期间', children: row.planPeriod },
          ...(row.estimated ? [{ key: 'est', label: '核定', span: 3, children: `${row.estimated.rule}；法律依据：${row.estimated.legalBasis}；核定理由：${row.estimated.reason}` }] : []),
          ...(row.exemption ? [{ key: 'ex', label: '豁免', children: `${row.exemption.reason}${row.exemption.note ? `：${row.exemption.note}` : ''}` }] : []),
          { key: 'payroll', label: '工资表来源', span: 3, children: sourceList(row.payrollSources) },
          { key: 'decl', label: '申报明细来源', span: 3, children: sourceList(row.declarationSources) },
        ]}
      />
    </div>
  );
}
