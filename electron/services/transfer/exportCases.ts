// Writes the transfer package of some cases (shared/transfer/package.ts). Reading only: each case
// is dumped in its own read transaction; the export is recorded in the workstation's own audit
// chain, never in the cases' chains (an entry there would make the package stale at once and
// turn the laptop's later edits into a conflict). The manifest names this workstation and its users
// and is signed with the workstation's key (transfer.sig), so the receiver can tell who sent it.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { appendAudit } from '../audit/auditLog';
import { TRANSFER_FORMAT, TRANSFER_MANIFEST, TRANSFER_SIGNATURE, TRANSFER_VERSION, type PackageUser, type TransferManifest } from '../../../shared/transfer/package';
import { dumpCase, type Blobs } from './dumpCase';
import { signBytes, signerOf, workstationKey } from '../signing/workstationKey';
import { ownNumberRange } from '../db/repos/numbering';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface ExportCasesOptions {
  actor: string;
  /** Who acts here while there are no accounts (the OS user), so the receiver knows that name too. */
  defaultActor?: string;
  now?: Date;
}

function workstationUsers(db: Db): PackageUser[] {
  const rows = db.prepare('SELECT username, display_name, role, active FROM users ORDER BY id').all() as { username: string; display_name: string; role: string; active: number }[];
  return rows.map((r) => ({ username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1 }));
}

export function exportCases(db: Db, caseIds: readonly number[], opts: ExportCasesOptions): { zip: Uint8Array; cases: { number: string; uuid: string }[] } {
  const at = (opts.now ?? new Date()).toISOString();
  const blobs: Blobs = new Map();
  const entries: Zippable = {};
  const files: TransferManifest['files'] = [];
  const cases: TransferManifest['cases'] = [];
  for (const id of [...new Set(caseIds)]) {
    const dump = dumpCase(db, id, blobs);
    const path = `cases/${dump.uuid}.json`;
    const bytes = strToU8(JSON.stringify(dump));
    entries[path] = [bytes, { level: 1 }];
    files.push({ path, sha256: sha(bytes), size: bytes.byteLength });
    const employerName = String(dump.employer.rows[0]?.values[dump.employer.columns.indexOf('name')] ?? '');
    cases.push({ uuid: dump.uuid, number: dump.number, employerName, head: dump.head, path });
  }
  for (const [h, bytes] of blobs) {
    const path = `blobs/${h}`;
    entries[path] = [bytes, { level: 0 }];
    files.push({ path, sha256: h, size: bytes.byteLength });
  }
  const key = workstationKey(db);
  const manifest: TransferManifest = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: at,
    exportedBy: opts.actor,
    workstation: signerOf(key),
    users: workstationUsers(db),
    defaultActor: opts.defaultActor ?? opts.actor,
    numberRange: ownNumberRange(db),
    cases,
    files,
  };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  entries[TRANSFER_MANIFEST] = [manifestBytes, { level: 6 }];
  entries[TRANSFER_SIGNATURE] = [strToU8(signBytes(key, manifestBytes)), { level: 0 }];
  const zip = zipSync(entries);
  db.transaction(() => appendAudit(db, { actor: opts.actor, at, caseId: null, action: 'transfer.export', detail: { cases: cases.map((c) => ({ number: c.number, uuid: c.uuid, head: c.head })) } }))();
  return { zip, cases: cases.map((c) => ({ number: c.number, uuid: c.uuid })) };
}
