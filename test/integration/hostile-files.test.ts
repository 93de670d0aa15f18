// Hostile files are bounded (issue 8 item 5, ARCHITECTURE.md §8): the three files that killed
// the process or ran for minutes at 4 GB — one cell in column XFD per row, a merge from A2 to
// XFD1048576, an .xls whose Dimensions record claims 1,048,576 × 256 — are refused with a Chinese
// message naming the file and the limit, through the real backend (preview, import, roster, the
// follow-up check's reader), each within seconds, and the whole run stays under 1 GB. A transfer
// package claiming a 2 GB entry is refused before inflating; a worker that exhausts its heap
// gives a Chinese message and the process lives on; an ordinary file still imports.
import { seal } from '../../electron/services/crypto/sealedFile';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { spreadsheetOffThread } from '../../electron/services/jobs/offThread';
import { parseInWorker, workerImportAvailable, WorkerRefusal } from '../../electron/services/jobs/parseInWorker';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, Employer, JobStatus, RatePlanSummary } from '../../shared/api/dto';
import type { ImportPreview } from '../../shared/api/dto/imports';
import { monthRange } from '../../shared/rules/month';
import { generateEmployer } from '../fixtures/employer';
import { serialise, writePayroll } from '../fixtures/employerFiles';
import { lyingDimensionsXls, mergeBombXlsx, xfdPerRowXlsx, zipClaimingSize } from '../fixtures/hostileFiles';
import { buildRosterSheets, rosterFromEmployer } from '../fixtures/roster';
import { tempDir } from './db-helpers';

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

const data = generateEmployer(8, { persons: 100, months: monthRange('2024-01', '2024-12') });
const HOSTILE = [
  ['XFD 列.xlsx', () => xfdPerRowXlsx(data), /文件“XFD 列\.xlsx”的工作表“工资表”第 1 行使用了第 16384 列（XFD），超过本程序支持的 256 列/],
  ['合并炸弹.xlsx', () => mergeBombXlsx(data), /文件“合并炸弹\.xlsx”的工作表“工资表”的合并单元格 A2:XFD1048576 超出本程序支持的范围/],
  ['虚报范围.xls', () => lyingDimensionsXls(data), /文件“虚报范围\.xls”的工作表“工资表”声明的数据范围为 A1:IV1048576（1,048,576 行，超过本程序支持的 65,536 行上限）/],
] as const;

/** "Within seconds": the unbounded readers took minutes on these files; generous for a loaded CI machine. */
const SECONDS = 30_000;

describe('hostile files are refused, bounded, off the main thread', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let caseId: number;

  beforeAll(async () => {
    tmp = tempDir('jihe-hostile-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '王稽核' });
    const employer = ok<Employer>(await backend.invoke('employers.create', { name: data.employerName, creditCode: '91110000600037341L' }));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = ok<Case>(await backend.invoke('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: plan.id, source: 'random' })).id;
  });
  afterAll(() => {
    backend.close();
    tmp.cleanup();
  });

  const fileCount = () => (backend.db.prepare('SELECT COUNT(*) AS n FROM source_files').get() as { n: number }).n;

  async function runImport(kind: 'payroll' | 'roster', fileName: string, bytes: Uint8Array): Promise<JobStatus> {
    const { jobId } = ok<{ jobId: string }>(await backend.invoke('imports.start', { caseId, kind, fileName, data: bytes, leaveOutErrorRows: false }));
    await backend.jobSettled(jobId);
    return ok<JobStatus>(await backend.invoke('jobs.get', { jobId }));
  }

  it('parses in the worker thread (the code path under test)', () => {
    expect(workerImportAvailable()).toBe(true);
  });

  it.each(HOSTILE)('%s: the preview (in the worker) and the import are refused with the limit named', async (fileName, make, message) => {
    const bytes = make();
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    let t = Date.now();
    const p = ok<ImportPreview>(await backend.invoke('imports.preview', { caseId, kind: 'payroll', fileName, data: bytes }));
    expect(Date.now() - t).toBeLessThan(SECONDS);
    expect(p.sheets).toEqual([]);
    expect(p.problem).toMatch(message);

    const before = fileCount();
    t = Date.now();
    const job = await runImport('payroll', fileName, bytes);
    expect(Date.now() - t).toBeLessThan(SECONDS);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(message);
    expect(job.report?.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['limit-exceeded']);
    expect(fileCount()).toBe(before);
  });

  it('a roster (花名册) and the follow-up check read through the same bounded reader', async () => {
    const roster = await runImport('roster', 'XFD 列.xlsx', xfdPerRowXlsx(data));
    expect(roster.state).toBe('failed');
    expect(roster.error).toMatch(/第 16384 列（XFD），超过本程序支持的 256 列/);
    // rectification.followUp parses with spreadsheetOffThread (a case must be concluded to reach it).
    const followUp = await spreadsheetOffThread({ bytes: mergeBombXlsx(data), fileName: '复查申报.xlsx', kind: 'declaration' });
    expect(followUp.report.issues.find((i) => i.severity === 'error')?.message).toMatch(/文件“复查申报\.xlsx”.*合并单元格 A2:XFD1048576/);
  });

  it('a transfer package whose entry claims 2 GB is refused before anything is inflated', async () => {
    const bytes = zipClaimingSize({ 'manifest.json': strToU8('{}'), 'cases/1.json': strToU8('{}') }, 2 ** 31);
    // sealed like every package (crypto/sealedFile.ts): the bound holds after the passphrase opened it
    const r = await backend.invoke('transfer.importPackage', { data: new Uint8Array(seal(bytes, process.env.JIHE_PASSPHRASE ?? '')) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/文件“案件交换包”解压后约 2,048 MB，超过本程序可一次读入的 1,024 MB 上限/);
  });

  it('a worker that runs out of its heap gives a Chinese message and the process lives on', async () => {
    const bytes = writePayroll(data, {}, 'xlsx');
    const err = await parseInWorker({ bytes, fileName: '工资表.xlsx', kind: 'payroll', heapMb: 16 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerRefusal);
    expect((err as Error).message).toMatch(/读取文件“工资表\.xlsx”所需的内存超过了本程序为读取文件设定的 16 MB 上限/);
    // This process is still here, and the next file is read as usual.
    const r = await parseInWorker({ bytes, fileName: '工资表.xlsx', kind: 'payroll' });
    expect(r.payroll.length).toBe(data.payrollRows.length);
  }, 120_000);

  it('an ordinary payroll and roster still import', async () => {
    const payroll = await runImport('payroll', '工资表.xlsx', writePayroll(data, { title: true, totals: true }, 'xlsx'));
    expect(payroll.state).toBe('done');
    expect(payroll.report?.rowsTaken).toBe(data.payrollRows.length);
    const roster = await runImport('roster', '花名册.xlsx', serialise(buildRosterSheets(rosterFromEmployer(data, { seed: 3, months: monthRange('2024-01', '2024-12') })), 'xlsx'));
    expect(roster.state).toBe('done');
  });

  it('the whole run stayed under 1 GB of memory', () => {
    // Peak resident set of this test process, the workers included.
    expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(1024);
  });
});
