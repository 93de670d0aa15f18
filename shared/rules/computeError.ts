// The one error the computation throws: its input cannot be computed at all (a month no plan
// period covers, an audit period that ends before it starts). The message is for the auditor.
export class ComputeError extends Error {
  override readonly name = 'ComputeError';
  /** Months concerned, when the error is about months (e.g. not covered by the plan). */
  readonly months: readonly string[];

  constructor(message: string, months: readonly string[] = []) {
    super(message);
    this.months = months;
  }
}
