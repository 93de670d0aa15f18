// Killing the process in the middle of a transfer import or export leaves the database consistent
// (issue 5): a child process imports a big generated package (120,000 payroll rows) into a data
// folder and is killed with SIGKILL after its first progress report; reopened, the database passes
// integrity_check and holds no row of the package (no case, file, line, UUID or trail entry), and
// the same package then imports completely. A child exporting the big case is killed too: the
// source database is unchanged and intact, and no partial package is left under the final name.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { storeImport } from '../../electron/services/db/storeImport';
import { exportCases } from '../../electron/services/transfer/exportCases';
import { importPackage } from '../../electron/services/transfer/importPackage';
import { workstationKey } from '../../electron/services/signing/workstationKey';
import { insertRegisteredKey } from '../../electron/services/signing/registeredKeys';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import { openTestDatabase, createCase, META, openSeeded, payrollLines, ROOT, tableCounts, tempDir } from './db-helpers';

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'];
const CHILD = path.join(ROOT, 'test/integration/transfer-child.ts');

/** Runs the child until it prints a line matching `killAt`, then SIGKILLs it; resolves with its output. */
function runAndKill(args: string[], killAt: RegExp): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as its loader: the bin/tsx wrapper would run the script in a grandchild the kill misses
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (!killed && killAt.test(out)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve({ killed: true, out }) : code === 0 ? resolve({ killed: false, out }) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('a killed transfer leaves the database consistent', () => {
  const tmp = tempDir('jihe-transfer-kill-');
  const office = path.join(tmp.dir, 'office');
  const laptop = path.join(tmp.dir, 'laptop');
  const pkgFile = path.join(tmp.dir, 'big.zip');
  let source: Db;
  let caseId: number;

  beforeAll(() => {
    mkdirSync(office);
    mkdirSync(laptop);
    source = openSeeded(office);
  });
  afterAll(() => {
    source?.close();
    tmp.cleanup();
  });

  it('an import killed mid-way leaves nothing of the package; the same package then imports whole', async () => {
    ({ caseId } = createCase(source));
    const lines = payrollLines(10_000, MONTHS);
    storeImport(source, { caseId, kind: 'payroll', fileName: '大型工资表.xlsx', bytes: new Uint8Array([1, 2, 3, 4]), sha256: 'a'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: lines, declarations: [] }, META);
    writeFileSync(pkgFile, exportCases(source, [caseId], { actor: 'office' }).zip);

    const target = openTestDatabase(path.join(laptop, 'jihe.sqlite'));
    // the laptop trusts the office's key (a package from an unregistered workstation is refused)
    const officeKey = workstationKey(source);
    target.transaction(() => insertRegisteredKey(target, { workstationId: officeKey.id, name: '科室', publicKey: officeKey.publicKey, range: null }, META))();
    workstationKey(target); // its own key exists before the import (made on first need otherwise)
    const before = tableCounts(target);
    target.close();
    const run = await runAndKill(['import', laptop, pkgFile], /^rows \d+$/m);
    expect(run.killed, run.out).toBe(true);
    expect(run.out).not.toContain('done');

    const db = openTestDatabase(path.join(laptop, 'jihe.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tableCounts(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM payroll_lines').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'transfer.import'").get()).toEqual({ n: 0 });
    // nothing half-done: the whole package imports now, every row once
    // the killed process is gone: nothing changes behind our back while we look
    await new Promise((r) => setTimeout(r, 1500));
    expect(tableCounts(db)).toEqual(before);
    const r = importPackage(db, new Uint8Array(readFileSync(pkgFile)), { actor: 'laptop' });
    expect(r.created, JSON.stringify(r)).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM payroll_lines').get()).toEqual({ n: lines.length });
    const id = db.prepare('SELECT id FROM cases').get() as { id: number };
    expect(verifyAuditChain(listAudit(db, id.id)).ok).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 240_000);

  it('an export killed mid-write changes nothing in the source, leaves no partial package under its name and the previous package whole', async () => {
    const out = path.join(tmp.dir, 'export.zip');
    const previous = readFileSync(pkgFile);
    writeFileSync(out, previous); // an earlier package under the same name
    const before = tableCounts(source);
    const head = listAudit(source, caseId).at(-1)!.hash;
    const run = await runAndKill(['export', office, String(caseId), out], /^written \d+$/m);
    expect(run.killed, run.out).toBe(true);
    expect(run.out).not.toContain('done');
    // the kill landed after the first 64 KiB reached the temporary file, before the rename
    expect(statSync(`${out}.partial`).size).toBeGreaterThanOrEqual(64 * 1024);
    expect(readFileSync(out).equals(previous)).toBe(true);
    const db = openTestDatabase(path.join(office, 'jihe.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tableCounts(db)).toEqual(before);
    expect(listAudit(db, caseId).at(-1)!.hash).toBe(head);
    expect(verifyAuditChain(listAudit(db, null)).ok).toBe(true);
    db.close();
  }, 240_000);
});
