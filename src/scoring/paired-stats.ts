// Paired comparison of two runs on the same samples (DESIGN.md §4 step 8, `compare`). Pairing
// matters: two runs of similar models agree on most items, so the variance of their difference is
// far smaller than the sum of their separate variances, and an unpaired test would miss real
// regressions. For 0/1 scores we use McNemar's exact test (a binomial test on the discordant
// pairs, two-sided) with the paired Wald interval; for continuous scores (F1, ANLS) a paired
// bootstrap with a fixed seed, so the same two records always give the same verdict.
import { HarnessError, seededRandom } from '../core/index.ts';

const Z95 = 1.96;

export interface PairedTest {
  method: 'mcnemar' | 'paired-bootstrap';
  n: number;
  /** mean(new) − mean(base). */
  diff: number;
  ci95: [number, number];
  /** Two-sided p-value of "no difference". */
  pValue: number;
  /** McNemar only: base 1 → new 0 (broken) and base 0 → new 1 (fixed). */
  discordant?: { broken: number; fixed: number };
}

/** log(a + b) from log a and log b without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/**
 * Two-sided exact binomial p-value of k successes out of n at p = 1/2: twice the smaller tail,
 * capped at 1. Computed in log space, since 0.5^n underflows past n ≈ 1074.
 */
export function binomialTwoSidedHalf(k: number, n: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) throw new HarnessError('INTERNAL', `binomial test of ${k} out of ${n}`);
  if (n === 0) return 1;
  const m = Math.min(k, n - k);
  const logHalfN = -n * Math.LN2;
  let logC = 0; // log C(n, 0)
  let logTail = -Infinity;
  for (let i = 0; i <= m; i++) {
    logTail = logAdd(logTail, logC + logHalfN);
    logC += Math.log(n - i) - Math.log(i + 1);
  }
  return Math.min(1, 2 * Math.exp(logTail));
}

function checkPaired(base: readonly number[], next: readonly number[]): void {
  if (base.length !== next.length) throw new HarnessError('INTERNAL', `paired values of different lengths (${base.length} vs ${next.length})`);
  if (base.length === 0) throw new HarnessError('INTERNAL', 'paired comparison of no samples');
}

/** McNemar's exact test on paired 0/1 outcomes, with the paired (Wald) 95% interval of the difference. */
export function mcnemar(base: readonly number[], next: readonly number[]): PairedTest {
  checkPaired(base, next);
  let broken = 0;
  let fixed = 0;
  for (let i = 0; i < base.length; i++) {
    const b = base[i] as number;
    const x = next[i] as number;
    if ((b !== 0 && b !== 1) || (x !== 0 && x !== 1)) throw new HarnessError('INTERNAL', `McNemar needs 0/1 scores, got ${b} and ${x} at ${i}`);
    if (b === 1 && x === 0) broken++;
    else if (b === 0 && x === 1) fixed++;
  }
  const n = base.length;
  const diff = (fixed - broken) / n;
  // Var of the mean paired difference: (discordant/n − diff²)/n (Agresti, Categorical Data Analysis §10.1).
  const variance = Math.max(0, (fixed + broken) / n - diff * diff) / n;
  const half = Z95 * Math.sqrt(variance);
  return { method: 'mcnemar', n, diff, ci95: [diff - half, diff + half], pValue: binomialTwoSidedHalf(fixed, fixed + broken), discordant: { broken, fixed } };
}


function quantileSorted(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

/**
 * Paired bootstrap: resample samples (with their pair) and recompute the mean difference. The
 * interval is the 2.5/97.5 percentiles; the p-value is the share of resampled differences, shifted
 * to a null mean of 0, at least as far from 0 as the observed one (two-sided), with the usual +1
 * correction so it is never exactly 0.
 */
export function pairedBootstrap(base: readonly number[], next: readonly number[], options: { resamples?: number; seed?: number } = {}): PairedTest {
  checkPaired(base, next);
  const resamples = options.resamples ?? 2000;
  const random = seededRandom(options.seed ?? 1234);
  const n = base.length;
  const d = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    d[i] = (next[i] as number) - (base[i] as number);
    sum += d[i] as number;
  }
  const diff = sum / n;
  const means = new Float64Array(resamples);
  let extreme = 0;
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[Math.floor(random() * n)] as number;
    const m = s / n;
    means[r] = m;
    if (Math.abs(m - diff) >= Math.abs(diff) - 1e-12) extreme++;
  }
  means.sort();
  return { method: 'paired-bootstrap', n, diff, ci95: [quantileSorted(means, 0.025), quantileSorted(means, 0.975)], pValue: Math.min(1, (extreme + 1) / (resamples + 1)) };
}

/** McNemar when every score is 0 or 1, the paired bootstrap otherwise. */
export function pairedTest(base: readonly number[], next: readonly number[], options: { resamples?: number; seed?: number } = {}): PairedTest {
  const binary = (v: number): boolean => v === 0 || v === 1;
  return base.every(binary) && next.every(binary) ? mcnemar(base, next) : pairedBootstrap(base, next, options);
}
