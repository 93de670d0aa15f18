// A separate process for the kill tests (transfer-kill.test.ts): imports a transfer package into a
// data folder, or exports a case from one, printing progress so the test can SIGKILL it mid-way.
//   tsx transfer-child.ts import DATA_DIR PACKAGE.zip
//   tsx transfer-child.ts export DATA_DIR CASE_ID OUT.zip   (written to OUT.zip.part, then renamed)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importPackage } from '../../electron/services/transfer/importPackage';
import { exportCases } from '../../electron/services/transfer/exportCases';
import { openTestDatabase } from './db-helpers';

const [mode, dataDir, arg, out] = process.argv.slice(2);
const db = openTestDatabase(path.join(dataDir!, 'jihe.sqlite'));
if (mode === 'import') {
  process.stdout.write('start\n');
  const r = importPackage(db, new Uint8Array(readFileSync(arg!)), { actor: 'child', onRows: (n) => process.stdout.write(`rows ${n}\n`) });
  process.stdout.write(`done ${JSON.stringify(r)}\n`);
} else if (mode === 'export') {
  process.stdout.write('start\n');
  const { zip } = exportCases(db, [Number(arg)], { actor: 'child' });
  writeFileSync(`${out}.part`, zip);
  renameSync(`${out}.part`, out!);
  process.stdout.write('done\n');
}
db.close();
