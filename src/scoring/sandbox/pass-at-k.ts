// pass@k, the unbiased estimator of Chen et al. 2021 ("Evaluating Large Language Models Trained
// on Code", §2.1): with n samples per problem of which c pass, pass@k = 1 − C(n−c, k) / C(n, k).
// The binomials overflow for realistic n, so the ratio is computed as the product
// ∏_{i=n−c+1..n} (1 − k/i), which stays in [0, 1] and loses no precision to cancellation.
import { HarnessError, type MetricSpec } from '../../core/index.ts';

/** Unbiased pass@k for one problem: `n` samples, `c` correct, `k` ≤ n. */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(c) || !Number.isSafeInteger(k) || n < 1 || c < 0 || c > n || k < 1 || k > n) {
    throw new HarnessError('SCORING', `pass@k needs integers with 0 ≤ c ≤ n and 1 ≤ k ≤ n (got n=${n}, c=${c}, k=${k})`);
  }
  // Fewer than k failures: every draw of k samples contains a correct one.
  if (n - c < k) return 1;
  let allFail = 1;
  for (let i = n - c + 1; i <= n; i++) allFail *= 1 - k / i;
  return 1 - allFail;
}

/** Mean pass@k over problems, each given as its own (n, c); the benchmark-level number. */
export function meanPassAtK(problems: ReadonlyArray<{ n: number; c: number }>, k: number): number {
  if (problems.length === 0) throw new HarnessError('SCORING', 'pass@k over zero problems is undefined');
  let sum = 0;
  for (const { n, c } of problems) sum += passAtK(n, c, k);
  return sum / problems.length;
}

/**
 * The metric declaration of pass@k over `--repeats` answers, for a task whose 0/1 per-sample value
 * is `of`; `label` names what passes ("HumanEval+ ") where a task reports several pass rates.
 */
export function passAtKMetric(name: string, of: string, k: number, label = ''): MetricSpec {
  return {
    name,
    higherIsBetter: true,
    description: `${label}unbiased pass@${k} (Chen et al. 2021) per problem over its --repeats answers (sampled), mean over problems; present with --repeats ${k} or more`,
    aggregate: { kind: 'pass-at-k', of, k },
  };
}
