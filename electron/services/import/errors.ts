// Two ways an import stops early: the user cancelled (an AbortError the job runner recognises),
// or the file as a whole cannot be read — the latter becomes a row-0 error in the report, never
// an exception to the caller.

export class ImportAbortedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('导入已取消');
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportAbortedError();
}

/** A problem with the whole file; `code` is the issue code in the report. */
export class FileProblem extends Error {
  override name = 'FileProblem';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
