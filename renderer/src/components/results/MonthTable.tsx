// Per month: headcounts on each side, who is on only one side, wages against declared bases,
// and the money.
import { Table } from 'antd';
import type { ResultMonth } from '../../../../shared/api/dto';
import { moneyColumn } from '../Money';

const count = (title: string, get: (m: ResultMonth) => number, warn = false) => ({
  title,
  key: title,
  align: 'right' as const,
  width: 72,
  render: (_: unknown, m: ResultMonth) => {
    const v = get(m);
    return <span className="num" style={warn && v > 0 ? { color: '#c41d1d', fontWeight: 600 } : undefined}>{v}</span>;
  },
});

export function MonthTable({ months }: { months: ResultMonth[] }) {
  return (
    <Table<ResultMonth>
      size="small"
      bordered
      rowKey="month"
      pagination={false}
      dataSource={months}
      title={() => '分月比对'}
      data-testid="month-table"
      columns={[
        { title: '月份', dataIndex: 'month', width: 76 },
        count('工资表人数', (m) => m.payrollHeadcount),
        count('申报人数', (m) => m.declaredHeadcount),
        count('未参保（在册未保）', (m) => m.payrollOnly, true),
        count('在保不在册', (m) => m.declaredOnly, true),
        moneyColumn<ResultMonth>('应发工资总额', (m) => m.gross, { width: 104 }),
        moneyColumn<ResultMonth>('申报基数合计', (m) => m.declaredBase, { width: 104 }),
        moneyColumn<ResultMonth>('少报基数', (m) => m.shortfall, { width: 96 }),
        moneyColumn<ResultMonth>('补缴', (m) => m.backPay, { width: 96 }),
        moneyColumn<ResultMonth>('滞纳金', (m) => m.lateFee, { width: 90 }),
      ]}
    />
  );
}
