// 工资总额与账载应付职工薪酬: per month, the ledger total the auditor types in (ledger.set) next
// to the payroll's gross; the difference comes from the backend. Positive: wages in the books
// that the payroll does not show.
import { useState } from 'react';
import { App, Button, Input, Space, Table } from 'antd';
import type { LedgerMonth } from '../../../../shared/api/dto';
import { call, errorText } from '../../api/client';
import { formatDateTime, formatMonth, isZeroMoney } from '../../format';
import { Money } from '../Money';

function LedgerInput({ caseId, m, disabled, onSaved }: { caseId: number; m: LedgerMonth; disabled: boolean; onSaved: () => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState(m.ledger ?? '');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await call('ledger.set', { caseId, month: m.month, amount: text.trim() === '' ? null : text.trim() });
      message.success(`已保存${formatMonth(m.month)}账载金额`);
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space.Compact style={{ width: 210 }}>
      <Input value={text} onChange={(e) => setText(e.target.value)} placeholder="如 123456.78" disabled={disabled} aria-label={`${formatMonth(m.month)}应付职工薪酬`} onPressEnter={() => void save()} />
      <Button onClick={() => void save()} loading={busy} disabled={disabled || text.trim() === (m.ledger ?? '')}>
        保存
      </Button>
    </Space.Compact>
  );
}

export function LedgerTable({ caseId, months, canEdit, onSaved }: { caseId: number; months: LedgerMonth[]; canEdit: boolean; onSaved: () => void }) {
  return (
    <Table<LedgerMonth>
      size="small"
      bordered
      rowKey="month"
      pagination={false}
      dataSource={months}
      data-testid="ledger-table"
      columns={[
        { title: '月份', dataIndex: 'month', width: 90, render: (m: string) => formatMonth(m) },
        { title: '账载应付职工薪酬（元）', key: 'ledger', width: 230, render: (_, m) => <LedgerInput key={`${m.month}|${m.ledger}`} caseId={caseId} m={m} disabled={!canEdit} onSaved={onSaved} /> },
        { title: '工资表应发合计（元）', key: 'gross', align: 'right', width: 150, render: (_, m) => <Money value={m.payrollGross} /> },
        {
          title: '差额（账载−工资表）',
          key: 'diff',
          align: 'right',
          width: 150,
          render: (_, m) => (m.difference === null ? <span className="muted">未录入</span> : <span style={isZeroMoney(m.difference) ? undefined : { color: '#c41d1d', fontWeight: 600 }}><Money value={m.difference} /></span>),
        },
        { title: '录入', key: 'by', render: (_, m) => (m.setBy ? `${m.setBy} ${formatDateTime(m.setAt!)}` : '—') },
      ]}
    />
  );
}
