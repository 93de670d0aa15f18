// Where the database key comes from (ARCHITECTURE.md §8). Two ways, chosen per data folder:
// - keychain: a random 32-byte key, stored in jihe.key encrypted by the OS keychain (Electron's
//   safeStorage, which only electron/main may call — it hands the bytes to and from this module);
// - passphrase: scrypt(passphrase, salt) with a random per-folder salt kept in jihe.keyinfo.json.
//   The passphrase itself is never stored. Scripts, CI, the harness and the CLI take it from
//   JIHE_PASSPHRASE; the Electron app asks for it when the keychain is unavailable.
// A wrong passphrase is not detected here: it derives a key that cannot read the database, and
// openDatabase says so in Chinese.
import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from '../fsPrivate';

export type DbKey = Buffer;

export const KEYINFO_FILE = 'jihe.keyinfo.json';
export const KEYCHAIN_FILE = 'jihe.key';
export const PASSPHRASE_ENV = 'JIHE_PASSPHRASE';
/** Cost of scrypt for NEW key files only (tests lower it; the cost used is stored per folder). */
export const KDF_COST_ENV = 'JIHE_KDF_LOG_N';
/** N = 2^15, r = 8: about 32 MB and 0.2 s per derivation (OWASP's minimum for scrypt is 2^17 with r = 8 at p = 1 for login passwords; a derivation happens once per start here). */
const DEFAULT_LOG_N = 15;
export const MIN_PASSPHRASE_LENGTH = 8;

const KeyInfoSchema = z.object({
  format: z.literal('jihe-keyinfo'),
  version: z.literal(1),
  kdf: z.object({ name: z.literal('scrypt'), salt: z.string().min(16), logN: z.number().int().min(10).max(22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16) }),
});
type KeyInfo = z.infer<typeof KeyInfoSchema>;

export class KeyUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyUnavailable';
  }
}

/** How this data folder keeps its key: 'new' when no database and no key file exist yet. */
export function keyStorageOf(dataDir: string): 'keychain' | 'passphrase' | 'new' {
  if (existsSync(path.join(dataDir, KEYCHAIN_FILE))) return 'keychain';
  if (existsSync(path.join(dataDir, KEYINFO_FILE))) return 'passphrase';
  return 'new';
}

/** JIHE_PASSPHRASE, or a Chinese refusal naming what needs it. */
export function passphraseFromEnv(what = '打开加密的数据库'): string {
  const value = process.env[PASSPHRASE_ENV];
  if (!value) {
    throw new KeyUnavailable(`${what}需要口令：请设置环境变量 ${PASSPHRASE_ENV}（数据库、备份和交换包均已加密）。\nA passphrase is needed: set ${PASSPHRASE_ENV}.`);
  }
  return value;
}

function logNForNewFolders(): number {
  const v = Number(process.env[KDF_COST_ENV]);
  return Number.isInteger(v) && v >= 10 && v <= 22 ? v : DEFAULT_LOG_N;
}

const derived = new Map<string, Buffer>();

/** scrypt with an in-process cache per (passphrase, salt, cost): a reopen (restore, tests) costs nothing. */
export function scryptKey(passphrase: string, salt: Buffer, cost: { logN: number; r: number; p: number }): Buffer {
  const id = `${cost.logN}:${cost.r}:${cost.p}:${salt.toString('base64')}:${passphrase}`;
  let key = derived.get(id);
  if (!key) {
    key = scryptSync(passphrase.normalize('NFC'), salt, 32, { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: 256 * 2 ** cost.logN * cost.r + 16 * 2 ** 20 });
    derived.set(id, key);
  }
  return Buffer.from(key);
}

function readKeyInfo(file: string): KeyInfo {
  let parsed;
  try {
    parsed = KeyInfoSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new KeyUnavailable(`密钥参数文件 ${path.basename(file)} 无法读取（${(e as Error).message}）`);
  }
  if (!parsed.success) throw new KeyUnavailable(`密钥参数文件 ${path.basename(file)} 格式有误`);
  return parsed.data;
}

/** The key of the folder's database from its passphrase; creates jihe.keyinfo.json (0600) for a new folder. */
export function databaseKeyFromPassphrase(dataDir: string, passphrase: string): DbKey {
  if (!passphrase) throw new KeyUnavailable('口令不能为空');
  const file = path.join(dataDir, KEYINFO_FILE);
  let info: KeyInfo;
  if (existsSync(file)) {
    info = readKeyInfo(file);
  } else {
    if (existsSync(path.join(dataDir, KEYCHAIN_FILE))) throw new KeyUnavailable('此数据文件夹的密钥保存在系统钥匙串中，不能用口令打开');
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new KeyUnavailable(`口令至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符`);
    info = { format: 'jihe-keyinfo', version: 1, kdf: { name: 'scrypt', salt: randomBytes(16).toString('base64'), logN: logNForNewFolders(), r: 8, p: 1 } };
    writePrivateFile(file, JSON.stringify(info, null, 2));
  }
  return scryptKey(passphrase, Buffer.from(info.kdf.salt, 'base64'), info.kdf);
}

/** databaseKeyFromPassphrase with JIHE_PASSPHRASE (scripts, CI, tests, the CLI and the harness). */
export function databaseKeyFromEnv(dataDir: string): DbKey {
  return databaseKeyFromPassphrase(dataDir, passphraseFromEnv());
}

/** A fresh random key for a folder kept by the keychain. */
export function newRandomKey(): DbKey {
  return randomBytes(32);
}

/** jihe.key: the key as the keychain encrypted it (electron/main decrypts it with safeStorage). */
export function readKeychainFile(dataDir: string): Buffer | null {
  const file = path.join(dataDir, KEYCHAIN_FILE);
  return existsSync(file) ? readFileSync(file) : null;
}

export function writeKeychainFile(dataDir: string, encrypted: Buffer): void {
  writePrivateFile(path.join(dataDir, KEYCHAIN_FILE), encrypted);
}
