// The five figures an auditor reports: employer and employee back-pay, their sum, late fee, total.
import type { ComputeResultDto } from '../../../../shared/api/dto';
import { formatMoney } from '../../format';

const CARDS: { key: keyof ComputeResultDto['totals']; label: string; grand?: boolean }[] = [
  { key: 'employer', label: '单位补缴' },
  { key: 'employee', label: '个人补缴' },
  { key: 'backPay', label: '补缴合计' },
  { key: 'lateFee', label: '滞纳金' },
  { key: 'total', label: '总计', grand: true },
];

export function TotalsCards({ totals }: { totals: ComputeResultDto['totals'] }) {
  return (
    <div className="totals" data-testid="totals">
      {CARDS.map((c) => (
        <div key={c.key} className={c.grand ? 'total-card grand' : 'total-card'} data-testid={`total-${c.key}`}>
          <div className="label">{c.label}（元）</div>
          <div className="value">{formatMoney(totals[c.key])}</div>
        </div>
      ))}
    </div>
  );
}
