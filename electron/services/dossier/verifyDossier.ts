// The offline check of a dossier ZIP (DOMAIN.md §9), needing nothing but the ZIP: the manifest
// is read with its schema; every file it lists must be there with the same SHA-256 and size;
// any file it does not list is extra; the trail JSON's own hash chain is recomputed and its
// head must equal the manifest's; signature.json must be a valid Ed25519 signature of the
// manifest's SHA-256 together with the signer's identity (its signer is named, and checked against the registered keys when a
// workstation is at hand); entry names are checked before anything is read (`__proto__`,
// duplicates, `..`). Every problem names the file, in Chinese. Never throws.
import { strFromU8, strToU8 } from 'fflate';
import { verifyAuditChain, GENESIS_HASH } from '../audit/auditLog';
import { LIMITS } from '../import/limits';
import { checkZipBounds } from '../import/zipGuard';
import { chineseErrorMap, fieldErrorsToText, formatZodIssues } from '../../../shared/rules/zodIssues';
import {
  FILE_ROLE_NAMES,
  MANIFEST_PATH,
  ManifestSchema,
  SIGNATURE_PATH,
  DossierSignatureSchema,
  contentDigestInput,
  type DossierSigner,
  type DossierSignature,
  TrailFileSchema,
  type DossierCheck,
  type DossierManifest,
  type DossierProblem,
} from '../../../shared/dossier/manifest';
import { sha256Hex } from './sha256';
import { canonicalJson } from '../audit/canonicalJson';
import { readZipEntries, unsafeEntryName, ZipEntriesRefused } from '../zip/zipEntries';
import { fingerprintOf, verifySignature } from '../signing/workstationKey';
import { formatFingerprint } from '../../../shared/security/fingerprint';

function readZip(zipBytes: Uint8Array): Map<string, Uint8Array> | DossierProblem[] {
  try {
    // Entry count and declared sizes before inflating (import/limits.ts).
    checkZipBounds(zipBytes, '稽核档案', LIMITS.dossierInflatedBytes, '不是本系统生成的稽核档案');
    return readZipEntries(zipBytes, '档案 ZIP ');
  } catch (e) {
    if (e instanceof ZipEntriesRefused) {
      return [...new Set(e.names)].map((name) => ({ file: name, kind: 'extra' as const, message: `不安全的条目名称（${unsafeEntryName(name) ?? '重复的条目'}），拒绝读取该档案` }));
    }
    return [{ file: '(ZIP)', kind: 'manifest', message: `ZIP 文件已损坏，无法读取：${e instanceof Error ? e.message : String(e)}` }];
  }
}

/** What the signature covers: the manifest's SHA-256 and the signer's own id, name and key (so neither can be swapped). */
export function signedText(s: Pick<DossierSignature, 'format' | 'workstation' | 'manifestSha256'>): string {
  return canonicalJson({ format: s.format, workstation: s.workstation, manifestSha256: s.manifestSha256 });
}

export interface VerifyDossierOptions {
  /** Whether a signer's key (by fingerprint) is this workstation's or registered here; left out offline without a data folder. */
  isTrusted?: (fingerprint: string) => boolean;
}

function checkSignature(manifestBytes: Uint8Array, sigBytes: Uint8Array | undefined, opts: VerifyDossierOptions, problems: DossierProblem[]): DossierSigner | null {
  if (!sigBytes) {
    problems.push({ file: SIGNATURE_PATH, kind: 'signature', message: '档案没有数字签名（缺少 signature.json）：无法确认由哪个工作站导出，也无法确认清单未被改写' });
    return null;
  }
  let parsed;
  try {
    parsed = DossierSignatureSchema.safeParse(JSON.parse(strFromU8(sigBytes)));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    problems.push({ file: SIGNATURE_PATH, kind: 'signature', message: '签名文件格式有误，无法核验签名' });
    return null;
  }
  const sig = parsed.data;
  const fingerprint = fingerprintOf(sig.workstation.publicKey);
  const fingerprintText = formatFingerprint(fingerprint);
  if (sha256Hex(manifestBytes) !== sig.manifestSha256) {
    problems.push({ file: MANIFEST_PATH, kind: 'signature', message: `签名无效：清单 manifest.json 在工作站“${sig.workstation.name}”（指纹 ${fingerprintText}）签名后被改动` });
    return null;
  }
  if (!verifySignature(sig.workstation.publicKey, signedText(sig), sig.signature)) {
    problems.push({ file: SIGNATURE_PATH, kind: 'signature', message: `签名无效：签名文件被改动，或签名不是所称工作站“${sig.workstation.name}”（指纹 ${fingerprintText}）所签` });
    return null;
  }
  const registered = opts.isTrusted ? opts.isTrusted(fingerprint) : null;
  if (registered === false) {
    problems.push({ file: SIGNATURE_PATH, kind: 'signature', message: `签名有效，但签名的工作站“${sig.workstation.name}”（指纹 ${fingerprintText}）未在本机登记，不能确认档案来源` });
  }
  return { name: sig.workstation.name, fingerprint, fingerprintText, registered };
}

function readManifest(bytes: Uint8Array | undefined, problems: DossierProblem[]): DossierManifest | null {
  if (!bytes) {
    problems.push({ file: MANIFEST_PATH, kind: 'missing', message: '缺少清单文件 manifest.json，无法核验' });
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
  } catch (e) {
    problems.push({ file: MANIFEST_PATH, kind: 'manifest', message: `清单文件不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` });
    return null;
  }
  const parsed = ManifestSchema.safeParse(raw, { error: chineseErrorMap });
  if (!parsed.success) {
    problems.push({ file: MANIFEST_PATH, kind: 'manifest', message: `清单文件格式有误：${fieldErrorsToText(formatZodIssues(parsed.error)).replace(/\n/g, '；')}` });
    return null;
  }
  const seen = new Set<string>();
  for (const f of parsed.data.files) {
    if (f.path === MANIFEST_PATH) problems.push({ file: f.path, kind: 'manifest', message: '清单不应列出它自己' });
    if (seen.has(f.path)) problems.push({ file: f.path, kind: 'manifest', message: '清单中重复列出了同一文件' });
    seen.add(f.path);
  }
  return parsed.data;
}

function checkTrail(manifest: DossierManifest, entries: Map<string, Uint8Array>, problems: DossierProblem[]): void {
  const file = manifest.trail.path;
  if (!manifest.files.some((f) => f.path === file && f.role === 'trail')) {
    problems.push({ file, kind: 'manifest', message: '清单的审计记录文件未作为“审计记录”列入文件清单' });
  }
  const bytes = entries.get(file);
  if (!bytes) return; // reported as missing with the files
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
  } catch (e) {
    problems.push({ file, kind: 'trail', message: `审计记录不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  const parsed = TrailFileSchema.safeParse(raw, { error: chineseErrorMap });
  if (!parsed.success) {
    problems.push({ file, kind: 'trail', message: `审计记录格式有误：${fieldErrorsToText(formatZodIssues(parsed.error)).replace(/\n/g, '；')}` });
    return;
  }
  const trail = parsed.data;
  if (trail.genesis !== GENESIS_HASH) problems.push({ file, kind: 'trail', message: '审计记录的起始哈希不是约定的全零值' });
  if (trail.caseNumber !== manifest.case.number) {
    problems.push({ file, kind: 'trail', message: `审计记录属于案件“${trail.caseNumber}”，清单为案件“${manifest.case.number}”` });
  }
  const check = verifyAuditChain(trail.entries);
  if (!check.ok) {
    problems.push({ file, kind: 'trail', message: `审计记录哈希链断开：${check.reason}` });
    return;
  }
  if (check.entries !== manifest.trail.entries) {
    problems.push({ file, kind: 'trail', message: `审计记录有 ${check.entries} 条，清单记载为 ${manifest.trail.entries} 条` });
  }
  if (check.head !== trail.head) problems.push({ file, kind: 'trail', message: `审计记录末条哈希 ${check.head} 与其记载的链头 ${trail.head} 不符` });
  if (check.head !== manifest.trail.head) {
    problems.push({ file, kind: 'trail', message: `审计记录的链头 ${check.head} 与清单记载的链头 ${manifest.trail.head} 不符` });
  }
}

export function verifyDossier(zipBytes: Uint8Array, opts: VerifyDossierOptions = {}): DossierCheck {
  const problems: DossierProblem[] = [];
  const entries = readZip(zipBytes);
  if (Array.isArray(entries)) return { ok: false, manifest: null, signer: null, problems: entries };
  const manifestBytes = entries.get(MANIFEST_PATH);
  const manifest = readManifest(manifestBytes, problems);
  if (!manifest || !manifestBytes) return { ok: false, manifest: null, signer: null, problems };
  const signer = checkSignature(manifestBytes, entries.get(SIGNATURE_PATH), opts, problems);

  for (const f of manifest.files) {
    const bytes = entries.get(f.path);
    const what = `${FILE_ROLE_NAMES[f.role]}“${f.title ?? f.path}”`;
    if (!bytes) {
      problems.push({ file: f.path, kind: 'missing', message: `缺少清单所列的${what}` });
      continue;
    }
    const size = bytes.byteLength;
    const hash = sha256Hex(bytes);
    if (size !== f.size || hash !== f.sha256) {
      const detail = size !== f.size ? `大小为 ${size} 字节，清单记载为 ${f.size} 字节` : `大小相同，但 SHA-256 为 ${hash}，清单记载为 ${f.sha256}`;
      problems.push({ file: f.path, kind: 'changed', message: `${what}已被改动：${detail}（若文件本身无误，则是清单 ${MANIFEST_PATH} 中的记录被改动）` });
    }
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of [...entries.keys()].sort()) {
    if (name !== MANIFEST_PATH && name !== SIGNATURE_PATH && !listed.has(name)) problems.push({ file: name, kind: 'extra', message: '清单中没有此文件（多出的文件）' });
  }
  if (manifest.contentSha256 && sha256Hex(strToU8(contentDigestInput(manifest.files))) !== manifest.contentSha256) {
    problems.push({ file: MANIFEST_PATH, kind: 'manifest', message: '清单记载的卷内文件摘要（备考表上印的 SHA-256）与所列文件不符' });
  }
  checkTrail(manifest, entries, problems);
  return { ok: problems.length === 0, manifest, signer, problems };
}
