// ISO dates (YYYY-MM-DD, as the API takes them) to and from the DatePicker's dayjs values.
import dayjs, { type Dayjs } from 'dayjs';


export const toDayjs = (iso: string | undefined | null): Dayjs | undefined => (iso ? dayjs(iso) : undefined);
export const toIso = (d: Dayjs | undefined | null): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Text lines of a TextArea, trimmed, empty ones left out. */
export const linesOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
