// imports.start, jobs.get, jobs.cancel: a file goes into a case as a job the UI polls.
import type { JobStatus } from '../../../shared/api/dto';
import { runImportJob, type ImportJobData } from '../jobs/importJob';
import { ApiFailure } from './errors';
import { requireOpenCase } from './cases';
import { startRosterImport } from './roster';
import type { Handlers } from './types';
import { afterMappedImport } from './importMapping';

export const importHandlers: Handlers<'imports.start' | 'jobs.get' | 'jobs.cancel'> = {
  'imports.start': (ctx, input) => {
    // A roster (花名册) has its own reader and tables (backend/roster.ts), under the same job protocol.
    if (input.kind === 'roster') return startRosterImport(ctx, input);
    requireOpenCase(ctx.db, input.caseId);
    // Copy the bytes: the caller's buffer may be reused or detached while the job runs.
    const bytes = new Uint8Array(input.data);
    // The user who started the import is its actor, even if the session changes while it runs.
    const actor = ctx.meta().actor;
    if (input.overrideChecks.length > 0 && (input.overrideReason ?? '').length < 2) {
      throw new ApiFailure('invalid-input', '仍然导入核验未通过的文件时，须填写理由（将记入导入报告和操作日志）');
    }
    const meta = () => ({ ...ctx.meta(), actor });
    const mapped = {
      mapping: input.mapping,
      verificationOverride: input.overrideChecks.length > 0 ? { codes: input.overrideChecks, reason: input.overrideReason ?? '', actor } : undefined,
      // Templates and overrides are recorded in the storing transaction (importMapping.ts).
      onStored: (stored: Parameters<ReturnType<typeof afterMappedImport>>[0]) => afterMappedImport(ctx.db, { ...input, templateId: input.templateId }, meta())(stored),
    };
    const jobId = ctx.jobs.start<unknown, ImportJobData>(`import:${input.kind}`, (job) =>
      runImportJob(job, ctx.db, { caseId: input.caseId, kind: input.kind, fileName: input.fileName, bytes, leaveOutErrorRows: input.leaveOutErrorRows, ...mapped }, meta),
    );
    return { jobId };
  },

  'jobs.get': (ctx, input) => {
    const job = ctx.jobs.get<unknown, ImportJobData>(input.jobId);
    if (!job) throw new ApiFailure('not-found', '找不到该任务（可能已过期），请重新操作');
    const status: JobStatus = {
      id: job.id,
      kind: job.kind,
      state: job.state,
      progress: job.progress,
      message: job.message,
      report: job.data?.report ?? null,
      error: job.error,
      sourceFileId: job.data?.sourceFileId ?? null,
    };
    return status;
  },

  'jobs.cancel': (ctx, input) => ({ cancelled: ctx.jobs.cancel(input.jobId) }),
};
