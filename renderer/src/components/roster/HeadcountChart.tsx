// The monthly headcount chart (issue 10, DOMAIN.md §3 item 1): persons on the roster (when one is
// imported), on the payroll, declared, and paying (the declarations' paid flag, when they carry
// one), one line each over the audit period, so a gap shows as lines apart.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HeadcountDto } from '../../../../shared/api/dto/roster';
import { formatMonth } from '../../format';

const SERIES: { key: 'roster' | 'payroll' | 'declared' | 'paying'; name: string; color: string; dash?: string }[] = [
  { key: 'roster', name: '花名册人数', color: '#8c8c8c', dash: '6 3' },
  { key: 'payroll', name: '工资表人数', color: '#1677ff' },
  { key: 'declared', name: '申报人数', color: '#fa8c16' },
  { key: 'paying', name: '实缴人数', color: '#52c41a' },
];

export function HeadcountChart({ headcount, height = 240 }: { headcount: HeadcountDto; height?: number }) {
  const withRoster = headcount.rosterFiles > 0;
  const withPaying = headcount.months.some((m) => m.payingCount !== null);
  const data = headcount.months.map((m) => ({
    month: formatMonth(m.month),
    roster: m.rosterCount,
    payroll: m.payrollCount,
    declared: m.declaredCount,
    paying: m.payingCount,
  }));
  const shown = SERIES.filter((s) => (s.key === 'roster' ? withRoster : s.key === 'paying' ? withPaying : true));
  return (
    <div data-testid="headcount-chart" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#f0f0f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v) => [`${String(v)} 人`]} />
          <Legend />
          {shown.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeDasharray={s.dash} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
