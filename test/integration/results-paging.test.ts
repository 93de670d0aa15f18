// results.compute pages its per-person rows (rowsLimit/rowsOffset/personFilter): the screens ask
// for one page of a big case instead of every row. A generated 3,000-person × 36-month employer
// goes in through imports.start like the app's files; a page must be exactly the matching slice
// of the full, unpaged result, with rowsTotal saying how many there are, and the case totals
// unchanged by paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, ComputeResultDto, Employer, JobStatus, RatePlanSummary } from '../../shared/api/dto';
import { monthRange } from '../../shared/rules/month';
import { generateEmployer } from '../fixtures/employer';
import { writeDeclarations, writePayroll } from '../fixtures/employerFiles';
import { tempDir } from './db-helpers';

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

const MONTHS = monthRange('2023-01', '2025-12');
const AS_OF = '2026-07-01';

describe('results.compute paging on a 3,000 × 36 case', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let caseId = 0;
  let full: ComputeResultDto;

  async function importFile(kind: 'payroll' | 'declaration', fileName: string, data: Uint8Array): Promise<void> {
    const { jobId } = ok<{ jobId: string }>(await backend.invoke('imports.start', { caseId, kind, fileName, data }));
    await backend.jobSettled(jobId);
    const s = ok<JobStatus>(await backend.invoke('jobs.get', { jobId }));
    expect(s.state, s.error ?? '').toBe('done');
  }

  const compute = async (extra: Record<string, unknown>) => ok<ComputeResultDto>(await backend.invoke('results.compute', { caseId, asOf: AS_OF, ...extra }));

  beforeAll(async () => {
    tmp = tempDir('jihe-paging-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '张明', now: () => new Date('2026-07-01T02:00:00Z') });
    const employer = ok<Employer>(await backend.invoke('employers.create', { name: '恒通物流有限公司', creditCode: '91110000600037341L' }));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name.startsWith('示例地区 2023–2025'))!;
    caseId = ok<Case>(await backend.invoke('cases.create', { employerId: employer.id, periodFrom: MONTHS[0], periodTo: MONTHS.at(-1), ratePlanId: plan.id, source: 'random' })).id;
    const data = generateEmployer(31, { persons: 3000, months: MONTHS, declarationsPerInsurance: false });
    await importFile('payroll', '工资表.csv', writePayroll(data, {}, 'csv-utf8'));
    await importFile('declaration', '申报明细.csv', writeDeclarations(data, {}, 'csv-utf8'));
    full = await compute({});
  }, 240_000);

  afterAll(() => {
    backend.close();
    tmp?.cleanup();
  });

  it('without a limit returns every row, and says so', () => {
    expect(full.rows.length).toBeGreaterThan(10_000);
    expect(full.rowsTotal).toBe(full.rows.length);
    expect(full.lines).toBe(full.rows.length);
    expect(full.exemptedTotal).toBe(full.exempted.length);
  });

  it('rowsLimit 100 gives the first 100 rows of the full result, with the same totals', async () => {
    const page = await compute({ rowsLimit: 100 });
    expect(page.rowsTotal).toBe(full.rows.length);
    expect(page.lines).toBe(full.rows.length);
    expect(page.rows).toEqual(full.rows.slice(0, 100));
    expect(page.totals).toEqual(full.totals);
    expect(page.months).toEqual(full.months);
    expect(page.payrollOnly.length).toBe(full.payrollOnly.length);
  }, 60_000);

  it('rowsOffset pages on, and the last page is short', async () => {
    const second = await compute({ rowsLimit: 100, rowsOffset: 100 });
    expect(second.rows).toEqual(full.rows.slice(100, 200));
    const lastOffset = full.rows.length - 7;
    const last = await compute({ rowsLimit: 100, rowsOffset: lastOffset });
    expect(last.rows).toEqual(full.rows.slice(lastOffset));
  }, 60_000);

  it('personFilter keeps the rows of the matching persons before paging', async () => {
    const someone = full.rows[Math.floor(full.rows.length / 2)]!;
    const theirs = full.rows.filter((r) => r.personId === someone.personId);
    const byId = await compute({ rowsLimit: 5, personFilter: someone.personId.slice(0, 17) });
    expect(byId.rowsTotal).toBe(full.rows.filter((r) => r.personId.includes(someone.personId.slice(0, 17))).length);
    expect(byId.rows).toEqual(theirs.slice(0, 5));
    const byName = await compute({ rowsLimit: 100_000, personFilter: someone.name });
    expect(byName.rows).toEqual(full.rows.filter((r) => r.name.includes(someone.name)));
    expect(byName.totals).toEqual(full.totals);
  }, 60_000);

  it('refuses a limit of 0 or a negative offset with a Chinese message', async () => {
    const r1 = await backend.invoke('results.compute', { caseId, asOf: AS_OF, rowsLimit: 0 });
    const r2 = await backend.invoke('results.compute', { caseId, asOf: AS_OF, rowsOffset: -1 });
    // both are refused, each naming its own field
    for (const [r, field] of [
      [r1, 'rowsLimit'],
      [r2, 'rowsOffset'],
    ] as const) {
      expect(r.ok, field).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.message).toMatch(/^输入有误/);
      expect(r.error.details?.map((d) => d.path)).toEqual([field]);
    }
  });
});
