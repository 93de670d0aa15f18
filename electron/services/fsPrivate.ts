// Files holding personal data or keys are the user's alone (ARCHITECTURE.md §8): files 0600,
// folders 0700, whatever the umask. Windows ignores the modes (its ACLs follow the profile folder).
import path from 'node:path';
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

export interface AtomicWriteOptions {
  /** Bytes per write (default 1 MiB); progress is reported after each. */
  chunkBytes?: number;
  /** Called after each chunk is written; a throw aborts the write (the temporary file is removed). */
  onProgress?: (written: number, total: number) => void;
}

/**
 * Writes a whole file 0600 atomically: into `FILE.partial`, fsync'd, then renamed over FILE (and
 * the folder fsync'd where the platform allows). A failure or a kill part-way never leaves a
 * partial file under the final name, and a file already there stays as it was; a failure in
 * this process also removes the temporary file (a killed process leaves it, and the next write
 * replaces it).
 */
export function writePrivateFile(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  const partial = `${file}.partial`;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const chunk = Math.max(1, opts.chunkBytes ?? 1 << 20);
  rmSync(partial, { force: true });
  const fd = openSync(partial, 'wx', PRIVATE_FILE_MODE);
  try {
    try {
      for (let at = 0; at < bytes.byteLength; ) {
        at += writeSync(fd, bytes, at, Math.min(chunk, bytes.byteLength - at));
        opts.onProgress?.(at, bytes.byteLength);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodPrivate(partial);
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  syncDir(path.dirname(file));
}

/** Makes a rename durable (POSIX); folders cannot be opened for fsync on Windows. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows, or a filesystem that refuses: the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
