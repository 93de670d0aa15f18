// Files holding personal data or keys are the user's alone (ARCHITECTURE.md §8): files 0600,
// folders 0700, whatever the umask. Windows ignores the modes (its ACLs follow the profile folder).
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** mkdir -p, and the folder itself made 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodPrivate(dir, PRIVATE_DIR_MODE);
}

export function chmodPrivate(file: string, mode = PRIVATE_FILE_MODE): void {
  try {
    chmodSync(file, mode);
  } catch {
    // A file that vanished meanwhile (a -shm closed) or a filesystem without modes.
  }
}

/** Writes a whole file 0600 through a temporary name, so it is never seen half-written or world-readable. */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const fd = openSync(partial, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodPrivate(partial);
  renameSync(partial, file);
}

/** Overwrites a file with zeros, syncs, then deletes it (best effort on SSDs and copy-on-write filesystems). */
export function wipeFile(file: string): void {
  if (!existsSync(file)) return;
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(file, { force: true });
}
