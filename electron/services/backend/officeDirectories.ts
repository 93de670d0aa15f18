// Directories of the office side (DOMAIN.md §10.1): employers edited and deactivated (never
// deleted), the inspector directory (seed 003 annex 4, credential unique, linked to an account)
// with its bulk import through the usual importer, and conflicts (回避) with reasons. Every
// change goes to the audit trail.
import { checkCreditCode } from '../../../shared/rules/creditCode';
import type { InspectorInput } from '../../../shared/api/dto/office';
import { appendAudit } from '../audit/auditLog';
import { findEmployerByCreditCode, getEmployer } from '../db/repos/employers';
import {
  deleteConflict,
  findInspectorByCredential,
  getInspector,
  insertConflict,
  insertInspector,
  listConflicts,
  listInspectors,
  setEmployerActive,
  setInspectorActive,
  updateEmployer,
  updateInspector,
} from '../db/repos/office';
import type { Db } from '../db/open';
import { readTable } from '../import/tableRows';
import { describeIssue } from '../jobs/importPolicy';
import { targetNames, TARGET_SOURCES } from '../office/targetSources';
import { ApiFailure } from './errors';
import type { Handlers } from './types';

function requireInspector(db: Db, id: number) {
  const i = getInspector(db, id);
  if (!i) throw new ApiFailure('not-found', `找不到检查人员（编号 ${id}）`);
  return i;
}

function checkCredentialFree(db: Db, credential: string, selfId: number | null): void {
  const other = findInspectorByCredential(db, credential.trim());
  if (other && other.id !== selfId) throw new ApiFailure('conflict', `执法证号 ${credential} 已登记为“${other.name}”`, [{ path: 'credential', message: `已登记为“${other.name}”` }]);
}

function checkUser(db: Db, userId: number | null | undefined, selfId: number | null): void {
  if (userId === null || userId === undefined) return;
  if (!db.prepare('SELECT 1 FROM users WHERE id = ?').get(userId)) throw new ApiFailure('invalid-input', `找不到用户账号（编号 ${userId}）`, [{ path: 'userId', message: '账号不存在' }]);
  const other = db.prepare('SELECT id, name FROM inspectors WHERE user_id = ?').get(userId) as { id: number; name: string } | undefined;
  if (other && other.id !== selfId) throw new ApiFailure('conflict', `该用户账号已关联检查人员“${other.name}”`, [{ path: 'userId', message: '已关联其他检查人员' }]);
}

export const officeDirectoryHandlers: Handlers<
  | 'employers.update'
  | 'employers.setActive'
  | 'inspectors.list'
  | 'inspectors.create'
  | 'inspectors.update'
  | 'inspectors.setActive'
  | 'inspectors.import'
  | 'conflicts.list'
  | 'conflicts.add'
  | 'conflicts.remove'
> = {
  'employers.update': (ctx, input) => {
    const before = getEmployer(ctx.db, input.id);
    if (!before) throw new ApiFailure('not-found', `找不到参保单位（编号 ${input.id}）`);
    const check = checkCreditCode(input.creditCode);
    if (!check.ok) throw new ApiFailure('invalid-input', check.reason, [{ path: 'creditCode', message: check.reason }]);
    const other = findEmployerByCreditCode(ctx.db, check.code);
    if (other && other.id !== input.id) throw new ApiFailure('conflict', `统一社会信用代码 ${check.code} 已登记为“${other.name}”`, [{ path: 'creditCode', message: `已登记为“${other.name}”` }]);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      updateEmployer(ctx.db, input.id, { ...input, creditCode: check.code });
      const after = getEmployer(ctx.db, input.id)!;
      const changed = Object.fromEntries(
        (Object.keys({ ...before, ...after }) as (keyof typeof after)[]).filter((k) => k !== 'createdAt' && before[k] !== after[k]).map((k) => [k, { from: before[k] ?? null, to: after[k] ?? null }]),
      );
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'employer.update', detail: { employerId: input.id, name: after.name, creditCode: after.creditCode, changed } });
      return after;
    })();
  },

  'employers.setActive': (ctx, input) => {
    const e = getEmployer(ctx.db, input.id);
    if (!e) throw new ApiFailure('not-found', `找不到参保单位（编号 ${input.id}）`);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      setEmployerActive(ctx.db, input.id, input.active);
      appendAudit(ctx.db, { ...meta, caseId: null, action: input.active ? 'employer.activate' : 'employer.deactivate', detail: { employerId: e.id, name: e.name, creditCode: e.creditCode, reason: input.reason } });
      return getEmployer(ctx.db, input.id)!;
    })();
  },

  'inspectors.list': (ctx, input) => listInspectors(ctx.db, input.includeInactive ?? true),

  'inspectors.create': (ctx, input) => {
    checkCredentialFree(ctx.db, input.credential, null);
    checkUser(ctx.db, input.userId, null);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const i = insertInspector(ctx.db, input, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'inspector.create', detail: { inspectorId: i.id, name: i.name, credential: i.credential } });
      return i;
    })();
  },

  'inspectors.update': (ctx, input) => {
    const before = requireInspector(ctx.db, input.id);
    checkCredentialFree(ctx.db, input.credential, input.id);
    checkUser(ctx.db, input.userId, input.id);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const after = updateInspector(ctx.db, input.id, input, meta);
      const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof typeof after>;
      const changed = Object.fromEntries([...keys].filter((k) => k !== 'createdAt' && before[k] !== after[k]).map((k) => [k, { from: before[k] ?? null, to: after[k] ?? null }]));
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'inspector.update', detail: { inspectorId: after.id, name: after.name, credential: after.credential, changed } });
      return after;
    })();
  },

  'inspectors.setActive': (ctx, input) => {
    const i = requireInspector(ctx.db, input.id);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const after = setInspectorActive(ctx.db, input.id, input.active, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: input.active ? 'inspector.activate' : 'inspector.deactivate', detail: { inspectorId: i.id, name: i.name, credential: i.credential, reason: input.reason } });
      return after;
    })();
  },

  'inspectors.import': async (ctx, input) => {
    const read = await readTable(input.data, input.fileName, 'drawInspectors');
    const errors = read.issues.filter((i) => i.severity === 'error').map(describeIssue);
    const seen = new Map<string, number>();
    const rows: InspectorInput[] = [];
    for (const r of read.rows) {
      const credential = r.cells.credential!.text;
      const name = r.cells.name?.text ?? '';
      const where = `${input.fileName}，${r.sheet ? `工作表“${r.sheet}”，` : ''}第 ${r.row} 行`;
      if (name === '') errors.push(`${where}：姓名为空`);
      if (seen.has(credential)) errors.push(`${where}：执法证号 ${credential} 重复（已见于第 ${seen.get(credential)} 行）`);
      seen.set(credential, r.row);
      rows.push({ name, credential });
    }
    if (errors.length > 0) throw new ApiFailure('bad-file', `检查人员名录 ${input.fileName} 有误，未导入：\n${errors.join('\n')}`);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      let created = 0;
      let updated = 0;
      for (const row of rows) {
        const existing = findInspectorByCredential(ctx.db, row.credential);
        if (existing) {
          if (existing.name !== row.name) {
            updateInspector(ctx.db, existing.id, { ...existing, name: row.name }, meta);
            updated++;
          }
        } else {
          insertInspector(ctx.db, row, meta);
          created++;
        }
      }
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'inspector.import', detail: { fileName: input.fileName, rows: rows.length, created, updated } });
      return { created, updated };
    })();
  },

  'conflicts.list': (ctx) => listConflicts(ctx.db, targetNames(ctx.db)),

  'conflicts.add': (ctx, input) => {
    const inspector = requireInspector(ctx.db, input.inspectorId);
    const check = checkCreditCode(input.creditCode);
    if (!check.ok) throw new ApiFailure('invalid-input', check.reason, [{ path: 'creditCode', message: check.reason }]);
    const targets = TARGET_SOURCES[input.targetKind].list(ctx.db);
    if (targets && !targets.some((t) => t.creditCode === check.code)) throw new ApiFailure('invalid-input', `名录库中没有统一社会信用代码为 ${check.code} 的检查对象`, [{ path: 'creditCode', message: '名录库中没有该对象' }]);
    const exists = listConflicts(ctx.db, () => '').some((c) => c.inspectorId === inspector.id && c.targetKind === input.targetKind && c.creditCode === check.code);
    if (exists) throw new ApiFailure('conflict', `${inspector.name} 与 ${check.code} 的回避关系已登记`);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const id = insertConflict(ctx.db, { ...input, creditCode: check.code }, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'conflict.add', detail: { conflictId: id, credential: inspector.credential, name: inspector.name, creditCode: check.code, targetKind: input.targetKind, reason: input.reason } });
      return listConflicts(ctx.db, targetNames(ctx.db)).find((c) => c.id === id)!;
    })();
  },

  'conflicts.remove': (ctx, input) => {
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const gone = deleteConflict(ctx.db, input.id);
      if (!gone) throw new ApiFailure('not-found', `找不到回避关系（编号 ${input.id}）`);
      const inspector = getInspector(ctx.db, gone.inspectorId);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'conflict.remove', detail: { conflictId: input.id, credential: inspector?.credential ?? '', creditCode: gone.creditCode, targetKind: gone.targetKind, reason: input.reason } });
      return { ok: true as const };
    })();
  },
};
