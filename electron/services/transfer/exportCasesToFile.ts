// A transfer package written to a file (from the command line, a scripted hand-over, the kill
// tests): the package of exportCases, written atomically (fsPrivate.writePrivateFile: a temporary
// name, fsync, rename), so a crash or a kill mid-write never leaves a partial package under its
// name and a package already there stays whole. The export's entry in the workstation's audit
// chain commits only with the file on disk: a failed or killed write records no export.
import type { Db } from '../db/open';
import { writePrivateFile, type AtomicWriteOptions } from '../fsPrivate';
import { exportCases, type ExportCasesOptions } from './exportCases';

export function exportCasesToFile(db: Db, caseIds: readonly number[], file: string, opts: ExportCasesOptions & AtomicWriteOptions): { cases: { number: string; uuid: string }[]; bytes: number } {
  const write: AtomicWriteOptions = {};
  if (opts.chunkBytes !== undefined) write.chunkBytes = opts.chunkBytes;
  if (opts.onProgress) write.onProgress = opts.onProgress;
  return db.transaction(() => {
    const { zip, cases } = exportCases(db, caseIds, opts);
    writePrivateFile(file, zip, write);
    return { cases, bytes: zip.byteLength };
  })();
}
