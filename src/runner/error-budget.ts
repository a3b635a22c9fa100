// The failure policy (DESIGN.md §1.6): failed samples are recorded and counted; `--max-errors`
// decides when a run is clearly broken (a wrong endpoint, a wrong model) and stops it early.
//   --max-errors N   abort once more than N samples have failed.
//   --max-errors P%  abort once more than P% of the run's samples have failed, i.e. the fixed budget
//                    floor(P × total), which never aborts a run that would end at or under P%; and,
//                    so that a broken run stops in its first seconds rather than after P% of a long
//                    run, abort early once at least 20 samples have finished and the error rate is
//                    *clearly* above P: the lower bound of its 99% Wilson interval exceeds P (20 of
//                    the first 20 failing is clear for any P < 75%; 3 of 20 at P = 10% is not).
import { UsageError } from '../core/index.ts';

export type ErrorBudget = { kind: 'count'; max: number } | { kind: 'rate'; max: number };

/** Samples that must finish before the early (statistical) check of a rate budget applies. */
export const EARLY_CHECK_MIN_SAMPLES = 20;
const Z99 = 2.5758293035489;

export function parseErrorBudget(text: string): ErrorBudget {
  const t = text.trim();
  if (t.endsWith('%')) {
    const p = Number(t.slice(0, -1));
    if (t.length < 2 || !Number.isFinite(p) || p < 0 || p > 100) throw new UsageError(`--max-errors "${text}": a percentage must be between 0% and 100%`);
    return { kind: 'rate', max: p / 100 };
  }
  const n = Number(t);
  if (t === '' || !Number.isSafeInteger(n) || n < 0) throw new UsageError(`--max-errors "${text}": expected a count N ≥ 0 or a percentage P% (e.g. 5%)`);
  return { kind: 'count', max: n };
}

/** Lower bound of the Wilson score interval for k successes in n trials. */
export function wilsonLower(k: number, n: number, z = Z99): number {
  if (n === 0) return 0;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

/**
 * Why the run must stop, or undefined to go on. `errored` and `finished` count every sample of the
 * run so far (resumed and cached ones included); `total` is the run's sample count.
 */
export function exceededBudget(budget: ErrorBudget | undefined, errored: number, finished: number, total: number): string | undefined {
  if (budget === undefined || errored === 0) return undefined;
  if (budget.kind === 'count') return errored > budget.max ? `more than ${budget.max} samples failed (${errored} of ${finished} finished)` : undefined;
  const pct = `${+(budget.max * 100).toFixed(4)}%`;
  const allowed = Math.floor(budget.max * total);
  if (errored > allowed) return `more than ${pct} of the run's ${total} samples failed (${errored} of ${finished} finished)`;
  if (finished >= EARLY_CHECK_MIN_SAMPLES && wilsonLower(errored, finished) > budget.max) {
    return `${errored} of the first ${finished} samples failed, clearly more than ${pct}`;
  }
  return undefined;
}
