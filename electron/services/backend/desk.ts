// Handlers of the auditor's desk area (shared/api/methods/desk.ts): removing a wrong import.
import { removeImport, RemoveImportRefused } from '../db/removeImport';
import { ApiFailure } from './errors';
import type { Handlers } from './types';

export const deskHandlers: Handlers<'imports.remove'> = {
  'imports.remove': (ctx, input) => {
    try {
      return removeImport(ctx.db, input.sourceFileId, input.removalReason, ctx.meta());
    } catch (e) {
      if (e instanceof RemoveImportRefused) throw new ApiFailure('conflict', e.message);
      throw e;
    }
  },
};
