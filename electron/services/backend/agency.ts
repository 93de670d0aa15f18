// agency.*: the issuing agency's profile (shared/domain/agency.ts) — read, edited, and carried to
// the bureau's other workstations as a JSON file, so one bureau configures all its laptops once.
// Every change is validated in full before anything is stored, and logged.
import { AgencyProfileSchema, type AgencyProfile } from '../../../shared/domain/agency';
import { sampleFieldsAfterEdit } from '../../../shared/rules/sampleValues';
import { formatZodIssues, fieldErrorsToText, type PathLabels } from '../../../shared/rules/zodIssues';
import { appendAudit } from '../audit/auditLog';
import { sha256Hex } from '../db/seed';
import { AGENCY_PROFILE_KEY, getSetting, setSetting } from '../db/repos/settings';
import { ApiFailure } from './errors';
import type { BackendContext } from './context';
import type { Handlers } from './types';

/** The file's marker, so a random JSON file is not mistaken for a profile. */
export const AGENCY_EXPORT_FORMAT = 'jihe-agency-profile';

const LABELS: PathLabels = {
  fields: {
    name: '机关名称',
    numberPrefixes: '文号前缀',
    address: '机关地址',
    postcode: '邮政编码',
    phone: '联系电话',
    contact: '联系人',
    sealText: '印章文字',
    legalBasis: '法律依据',
    noticeDays: '提前通知天数',
    sampleFields: '示例字段',
  },
};

function validated(raw: unknown, source: string): AgencyProfile {
  const r = AgencyProfileSchema.safeParse(raw);
  if (r.success) return r.data;
  const errors = formatZodIssues(r.error, LABELS);
  throw new ApiFailure(
    'invalid-input',
    `${source}有误，未保存：${fieldErrorsToText(errors).replace(/\n/g, '；')}`,
    errors.map((e) => ({ path: e.path || e.field, message: e.message })),
  );
}

function store(ctx: BackendContext, profile: AgencyProfile, action: string): AgencyProfile {
  const meta = ctx.meta();
  ctx.db.transaction(() => {
    setSetting(ctx.db, AGENCY_PROFILE_KEY, profile, meta);
    appendAudit(ctx.db, { ...meta, caseId: null, action, detail: { key: AGENCY_PROFILE_KEY, name: profile.name, sha256: sha256Hex(JSON.stringify(profile)) } });
  })();
  return profile;
}

export const agencyHandlers: Handlers<'agency.get' | 'agency.update' | 'agency.export' | 'agency.import'> = {
  'agency.get': (ctx) => {
    const raw = getSetting(ctx.db, AGENCY_PROFILE_KEY);
    return raw === null ? null : validated(raw, '已保存的机关信息');
  },

  'agency.update': (ctx, input) => {
    const raw = getSetting(ctx.db, AGENCY_PROFILE_KEY);
    const stored = raw === null ? null : AgencyProfileSchema.safeParse(raw).data ?? null;
    const { sampleFields: _ignored, ...next } = validated(input.profile, '机关信息');
    // an example value stays marked only while it is unchanged (shared/rules/sampleValues.ts)
    const left = sampleFieldsAfterEdit(stored, next);
    return store(ctx, { ...next, ...(left.length > 0 ? { sampleFields: left } : {}) }, 'settings.agency.update');
  },

  'agency.export': (ctx) => {
    const raw = getSetting(ctx.db, AGENCY_PROFILE_KEY);
    if (raw === null) throw new ApiFailure('not-ready', '尚未配置机关信息，无可导出的内容');
    const profile = validated(raw, '已保存的机关信息');
    const file = { format: AGENCY_EXPORT_FORMAT, version: 1, exportedAt: ctx.meta().at, profile };
    return { fileName: `机关信息_${profile.name}.json`, json: `${JSON.stringify(file, null, 2)}\n` };
  },

  'agency.import': (ctx, input) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.json.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ApiFailure('invalid-input', `机关信息文件不是有效的 JSON：${(e as Error).message}`);
    }
    // An exported file wraps the profile; a bare profile (like resources/agency-profile.default.json) is accepted too.
    const wrapped = typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === AGENCY_EXPORT_FORMAT;
    if (wrapped && (parsed as { version?: unknown }).version !== 1) throw new ApiFailure('invalid-input', '机关信息文件的版本不受支持，请使用相同版本的稽核工作站导出');
    const profile = validated(wrapped ? (parsed as { profile: unknown }).profile : parsed, '机关信息文件');
    return store(ctx, profile, 'settings.agency.import');
  },
};
