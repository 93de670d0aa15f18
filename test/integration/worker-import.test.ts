// The import in a worker thread (parseInWorker.ts, importWorker.ts): the same rows and report as
// the in-process importer, progress through the worker port, cancel that stops the worker and
// stores nothing, and the SHA-256 duplicate refusal on the worker + streaming path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSpreadsheet } from '../../electron/services/import/index';
import { runImportJob, type ImportJobData } from '../../electron/services/jobs/importJob';
import { parseInWorker, workerImportAvailable } from '../../electron/services/jobs/parseInWorker';
import { createJobRunner } from '../../electron/services/jobs/runner';
import type { Db } from '../../electron/services/db/open';
import { monthRange } from '../../shared/rules/month';
import { generateEmployer } from '../fixtures/employer';
import { writeDeclarations, writePayroll } from '../fixtures/employerFiles';
import { createCase, META, openSeeded, tempDir } from './db-helpers';

const small = generateEmployer(31, { persons: 40, months: monthRange('2024-01', '2024-06') });
// The mid-size file of the brief: 2,000 persons × 12 months.
const mid = generateEmployer(2000, { persons: 2000, months: monthRange('2024-01', '2024-12') });
const midBytes = writePayroll(mid, { title: true, totals: true }, 'xlsx');

const counts = (db: Db) => ({
  files: (db.prepare('SELECT COUNT(*) AS n FROM source_files').get() as { n: number }).n,
  payroll: (db.prepare('SELECT COUNT(*) AS n FROM payroll_lines').get() as { n: number }).n,
});

describe('parse in a worker thread', () => {
  it('has a worker entry when running from source', () => {
    expect(workerImportAvailable()).toBe(true);
  });

  it.each([
    ['messy payroll xlsx', () => writePayroll(small, { title: true, headers: 'synonyms', ids: 'messy', amounts: 'text', months: 'mixed', totals: true, twoRowHeader: true }, 'xlsx'), 'payroll' as const],
    ['GB18030 declarations CSV', () => writeDeclarations(small, { title: true, ids: 'messy', insuranceNames: 'varied' }, 'csv-gb18030'), 'declaration' as const],
  ])('%s: same lines and report as in-process', async (_label, make, kind) => {
    const bytes = make();
    const inProcess = await importSpreadsheet({ bytes, fileName: '单位文件', kind });
    const inWorker = await parseInWorker({ bytes, fileName: '单位文件', kind });
    expect(inProcess.report.rowsTaken).toBeGreaterThan(0);
    expect(inWorker).toEqual(inProcess);
  });

  it('reports progress more than once on a 2,000 × 12 workbook and gives every row', async () => {
    const seen: number[] = [];
    const r = await parseInWorker({ bytes: midBytes, fileName: '工资表.xlsx', kind: 'payroll', onProgress: (f) => seen.push(f) });
    expect(r.payroll.length).toBe(mid.payrollRows.length);
    expect(r.payroll.reduce((s, l) => s + l.grossFen, 0)).toBe(mid.payrollRows.reduce((s, x) => s + x.grossFen, 0));
    const between = new Set(seen.filter((f) => f > 0 && f < 1));
    expect(between.size).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('a file the importer refuses comes back from the worker as a report with the file error', async () => {
    // Not a spreadsheet: the importer answers with a report (no exception) — the worker passes it on.
    const r = await parseInWorker({ bytes: new TextEncoder().encode('%PDF-1.7\n'), fileName: 'a.xlsx', kind: 'payroll' });
    expect(r.report.issues.some((i) => i.severity === 'error' && i.row === 0)).toBe(true);
  });
});

describe('import jobs through the worker', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir('jihe-worker-');
    db = openSeeded(tmp.dir);
    // The case's employer is the one the file's title names (another company's title is refused).
    caseId = createCase(db, undefined, mid.employerName).caseId;
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
    delete process.env.JIHE_XLSX_READER;
  });

  it('cancel during the parse stops the worker and stores nothing', async () => {
    const jobs = createJobRunner();
    const before = counts(db);
    let cancelled = false;
    const id = jobs.start<unknown, ImportJobData>('import:payroll', (ctx) =>
      runImportJob(
        {
          ...ctx,
          progress(fraction, message) {
            ctx.progress(fraction, message);
            // Cancel as soon as the worker has reported reading progress.
            if (!cancelled && fraction > 0.05) {
              cancelled = true;
              jobs.cancel(id);
            }
          },
        },
        db,
        { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: midBytes, leaveOutErrorRows: false, parseIn: 'worker' },
        () => META,
      ),
    );
    await jobs.settled(id);
    expect(cancelled).toBe(true);
    expect(jobs.get(id)).toMatchObject({ state: 'cancelled' });
    expect(counts(db)).toEqual(before);
  });

  it('the same big file imported twice through the worker and the streaming reader is refused by its SHA-256', async () => {
    process.env.JIHE_XLSX_READER = 'stream';
    const jobs = createJobRunner();
    const run = () =>
      jobs.start<unknown, ImportJobData>('import:payroll', (ctx) =>
        runImportJob(ctx, db, { caseId, kind: 'payroll', fileName: '工资表.xlsx', bytes: midBytes, leaveOutErrorRows: false, parseIn: 'worker' }, () => META),
      );
    const first = run();
    await jobs.settled(first);
    expect(jobs.get(first)).toMatchObject({ state: 'done', result: { rows: mid.payrollRows.length } });
    const stored = counts(db);
    expect(stored.payroll).toBe(mid.payrollRows.length);

    const second = jobs.start<unknown, ImportJobData>('import:payroll', (ctx) =>
      runImportJob(ctx, db, { caseId, kind: 'payroll', fileName: '工资表（副本）.xlsx', bytes: midBytes, leaveOutErrorRows: false, parseIn: 'worker' }, () => META),
    );
    await jobs.settled(second);
    expect(jobs.get(second)).toMatchObject({ state: 'failed' });
    expect(jobs.get(second)?.error).toMatch(/已导入/);
    expect(counts(db)).toEqual(stored);
  });
});
