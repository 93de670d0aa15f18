// The product's package export writes atomically (electron/services/fsPrivate.writePrivateFile via
// transfer/exportCasesToFile): a failure injected after the first chunk reached the disk leaves no
// partial file — neither under the final name nor the temporary one — and the package already
// under that name byte for byte as it was; the next export then replaces it whole.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { storeImport } from '../../electron/services/db/storeImport';
import { exportCasesToFile } from '../../electron/services/transfer/exportCasesToFile';
import { TRANSFER_MANIFEST } from '../../shared/transfer/package';
import { createCase, META, openSeeded, payrollLines, tempDir } from './db-helpers';

describe('atomic package export', () => {
  const tmp = tempDir('jihe-atomic-export-');
  const db = openSeeded(tmp.dir);
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('a failure mid-write leaves the previous package intact and no partial file; a clean export replaces it', () => {
    const { caseId } = createCase(db);
    const lines = payrollLines(400, ['2024-01', '2024-02', '2024-03']);
    storeImport(db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: new Uint8Array([1, 2, 3]), sha256: 'b'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: lines, declarations: [] }, META);
    const file = path.join(tmp.dir, '交换包.zip');
    const previous = Buffer.from('an earlier package, whole');
    writeFileSync(file, previous);

    const progress: number[] = [];
    expect(() =>
      exportCasesToFile(db, [caseId], file, {
        actor: '测试员甲',
        chunkBytes: 4096,
        onProgress: (written) => {
          progress.push(written);
          if (progress.length === 2) throw new Error('磁盘已满（注入的故障）');
        },
      }),
    ).toThrow('磁盘已满');
    expect(progress).toEqual([4096, 8192]); // the failure struck with two chunks on disk
    expect(readFileSync(file).equals(previous)).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const exportsRecorded = () => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'transfer.export'").get() as { n: number }).n;
    expect(exportsRecorded()).toBe(0); // a failed export is not recorded as sent

    const done = exportCasesToFile(db, [caseId], file, { actor: '测试员甲', chunkBytes: 4096 });
    const written = readFileSync(file);
    expect(written.byteLength).toBe(done.bytes);
    expect(done.bytes).toBeGreaterThan(8192);
    const manifest = JSON.parse(Buffer.from(unzipSync(new Uint8Array(written))[TRANSFER_MANIFEST]!).toString('utf8')) as { cases: unknown[] };
    expect(manifest.cases).toHaveLength(1);
    expect(exportsRecorded()).toBe(1);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });
});
