// One statistics table as the seed lays it out (seed 004 附表): 填报单位, then each column group
// over its columns (antd's grouped columns give the two-row header); every figure is a link that
// opens the cases behind it.
import { Button, Table } from 'antd';
import type { StatsReportDto } from '../../../../shared/api/dto/statistics';

type Table = StatsReportDto['institutions'];
type Row = Table['cumulative'][number];
type Figure = Row['cells'][string];

export function StatsTableView(props: { table: Table; scope: 'cumulative' | 'month'; onOpen(title: string, f: Figure): void }) {
  const { table, scope, onOpen } = props;
  const figureColumn = (key: string, label: string, groupLabel: string) => ({
    key,
    title: label,
    align: 'right' as const,
    width: 78,
    render: (_: unknown, r: Row) => {
      const f = r.cells[key];
      if (!f) return null;
      const has = f.caseIds.length > 0 || f.tipOffIds.length > 0;
      return has ? (
        <Button type="link" size="small" style={{ padding: 0 }} aria-label={`${r.label} ${groupLabel} ${label}`} onClick={() => onOpen(`${r.label} · ${groupLabel} · ${label}：${f.text}`, f)}>
          {f.text}
        </Button>
      ) : (
        <span>{f.text}</span>
      );
    },
  });
  const columns = [
    { key: 'label', title: table.labelHeader, dataIndex: 'label', fixed: 'left' as const, width: 170 },
    ...table.groups.map((g) =>
      g.columns.length === 1 && g.columns[0]!.label === g.label
        ? figureColumn(g.columns[0]!.key, g.label, g.label)
        : { key: g.label, title: g.label, children: g.columns.map((c) => figureColumn(c.key, c.label, g.label)) },
    ),
  ];
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      rowKey={(r) => r.region ?? '(total)'}
      dataSource={table[scope]}
      columns={columns}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.region === null ? 'stats-total-row' : '')}
    />
  );
}
