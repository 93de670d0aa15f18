// results.compute: the case's stored rows, plan and exemptions in force through the rules of
// DOMAIN.md §6, as the DTO the screens and `jihe compute --json` share. Without an as-of date or a
// what-if it answers the case's own figures (caseFigures.ts: the approved snapshot in force, else
// the computation at the case's cut-off date). A given date or what-if (late-fee cap, base rule)
// applies to this call only; nothing is stored. The screens ask for one
// page of rows (rowsLimit/rowsOffset, optionally filtered by person): the page is cut from the
// result in fen before the DTO is built, so a million-row case never becomes a gigabyte of JSON.
import { toComputeResultDto } from '../../../shared/rules/resultDto';
import type { BackPayRow } from '../../../shared/domain/result';
import { caseAsOf, caseFigures } from './caseFigures';
import { computeCaseResult, localIsoDate } from './computeCase';
import type { Handlers } from './types';

function matchesPerson(filter: string): (r: BackPayRow) => boolean {
  const text = filter.trim().toUpperCase();
  return (r) => text === '' || r.personId.toUpperCase().includes(text) || r.name.toUpperCase().includes(text);
}

export const resultHandlers: Handlers<'results.compute'> = {
  'results.compute': (ctx, input) => {
    const whatIf = input.asOf !== undefined || input.lateFeeCap !== undefined || input.baseRule !== undefined;
    const result = whatIf
      ? computeCaseResult(ctx.db, input.caseId, input.asOf ?? caseAsOf(ctx.db, input.caseId, localIsoDate(ctx.now())), {
          ...(input.lateFeeCap ? { lateFeeCap: input.lateFeeCap } : {}),
          ...(input.baseRule ? { baseRule: input.baseRule } : {}),
        })
      : caseFigures(ctx.db, input.caseId, localIsoDate(ctx.now())).result;
    const keep = input.personFilter ? matchesPerson(input.personFilter) : null;
    const rows = keep ? result.rows.filter(keep) : result.rows;
    const offset = input.rowsOffset ?? 0;
    const page = input.rowsLimit !== undefined || offset > 0 ? rows.slice(offset, input.rowsLimit !== undefined ? offset + input.rowsLimit : undefined) : rows;
    const dto = toComputeResultDto({ ...result, rows: page });
    // `lines` stays the number of back-pay rows of the whole case, as without paging.
    return { ...dto, lines: result.rows.length, rowsTotal: rows.length, exemptedTotal: result.exempted.length };
  },
};
