// A roster (花名册) row as the importer produces it and the headcount rule consumes it
// (DOMAIN.md §4.3, §3 item 1): who was employed from when to when, with where it came from.
import type { IsoDate } from '../rules/month';
import type { SourceRef } from './lines';

export interface RosterLine {
  personId: string;
  name: string;
  /** First day of employment. */
  hireDate: IsoDate;
  /** Last day of employment; null while still employed. */
  leaveDate: IsoDate | null;
  department?: string;
  /** 用工形式 / 合同类型 as written (劳动合同, 劳务派遣, 退休返聘 …). */
  contractType?: string;
  /** 在职状态 as written (在职, 离职, 退休 …). */
  status?: string;
  source: SourceRef;
}
