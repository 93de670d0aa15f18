// A person-month's insurances usually share one base; when they do not, say so instead of
// picking one.
export function sameOrNull(values: string[]): string | null {
  if (values.length === 0) return null;
  return values.every((v) => v === values[0]) ? values[0]! : null;
}
