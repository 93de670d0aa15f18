// The one date and month picker of the app (issue 10): whatever the auditor types in the usual
// forms — 2025-04-14, 2025/4/14, 2025.4.14, 20250414, 2025年4月14日 — is taken, and shown as
// 2025年4月14日; a month picker opens on the month it is given (the audit period), not on today.
// Every picker of the app is one of these, so the accepted forms are listed in one place.
import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker';
import dayjs, { type Dayjs } from 'dayjs';

// The picker parses strictly (the text must read back the same), so 2025-04-14 and 2025-4-14
// are two formats: every separator with and without leading zeros.
const SEPARATED_DAYS = ['-', '/', '.'].flatMap((sep) => ['MM', 'M'].flatMap((m) => ['DD', 'D'].map((d) => `YYYY${sep}${m}${sep}${d}`)));
const CHINESE_DAYS = ['MM', 'M'].flatMap((m) => ['DD', 'D'].map((d) => `YYYY年${m}月${d}日`));

/** Display format first (antd shows the first), then every typed form accepted. */
export const DATE_FORMATS = ['YYYY年M月D日', ...CHINESE_DAYS.filter((f) => f !== 'YYYY年M月D日'), ...SEPARATED_DAYS, 'YYYYMMDD'];
export const MONTH_FORMATS = ['YYYY年M月', 'YYYY年MM月', ...['-', '/', '.'].flatMap((sep) => [`YYYY${sep}MM`, `YYYY${sep}M`]), 'YYYYMM'];

type Props = Omit<DatePickerProps, 'format' | 'picker' | 'value' | 'defaultValue' | 'onChange' | 'multiple' | 'onOk'> & { value?: Dayjs | null; onChange?: (value: Dayjs | null) => void };

/** A day picker taking every form of DATE_FORMATS. */
export function DateField(props: Props) {
  return <DatePicker {...props} onChange={(d) => props.onChange?.(d)} format={DATE_FORMATS} />;
}

/** A month picker taking every form of MONTH_FORMATS; `openOn` ("YYYY-MM") is where it opens while empty. */
export function MonthField({ openOn, ...props }: Props & { openOn?: string }) {
  return <DatePicker {...props} onChange={(d) => props.onChange?.(d)} picker="month" format={MONTH_FORMATS} defaultPickerValue={openOn ? dayjs(`${openOn}-01`) : undefined} />;
}

/** A from–to month range taking every form of MONTH_FORMATS; `openOn` is where it opens while empty. */
export function MonthRangeField({ openOn, ...props }: Omit<RangePickerProps, 'format' | 'picker'> & { openOn?: string }) {
  const at = openOn ? dayjs(`${openOn}-01`) : undefined;
  return <DatePicker.RangePicker {...props} picker="month" format={MONTH_FORMATS} defaultPickerValue={at ? [at, at.add(1, 'month')] : undefined} />;
}
