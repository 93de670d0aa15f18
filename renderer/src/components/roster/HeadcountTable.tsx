// 人数比对: per month of the audit period, employees per the roster vs persons on the payroll vs
// persons declared (DOMAIN.md §3 item 1), and who makes the difference. Each difference count
// opens the list of persons with the roster, payroll and declaration rows behind them. Without a
// roster there is nothing to be on or off: the table compares payroll with declarations (the
// real gap) and the chart shows the months' counts.
import { useState } from 'react';
import { Alert, Button, Modal, Table } from 'antd';
import type { HeadcountDto, HeadcountMonthDto, HeadcountPersonDto } from '../../../../shared/api/dto/roster';
import { formatMonth, formatSource } from '../../format';
import { HeadcountChart } from './HeadcountChart';

type ListKey = 'rosterNotPaid' | 'paidNotOnRoster' | 'rosterNotDeclared' | 'rosterOnly' | 'paidNotDeclared' | 'declaredNotPaid';

const LISTS: { key: ListKey; title: string; hint: string }[] = [
  { key: 'rosterNotPaid', title: '在册未发薪', hint: '在花名册中（当月在职），但工资表中没有当月工资的人员' },
  { key: 'paidNotOnRoster', title: '发薪不在册', hint: '工资表中有当月工资，但花名册中当月不在职的人员' },
  { key: 'rosterNotDeclared', title: '在册未参保', hint: '在花名册中（当月在职），但当月没有参保申报的人员' },
  { key: 'rosterOnly', title: '在册未发薪未参保', hint: '在花名册中，但当月既无工资也无申报的人员（可能已离职未登记，或花名册有误）' },
];

/** Without a roster: the payroll against the declarations. */
const GAP_LISTS: { key: ListKey; title: string; hint: string }[] = [
  { key: 'paidNotDeclared', title: '发薪未申报', hint: '工资表中有当月工资，但当月没有参保申报的人员' },
  { key: 'declaredNotPaid', title: '申报未发薪', hint: '当月有参保申报，但工资表中没有当月工资的人员（可能是挂靠参保）' },
];

export function HeadcountTable({ headcount }: { headcount: HeadcountDto }) {
  const [open, setOpen] = useState<{ month: string; list: (typeof LISTS)[number]; persons: HeadcountPersonDto[] } | null>(null);
  const countCell = (key: ListKey) => (_: unknown, m: HeadcountMonthDto) => {
    const persons = m[key];
    if (persons.length === 0) return <span className="muted">0</span>;
    const list = [...LISTS, ...GAP_LISTS].find((l) => l.key === key)!;
    return (
      <Button type="link" size="small" danger style={{ padding: 0 }} data-testid={`hc-${key}-${m.month}`} onClick={() => setOpen({ month: m.month, list, persons })}>
        {persons.length}
      </Button>
    );
  };
  const withRoster = headcount.rosterFiles > 0;
  const withPaying = headcount.months.some((m) => m.payingCount !== null);
  const missing = [
    headcount.payrollFiles === 0 ? '工资表' : '',
    headcount.declarationFiles === 0 ? '缴费申报明细' : '',
  ].filter(Boolean);

  return (
    <div data-testid="headcount">
      {!withRoster && (
        <Alert
          type="info"
          showIcon
          className="section"
          data-testid="headcount-no-roster"
          title="尚未导入花名册：下表按工资表与参保申报比对（发薪未申报即应参保未参保的线索）；导入花名册后可再比对在册人数。"
        />
      )}
      {missing.length > 0 && (
        <Alert type="warning" showIcon className="section" title={`尚未导入${missing.join('、')}：相应的人数按 0 计，比对结果不完整。`} />
      )}
      <HeadcountChart headcount={headcount} />
      <Table<HeadcountMonthDto>
        size="small"
        bordered
        rowKey="month"
        dataSource={headcount.months}
        pagination={false}
        columns={[
          { title: '月份', dataIndex: 'month', width: 100, render: (m: string) => formatMonth(m) },
          ...(withRoster ? [{ title: '花名册人数', dataIndex: 'rosterCount', align: 'right' as const, width: 100 }] : []),
          { title: '工资表人数', dataIndex: 'payrollCount', align: 'right', width: 100 },
          { title: '申报人数', dataIndex: 'declaredCount', align: 'right', width: 100 },
          ...(withPaying ? [{ title: '实缴人数', dataIndex: 'payingCount', align: 'right' as const, width: 100, render: (n: number | null) => n ?? '—' }] : []),
          ...(withRoster ? [] : [{ title: '人数差（工资表−申报）', key: 'gap', align: 'right' as const, width: 150, render: (_: unknown, m: HeadcountMonthDto) => m.payrollCount - m.declaredCount }]),
          ...(withRoster ? LISTS : GAP_LISTS).map((l) => ({ title: l.title, key: l.key, align: 'right' as const, width: 120, render: countCell(l.key) })),
        ]}
      />
      <Modal
        open={open !== null}
        title={open ? `${formatMonth(open.month)} · ${open.list.title}（${open.persons.length} 人）` : ''}
        onCancel={() => setOpen(null)}
        footer={<Button onClick={() => setOpen(null)}>关闭</Button>}
        width={860}
        destroyOnHidden
      >
        {open && (
          <div data-testid="headcount-persons">
            <div className="muted section">{open.list.hint}</div>
            <Table<HeadcountPersonDto>
              size="small"
              bordered
              rowKey="personId"
              dataSource={open.persons}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { title: '姓名', dataIndex: 'name', width: 100 },
                { title: '身份证号', dataIndex: 'personId', width: 180, render: (v: string) => <span className="mono">{v}</span> },
                { title: '来源', key: 'sources', render: (_, p) => p.sources.map((s, k) => <div key={k}>{formatSource(s)}</div>) },
              ]}
            />
          </div>
        )}
      </Modal>
    </div>
  );
}
