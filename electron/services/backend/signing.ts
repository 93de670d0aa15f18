// Handlers of the signing and trust area (shared/api/methods/signing.ts): the workstation's own
// name, fingerprint and number range; its public-key file for the office; and the office's
// register of laptop keys. A registration needs the fingerprint read out on the phone to match,
// and a number range that overlaps no one else's. Every change is in the workstation's trail.
import { ApiFailure } from './errors';
import type { Handlers } from './types';
import type { BackendContext } from './context';
import { appendAudit } from '../audit/auditLog';
import { fingerprintOf, renameWorkstation, workstationKey } from '../signing/workstationKey';
import { getRegisteredKey, insertRegisteredKey, listRegisteredKeys, registeredKeyByFingerprint, revokeRegisteredKey, type RegisteredKey } from '../signing/registeredKeys';
import { ownNumberRange, rangeText, setOwnNumberRange, type NumberRange } from '../db/repos/numbering';
import { formatFingerprint, normaliseFingerprint } from '../../../shared/security/fingerprint';
import { PUBLIC_KEY_FORMAT, PublicKeyFileSchema, type RegisteredKeyDto, type WorkstationIdentity } from '../../../shared/api/dto/signing';
import { safeZipName } from '../../../shared/dossier/manifest';

type SigningMethods = 'signing.identity' | 'signing.setIdentity' | 'signing.exportPublicKey' | 'signing.keys' | 'signing.registerKey' | 'signing.revokeKey';

function identity(ctx: BackendContext): WorkstationIdentity {
  const k = workstationKey(ctx.db);
  return { id: k.id, name: k.name, fingerprint: k.fingerprint, fingerprintText: formatFingerprint(k.fingerprint), publicKey: k.publicKey, createdAt: k.createdAt, numberRange: ownNumberRange(ctx.db) };
}

function toDto(k: RegisteredKey): RegisteredKeyDto {
  return {
    id: k.id,
    workstationId: k.workstationId,
    name: k.name,
    fingerprint: k.fingerprint,
    fingerprintText: formatFingerprint(k.fingerprint),
    numberRange: k.range,
    registeredAt: k.registeredAt,
    registeredBy: k.registeredBy,
    revokedAt: k.revokedAt,
    revokedBy: k.revokedBy,
  };
}

const overlaps = (a: NumberRange, b: NumberRange) => a.start <= b.end && b.start <= a.end;

export const signingHandlers: Handlers<SigningMethods> = {
  'signing.identity': (ctx) => identity(ctx),

  'signing.setIdentity': (ctx, input) => {
    const meta = ctx.meta();
    const before = identity(ctx);
    if (input.numberRange) {
      const clash = listRegisteredKeys(ctx.db).find((k) => k.range && overlaps(k.range, input.numberRange!));
      if (clash) throw new ApiFailure('conflict', `号段 ${rangeText(input.numberRange)} 与已登记工作站“${clash.name}”的号段 ${rangeText(clash.range!)} 重叠`);
    }
    ctx.db.transaction(() => {
      renameWorkstation(ctx.db, input.name, meta);
      setOwnNumberRange(ctx.db, input.numberRange, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'workstation.identity', detail: { name: input.name, before: before.name, numberRange: input.numberRange, beforeRange: before.numberRange } });
    })();
    return identity(ctx);
  },

  'signing.exportPublicKey': (ctx) => {
    const k = workstationKey(ctx.db);
    const text = `${JSON.stringify({ format: PUBLIC_KEY_FORMAT, id: k.id, name: k.name, publicKey: k.publicKey, fingerprint: k.fingerprint, numberRange: ownNumberRange(ctx.db) }, null, 2)}\n`;
    ctx.db.transaction(() => appendAudit(ctx.db, { ...ctx.meta(), caseId: null, action: 'workstation.export-key', detail: { name: k.name, fingerprint: k.fingerprint } }))();
    return { fileName: `工作站公钥_${safeZipName(k.name)}.json`, text };
  },

  'signing.keys': (ctx) => listRegisteredKeys(ctx.db).map(toDto),

  'signing.registerKey': (ctx, input) => {
    let raw: unknown;
    try {
      raw = JSON.parse(input.keyText);
    } catch {
      throw new ApiFailure('bad-file', '工作站公钥文件不是有效的 JSON（请选择对方在“设置 → 工作站与签名”中导出的公钥文件）');
    }
    const parsed = PublicKeyFileSchema.safeParse(raw);
    if (!parsed.success) throw new ApiFailure('bad-file', '工作站公钥文件格式有误（请选择对方在“设置 → 工作站与签名”中导出的公钥文件）');
    const file = parsed.data;
    const fingerprint = fingerprintOf(file.publicKey);
    if (fingerprint !== file.fingerprint) throw new ApiFailure('bad-file', '公钥文件中记载的指纹与公钥本身不符，文件被改动过，不能登记');
    const typed = normaliseFingerprint(input.confirmFingerprint);
    const shown = formatFingerprint(fingerprint).replace(/\s/g, '');
    const typedShort = input.confirmFingerprint.replace(/\s+/g, '').toUpperCase();
    if (!(typed === fingerprint || typedShort === shown)) {
      // the file's own fingerprint is not shown: copying it from here would skip the phone check
      throw new ApiFailure('invalid-input', '电话核对的指纹与公钥文件不符：请对方逐组读出其工作站显示的指纹再填；如仍不符，公钥文件可能在传递中被替换，不要登记');
    }
    if (fingerprint === workstationKey(ctx.db).fingerprint) throw new ApiFailure('conflict', '这是本工作站自己的公钥，无需登记');
    const existing = registeredKeyByFingerprint(ctx.db, fingerprint);
    if (existing) throw new ApiFailure('conflict', existing.revokedAt ? `该公钥（${existing.name}）已于 ${existing.revokedAt.slice(0, 10)} 吊销，不能重新登记，请让对方工作站生成新的密钥` : `该公钥已登记为“${existing.name}”`);
    const range = input.numberRange ?? file.numberRange;
    if (range) {
      const own = ownNumberRange(ctx.db);
      if (own && overlaps(own, range)) throw new ApiFailure('conflict', `号段 ${rangeText(range)} 与本工作站的号段 ${rangeText(own)} 重叠`);
      const clash = listRegisteredKeys(ctx.db).find((k) => k.range && overlaps(k.range, range));
      if (clash) throw new ApiFailure('conflict', `号段 ${rangeText(range)} 与已登记工作站“${clash.name}”的号段 ${rangeText(clash.range!)} 重叠`);
      const taken = ctx.db.prepare('SELECT number FROM cases WHERE seq BETWEEN ? AND ? LIMIT 1').get(range.start, range.end) as { number: string } | undefined;
      if (taken) throw new ApiFailure('conflict', `本机已有案件编号落在号段 ${rangeText(range)} 内（如 ${taken.number}），请另选号段`);
    }
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const k = insertRegisteredKey(ctx.db, { workstationId: file.id, name: file.name, publicKey: file.publicKey, range }, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'workstation.register-key', detail: { name: k.name, fingerprint: k.fingerprint, numberRange: range } });
      return toDto(k);
    })();
  },

  'signing.revokeKey': (ctx, { id }) => {
    const k = getRegisteredKey(ctx.db, id);
    if (!k) throw new ApiFailure('not-found', '找不到该工作站公钥登记');
    if (k.revokedAt) throw new ApiFailure('conflict', `工作站“${k.name}”的公钥已于 ${k.revokedAt.slice(0, 10)} 吊销`);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      revokeRegisteredKey(ctx.db, id, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'workstation.revoke-key', detail: { name: k.name, fingerprint: k.fingerprint } });
      return toDto(getRegisteredKey(ctx.db, id)!);
    })();
  },
};
