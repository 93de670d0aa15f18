// 筛查汇总: per rule the count of hits, Σ违规金额 and Σ基金损失 (待核定 hits counted apart), and what
// of it is 认定 — only those carry amounts into findings and documents (INSTITUTIONS.md §6).
import { Table } from 'antd';
import type { ScreeningResultDto } from '../../../../shared/api/dto/institutions';
import { RULE_CODES, RULE_NAMES, type RuleCode } from '../../../../shared/rules/screening/screen';
import { formatMoney } from '../../format';

interface Line {
  rule: RuleCode;
  hits: number;
  amount: string;
  fundLoss: string;
  pending: number;
  confirmedHits: number;
  confirmedAmount: string;
  confirmedFundLoss: string;
}

export function ScreeningTotals({ result }: { result: ScreeningResultDto }) {
  const lines: Line[] = RULE_CODES.map((rule) => {
    const t = result.totals[rule];
    const c = result.confirmed[rule];
    return { rule, hits: t.hits, amount: t.amount, fundLoss: t.fundLoss, pending: t.pending, confirmedHits: c.hits, confirmedAmount: c.amount, confirmedFundLoss: c.fundLoss };
  });
  const money = (v: string) => <span className="mono">{formatMoney(v)}</span>;
  return (
    <Table<Line>
      data-testid="screening-totals"
      size="small"
      rowKey="rule"
      className="section"
      pagination={false}
      dataSource={lines}
      rowClassName={(l) => (l.hits === 0 ? 'muted' : '')}
      columns={[
        { title: '规则', dataIndex: 'rule', width: 64 },
        { title: '名称', key: 'name', render: (_, l) => RULE_NAMES[l.rule] },
        { title: '疑点数', dataIndex: 'hits', width: 72, align: 'right' },
        { title: '其中待核定', dataIndex: 'pending', width: 90, align: 'right' },
        { title: '违规金额（元）', dataIndex: 'amount', width: 130, align: 'right', render: money },
        { title: '基金损失（元）', dataIndex: 'fundLoss', width: 130, align: 'right', render: money },
        { title: '已认定', dataIndex: 'confirmedHits', width: 72, align: 'right' },
        { title: '认定违规金额', dataIndex: 'confirmedAmount', width: 120, align: 'right', render: money },
        { title: '认定基金损失', dataIndex: 'confirmedFundLoss', width: 120, align: 'right', render: money },
      ]}
    />
  );
}
