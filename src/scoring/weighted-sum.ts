// A benchmark's headline number that is a fixed weighted sum of other metrics, each read over a
// named subset (MetricAggregate 'weighted-sum'): CV-Bench's overall accuracy is
// ((ADE20K + COCO) / 2 + Omni3D) / 2 of per-source accuracies (Cambrian-1, App. C; the dataset
// README's formula); MME's perception score is Σ over ten subtasks of 100 × (acc + acc+)
// (MME eval_tool/calculation.py). Computed from the same per-sample values as every metric.
import type { MetricValue, WeightedTerm } from '../core/index.ts';

/** z for a two-sided 95% normal interval, as metrics.ts. */
const Z95 = 1.96;

/** How a term's metric is read: its aggregate over the subset (undefined: the samples at hand). */
export type TermValue = (metric: string, subset: string | undefined) => MetricValue | null;

/**
 * Σ weight × value. Null when a term has no value (its subset has no samples: a --limit run, or
 * inside another subset), since a partial sum is not the benchmark's number. The standard error
 * treats terms over different subsets as independent (disjoint samples: variances add) and adds
 * terms over the same subset linearly, an upper bound whatever their correlation (acc and acc+
 * of one MME subtask move together). n counts the samples behind the sum once per subset.
 */
export function summarizeWeightedSum(terms: readonly WeightedTerm[], higherIsBetter: boolean, valueOf: TermValue): MetricValue | null {
  if (terms.length === 0) return null;
  let value = 0;
  const bySubset = new Map<string, { se: number; n: number }>();
  for (const term of terms) {
    const m = valueOf(term.metric, term.subset);
    if (m === null) return null;
    value += term.weight * m.value;
    const key = term.subset ?? '';
    const acc = bySubset.get(key) ?? { se: 0, n: 0 };
    bySubset.set(key, { se: acc.se + Math.abs(term.weight) * m.stderr, n: Math.max(acc.n, m.n) });
  }
  let variance = 0;
  let n = 0;
  for (const { se, n: k } of bySubset.values()) {
    variance += se * se;
    n += k;
  }
  const stderr = Math.sqrt(variance);
  // Not clipped: a sum of weighted metrics has no fixed range (MME's perception runs to 2000).
  return { value, stderr, ci95: [value - Z95 * stderr, value + Z95 * stderr], n, higherIsBetter };
}
