// Percentiles and latency summaries. Percentiles use numpy's default ("linear", method 7 of
// Hyndman & Fan) so that numbers match what vLLM's benchmark scripts and most notebooks print
// for the same latencies.
import { HarnessError } from '../core/index.ts';
import type { LatencySummary } from '../core/index.ts';

/** Percentile `p` (0–100) of already sorted ascending values, numpy `method="linear"`. */
export function percentileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new HarnessError('INTERNAL', 'percentile of an empty array');
  if (!(p >= 0 && p <= 100)) throw new HarnessError('INTERNAL', `percentile ${p} is outside [0, 100]`);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** Percentile `p` (0–100) of values in any order, numpy `method="linear"`. */
export function percentile(values: readonly number[], p: number): number {
  return percentileSorted(sortAscending(values), p);
}

/** p50/p90/p99 and mean; null for no values (nothing was measured, which is not 0 ms). */
export function summarizeLatency(values: readonly number[]): LatencySummary | null {
  if (values.length === 0) return null;
  const sorted = sortAscending(values);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p99: percentileSorted(sorted, 99),
    mean: sum / sorted.length,
  };
}

function sortAscending(values: readonly number[]): number[] {
  // Float64Array sorts numerically (a plain Array.sort would compare as strings).
  return Array.from(Float64Array.from(values).sort());
}
