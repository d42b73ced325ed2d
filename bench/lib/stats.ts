/** Small pure helpers for the figures the suites compute themselves. */

/** The q-quantile (0..1) of the values, nearest-rank; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

/** a / b, or null when either is missing or b is zero: a ratio that cannot be formed is not shown. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a / b;
}

export const perSecond = (count: number, ms: number): number => (ms > 0 ? count / (ms / 1000) : Number.NaN);
