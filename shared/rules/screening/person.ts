// Who a settlement's patient is, as the screening reads it (INSTITUTIONS.md §6): the person,
// visit type and dates of a settlement are those of its first row; sex comes from 性别, or from
// the ID number's 17th digit (odd: 男) when there is none; age is full years on the fee date,
// from 出生日期 or else the ID number's birth date.
import type { ClaimRow, Sex } from '../../domain/claims';
import { isIsoDate, type IsoDate } from '../month';

const ID18 = /^\d{17}[\dX]$/;

export function sexFromId(personId: string): Sex | null {
  if (!ID18.test(personId)) return null;
  return Number(personId[16]) % 2 === 1 ? '男' : '女';
}

export function birthDateFromId(personId: string): IsoDate | null {
  if (!ID18.test(personId)) return null;
  const date = `${personId.slice(6, 10)}-${personId.slice(10, 12)}-${personId.slice(12, 14)}`;
  return isIsoDate(date) ? date : null;
}

/** Full years from `birth` to `on`: the birthday itself counts as the new year. */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}

/** A settlement as its first row defines it. */
export interface Settlement {
  id: string;
  first: ClaimRow;
  /** Its rows in file order (refunds already left out). */
  rows: ClaimRow[];
  personId: string;
  name: string;
  visitType: ClaimRow['visitType'];
  admissionDate: IsoDate | null;
  dischargeDate: IsoDate | null;
  sex: Sex | null;
  sexSource: '性别' | '身份证号' | null;
  birthDate: IsoDate | null;
  birthSource: '出生日期' | '身份证号' | null;
}

export function settlementOf(first: ClaimRow): Settlement {
  const sex = first.sex ?? sexFromId(first.personId);
  const birth = first.birthDate ?? birthDateFromId(first.personId);
  return {
    id: first.settlementId,
    first,
    rows: [],
    personId: first.personId,
    name: first.name,
    visitType: first.visitType,
    admissionDate: first.admissionDate,
    dischargeDate: first.dischargeDate,
    sex,
    sexSource: first.sex ? '性别' : sex ? '身份证号' : null,
    birthDate: birth,
    birthSource: first.birthDate ? '出生日期' : birth ? '身份证号' : null,
  };
}
