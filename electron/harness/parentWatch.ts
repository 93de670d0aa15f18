// `npm run harness` runs as npm → sh → tsx → node. Stopping it by npm's PID (kill PID) must not
// leave the server behind (issue 10): the harness notes the processes it was started by and
// stops when any of them is gone, besides stopping on SIGINT/SIGTERM/SIGHUP itself.
import { execFileSync } from 'node:child_process';

/** The parent, grandparent, … of this process, up to `depth` of them (none where `ps` is missing). */
export function ancestorPids(depth: number): number[] {
  const pids: number[] = [];
  let pid = process.ppid;
  for (let i = 0; i < depth && pid > 1; i++) {
    pids.push(pid);
    try {
      pid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    } catch {
      break;
    }
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Calls `onGone` once when any of `pids` has exited (checked every `everyMs`). */
export function whenAnyExits(pids: readonly number[], onGone: () => void, everyMs = 1000): void {
  if (pids.length === 0) return;
  const timer = setInterval(() => {
    if (pids.some((p) => !alive(p))) {
      clearInterval(timer);
      onGone();
    }
  }, everyMs);
  timer.unref();
}
