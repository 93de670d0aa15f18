// Handler of resolving transfer conflicts (shared/api/methods/transferResolve.ts): the package is
// unsealed and read in the bounded worker again, its signature checked, and imported in one
// transaction with the section head's or archivist's choice applied to each conflicting case
// (transfer/resolveConflict.ts); a conflict left without a choice refuses the whole import.
import type { Handlers } from './types';
import { ApiFailure } from './errors';
import { rethrow, transferPassphrase } from './archive';
import { importReadPackage, trustPackage } from '../transfer/importPackage';
import { conflictResolver } from '../transfer/resolveConflict';
import { readPackageOffThread } from '../jobs/offThread';
import { SealRefused, unseal } from '../crypto/sealedFile';

export const transferResolveHandlers: Handlers<'transfer.resolveConflicts'> = {
  'transfer.resolveConflicts': (ctx, { data, fileName, passphrase, resolutions }) =>
    ctx.serial(async () => {
      const choices = new Map(resolutions.map((r) => [r.caseNumber, r.choice]));
      if (choices.size !== resolutions.length) throw new ApiFailure('invalid-input', '同一案件只能选择一种处理方式');
      try {
        const zip = unseal(data, transferPassphrase(passphrase), `交换包${fileName ? ` ${fileName} ` : ''}`);
        return importReadPackage(ctx.db, trustPackage(ctx.db, await readPackageOffThread(zip)), { actor: ctx.meta().actor, now: ctx.now(), onConflict: conflictResolver(choices) });
      } catch (e) {
        if (e instanceof SealRefused) throw new ApiFailure('bad-file', e.message);
        return rethrow(e);
      }
    }),
};
