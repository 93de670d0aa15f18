// Where the Electron-ABI build of better-sqlite3-multiple-ciphers lives. node_modules keeps the Node build for
// tests and the CLI; the Electron build sits beside it in .native/ (from source) or in the
// installer's resources/native/ (packaged), one folder per Electron version so an upgrade
// can never load a stale binary. scripts/native-electron.mjs writes to the same place.
import path from 'node:path';

export const NATIVE_MODULE_FILE = 'better_sqlite3.node';

export function nativeVersionDir(electronVersion: string): string {
  // "-mc": a leftover plain better-sqlite3 build (electron-<version>/) is never loaded.
  return `electron-${electronVersion}-mc`;
}

export function electronNativeBindingPath(where: {
  packaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath(): the project folder when running from source */
  appPath: string;
  /** process.versions.electron */
  electronVersion: string;
}): string {
  const base = where.packaged ? path.join(where.resourcesPath, 'native') : path.join(where.appPath, '.native');
  return path.join(base, nativeVersionDir(where.electronVersion), NATIVE_MODULE_FILE);
}
