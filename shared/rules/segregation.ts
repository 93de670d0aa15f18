// Segregation of duties (ARCHITECTURE.md §8): whoever prepared anything in a case — imported a
// file, judged or exempted a finding, entered a ledger figure, edited the case facts, drafted a
// document — may not approve it. Read from the case's audit trail, the one record every such
// change is written to; migration 010 enforces the same list in SQL.

/** Audit-log actions that make their actor a preparer of the case. */
export const PREPARING_ACTIONS = [
  'import.store',
  'import.id-join',
  'import.verification-override',
  'exemption.add',
  'exemption.revoke',
  'finding.judge',
  'ledger.set',
  'case-facts.set',
  'case.fact',
  'document.draft',
  'document.redraft',
] as const;

/** Chinese names of what the approver did, for the refusal message. */
const WHAT: Record<(typeof PREPARING_ACTIONS)[number], string> = {
  'import.store': '导入数据文件',
  'import.id-join': '确认身份证号匹配',
  'import.verification-override': '核对例外放行',
  'exemption.add': '豁免',
  'exemption.revoke': '撤销豁免',
  'finding.judge': '认定问题',
  'ledger.set': '录入账载数据',
  'case-facts.set': '修改案件信息',
  'case.fact': '修改案件信息',
  'document.draft': '起草文书',
  'document.redraft': '起草文书',
};

export interface PreparingEntry {
  action: string;
  actor: string;
}

/** What `username` prepared in the case (Chinese, distinct, in trail order); empty if nothing. */
export function preparedBy(trail: readonly PreparingEntry[], username: string): string[] {
  const me = username.toLowerCase();
  const out: string[] = [];
  for (const e of trail) {
    if (e.actor.toLowerCase() !== me) continue;
    const what = WHAT[e.action as keyof typeof WHAT];
    if (what && !out.includes(what)) out.push(what);
  }
  return out;
}

/** The refusal when the approver prepared part of the case, naming what he did. */
export function ownPreparationReason(done: readonly string[]): string {
  return `不能审核本人参与办理的案件：您在本案中${done.join('、')}，按职责分离须由未参与办理的其他科室负责人审核`;
}
