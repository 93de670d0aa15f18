// Where the command writes and the exit codes it ends with, so tests can run it in-process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when what was written to stdout has been taken (a pipe's back-pressure); optional. */
  drain?(): Promise<void>;
}

export const EXIT = { ok: 0, unreadable: 1, usage: 2 } as const;
