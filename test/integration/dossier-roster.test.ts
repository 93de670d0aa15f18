// The roster (花名册) is an imported source file like the payroll and the declarations, though it
// lives in its own tables (migration 005): the dossier holds it byte-for-byte under role 'source'
// with its SHA-256 in the manifest and a line in the index, verification covers it, and a case
// transfer carries the roster file and every roster row to the other workstation losslessly and
// idempotently.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { canonicalJson } from '../../electron/services/audit/canonicalJson';
import { exportDossier, verifyDossier } from '../../electron/services/dossier/index';
import { sha256Hex } from '../../electron/services/dossier/sha256';
import { loadRosterLines } from '../../electron/services/db/repos/roster';
import { dumpCase } from '../../electron/services/transfer/dumpCase';
import { idOfUuid } from '../../electron/services/transfer/schemaMap';
import { MANIFEST_PATH, ManifestSchema } from '../../shared/dossier/manifest';
import type { TransferImportResult } from '../../shared/api/dto/archive';
import type { Case, JobStatus, SourceFile } from '../../shared/api/dto';
import { serialise } from '../fixtures/employerFiles';
import { buildRosterSheets, rosterFromEmployer } from '../fixtures/roster';
import { createTeam, employerData, importedCase, login, MONTHS, ok, useBackend } from './judgments-helpers';
import { tableCounts } from './db-helpers';
import { trustEachOther } from './signing-helpers';

const ROSTER_NAME = '员工花名册2024.xlsx';

/** A case with payroll, declarations and a roster imported through the backend's jobs (logged in as the auditor). */
async function caseWithRoster(b: Backend): Promise<{ c: Case; roster: Uint8Array; persons: number }> {
  await createTeam(b);
  await login(b, 'zhangming');
  const data = employerData();
  const c = await importedCase(b, data);
  const persons = rosterFromEmployer(data, { seed: 4, months: MONTHS, leftOff: 1, neverPaid: 2 });
  const roster = serialise(buildRosterSheets(persons, { title: true, headers: 'synonyms', dates: 'mixed' }), 'xlsx');
  const { jobId } = ok<{ jobId: string }>(await b.invoke('imports.start', { caseId: c.id, kind: 'roster', fileName: ROSTER_NAME, data: roster }));
  await b.jobSettled(jobId);
  const job = ok<JobStatus>(await b.invoke('jobs.get', { jobId }));
  expect(job.error ?? null).toBeNull();
  expect(job.state).toBe('done');
  return { c, roster, persons: persons.length };
}

describe('the roster in the dossier', () => {
  const env = useBackend('jihe-dossier-roster-');

  it('holds the roster byte-for-byte with its SHA-256, lists it in the index, and verification catches a changed byte', async () => {
    const b = env.backend;
    const { c, roster } = await caseWithRoster(b);
    const zip = await exportDossier(b.db, c.id, { actor: 'zhangming', now: new Date('2026-07-02T02:00:00Z') });
    expect(verifyDossier(zip).problems).toEqual([]);

    const files = unzipSync(zip);
    const m = ManifestSchema.parse(JSON.parse(strFromU8(files[MANIFEST_PATH]!)));
    const sources = m.files.filter((f) => f.role === 'source');
    expect(sources.map((f) => f.title)).toEqual(['工资表2024上半年.xlsx', '缴费申报明细.csv', ROSTER_NAME]);
    const entry = sources[2]!;
    expect(entry.path).toBe(`原始文件/03_花名册_${ROSTER_NAME}`);
    expect(entry).toMatchObject({ sha256: sha256Hex(roster), size: roster.byteLength });
    expect(Buffer.from(files[entry.path]!).equals(Buffer.from(roster))).toBe(true);
    // the stored file is the one that was imported (same SHA-256 as roster.files reports)
    const listed = ok<SourceFile[]>(await b.invoke('roster.files', { caseId: c.id }));
    expect(listed.map((f) => f.sha256)).toEqual([entry.sha256]);

    // the index (卷内文件目录) names it among the employer's files, after the declarations
    const indexText = execFileSync('pdftotext', ['-raw', '-', '-'], { input: files[m.files.find((f) => f.role === 'index')!.path]! })
      .toString('utf8')
      .replace(/\s+/g, '');
    const at = indexText.indexOf(`花名册（${ROSTER_NAME}）`);
    expect(at).toBeGreaterThan(indexText.indexOf('缴费申报明细（缴费申报明细.csv）'));
    expect(indexText.indexOf('缴费申报明细（缴费申报明细.csv）')).toBeGreaterThan(-1);

    // a flipped byte inside the roster is reported as that file's change
    const raw = new Uint8Array(zip);
    const offset = Buffer.from(raw).indexOf(Buffer.from(files[entry.path]!));
    expect(offset).toBeGreaterThan(0);
    raw[offset + 100] = raw[offset + 100]! ^ 0xff;
    expect(verifyDossier(raw).problems).toContainEqual(expect.objectContaining({ file: entry.path, kind: 'changed' }));
  }, 120_000);
});

describe('the roster in a case transfer', () => {
  const office = useBackend('jihe-roster-office-');
  let laptopDir: string;
  let laptop: Backend;
  beforeEach(() => {
    laptopDir = mkdtempSync(path.join(os.tmpdir(), 'jihe-roster-laptop-'));
    laptop = createBackend({ dataDir: laptopDir, runtime: 'harness', actor: 'laptop-user', now: () => new Date('2026-07-08T02:00:00Z') });
    trustEachOther(office.backend, laptop);
  });
  afterEach(() => {
    laptop.close();
    rmSync(laptopDir, { recursive: true, force: true });
  });

  it('carries the roster file and every roster row, losslessly and once', async () => {
    const b = office.backend;
    const { c, roster, persons } = await caseWithRoster(b);
    const dump = dumpCase(b.db, c.id);
    // the roster rows travel under their file, not left behind
    const rosterRows = dump.tables.roster_files!.rows;
    expect(rosterRows).toHaveLength(1);
    expect(rosterRows[0]!.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(rosterRows[0]!.children?.roster_lines?.rows).toHaveLength(persons);

    const pkg = ok<{ data: Uint8Array }>(await b.invoke('transfer.exportCases', { caseIds: [c.id] }));
    const first = ok<TransferImportResult>(await laptop.invoke('transfer.importPackage', { data: pkg.data }));
    expect(first).toMatchObject({ created: 1, conflicts: 0 });
    const onLaptop = idOfUuid(laptop.db, 'cases', dump.uuid)!;
    expect(canonicalJson(dumpCase(laptop.db, onLaptop))).toBe(canonicalJson(dump));

    // the same file bytes and the same rows (dates, contract, status, sheet and row) on the laptop
    const file = laptop.db.prepare('SELECT id, file_name, sha256, bytes FROM roster_files WHERE case_id = ?').all(onLaptop) as { id: number; file_name: string; sha256: string; bytes: Buffer }[];
    expect(file).toHaveLength(1);
    expect(file[0]).toMatchObject({ file_name: ROSTER_NAME, sha256: sha256Hex(roster) });
    expect(Buffer.from(file[0]!.bytes).equals(Buffer.from(roster))).toBe(true);
    const strip = (lines: ReturnType<typeof loadRosterLines>) => lines.map((l) => ({ ...l, source: { ...l.source, fileId: 0 } }));
    const officeLines = loadRosterLines(b.db, c.id);
    expect(officeLines).toHaveLength(persons);
    expect(strip(loadRosterLines(laptop.db, onLaptop))).toEqual(strip(officeLines));
    // the headcount comparison reads the same on both workstations
    await createTeam(laptop);
    await login(laptop, 'zhangming');
    expect(ok(await laptop.invoke('roster.headcount', { caseId: onLaptop }))).toEqual(ok(await b.invoke('roster.headcount', { caseId: c.id })));

    // again: nothing doubled (imported by the archivist: only a section head or an archivist takes a package in)
    await login(laptop, 'chenda');
    const counts = tableCounts(laptop.db);
    const again = ok<TransferImportResult>(await laptop.invoke('transfer.importPackage', { data: pkg.data }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, conflicts: 0 });
    const after = tableCounts(laptop.db);
    expect({ ...after, audit_log: 0 }).toEqual({ ...counts, audit_log: 0 });
    expect([after.roster_files, after.roster_lines]).toEqual([1, persons]);
  }, 240_000);
});
