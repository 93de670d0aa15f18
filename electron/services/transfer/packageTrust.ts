// What an import takes on trust from a package, and what it checks (ARCHITECTURE.md §8): the
// package must be signed by this workstation or a registered, unrevoked one; each case's trail
// must recompute to the head it claims; and the entries and rows that would be new here — an
// approval, an issued document, a state change — must be the work of a user the signing
// workstation says it has (an approval of a section head there), so a section head "of the same
// name" made on some other machine is not believed.
import type { Db } from '../db/open';
import { verifyAuditChain, type AuditEntry } from '../audit/auditLog';
import { trustOf } from '../signing/registeredKeys';
import { verifySignature } from '../signing/workstationKey';
import { formatFingerprint } from '../../../shared/security/fingerprint';
import type { CaseDump, PackageUser, RowDump, TableDump, TransferManifest } from '../../../shared/transfer/package';
import { AUDIT_ACTION_NAMES, trailTime } from '../../../shared/dossier/trailSheet';

/** Raised with a Chinese message when a package cannot be trusted. */
export class PackageUntrusted extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageUntrusted';
  }
}

export interface PackageSigner {
  name: string;
  fingerprint: string;
  own: boolean;
}

/** Checks the detached signature of transfer.json and that its key is trusted here. */
export function checkPackageSignature(db: Db, manifest: TransferManifest, manifestBytes: Uint8Array, signature: string | null): PackageSigner {
  const claimed = `“${manifest.workstation.name}”`;
  if (!signature) throw new PackageUntrusted(`交换包没有数字签名（缺少 transfer.sig），无法确认来源，已拒绝导入`);
  if (!verifySignature(manifest.workstation.publicKey, manifestBytes, signature.trim())) {
    throw new PackageUntrusted(`交换包的数字签名无效：清单 transfer.json 在签名后被改动，或签名不是工作站${claimed}所签，已拒绝导入`);
  }
  const trust = trustOf(db, manifest.workstation);
  const fp = formatFingerprint(trust.fingerprint);
  if (!trust.trusted) {
    if (trust.reason === 'revoked') throw new PackageUntrusted(`交换包由已吊销的工作站${claimed}签署（公钥指纹 ${fp}，于 ${trust.revokedAt?.slice(0, 10)} 吊销），已拒绝导入`);
    throw new PackageUntrusted(`交换包由未登记的工作站${claimed}签署（公钥指纹 ${fp}），已拒绝导入。如确为本单位的工作站，请先在“设置 → 工作站与签名”中登记其公钥，并与该工作站电话核对指纹`);
  }
  return { name: trust.name, fingerprint: trust.fingerprint, own: trust.own };
}

/** Entries recomputed from the first: the dump's chain must link up and end at the head it claims. */
export function checkIncomingChain(d: CaseDump, manifestHead: string): void {
  const entries: AuditEntry[] = d.trail.map((e, i) => ({ ...e, id: i + 1 }));
  const check = verifyAuditChain(entries);
  if (!check.ok) throw new PackageUntrusted(`交换包中案件 ${d.number} 的审计记录哈希链不成立：${check.reason}，已拒绝导入`);
  if (d.trail.length > 0 && (check.head !== d.head || d.head !== manifestHead)) {
    throw new PackageUntrusted(`交换包中案件 ${d.number} 的审计记录链头与清单记载不符，已拒绝导入`);
  }
}

/** Actions that need a known actor of the sending workstation; an approval needs its section head. */
const GUARDED = (action: string) => action.startsWith('approval.') || action === 'document.issue' || action === 'document.correct' || action === 'case.transition' || action === 'case.archive';

interface Who {
  users: PackageUser[];
  defaultActor: string;
  signer: string;
}

function userOf(w: Who, name: string): PackageUser | undefined {
  const n = name.toLowerCase();
  return w.users.find((u) => u.username.toLowerCase() === n);
}

function actorProblem(w: Who, actor: string, approval: boolean): string | null {
  const u = userOf(w, actor);
  if (approval) {
    if (!u) return `“${actor}”不是发送工作站${w.signer}的用户`;
    if (u.role !== 'section-head') return `“${actor}”在发送工作站${w.signer}不是科室负责人`;
    return null;
  }
  if (u || actor === w.defaultActor) return null;
  return `“${actor}”不是发送工作站${w.signer}的用户`;
}

const cell = (t: TableDump, r: RowDump, column: string) => r.values[t.columns.indexOf(column)];

/**
 * Refuses a case whose new trail entries (from `fromEntry` on) or new rows (keys not in `localKeys`)
 * record an approval, an issue or a state change by someone the sending workstation does not know.
 */
export function checkActors(manifest: TransferManifest, signerName: string, d: CaseDump, fromEntry: number, localKeys: (table: string) => Set<string>): void {
  const w: Who = { users: manifest.users, defaultActor: manifest.defaultActor, signer: `“${signerName}”` };
  const refuse = (what: string, why: string) => {
    throw new PackageUntrusted(`交换包中案件 ${d.number} 的${what}不可信：${why}，已拒绝导入`);
  };
  for (const e of d.trail.slice(fromEntry)) {
    if (!GUARDED(e.action)) continue;
    const why = actorProblem(w, e.actor, e.action.startsWith('approval.'));
    if (why) refuse(`${trailTime(e.at)}“${AUDIT_ACTION_NAMES[e.action] ?? e.action}”记录`, why);
  }
  const rowChecks: [table: string, column: string, what: string, approval: boolean][] = [
    ['approvals', 'approved_by', '审核记录', true],
    ['case_transitions', 'by', '状态变更记录', false],
    ['documents', 'issued_by', '文书签发记录', false],
  ];
  for (const [table, column, what, approval] of rowChecks) {
    const t = d.tables[table];
    if (!t || !t.columns.includes(column)) continue;
    const known = localKeys(table);
    for (const r of t.rows) {
      if (known.has(r.key)) continue;
      const actor = cell(t, r, column);
      if (typeof actor !== 'string') continue;
      const why = actorProblem(w, actor, approval);
      if (why) refuse(what, why);
    }
  }
}
