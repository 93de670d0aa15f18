// Long work (imports) runs as a backend job; the UI polls its status until it ends.
import type { JobStatus } from '../../../shared/api/dto';
import { call } from './client';

const POLL_MS = 250;

export async function waitForJob(jobId: string, onProgress: (status: JobStatus) => void, signal?: AbortSignal): Promise<JobStatus> {
  for (;;) {
    const status = await call('jobs.get', { jobId });
    onProgress(status);
    if (status.state !== 'running') return status;
    if (signal?.aborted) {
      await call('jobs.cancel', { jobId });
      return { ...status, state: 'cancelled' };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
