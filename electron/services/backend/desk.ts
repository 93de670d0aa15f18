// Handlers of the auditor's desk area (shared/api/methods/desk.ts): removing a wrong import;
// judging many findings in one transaction; the exemptions file read through the bounded worker.
import { removeImport, RemoveImportRefused } from '../db/removeImport';
import { exemptionsOffThread } from '../jobs/offThread';
import { WorkerRefusal } from '../jobs/parseInWorker';
import { ApiFailure } from './errors';
import { requireOpenCase } from './cases';
import { computeCase, localIsoDate } from './computeCase';
import { addExemption, casePersonIds, checkedMonths, checkJudgment, recordJudgment } from './judgments';
import type { Handlers } from './types';

/** At most this many of a file's problems are listed in the refusal (the rest are counted). */
const PROBLEMS_SHOWN = 20;

function refuseWithProblems(fileName: string, problems: string[]): never {
  const shown = problems.slice(0, PROBLEMS_SHOWN).join('\n');
  const more = problems.length > PROBLEMS_SHOWN ? `\n……另有 ${problems.length - PROBLEMS_SHOWN} 处` : '';
  throw new ApiFailure('invalid-input', `豁免文件《${fileName}》有 ${problems.length} 处问题，未导入任何豁免：\n${shown}${more}`);
}

export const deskHandlers: Handlers<'imports.remove' | 'findings.judgeMany' | 'exemptions.importFile'> = {
  'imports.remove': (ctx, input) => {
    try {
      return removeImport(ctx.db, input.sourceFileId, input.removalReason, ctx.meta());
    } catch (e) {
      if (e instanceof RemoveImportRefused) throw new ApiFailure('conflict', e.message);
      throw e;
    }
  },

  'findings.judgeMany': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    const keys = [...new Set(input.keys)];
    const result = computeCase(ctx.db, c.id, localIsoDate(ctx.now()));
    const checked = keys.map((key) => ({ key, checked: checkJudgment(c, result, { key, decision: input.decision }) }));
    ctx.db.transaction(() => {
      for (const j of checked) recordJudgment(ctx, c, j.checked, { ...input, key: j.key }, 'findings.judgeMany');
    })();
    return { judged: checked.length };
  },

  'exemptions.importFile': async (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    let parsed;
    try {
      parsed = await exemptionsOffThread(input.data, input.fileName);
    } catch (e) {
      if (e instanceof WorkerRefusal) throw new ApiFailure('invalid-input', e.message);
      throw e;
    }
    if (!parsed.ok) refuseWithProblems(input.fileName, parsed.errors);
    if (parsed.exemptions.length === 0) throw new ApiFailure('invalid-input', `豁免文件《${input.fileName}》中没有豁免记录`);
    // The case may have changed while the file was read: check against it now.
    const known = casePersonIds(ctx.db, c.id);
    const problems: string[] = [];
    const records = parsed.exemptions.flatMap((e, i) => {
      const where = `第 ${i + 1} 条（${e.personId}）`;
      if (!known.has(e.personId)) return void problems.push(`${where}：此人不在案件 ${c.number} 已导入的工资表或申报明细中`), [];
      try {
        return [{ personId: e.personId, months: checkedMonths(c, e.months), reason: e.reason, note: e.note ?? null }];
      } catch (err) {
        return void problems.push(`${where}：${(err as Error).message}`), [];
      }
    });
    if (problems.length > 0) refuseWithProblems(input.fileName, problems);
    ctx.db.transaction(() => {
      for (const r of records) addExemption(ctx, c, r, `exemptions.importFile:${input.fileName}`);
    })();
    return { added: records.length, persons: new Set(records.map((r) => r.personId)).size };
  },
};
