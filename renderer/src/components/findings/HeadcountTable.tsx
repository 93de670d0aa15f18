// 人数差异 per month (DOMAIN.md §3 item 1): persons on the payroll vs persons declared, the
// roster's count when a roster was imported, and how many are on one side only (named by what
// they are — paid but not declared — not by a roster the case may not have), with the chart.
import { Table, Tag } from 'antd';
import type { ComputeResultDto } from '../../../../shared/api/dto';
import type { HeadcountDto } from '../../../../shared/api/dto/roster';
import { formatMonth } from '../../format';
import { HeadcountChart } from '../roster/HeadcountChart';

type Month = ComputeResultDto['months'][number];

export function HeadcountTable({ months, roster }: { months: Month[]; roster: HeadcountDto | null }) {
  return (
    <div>
      {roster && <HeadcountChart headcount={roster} height={220} />}
      <MonthsTable months={months} roster={roster} />
    </div>
  );
}

function MonthsTable({ months, roster }: { months: Month[]; roster: HeadcountDto | null }) {
  const withRoster = roster !== null && roster.rosterFiles > 0;
  const rosterOf = new Map((roster?.months ?? []).map((m) => [m.month, m]));
  return (
    <Table<Month>
      size="small"
      bordered
      rowKey="month"
      pagination={false}
      dataSource={months}
      data-testid="headcount-table"
      style={{ maxWidth: 980 }}
      columns={[
        { title: '月份', dataIndex: 'month', render: (m: string) => formatMonth(m) },
        ...(withRoster ? [{ title: '花名册人数', key: 'roster', align: 'right' as const, render: (_: unknown, m: Month) => rosterOf.get(m.month)?.rosterCount ?? 0 }] : []),
        { title: '工资表人数', dataIndex: 'payrollHeadcount', align: 'right' },
        { title: '申报人数', dataIndex: 'declaredHeadcount', align: 'right' },
        { title: '人数差（工资表−申报）', key: 'diff', align: 'right', render: (_, m) => m.payrollHeadcount - m.declaredHeadcount },
        { title: '两边都有', dataIndex: 'matched', align: 'right' },
        { title: '发薪未申报', dataIndex: 'payrollOnly', align: 'right', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
        { title: '申报未发薪', dataIndex: 'declaredOnly', align: 'right', render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : 0) },
        ...(withRoster
          ? [
              { title: '发薪不在册', key: 'paidNotOnRoster', align: 'right' as const, render: (_: unknown, m: Month) => rosterOf.get(m.month)?.paidNotOnRoster.length ?? 0 },
              { title: '在册未发薪', key: 'rosterNotPaid', align: 'right' as const, render: (_: unknown, m: Month) => rosterOf.get(m.month)?.rosterNotPaid.length ?? 0 },
            ]
          : []),
      ]}
    />
  );
}
