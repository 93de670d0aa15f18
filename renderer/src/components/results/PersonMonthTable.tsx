// Persons found on only one side in a month (未参保 or 在保不在册), with the rows that show it.
import { Table } from 'antd';
import type { ComputeResultDto } from '../../../../shared/api/dto';
import { formatSource } from '../../format';

type Item = ComputeResultDto['payrollOnly'][number];

export function PersonMonthTable({ items, empty, sourceTitle }: { items: Item[]; empty: string; sourceTitle: string }) {
  return (
    <Table<Item & { key: string }>
      size="small"
      bordered
      rowKey="key"
      dataSource={items.map((i) => ({ ...i, key: `${i.personId}|${i.month}` }))}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: empty }}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 100 },
        { title: '身份证号', dataIndex: 'personId', width: 180, render: (v: string) => <span className="mono">{v}</span> },
        { title: '月份', dataIndex: 'month', width: 80 },
        {
          title: sourceTitle,
          key: 'sources',
          render: (_, i) => i.sources.map((s, k) => <div key={k}>{formatSource(s)}</div>),
        },
      ]}
    />
  );
}
