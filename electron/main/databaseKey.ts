// The database key in the app (ARCHITECTURE.md §8): kept by the OS keychain through safeStorage
// when one is really there — a random 32-byte key, stored encrypted in <data>/jihe.key — and
// otherwise (Linux's plain-text fallback 'basic_text', no keychain) derived from a passphrase the
// user types in a small window before the main UI (unlock.ts), or JIHE_PASSPHRASE when set.
// Electron 39's safeStorage offers only the synchronous calls; they run once at start.
import { safeStorage } from 'electron';
import { keyStorageOf, newRandomKey, readKeychainFile, writeKeychainFile, type DbKey } from '../services/db/dbKey';

/** safeStorage with a real keychain behind it (not Linux's hard-coded basic_text key). */
export function keychainUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/** The keychain-kept key of this data folder (made on first start), or null when the folder uses a passphrase. */
export function keyFromKeychain(dataDir: string): DbKey | null {
  const storage = keyStorageOf(dataDir);
  if (storage === 'passphrase') return null;
  if (storage === 'keychain') {
    if (!keychainUsable()) {
      throw new Error('此数据文件夹的数据库密钥保存在系统钥匙串中，但钥匙串现在不可用（例如换了系统用户或桌面环境）。请在原来的系统用户下启动；钥匙串丢失时只能从有口令的备份恢复。');
    }
    const key = Buffer.from(safeStorage.decryptString(readKeychainFile(dataDir)!), 'hex');
    if (key.length !== 32) throw new Error('系统钥匙串中的数据库密钥已损坏');
    return key;
  }
  if (!keychainUsable()) return null;
  const key = newRandomKey();
  writeKeychainFile(dataDir, safeStorage.encryptString(key.toString('hex')));
  return key;
}
