// A separate process for the kill tests (transfer-kill.test.ts): imports a transfer package into a
// data folder, or exports a case from one, printing progress so the test can SIGKILL it mid-way.
//   tsx transfer-child.ts import DATA_DIR PACKAGE.zip
//   tsx transfer-child.ts export DATA_DIR CASE_ID OUT.zip   (the product's atomic export; after its
//     first chunk on disk it prints `written N` and waits, so the test's kill lands mid-write
//     without a timer racing the writer)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importPackage } from '../../electron/services/transfer/importPackage';
import { exportCasesToFile } from '../../electron/services/transfer/exportCasesToFile';
import { openTestDatabase } from './db-helpers';

const [mode, dataDir, arg, out] = process.argv.slice(2);
const db = openTestDatabase(path.join(dataDir!, 'jihe.sqlite'));
if (mode === 'import') {
  process.stdout.write('start\n');
  const r = importPackage(db, new Uint8Array(readFileSync(arg!)), { actor: 'child', onRows: (n) => process.stdout.write(`rows ${n}\n`) });
  process.stdout.write(`done ${JSON.stringify(r)}\n`);
} else if (mode === 'export') {
  process.stdout.write('start\n');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  exportCasesToFile(db, [Number(arg)], out!, {
    actor: 'child',
    chunkBytes: 64 * 1024,
    onProgress: (written, total) => {
      if (written >= total) return;
      process.stdout.write(`written ${written}\n`);
      Atomics.wait(pause, 0, 0, 120_000); // killed here by the test
    },
  });
  process.stdout.write('done\n');
}
db.close();
