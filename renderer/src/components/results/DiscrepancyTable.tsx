// 费率/金额不符: declared employer or employee amounts that are not the declared base times the
// plan's rate (more than 0.01 off), each with the declaration row it came from.
import { Alert, Table } from 'antd';
import type { ComputeResultDto } from '../../../../shared/api/dto';
import { INSURANCE_NAMES } from '../../../../shared/domain/insurance';
import { fenFromString, formatFen } from '../../../../shared/rules/money';
import { formatMoney, formatMonth, formatSource } from '../../format';

type Item = ComputeResultDto['discrepancies'][number];

const SIDE_NAMES: Record<Item['side'], string> = { employer: '单位', employee: '个人' };

export function DiscrepancyTable({ items }: { items: Item[] }) {
  return (
    <div data-testid="discrepancies">
      <Alert
        type="info"
        showIcon
        className="section"
        title="申报的单位或个人缴费金额与“申报基数 × 缴费政策费率”不一致（相差超过 0.01 元）的申报行：可能是费率用错或金额填报有误，应逐条核实。"
      />
      <Table<Item & { key: string }>
        size="small"
        bordered
        rowKey="key"
        dataSource={items.map((d, i) => ({ ...d, key: `${d.personId}|${d.month}|${d.insurance ?? ''}|${d.side}|${i}` }))}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '申报金额与基数、费率都相符' }}
        columns={[
          { title: '月份', dataIndex: 'month', width: 90, render: (m: string) => formatMonth(m) },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号', dataIndex: 'personId', width: 180, render: (v: string) => <span className="mono">{v}</span> },
          { title: '险种', dataIndex: 'insurance', width: 140, render: (c: Item['insurance']) => (c ? INSURANCE_NAMES[c] : '全部险种') },
          { title: '缴费方', dataIndex: 'side', width: 60, render: (s: Item['side']) => SIDE_NAMES[s] },
          { title: '申报基数', dataIndex: 'declaredBase', width: 110, align: 'right', render: (v: string) => formatMoney(v) },
          { title: '按费率应为', dataIndex: 'expected', width: 110, align: 'right', render: (v: string) => formatMoney(v) },
          { title: '申报金额', dataIndex: 'declaredAmount', width: 110, align: 'right', render: (v: string) => formatMoney(v) },
          {
            title: '差额',
            key: 'diff',
            width: 100,
            align: 'right',
            render: (_, d) => formatMoney(formatFen(fenFromString(d.declaredAmount) - fenFromString(d.expected))),
          },
          { title: '申报明细来源', key: 'source', render: (_, d) => formatSource(d.source) },
        ]}
      />
    </div>
  );
}
