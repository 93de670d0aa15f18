// Who writes and when: every repository write carries it, so created_by/at and the audit log agree.
export interface WriteMeta {
  actor: string;
  /** ISO timestamp. */
  at: string;
}
