// The roster area: importing a 花名册 as a job (started by imports.start with kind 'roster', so
// the import card, progress and report are the same as for the other files), listing roster
// files, and the per-month headcount comparison of roster, payroll and declarations.
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import type { WriteMeta } from '../db/repos/meta';
import { loadDeclarationLines, loadPayrollLines } from '../db/repos/lines';
import { listRosterFiles, findRosterFile, loadRosterLines } from '../db/repos/roster';
import { listSourceFiles } from '../db/repos/sourceFiles';
import { duplicateFileMessage } from '../db/storeImport';
import { storeRoster } from '../db/storeRoster';
import { ImportRefusedError, type ImportJobData, type ImportJobResult } from '../jobs/importJob';
import { refusalReason } from '../jobs/importPolicy';
import { rosterOffThread } from '../jobs/offThread';
import { JobCancelledError, yieldToEventLoop, type JobContext } from '../jobs/runner';
import { headcountByMonth } from '../../../shared/rules/headcount';
import type { HeadcountDto } from '../../../shared/api/dto/roster';
import { requireCase, requireOpenCase } from './cases';
import type { BackendContext } from './context';
import type { Handlers } from './types';

export interface RosterImportInput {
  caseId: number;
  fileName: string;
  bytes: Uint8Array;
  leaveOutErrorRows: boolean;
}

/** Reads, checks (all-or-nothing, DOMAIN.md §4.4) and stores one roster file. */
export async function runRosterImportJob(ctx: JobContext<ImportJobData>, db: Db, input: RosterImportInput, meta: () => WriteMeta): Promise<ImportJobResult> {
  ctx.setData({ report: null, sourceFileId: null });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = findRosterFile(db, input.caseId, sha256);
  if (existing) throw new ImportRefusedError(duplicateFileMessage(existing));
  ctx.progress(0, '正在读取文件…');
  // Parsed in the bounded import worker (jobs/offThread.ts).
  const parsed = await rosterOffThread({
    bytes: input.bytes,
    fileName: input.fileName,
    signal: ctx.signal,
    onProgress: (fraction, message) => ctx.progress(fraction * 0.8, message),
  });
  ctx.setData({ report: parsed.report, sourceFileId: null });
  const refusal = refusalReason(parsed.report, input.leaveOutErrorRows, parsed.roster.length);
  if (refusal) throw new ImportRefusedError(refusal);
  await yieldToEventLoop();
  if (ctx.signal.aborted) throw new JobCancelledError();
  ctx.progress(0.8, `正在保存 ${parsed.roster.length} 行…`);
  const stored = storeRoster(db, { caseId: input.caseId, fileName: input.fileName, bytes: input.bytes, sha256, report: parsed.report, roster: parsed.roster }, meta());
  ctx.setData({ report: parsed.report, sourceFileId: stored.sourceFileId });
  return stored;
}

/** imports.start for kind 'roster': the same job protocol (jobs.get / jobs.cancel) as the others. */
export function startRosterImport(ctx: BackendContext, input: { caseId: number; fileName: string; data: Uint8Array; leaveOutErrorRows: boolean }): { jobId: string } {
  requireOpenCase(ctx.db, input.caseId);
  const bytes = new Uint8Array(input.data);
  const actor = ctx.meta().actor;
  const jobId = ctx.jobs.start<unknown, ImportJobData>('import:roster', (job) =>
    runRosterImportJob(job, ctx.db, { caseId: input.caseId, fileName: input.fileName, bytes, leaveOutErrorRows: input.leaveOutErrorRows }, () => ({ ...ctx.meta(), actor })),
  );
  return { jobId };
}

export function caseHeadcount(db: Db, caseId: number): HeadcountDto {
  const c = requireCase(db, caseId);
  const files = listSourceFiles(db, c.id);
  const roster = loadRosterLines(db, c.id);
  return {
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    rosterFiles: listRosterFiles(db, c.id).length,
    rosterPersons: new Set(roster.map((l) => l.personId)).size,
    payrollFiles: files.filter((f) => f.kind === 'payroll').length,
    declarationFiles: files.filter((f) => f.kind === 'declaration').length,
    months: headcountByMonth({ from: c.periodFrom, to: c.periodTo, roster, payroll: loadPayrollLines(db, c.id), declarations: loadDeclarationLines(db, c.id) }),
  };
}

export const rosterHandlers: Handlers<'roster.files' | 'roster.headcount'> = {
  'roster.files': (ctx, input) => listRosterFiles(ctx.db, requireCase(ctx.db, input.caseId).id),
  'roster.headcount': (ctx, input) => caseHeadcount(ctx.db, input.caseId),
};
