// An amount as the API gives it (exact two-decimal string), shown with thousands separators.
import { formatMoney, isZeroMoney } from '../format';

export function Money({ value, dimZero = false }: { value: string; dimZero?: boolean }) {
  return <span className={dimZero && isZeroMoney(value) ? 'num muted' : 'num'}>{formatMoney(value)}</span>;
}

/** Column props for a right-aligned money column. */
export function moneyColumn<T>(title: string, get: (row: T) => string, extra: { width?: number; key?: string } = {}) {
  return {
    title,
    key: extra.key ?? title,
    align: 'right' as const,
    width: extra.width ?? 110,
    render: (_: unknown, row: T) => <Money value={get(row)} dimZero />,
  };
}
