// The job runner: ids at once, progress that only moves forward, cancellation through the
// signal, failures kept with their message and data — and a real import job that leaves the
// event loop free, so the UI can poll while a large file is read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner, yieldToEventLoop, type JobContext } from '../../electron/services/jobs/runner';
import { createBackend, type Backend } from '../../electron/services/backend';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, Employer, JobStatus, RatePlanSummary } from '../../shared/api/dto';
import { generateEmployer } from '../fixtures/employer';
import { writePayroll } from '../fixtures/employerFiles';
import { tempDir } from './db-helpers';

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('job runner', () => {
  it('runs a job to completion with monotonic progress and its result', async () => {
    const jobs = createJobRunner();
    const seen: number[] = [];
    const id = jobs.start('count', async (ctx: JobContext<{ n: number }>) => {
      let sum = 0;
      for (let i = 1; i <= 5; i++) {
        sum += i;
        ctx.progress(i / 5, `第 ${i} 步`);
        ctx.progress(0.1, '不应倒退');
        seen.push(jobs.get(id)!.progress);
        await yieldToEventLoop();
      }
      ctx.setData({ n: sum });
      return sum;
    });
    expect(jobs.get(id)).toMatchObject({ state: 'running', progress: 0, kind: 'count' });
    await jobs.settled(id);
    expect(seen).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(jobs.get(id)).toMatchObject({ state: 'done', progress: 1, result: 15, data: { n: 15 }, error: null });
  });

  it('cancels through the signal and keeps a failure with its message and data', async () => {
    const jobs = createJobRunner();
    let steps = 0;
    const long = jobs.start('long', async (ctx) => {
      for (;;) {
        if (ctx.signal.aborted) throw new Error('stopped');
        steps++;
        await yieldToEventLoop();
      }
    });
    const stepsTaken = () => steps;
    while (stepsTaken() < 3) await yieldToEventLoop();
    expect(jobs.cancel(long)).toBe(true);
    await jobs.settled(long);
    expect(jobs.get(long)).toMatchObject({ state: 'cancelled', error: null });
    expect(jobs.cancel(long)).toBe(false);

    const bad = jobs.start('bad', async (ctx: JobContext<string>) => {
      ctx.setData('部分报告');
      throw new Error('文件无法读取：第 3 行');
    });
    await jobs.settled(bad);
    expect(jobs.get(bad)).toMatchObject({ state: 'failed', error: '文件无法读取：第 3 行', data: '部分报告' });
    expect(jobs.get('missing')).toBeNull();
  });
});

describe('import job in the backend', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    tmp = tempDir('jihe-jobs-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '李华' });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('keeps the event loop free while a large payroll file is imported, reporting progress', async () => {
    const employer = ok<Employer>(await backend.invoke('employers.create', { name: '恒通物流有限公司', creditCode: '91110000600037341L' }));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const c = ok<Case>(await backend.invoke('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: plan.id, source: 'random' }));
    const data = generateEmployer(5, { persons: 600, months: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'] });
    const bytes = writePayroll(data, { ids: 'messy', amounts: 'text' }, 'csv-utf8');
    const { jobId } = ok<{ jobId: string }>(await backend.invoke('imports.start', { caseId: c.id, kind: 'payroll', fileName: '2024年工资表.csv', data: bytes }));
    const polls: JobStatus[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    for (;;) {
      const s = ok<JobStatus>(await backend.invoke('jobs.get', { jobId }));
      polls.push(s);
      if (s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    clearInterval(timer);
    const last = polls.at(-1)!;
    expect(last.state, last.error ?? '').toBe('done');
    expect(last.report?.rowsTaken).toBe(data.payrollRows.length);
    const midway = polls.filter((p) => p.state === 'running' && p.progress > 0 && p.progress < 1);
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.every((p) => p.message.length > 0)).toBe(true);
    expect(ticks).toBeGreaterThan(3);
  });
});
