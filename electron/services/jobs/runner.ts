// Long work (imports now; computation and PDF rendering later) runs as a job: the caller gets an
// id at once and polls its progress, so no request waits on a big file. A job is just an async
// function given `progress` and an AbortSignal; whether it runs in this thread or posts its
// work to a worker_thread is the job's business, not the runner's.
import { randomUUID } from 'node:crypto';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobContext<D> {
  /** fraction 0…1 (clamped, never goes backwards); message in Chinese for the user. */
  progress(fraction: number, message: string): void;
  /** Aborted by cancel(); long loops should check it and stop. */
  signal: AbortSignal;
  /** Attaches data to the job's status, kept whatever the outcome (e.g. an import report). */
  setData(data: D): void;
}

export interface JobSnapshot<T, D> {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  message: string;
  result: T | null;
  data: D | null;
  /** Chinese, for the user, when failed. */
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export class JobCancelledError extends Error {
  constructor() {
    super('已取消');
    this.name = 'JobCancelledError';
  }
}

interface JobRecord {
  snapshot: JobSnapshot<unknown, unknown>;
  controller: AbortController;
  promise: Promise<void>;
}

export interface JobRunnerOptions {
  /** How long finished jobs stay readable (default 1 hour). */
  keepFinishedMs?: number;
  /** Turns a failure into the Chinese message a user sees. */
  describeError?: (error: unknown) => string;
}

export interface JobRunner {
  start<T, D = unknown>(kind: string, run: (ctx: JobContext<D>) => Promise<T>): string;
  get<T = unknown, D = unknown>(jobId: string): JobSnapshot<T, D> | null;
  /** True when the job was running and has been asked to stop. */
  cancel(jobId: string): boolean;
  /** Resolves when the job has settled (for tests and shutdown). */
  settled(jobId: string): Promise<void>;
  /** Cancels everything still running and waits for it to settle. */
  shutdown(): Promise<void>;
  /** The kinds of the jobs still running (a database restore waits for none). */
  running(): string[];
}

function defaultDescribe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createJobRunner(opts: JobRunnerOptions = {}): JobRunner {
  const jobs = new Map<string, JobRecord>();
  const keepMs = opts.keepFinishedMs ?? 60 * 60 * 1000;
  const describe = opts.describeError ?? defaultDescribe;

  function prune(now: number): void {
    for (const [id, job] of jobs) {
      if (job.snapshot.finishedAt !== null && now - job.snapshot.finishedAt > keepMs) jobs.delete(id);
    }
  }

  return {
    start<T, D = unknown>(kind: string, run: (ctx: JobContext<D>) => Promise<T>): string {
      prune(Date.now());
      const id = randomUUID();
      const controller = new AbortController();
      const snapshot: JobSnapshot<unknown, unknown> = {
        id,
        kind,
        state: 'running',
        progress: 0,
        message: '已开始',
        result: null,
        data: null,
        error: null,
        startedAt: Date.now(),
        finishedAt: null,
      };
      const ctx: JobContext<D> = {
        progress(fraction, message) {
          if (snapshot.state !== 'running') return;
          const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : snapshot.progress;
          snapshot.progress = Math.max(snapshot.progress, f);
          snapshot.message = message;
        },
        signal: controller.signal,
        setData(data) {
          snapshot.data = data;
        },
      };
      // Started on the next turn so that start() always returns before any of the work runs.
      const promise = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => {
          if (controller.signal.aborted) throw new JobCancelledError();
          return run(ctx);
        })
        .then(
          (result) => {
            snapshot.result = result;
            snapshot.state = 'done';
            snapshot.progress = 1;
            snapshot.message = '已完成';
          },
          (error: unknown) => {
            if (controller.signal.aborted) {
              snapshot.state = 'cancelled';
              snapshot.message = '已取消';
              snapshot.error = null;
            } else {
              snapshot.state = 'failed';
              snapshot.error = describe(error);
              snapshot.message = '失败';
            }
          },
        )
        .finally(() => {
          snapshot.finishedAt = Date.now();
        });
      jobs.set(id, { snapshot, controller, promise });
      return id;
    },

    get<T = unknown, D = unknown>(jobId: string): JobSnapshot<T, D> | null {
      const job = jobs.get(jobId);
      return job ? ({ ...job.snapshot } as JobSnapshot<T, D>) : null;
    },

    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job || job.snapshot.state !== 'running' || job.controller.signal.aborted) return false;
      job.controller.abort(new JobCancelledError());
      job.snapshot.message = '正在取消…';
      return true;
    },

    settled(jobId: string): Promise<void> {
      return jobs.get(jobId)?.promise ?? Promise.resolve();
    },

    running(): string[] {
      return [...jobs.values()].filter((j) => j.snapshot.state === 'running').map((j) => j.snapshot.kind);
    },

    async shutdown(): Promise<void> {
      const running = [...jobs.values()].filter((j) => j.snapshot.state === 'running');
      for (const j of running) j.controller.abort(new JobCancelledError());
      await Promise.all(running.map((j) => j.promise));
    },
  };
}

/** Lets the event loop breathe between chunks of synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
