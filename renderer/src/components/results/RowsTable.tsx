// 补缴明细: one row per person-month with back-pay; expanding a row shows each insurance and the
// spreadsheet rows the figures came from.
import { useMemo, useState } from 'react';
import { Button, Input, Table, Tag, Tooltip } from 'antd';
import type { ResultRow } from '../../../../shared/api/dto';
import { Money, moneyColumn } from '../Money';
import { RowDetail } from './RowDetail';
import { sameOrNull } from './sameOrMixed';
import { EXEMPTION_REASON_NAMES } from '../../../../shared/domain/lines';

type Keyed = ResultRow & { key: string };

function baseCell(values: string[]) {
  const v = sameOrNull(values);
  return v === null ? <Tooltip title="各险种不同，展开查看">按险种不同</Tooltip> : <Money value={v} />;
}

const EXEMPTION_NAMES: Record<string, string> = EXEMPTION_REASON_NAMES;

/** One page of rows fetched from the backend: the table pages and filters through it. */
export interface ServerPaging {
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onFilter: (text: string) => void;
}

/**
 * `onExempt`: offer the auditor's exemption on each row (not on rows already exempted).
 * `server`: `rows` is one page of `server.total` (results.compute with rowsLimit/rowsOffset);
 * without it the table pages and filters the rows it was given.
 */
export function RowsTable({ rows, onExempt, server }: { rows: ResultRow[]; onExempt?: (row: ResultRow) => void; server?: ServerPaging }) {
  const [localFilter, setLocalFilter] = useState('');
  const filter = server ? '' : localFilter;
  const setFilter = server ? server.onFilter : setLocalFilter;
  const data: Keyed[] = useMemo(() => rows.map((r) => ({ ...r, key: `${r.personId}|${r.month}` })), [rows]);
  const shown = filter ? data.filter((r) => r.name.includes(filter) || r.personId.includes(filter.toUpperCase())) : data;
  const showTotal = (n: number) => `共 ${n} 行`;
  return (
    <div>
      <Input.Search placeholder="按姓名或身份证号筛选" allowClear style={{ width: 280, marginBottom: 8 }} onSearch={(v) => setFilter(v.trim())} onChange={(e) => !e.target.value && setFilter('')} />
      <Table<Keyed>
        size="small"
        bordered
        rowKey="key"
        dataSource={shown}
        pagination={
          server
            ? { current: server.page, pageSize: server.pageSize, total: server.total, hideOnSinglePage: true, showSizeChanger: false, showTotal, onChange: server.onPage }
            : { pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal }
        }
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <RowDetail row={r} /> }}
        data-testid="rows-table"
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            width: 90,
            render: (n: string, r) => (
              <span>
                {n}
                {r.payrollOnly && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    未参保
                  </Tag>
                )}
                {r.estimated && (
                  <Tag color="orange" style={{ marginLeft: 4 }} title={`${r.estimated.rule}；依据${r.estimated.legalBasis}；理由：${r.estimated.reason}`}>
                    核定
                  </Tag>
                )}
              </span>
            ),
          },
          { title: '身份证号', dataIndex: 'personId', width: 170, render: (v: string) => <span className="mono">{v}</span> },
          { title: '月份', dataIndex: 'month', width: 76 },
          { title: '计算基数', key: 'due', align: 'right', width: 110, render: (_, r) => baseCell(r.insurances.map((i) => i.dueBase)) },
          { title: '申报基数', key: 'declared', align: 'right', width: 110, render: (_, r) => baseCell(r.insurances.map((i) => i.declaredBase)) },
          { title: '少报', key: 'shortfall', align: 'right', width: 110, render: (_, r) => baseCell(r.insurances.map((i) => i.shortfall)) },
          moneyColumn<Keyed>('单位', (r) => r.employer, { width: 100 }),
          moneyColumn<Keyed>('个人', (r) => r.employee, { width: 100 }),
          { ...moneyColumn<Keyed>('小计', (r) => r.total, { width: 100 }), render: (_: unknown, r: Keyed) => <strong><Money value={r.total} /></strong> },
          { title: '滞纳天数', dataIndex: 'lateFeeDays', align: 'right', width: 80, render: (v: number) => <span className="num">{v}</span> },
          moneyColumn<Keyed>('滞纳金', (r) => r.lateFee, { width: 100 }),
          ...(onExempt
            ? [
                {
                  title: '处理',
                  key: 'exempt',
                  width: 70,
                  // Kept in view while the wide table scrolls (issue 10: it was off-screen at 1440 px).
                  fixed: 'right' as const,
                  render: (_: unknown, r: Keyed) => (
                    <Button size="small" type="link" onClick={() => onExempt(r)}>
                      豁免
                    </Button>
                  ),
                },
              ]
            : [
                {
                  title: '豁免原因',
                  key: 'exemption',
                  width: 160,
                  render: (_: unknown, r: Keyed) =>
                    r.exemption ? `${EXEMPTION_NAMES[r.exemption.reason] ?? r.exemption.reason}${r.exemption.note ? `：${r.exemption.note}` : ''}` : '—',
                },
              ]),
        ]}
      />
    </div>
  );
}
