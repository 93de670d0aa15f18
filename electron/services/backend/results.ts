// results.compute: the case's stored rows, plan and exemptions in force through the rules of
// DOMAIN.md §6, as the DTO the screens and `jihe compute --json` share. The optional what-if
// (late-fee cap, base rule) applies to this call only; nothing is stored.
import { computeCase } from './computeCase';
import type { Handlers } from './types';

export const resultHandlers: Handlers<'results.compute'> = {
  'results.compute': (ctx, input) =>
    computeCase(ctx.db, input.caseId, input.asOf, {
      ...(input.lateFeeCap ? { lateFeeCap: input.lateFeeCap } : {}),
      ...(input.baseRule ? { baseRule: input.baseRule } : {}),
    }),
};
