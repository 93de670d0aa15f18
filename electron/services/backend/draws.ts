// draws.*: the double-random draw in the app (DOMAIN.md §10.3): candidates after the
// twice-a-year rule, the run (recorded append-only; refused with nothing saved when a team cannot
// be made), the record with its re-run verification, replacements, the printed 抽查记录 and the
// planned cases (source random) with their teams. The draw itself is shared/rules/draw.ts.
import type { Case } from '../../../shared/api/dto';
import { parseAgencyProfile } from '../../../shared/domain/agency';
import { TARGET_KIND_NAMES, type DrawCandidate, type DrawDetail, type TargetKind } from '../../../shared/api/dto/office';
import { buildDrawRecordDoc } from '../../../shared/documents/drawRecordDoc';
import { DrawRefused, MAX_DRAWS_PER_YEAR, runDraw } from '../../../shared/rules/draw';
import { buildDrawRecord, DrawRecordSchema, quotasOf, verifyDrawRecord, withReplacement, type DrawRecord } from '../../../shared/rules/drawRecord';
import { appendAudit } from '../audit/auditLog';
import { getCase } from '../db/repos/cases';
import { findEmployerByCreditCode } from '../db/repos/employers';
import {
  caseTeam,
  conflictPairs,
  drawCases,
  drawCountsInYear,
  findInspectorByCredential,
  getDrawRow,
  insertDraw,
  insertReplacement,
  linkDrawCase,
  listDrawRows,
  listInspectors,
  listReplacements,
  setCaseTeam,
  type DrawRow,
} from '../db/repos/office';
import { AGENCY_PROFILE_KEY, getSetting } from '../db/repos/settings';
import type { Db } from '../db/open';
import { renderPdf } from '../documents/pdf';
import { drawPublication, PublicationRefused, publicationPdf, publicationXlsx } from '../office/publication';
import { targetNames, TARGET_SOURCES } from '../office/targetSources';
import { caseHandlers } from './cases';
import type { BackendContext } from './context';
import { ApiFailure } from './errors';
import type { Handlers } from './types';

function requireDraw(db: Db, drawId: number): DrawRow {
  const row = getDrawRow(db, drawId);
  if (!row) throw new ApiFailure('not-found', `找不到抽查记录（编号 ${drawId}）`);
  return row;
}

/** The stored record with its replacements appended, as `jihe draw verify` reads it. */
export function fullRecord(db: Db, row: DrawRow): DrawRecord {
  const base = DrawRecordSchema.parse(JSON.parse(row.record_json));
  const replacements = listReplacements(db, row.id).map((r) => ({ creditCode: r.credit_code, withdrawn: r.withdrawn, reason: r.reason, replacement: r.replacement, at: r.created_at }));
  return { ...base, replacements };
}

export function drawDetail(db: Db, drawId: number): DrawDetail {
  const row = requireDraw(db, drawId);
  const record = fullRecord(db, row);
  const v = verifyDrawRecord(record);
  const names = targetNames(db);
  const inspectors = new Map(listInspectors(db).map((i) => [i.credential, i.name]));
  const cases = drawCases(db, drawId);
  const teams = (v.teams.length > 0 ? v.teams : record.selected).map((t) => ({
    creditCode: t.creditCode,
    tier: t.tier,
    targetName: names(row.target_kind, t.creditCode),
    team: t.team.map((credential) => ({ credential, name: inspectors.get(credential) ?? '' })),
    caseId: cases.get(t.creditCode)?.caseId ?? null,
    caseNumber: cases.get(t.creditCode)?.number ?? null,
  }));
  return {
    draw: {
      id: row.id,
      year: row.year,
      task: row.task,
      targetKind: row.target_kind,
      seed: row.seed,
      snapshotSha256: row.snapshot_sha256,
      selected: record.selected.length,
      replacements: record.replacements.length,
      createdAt: row.created_at,
      createdBy: row.created_by,
    },
    record,
    verification: { ok: v.ok, problems: v.problems },
    teams,
  };
}

function targetsOf(db: Db, kind: TargetKind) {
  const list = TARGET_SOURCES[kind].list(db);
  if (!list) throw new ApiFailure('not-ready', `${TARGET_KIND_NAMES[kind]}名录库尚未建立，无法抽取`);
  return list;
}

/** Rule 1 of §10.3 on the directory: active, and drawn fewer than twice in the year. */
function candidates(db: Db, kind: TargetKind, year: number): DrawCandidate[] {
  const counts = drawCountsInYear(db, kind, year);
  return targetsOf(db, kind).map((t) => {
    const n = counts.get(t.creditCode) ?? 0;
    const reason = !t.active ? '已停用' : n >= MAX_DRAWS_PER_YEAR ? `${year} 年已被抽取 ${n} 次（同一年度至多两次）` : undefined;
    return { targetKind: kind, id: t.id, creditCode: t.creditCode, name: t.name, active: t.active, drawsThisYear: n, eligible: reason === undefined, ...(reason ? { reason } : {}) };
  });
}

function refusal(e: unknown): never {
  if (e instanceof DrawRefused) throw new ApiFailure('invalid-input', e.message);
  throw e;
}

export function agencyName(ctx: BackendContext): string {
  const raw = getSetting(ctx.db, AGENCY_PROFILE_KEY);
  if (raw === null) return '';
  try {
    return parseAgencyProfile(raw).name;
  } catch {
    return '';
  }
}

export const drawHandlers: Handlers<'draws.candidates' | 'draws.run' | 'draws.list' | 'draws.get' | 'draws.replace' | 'draws.recordPdf' | 'draws.publication' | 'draws.recordJson' | 'draws.createCases' | 'cases.team'> = {
  'draws.candidates': (ctx, input) => candidates(ctx.db, input.targetKind, input.year),

  'draws.run': (ctx, input) => {
    const byCode = new Map(candidates(ctx.db, input.targetKind, input.year).map((c) => [c.creditCode, c]));
    const seen = new Set<string>();
    for (const t of input.tiers) {
      const c = byCode.get(t.creditCode);
      if (!c) throw new ApiFailure('invalid-input', `名录库中没有统一社会信用代码为 ${t.creditCode} 的检查对象`);
      if (!c.eligible) throw new ApiFailure('invalid-input', `${c.name}（${c.creditCode}）不能参加本次抽取：${c.reason ?? ''}`);
      if (seen.has(t.creditCode)) throw new ApiFailure('invalid-input', `检查对象 ${t.creditCode} 重复列入`);
      seen.add(t.creditCode);
    }
    const inspectors = listInspectors(ctx.db, false).map((i) => i.credential);
    let outcome;
    try {
      outcome = runDraw({ seed: input.seed, targets: input.tiers, inspectors, conflicts: conflictPairs(ctx.db, input.targetKind), quotas: quotasOf(input.quotas), teamSize: input.teamSize, cap: input.cap ?? null });
    } catch (e) {
      refusal(e);
    }
    const meta = ctx.meta();
    const record = buildDrawRecord({ task: input.task, year: input.year, seed: input.seed, quotas: input.quotas, teamSize: input.teamSize, drawnAt: meta.at }, outcome);
    const id = ctx.db.transaction(() => {
      const drawId = insertDraw(
        ctx.db,
        { year: input.year, task: input.task, targetKind: input.targetKind, seed: input.seed, snapshotSha256: outcome.snapshotSha256, recordJson: JSON.stringify(record), selected: outcome.selected },
        meta,
      );
      appendAudit(ctx.db, {
        ...meta,
        caseId: null,
        action: 'draw.run',
        detail: { drawId, task: input.task, year: input.year, seed: input.seed, snapshotSha256: outcome.snapshotSha256, selected: outcome.selected.map((s) => ({ creditCode: s.creditCode, team: s.team })) },
      });
      return drawId;
    })();
    return drawDetail(ctx.db, id);
  },

  'draws.list': (ctx, input) =>
    listDrawRows(ctx.db, input.year).map((row) => {
      const d = drawDetail(ctx.db, row.id);
      return d.draw;
    }),

  'draws.get': (ctx, input) => drawDetail(ctx.db, input.drawId),

  'draws.replace': (ctx, input) => {
    const row = requireDraw(ctx.db, input.drawId);
    const record = fullRecord(ctx.db, row);
    let next: DrawRecord;
    try {
      next = withReplacement(record, input.creditCode, input.credential, input.reason);
    } catch (e) {
      refusal(e);
    }
    const rep = next.replacements[next.replacements.length - 1]!;
    const linked = drawCases(ctx.db, row.id).get(input.creditCode);
    if (linked && getCase(ctx.db, linked.caseId)?.state === 'archived') throw new ApiFailure('forbidden', `案件 ${linked.number} 已归档，不能更换检查人员`);
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      insertReplacement(ctx.db, row.id, rep, meta);
      if (linked) {
        const team = verifyDrawRecord(next).teams.find((t) => t.creditCode === input.creditCode)!.team;
        setCaseTeam(ctx.db, linked.caseId, team.map((c) => findInspectorByCredential(ctx.db, c)!.id));
      }
      appendAudit(ctx.db, { ...meta, caseId: linked?.caseId ?? null, action: 'draw.replace', detail: { drawId: row.id, creditCode: rep.creditCode, withdrawn: rep.withdrawn, replacement: rep.replacement, reason: rep.reason } });
    })();
    return drawDetail(ctx.db, row.id);
  },

  'draws.recordPdf': async (ctx, input) => {
    const d = drawDetail(ctx.db, input.drawId);
    const names = new Map(d.teams.map((t) => [t.creditCode, t.targetName]));
    const inspectors = new Map(listInspectors(ctx.db).map((i) => [i.credential, i.name]));
    const model = buildDrawRecordDoc({
      record: d.record,
      agencyName: agencyName(ctx),
      targetKindName: TARGET_KIND_NAMES[d.draw.targetKind],
      targetName: (c) => names.get(c) ?? targetNames(ctx.db)(d.draw.targetKind, c),
      inspectorName: (c) => inspectors.get(c) ?? '',
      teams: d.teams.map((t) => ({ creditCode: t.creditCode, team: t.team.map((x) => x.credential) })),
      verified: d.verification.ok,
      drawnBy: d.draw.createdBy,
    });
    const rendered = await renderPdf(model, { draft: false });
    return { fileName: `抽查记录_${d.draw.year}_${d.draw.id}.pdf`, data: new Uint8Array(rendered.bytes) };
  },

  'draws.publication': async (ctx, input) => {
    const d = drawDetail(ctx.db, input.drawId);
    const name = agencyName(ctx);
    let pub;
    try {
      pub = drawPublication(ctx.db, d, name);
    } catch (e) {
      if (e instanceof PublicationRefused) throw new ApiFailure('forbidden', e.message);
      throw e;
    }
    const data = input.format === 'xlsx' ? await publicationXlsx(pub) : await publicationPdf(pub, name);
    appendAudit(ctx.db, { ...ctx.meta(), caseId: null, action: 'draw.publish', detail: { drawId: d.draw.id, format: input.format, rows: pub.rows.length } });
    return { fileName: `抽查结果公示_${d.draw.year}_${d.draw.id}.${input.format}`, data: new Uint8Array(data) };
  },

  'draws.recordJson': (ctx, input) => {
    const d = drawDetail(ctx.db, input.drawId);
    return { fileName: `抽查记录_${d.draw.year}_${d.draw.id}.json`, data: new TextEncoder().encode(JSON.stringify(d.record, null, 2) + '\n') };
  },

  'draws.createCases': (ctx, input) => {
    const d = drawDetail(ctx.db, input.drawId);
    if (d.draw.targetKind !== 'employer') throw new ApiFailure('not-ready', '目前只能为参保单位的抽查创建稽核案件');
    const todo = d.teams.filter((t) => t.caseId === null);
    if (todo.length === 0) throw new ApiFailure('conflict', '本次抽中的对象都已创建案件');
    return ctx.db.transaction(() =>
      todo.map((t) => {
        const employer = findEmployerByCreditCode(ctx.db, t.creditCode);
        if (!employer) throw new ApiFailure('not-found', `找不到参保单位 ${t.creditCode}`);
        const c = caseHandlers['cases.create'](ctx, { employerId: employer.id, periodFrom: input.periodFrom, periodTo: input.periodTo, ratePlanId: input.ratePlanId, source: 'random' }) as Case;
        linkDrawCase(ctx.db, d.draw.id, t.creditCode, c.id);
        setCaseTeam(ctx.db, c.id, t.team.map((m) => findInspectorByCredential(ctx.db, m.credential)!.id));
        appendAudit(ctx.db, { ...ctx.meta(), caseId: c.id, action: 'draw.case', detail: { drawId: d.draw.id, creditCode: t.creditCode, team: t.team.map((m) => `${m.name}（${m.credential}）`) } });
        return c;
      }),
    )();
  },

  'cases.team': (ctx, input) => caseTeam(ctx.db, input.caseId),
};
