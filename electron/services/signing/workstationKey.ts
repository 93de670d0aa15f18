// The workstation's own signing identity (ARCHITECTURE.md §8): an Ed25519 key pair made on first
// need, with a workstation id and a name. The private key lives in the settings table, i.e. inside
// the (encrypted) database, never in a plain file; its public half is what the office registers.
// Everything this workstation vouches for — transfer packages, dossiers, the audit-trail heads —
// is signed with it; the fingerprint (SHA-256 of the public key) is what people compare by phone.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { formatFingerprint } from '../../../shared/security/fingerprint';

export const SIGNING_KEY_SETTING = 'workstation.signingKey';

interface StoredKey {
  id: string;
  name: string;
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
  createdAt: string;
}

export interface WorkstationKey {
  id: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  createdAt: string;
  privateKey: KeyObject;
}

/** The public part of a signer, as carried in a package or a dossier. */
export interface SignerInfo {
  id: string;
  name: string;
  publicKey: string;
  fingerprint: string;
}

export function fingerprintOf(publicKeyB64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex');
}

export { formatFingerprint };

const cache = new WeakMap<Database.Database, WorkstationKey>();

function readStored(db: Database.Database): StoredKey | null {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(SIGNING_KEY_SETTING) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as StoredKey) : null;
}

function load(s: StoredKey): WorkstationKey {
  return {
    id: s.id,
    name: s.name,
    publicKey: s.publicKey,
    fingerprint: fingerprintOf(s.publicKey),
    createdAt: s.createdAt,
    privateKey: createPrivateKey({ key: Buffer.from(s.privateKey, 'base64'), format: 'der', type: 'pkcs8' }),
  };
}

/** This workstation's key, made (and stored) the first time it is needed. */
export function workstationKey(db: Database.Database, opts: { name?: string; at?: string } = {}): WorkstationKey {
  const cached = cache.get(db);
  if (cached) return cached;
  let stored = readStored(db);
  if (!stored) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const at = opts.at ?? new Date().toISOString();
    stored = {
      id: randomUUID(),
      name: opts.name ?? '本工作站',
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      createdAt: at,
    };
    db.prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)').run(SIGNING_KEY_SETTING, JSON.stringify(stored), at, 'system');
  }
  const key = load(stored);
  cache.set(db, key);
  return key;
}

/** Renames the workstation (the key stays the same). */
export function renameWorkstation(db: Database.Database, name: string, meta: { actor: string; at: string }): void {
  const k = workstationKey(db);
  const stored = readStored(db)!;
  db.prepare('UPDATE settings SET value = ?, updated_at = ?, updated_by = ? WHERE key = ?').run(JSON.stringify({ ...stored, name }), meta.at, meta.actor, SIGNING_KEY_SETTING);
  cache.set(db, { ...k, name });
}

/** Forgets the cached key of a connection (a restore replaced the database). */
export function forgetWorkstationKey(db: Database.Database): void {
  cache.delete(db);
}

export function signerOf(k: WorkstationKey): SignerInfo {
  return { id: k.id, name: k.name, publicKey: k.publicKey, fingerprint: k.fingerprint };
}

export function signBytes(k: WorkstationKey, bytes: Uint8Array | string): string {
  return sign(null, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, k.privateKey).toString('base64');
}

/** True when `signature` (base64) is `publicKey`'s signature of `bytes`; false for anything malformed. */
export function verifySignature(publicKeyB64: string, bytes: Uint8Array | string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyB64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
