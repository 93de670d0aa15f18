// The other workstations this one trusts (migration 009): the office registers each laptop's public
// key, with the number range it gave the laptop; a registration is revoked, never deleted. A
// package or dossier is trusted when it is signed by an active registered key or by our own.
import type Database from 'better-sqlite3-multiple-ciphers';
import { fingerprintOf, workstationKey, type SignerInfo } from './workstationKey';

export interface RegisteredKey {
  id: number;
  workstationId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  range: { start: number; end: number } | null;
  registeredAt: string;
  registeredBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

interface Row {
  id: number;
  workstation_id: string;
  name: string;
  public_key: string;
  fingerprint: string;
  range_start: number | null;
  range_end: number | null;
  registered_at: string;
  registered_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

const toKey = (r: Row): RegisteredKey => ({
  id: r.id,
  workstationId: r.workstation_id,
  name: r.name,
  publicKey: r.public_key,
  fingerprint: r.fingerprint,
  range: r.range_start !== null && r.range_end !== null ? { start: r.range_start, end: r.range_end } : null,
  registeredAt: r.registered_at,
  registeredBy: r.registered_by,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

export function listRegisteredKeys(db: Database.Database): RegisteredKey[] {
  return (db.prepare('SELECT * FROM workstation_keys ORDER BY id').all() as Row[]).map(toKey);
}

export function getRegisteredKey(db: Database.Database, id: number): RegisteredKey | null {
  const r = db.prepare('SELECT * FROM workstation_keys WHERE id = ?').get(id) as Row | undefined;
  return r ? toKey(r) : null;
}

export function registeredKeyByFingerprint(db: Database.Database, fingerprint: string): RegisteredKey | null {
  const r = db.prepare('SELECT * FROM workstation_keys WHERE fingerprint = ?').get(fingerprint) as Row | undefined;
  return r ? toKey(r) : null;
}

export interface NewRegistration {
  workstationId: string;
  name: string;
  publicKey: string;
  range: { start: number; end: number } | null;
}

export function insertRegisteredKey(db: Database.Database, k: NewRegistration, meta: { actor: string; at: string }): RegisteredKey {
  const info = db
    .prepare('INSERT INTO workstation_keys (workstation_id, name, public_key, fingerprint, range_start, range_end, registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(k.workstationId, k.name, k.publicKey, fingerprintOf(k.publicKey), k.range?.start ?? null, k.range?.end ?? null, meta.at, meta.actor);
  return getRegisteredKey(db, Number(info.lastInsertRowid))!;
}

export function revokeRegisteredKey(db: Database.Database, id: number, meta: { actor: string; at: string }): void {
  db.prepare('UPDATE workstation_keys SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(meta.at, meta.actor, id);
}

export type Trust = { trusted: true; own: boolean; name: string; fingerprint: string } | { trusted: false; reason: 'unknown' | 'revoked'; fingerprint: string; revokedAt?: string };

/** Whether a signer's key is ours or an active registration here (by the key itself, never its claimed fingerprint). */
export function trustOf(db: Database.Database, signer: Pick<SignerInfo, 'publicKey'>): Trust {
  const fingerprint = fingerprintOf(signer.publicKey);
  const own = workstationKey(db);
  if (own.fingerprint === fingerprint) return { trusted: true, own: true, name: own.name, fingerprint };
  const reg = registeredKeyByFingerprint(db, fingerprint);
  if (!reg) return { trusted: false, reason: 'unknown', fingerprint };
  if (reg.revokedAt) return { trusted: false, reason: 'revoked', fingerprint, revokedAt: reg.revokedAt };
  return { trusted: true, own: false, name: reg.name, fingerprint };
}
