// What the monthly statistics (DOMAIN.md §11, seed 004 附表) are computed from: plain facts the
// backend gathers from cases, payments, tip-offs and the directories. Pure data, so the tables
// can be worked by hand in tests. Institution handling (约谈, 拒付, 追回, 暂停, 解除, 罚款, 移交 …)
// comes through `InstitutionHandling`, a small interface another module fills in; the tables
// count whatever it reports.
import type { IsoDate } from '../month';

export type StatsCaseKind = 'employer-audit' | 'institution-check';
export type StatsSource = 'plan' | 'random' | 'tip-off' | 'lead';

/** One handling measure taken against an institution in a check (seed 004 处理情况). */
export type HandlingMeasureKind =
  | 'interview' // 约谈限期整改
  | 'circular' // 通报批评
  | 'suspend' // 暂停协议
  | 'terminate' // 解除协议
  | 'penalty' // 行政处罚 (罚款)
  | 'judicial' // 移交司法机关
  | 'recover' // 追回医保基金 (amountFen)
  | 'refuse-payment' // 拒付 — counted as 其他处理情形
  | 'other'; // 其他处理情形

export interface HandlingMeasure {
  kind: HandlingMeasureKind;
  /** The date the measure was decided; it counts in that month. */
  on: IsoDate;
  /** Money recovered (追回) in fen; only for `recover`. */
  amountFen?: number;
}

/** Who was held accountable (seed 004 追责情况), counted in persons. */
export type AccountabilityTarget = 'institution' | 'agency' | 'department' | 'insured';

export interface Accountability {
  target: AccountabilityTarget;
  on: IsoDate;
  persons: number;
}

/** The handling of one institution check, as the handling module reports it. */
export interface InstitutionHandling {
  /** 多部门联合检查: checked together with the police, health commission, … */
  jointCheck: boolean;
  measures: readonly HandlingMeasure[];
  accountability: readonly Accountability[];
}

export const NO_HANDLING: InstitutionHandling = { jointCheck: false, measures: [], accountability: [] };

export interface StatsCase {
  id: number;
  number: string;
  kind: StatsCaseKind;
  source: StatsSource;
  /** The target's region from the directory ('' when it carries none). */
  region: string;
  targetId: number;
  targetName: string;
  /** Institutions only. */
  institutionKind: 'hospital' | 'pharmacy' | null;
  /** The first time the case was concluded (稽核结论) or closed without finding; null if never. */
  concludedOn: IsoDate | null;
  /** The date the case was archived: from then on it counts as checked (已检查). */
  archivedOn: IsoDate | null;
  /** Problems found: an approved order with money or persons (employers), confirmed screening hits or handling (institutions). */
  hasProblems: boolean;
  /** Employers: the approved order (fen). */
  orderedBackPayFen: number;
  orderedLateFeeFen: number;
  /** Employers: payments recorded against the order. */
  payments: readonly { paidOn: IsoDate; amountFen: number; purpose: 'back-pay' | 'late-fee' }[];
  /** Employers: persons enrolled after the audit (补报), dated when recorded. */
  enrolments: readonly { personId: string; on: IsoDate }[];
  /** The rectification deadline (整改期限), if one was registered. */
  rectificationDue: IsoDate | null;
  /** Employers: the date a 移送 (penalty referral) was issued. */
  referredOn: IsoDate | null;
  /** Institutions: handling and accountability. */
  handling: InstitutionHandling;
}

export interface StatsTarget {
  id: number;
  region: string;
  active: boolean;
  /** The date it entered the directory. */
  addedOn: IsoDate;
  /** Institutions only. */
  institutionKind?: 'hospital' | 'pharmacy';
}

export interface StatsTipOff {
  id: number;
  subjectKind: 'employer' | 'institution';
  region: string;
  receivedOn: IsoDate;
  answeredOn: IsoDate | null;
  caseId: number | null;
}

export interface StatsFacts {
  /** 填报单位: the bureau's name from the agency profile. */
  unit: string;
  cases: readonly StatsCase[];
  employers: readonly StatsTarget[];
  institutions: readonly StatsTarget[];
  tipOffs: readonly StatsTipOff[];
}
