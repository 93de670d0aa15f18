// A file sealed with a passphrase (ARCHITECTURE.md §8): transfer packages travel laptop → office
// on USB sticks, so they are encrypted and authenticated with a passphrase both sides type
// (JIHE_PASSPHRASE on the command line and in tests), not with either workstation's own key.
// One file: magic "JIHESEAL", version, scrypt cost and salt, AES-256-GCM nonce, ciphertext, tag.
// The header is authenticated too (GCM additional data), so no byte can be changed unnoticed.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KDF_COST_ENV, scryptKey } from '../db/dbKey';

export const SEAL_MAGIC = Buffer.from('JIHESEAL', 'latin1');
const VERSION = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** magic 8 + version 1 + logN 1 + r 1 + p 1 + salt 16 + nonce 12 */
const HEADER_BYTES = SEAL_MAGIC.length + 4 + SALT_BYTES + NONCE_BYTES;
const DEFAULT_LOG_N = 15;

export class SealRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealRefused';
  }
}

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.byteLength >= SEAL_MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, SEAL_MAGIC.length).equals(SEAL_MAGIC);
}

function costForNewFiles(): number {
  const v = Number(process.env[KDF_COST_ENV]);
  return Number.isInteger(v) && v >= 10 && v <= 22 ? v : DEFAULT_LOG_N;
}

export function seal(plain: Uint8Array, passphrase: string): Buffer {
  if (!passphrase) throw new SealRefused('加密需要口令');
  const logN = costForNewFiles();
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const header = Buffer.concat([SEAL_MAGIC, Buffer.from([VERSION, logN, 8, 1]), salt, nonce]);
  const cipher = createCipheriv('aes-256-gcm', scryptKey(passphrase, salt, { logN, r: 8, p: 1 }), nonce);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** The plain bytes, or a Chinese refusal: `what` names the file ("交换包 x.jhpkg"). */
export function unseal(sealed: Uint8Array, passphrase: string, what = '文件'): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (!isSealed(bytes)) throw new SealRefused(`${what}不是本系统加密的文件（缺少文件头 JIHESEAL）`);
  if (bytes.length < HEADER_BYTES + TAG_BYTES) throw new SealRefused(`${what}不完整（文件被截断）`);
  const version = bytes[8]!;
  if (version !== VERSION) throw new SealRefused(`${what}的格式版本 ${version} 不受本程序支持`);
  const [logN, r, p] = [bytes[9]!, bytes[10]!, bytes[11]!];
  if (logN < 10 || logN > 22 || r < 1 || r > 32 || p < 1 || p > 16) throw new SealRefused(`${what}的文件头已损坏`);
  if (!passphrase) throw new SealRefused(`打开${what}需要口令`);
  const salt = bytes.subarray(12, 12 + SALT_BYTES);
  const nonce = bytes.subarray(12 + SALT_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', scryptKey(passphrase, salt, { logN, r, p }), nonce);
  decipher.setAAD(bytes.subarray(0, HEADER_BYTES));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealRefused(`${what}无法解密：口令不正确，或文件已损坏、被改动`);
  }
}
