// The one date and month picker of the app (issue 10): whatever the auditor types in the usual
// forms — 2025-04-14, 2025/4/14, 2025.4.14, 20250414, 2025年4月14日 — is taken, and shown as
// 2025年4月14日; a month picker opens on the month it is given (the audit period), not on today.
// Every picker of the app is one of these, so the accepted forms are listed in one place.
import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker';
import dayjs, { type Dayjs } from 'dayjs';

/** Display format first (antd shows the first), then every typed form accepted. */
export const DATE_FORMATS = ['YYYY年M月D日', 'YYYY-M-D', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD', 'YYYY年M月D号'];
export const MONTH_FORMATS = ['YYYY年M月', 'YYYY-M', 'YYYY/M', 'YYYY.M', 'YYYYMM'];

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
