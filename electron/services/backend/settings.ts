// The settings screen's methods beyond agency.*: a rate plan in full and as its file, and the
// database backups. Restoring replaces the live database, so it waits for every earlier call that
// writes in order (ctx.serial) and is written to the restored database's audit log.
import { parseRatePlanText } from '../../../shared/rules/ratePlan';
import { appendAudit } from '../audit/auditLog';
import { getRatePlanJson, getRatePlanSummary } from '../db/repos/ratePlans';
import { RestoreRefused } from '../backup/restoreBackup';
import { ApiFailure } from './errors';
import type { BackendContext } from './context';
import type { Handlers } from './types';

function backupsOf(ctx: BackendContext) {
  if (!ctx.backups) throw new ApiFailure('not-ready', '本机未启用数据库备份');
  return ctx.backups;
}

function planOf(ctx: BackendContext, ratePlanId: number) {
  const summary = getRatePlanSummary(ctx.db, ratePlanId);
  const json = getRatePlanJson(ctx.db, ratePlanId);
  if (!summary || json === null) throw new ApiFailure('not-found', `缴费方案 ${ratePlanId} 不存在`);
  return { summary, json };
}

/** A file name without characters Windows refuses. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export const settingsHandlers: Handlers<'ratePlans.get' | 'ratePlans.export' | 'backups.list' | 'backups.create' | 'backups.restore' | 'backups.setRetention'> = {
  'ratePlans.get': (ctx, input) => {
    const { summary, json } = planOf(ctx, input.ratePlanId);
    const parsed = parseRatePlanText(json);
    if (!parsed.ok) throw new ApiFailure('internal', `已保存的缴费方案“${summary.name}”无法读取：${parsed.errors.map((e) => e.message).join('；')}`);
    return { summary, plan: parsed.plan };
  },

  'ratePlans.export': (ctx, input) => {
    const { summary, json } = planOf(ctx, input.ratePlanId);
    // The text exactly as imported: the same SHA-256 on every workstation that loads it.
    return { fileName: `缴费方案_${safeFileName(summary.name)}.json`, json };
  },

  'backups.list': (ctx) => backupsOf(ctx).list(),

  'backups.setRetention': (ctx, input) => backupsOf(ctx).setRetention(input),

  'backups.create': async (ctx) => {
    try {
      return await backupsOf(ctx).create('manual', ctx.meta().actor);
    } catch (e) {
      if (e instanceof ApiFailure) throw e;
      throw new ApiFailure('internal', `备份失败：${(e as Error).message}`);
    }
  },

  'backups.restore': (ctx, input) =>
    ctx.serial(async () => {
      // An import writes through the connection the restore closes: refuse rather than cut it off.
      const running = ctx.jobs.running();
      if (running.length) throw new ApiFailure('conflict', `有 ${running.length} 个导入任务正在进行，请等其完成（或取消）后再恢复备份`);
      const actor = ctx.meta().actor;
      try {
        const r = await backupsOf(ctx).restore(input.fileName, actor);
        appendAudit(ctx.db, {
          ...ctx.meta(),
          caseId: null,
          action: 'backup.restore',
          detail: { fileName: r.restored.fileName, sha256: r.restored.sha256, backupCreatedAt: r.restored.createdAt, safetyCopy: r.safetyCopy.fileName },
        });
        return r;
      } catch (e) {
        if (e instanceof RestoreRefused) throw new ApiFailure('bad-file', e.message);
        throw e;
      }
    }),
};
