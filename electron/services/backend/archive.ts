// Handlers of the archive and transfer area (shared/api/methods/archive.ts): archiving a case with
// its dossier, downloading the stored dossier, and carrying cases between workstations. Archiving
// and importing run one at a time (ctx.serial): both check, then write in one transaction.
import { ApiFailure } from './errors';
import { requireCase } from './cases';
import type { Handlers } from './types';
import { archiveBlocker, archiveCase, ArchiveRefused, dossierContents, getArchivedDossier, getArchiveRecord } from '../dossier/archiveCase';
import { exportCases } from '../transfer/exportCases';
import { importReadPackage, TransferRefused, trustPackage } from '../transfer/importPackage';
import { readPackageOffThread } from '../jobs/offThread';
import { safeZipName } from '../../../shared/dossier/manifest';
import { transitionActorOf, transitionCase, workflowHandlers, workflowStatus } from './workflow';
import type { BackendContext } from './context';
import { seal, SealRefused, unseal } from '../crypto/sealedFile';
import { PASSPHRASE_ENV } from '../db/dbKey';

/** The package passphrase the user typed, else JIHE_PASSPHRASE (command line, tests), else a Chinese refusal. */
export function transferPassphrase(typed: string | undefined): string {
  const passphrase = typed || process.env[PASSPHRASE_ENV];
  if (!passphrase) throw new ApiFailure('invalid-input', '请输入交换包口令：交换包是加密的，导出和导入两边须输入同一口令。');
  return passphrase;
}

type ArchiveMethods = 'archive.status' | 'archive.archive' | 'archive.dossier' | 'transfer.exportCases' | 'transfer.importPackage' | 'workflow.transition';

export function rethrow(e: unknown): never {
  if (e instanceof ArchiveRefused || e instanceof TransferRefused) throw new ApiFailure(e.code, e.message);
  throw e;
}

/** Why the case cannot be archived now (the state, the role, the workflow's preconditions), or null. */
function whyNotArchivable(ctx: BackendContext, caseId: number): string | null {
  const option = workflowStatus(ctx, caseId).options.find((o) => o.to === 'archived');
  if (!option) return archiveBlocker(ctx.db, caseId);
  return option.allowed ? null : option.missing.join('；');
}

export const archiveHandlers: Handlers<ArchiveMethods> = {
  'archive.status': (ctx, { caseId }) => {
    const c = requireCase(ctx.db, caseId);
    const record = getArchiveRecord(ctx.db, caseId);
    const reason = c.state === 'archived' ? '案件已归档' : whyNotArchivable(ctx, caseId);
    return { archived: c.state === 'archived', ready: reason === null, reason, record, contents: dossierContents(ctx.db, caseId) };
  },

  'archive.archive': (ctx, input) =>
    ctx.serial(async () => {
      requireCase(ctx.db, input.caseId);
      const reason = whyNotArchivable(ctx, input.caseId);
      if (reason) throw new ApiFailure('not-ready', reason);
      try {
        return await archiveCase(ctx.db, input.caseId, { actor: transitionActorOf(ctx), retentionYears: input.retentionYears });
      } catch (e) {
        return rethrow(e);
      }
    }),

  /**
   * The workflow's transition, with one difference: a case is never put into 'archived' without
   * its dossier. Registered after the workflow area's handlers (backend.ts), so the workflow bar's
   * 归档 button archives exactly as archive.archive does; every other transition is the workflow's.
   */
  'workflow.transition': (ctx, input) => {
    if (input.to !== 'archived') return workflowHandlers['workflow.transition'](ctx, input);
    return ctx.serial(async () => {
      const option = workflowStatus(ctx, input.caseId).options.find((o) => o.to === 'archived');
      // not allowed: the workflow's own transition refuses with its code and every missing item
      if (!option?.allowed) transitionCase(ctx.db, input.caseId, 'archived', transitionActorOf(ctx), input.reason);
      try {
        await archiveCase(ctx.db, input.caseId, { actor: transitionActorOf(ctx) });
      } catch (e) {
        rethrow(e);
      }
      return workflowStatus(ctx, input.caseId);
    });
  },

  'archive.dossier': (ctx, { caseId }) => {
    const c = requireCase(ctx.db, caseId);
    const record = getArchiveRecord(ctx.db, caseId);
    const zip = getArchivedDossier(ctx.db, caseId);
    if (!record || !zip) throw new ApiFailure('not-found', `案件 ${c.number} 尚未归档，没有已保存的稽核档案`);
    return { fileName: `稽核档案_${safeZipName(record.archiveNumber)}_${safeZipName(c.number)}.zip`, sha256: record.sha256, data: zip };
  },

  'transfer.exportCases': (ctx, { caseIds, passphrase }) => {
    for (const id of caseIds) requireCase(ctx.db, id);
    const key = transferPassphrase(passphrase);
    const { zip, cases } = exportCases(ctx.db, caseIds, { actor: ctx.meta().actor, defaultActor: ctx.actor, now: ctx.now() });
    const stamp = ctx.now().toISOString().slice(0, 19).replace(/[-:T]/g, '');
    // A package holds names, ID numbers and wages: it leaves the machine only sealed (crypto/sealedFile.ts).
    const sealed = new Uint8Array(seal(zip, key));
    return { fileName: `案件交换包_${cases.length}件_${stamp}.jhpkg`, data: sealed, cases: cases.length };
  },

  'transfer.importPackage': (ctx, { data, fileName, passphrase }) =>
    ctx.serial(async () => {
      try {
        const zip = unseal(data, transferPassphrase(passphrase), `交换包${fileName ? ` ${fileName} ` : ''}`);
        // Unzipped and checked in the bounded import worker, written here in one transaction.
        return importReadPackage(ctx.db, trustPackage(ctx.db, await readPackageOffThread(zip)), { actor: ctx.meta().actor, now: ctx.now() });
      } catch (e) {
        if (e instanceof SealRefused) throw new ApiFailure('bad-file', e.message);
        return rethrow(e);
      }
    }),
};
