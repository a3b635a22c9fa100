// Aggregation of per-sample scores into a task's metrics (DESIGN.md §3 Metric): mean, standard
// error, 95% interval and n, overall, per subset and macro-averaged over subsets, plus coverage.
// Corpus-level metrics (a ratio of sums, a share of all-correct groups) are declared by the task
// through MetricSpec.aggregate and computed from the same per-sample values.
// Efficiency is computed by perf/ from the same samples; the caller puts both into TaskResults.
// Repeated answers to one sample (`run --repeats N`: same sampleId, `repeat` 0..N−1) form one
// problem: every metric averages over a problem's answers first, so n and the standard error are
// over problems (the benchmark's items), never over answers; pass@k reads a problem's n and c.
import { HarnessError } from '../core/index.ts';
import type { Coverage, MetricAggregate, MetricSpec, MetricValue, SampleResult, TaskMetrics, TaskSpec } from '../core/index.ts';
import { passAtK } from './sandbox/pass-at-k.ts';
import { summarizeWeightedSum, type TermValue } from './weighted-sum.ts';

/** What aggregation needs to know about a task; a full TaskSpec fits. */
export type MetricsTaskSpec = Pick<
  TaskSpec,
  'id' | 'version' | 'metrics' | 'primaryMetric' | 'primaryFilter' | 'macroOverSubsets'
>;

/** Subset key for samples that have none when others of the same task do. */
export const NO_SUBSET = '(none)';

/** z for a two-sided 95% normal interval. */
const Z95 = 1.96;

/**
 * Mean and standard error of the mean, as lm-evaluation-harness `mean_stderr`: sample standard
 * deviation (n − 1 denominator) divided by √n. With fewer than two values the sample variance is
 * undefined; stderr is then 0 and readers must look at n (MetricValue.stderr is a number).
 */
export function meanStderr(values: readonly number[]): { mean: number; stderr: number } {
  const n = values.length;
  if (n === 0) throw new HarnessError('INTERNAL', 'mean of no values');
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { mean, stderr: 0 };
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, stderr: Math.sqrt(squares / (n - 1) / n) };
}

/**
 * 95% interval mean ± 1.96·stderr. A normal approximation: by the central limit theorem the mean
 * of n independent per-sample scores is close to normal for the n of real benchmarks (hundreds to
 * thousands of items), it is what lm-evaluation-harness' stderr implies, and it combines simply
 * across subsets. For small n or accuracies near 0 or 1 it is too narrow and can leave [0, 1];
 * when every value is 0 or 1 (accuracy, exact match) we clip it to [0, 1], the range the mean can
 * take. Bootstrap and paired comparisons live in their own scoring modules.
 */
export function normalInterval(mean: number, stderr: number, clipUnit: boolean): [number, number] {
  let low = mean - Z95 * stderr;
  let high = mean + Z95 * stderr;
  if (clipUnit) {
    low = Math.max(0, low);
    high = Math.min(1, high);
  }
  return [low, high];
}

/** Whether every value is 0 or 1, i.e. the metric is a proportion. */
export function isBinary(values: readonly number[]): boolean {
  return values.every((v) => v === 0 || v === 1);
}

/** Aggregate one metric's per-sample values; null when there are none. */
export function summarizeMetric(values: readonly number[], higherIsBetter: boolean, clipUnit = isBinary(values)): MetricValue | null {
  if (values.length === 0) return null;
  const { mean, stderr } = meanStderr(values);
  return { value: mean, stderr, ci95: normalInterval(mean, stderr, clipUnit), n: values.length, higherIsBetter };
}

/**
 * Unweighted mean over subsets (each subject counts once, however many items it has), with
 * stderr √(Σ se_i²) / k: the subsets are disjoint samples, so their means are independent and the
 * variance of their average is the sum of variances over k². n is the number of samples behind it.
 */
export function macroAverage(subsets: readonly MetricValue[], higherIsBetter: boolean, clipUnit: boolean): MetricValue | null {
  const k = subsets.length;
  if (k === 0) return null;
  let sum = 0;
  let variance = 0;
  let n = 0;
  for (const m of subsets) {
    sum += m.value;
    variance += m.stderr * m.stderr;
    n += m.n;
  }
  const mean = sum / k;
  const stderr = Math.sqrt(variance) / k;
  return { value: mean, stderr, ci95: normalInterval(mean, stderr, clipUnit), n, higherIsBetter };
}

/**
 * Coverage of a task's samples: answered = no error; extracted = answered and the primary
 * filter's extracted answer is non-null (all answered when the task has no primary filter).
 */
export function computeCoverage(samples: readonly SampleResult[], primaryFilter: string | undefined): Coverage {
  let errored = 0;
  let extracted = 0;
  for (const s of samples) {
    if (s.error !== undefined) {
      errored++;
      continue;
    }
    if (primaryFilter === undefined) extracted++;
    else {
      const answer = s.score?.extracted?.[primaryFilter];
      if (answer !== undefined && answer !== null) extracted++;
    }
  }
  return { total: samples.length, answered: samples.length - errored, extracted, errored };
}

/**
 * The samples grouped by problem (sampleId), in the order of their first answer: a sample asked
 * once is a problem of one answer; `--repeats N` gives each generate sample N answers.
 */
export function groupByProblem(samples: readonly SampleResult[]): SampleResult[][] {
  const problems = new Map<string, SampleResult[]>();
  for (const s of samples) {
    const answers = problems.get(s.sampleId);
    if (answers === undefined) problems.set(s.sampleId, [s]);
    else answers.push(s);
  }
  return [...problems.values()];
}

/**
 * Per-answer values of one metric. An errored answer scores 0 for a higher-is-better metric (it
 * stays in n, so failures lower the score instead of silently shrinking the denominator); for a
 * lower-is-better metric 0 would be the best possible value, a fake answer, so there errored
 * answers are left out of that metric and show only in coverage. An answer with neither an error
 * nor a value is a broken record, not a wrong answer.
 */
function answerValues(task: string, metric: MetricSpec, samples: readonly SampleResult[]): number[] {
  const values: number[] = [];
  for (const s of samples) {
    if (s.error !== undefined) {
      if (metric.higherIsBetter) values.push(0);
      continue;
    }
    const v = s.score?.values[metric.name];
    if (v === undefined || !Number.isFinite(v)) {
      throw new HarnessError('SCORING', `${task}/${s.sampleId}: no finite value for metric "${metric.name}" and no error recorded`);
    }
    values.push(v);
  }
  return values;
}

/**
 * Per-problem values of one metric: the mean of each problem's answers (the answer itself when it
 * was asked once; avg@n, which for a 0/1 value is the unbiased pass@1, when asked n times). A
 * problem with no value (every answer errored on a lower-is-better metric) is left out.
 */
function metricValues(task: string, metric: MetricSpec, samples: readonly SampleResult[]): number[] {
  const values: number[] = [];
  for (const answers of groupByProblem(samples)) {
    const v = answerValues(task, metric, answers);
    if (v.length === 0) continue;
    let sum = 0;
    for (const x of v) sum += x;
    values.push(v.length === 1 ? (v[0] as number) : sum / v.length);
  }
  return values;
}

/** A named per-sample value that an aggregate reads; a scored sample without it is a broken record. */
function requiredValue(task: string, s: SampleResult, metric: string, name: string): number {
  const v = s.score?.values[name];
  if (v === undefined || !Number.isFinite(v)) {
    throw new HarnessError('SCORING', `${task}/${s.sampleId}: no finite value "${name}" (needed by metric "${metric}") and no error recorded`);
  }
  return v;
}

/**
 * Σ numerator / Σ denominator over the answered samples, with the delta-method standard error of a
 * ratio estimator: √(Σ (y_i − R·x_i)² / (n − 1) / n) / x̄. Null when the denominator sums to 0
 * (precision with no positive prediction): the ratio is undefined, and 0 would be a fake value.
 */
export function summarizeRatio(pairs: readonly (readonly [number, number])[], higherIsBetter: boolean, clipUnit: boolean): MetricValue | null {
  const n = pairs.length;
  let sumY = 0;
  let sumX = 0;
  for (const [y, x] of pairs) {
    sumY += y;
    sumX += x;
  }
  if (n === 0 || sumX === 0) return null;
  const ratio = sumY / sumX;
  let stderr = 0;
  if (n >= 2) {
    let squares = 0;
    for (const [y, x] of pairs) squares += (y - ratio * x) ** 2;
    stderr = Math.sqrt(squares / (n - 1) / n) / (sumX / n);
  }
  return { value: ratio, stderr, ci95: normalInterval(ratio, stderr, clipUnit), n, higherIsBetter };
}

/**
 * 1 per group whose samples all scored 1 on `of`, 0 otherwise; an errored sample fails its group.
 * With repeated answers a group is judged once per repeat (its samples' i-th answers together)
 * and its value is the share of repeats in which it was all correct.
 */
export function groupAllValues(task: string, metric: string, aggregate: Extract<MetricAggregate, { kind: 'all-in-group' }>, samples: readonly SampleResult[]): number[] {
  const groups = new Map<string, Map<number, boolean>>();
  for (const s of samples) {
    const group = aggregate.groupOf(s.sampleId);
    if (group === null) continue;
    const ok = s.error === undefined && requiredValue(task, s, metric, aggregate.of) === 1;
    let repeats = groups.get(group);
    if (repeats === undefined) groups.set(group, (repeats = new Map()));
    const repeat = s.repeat ?? 0;
    repeats.set(repeat, (repeats.get(repeat) ?? true) && ok);
  }
  return [...groups.values()].map((repeats) => {
    let all = 0;
    for (const ok of repeats.values()) if (ok) all++;
    return repeats.size === 1 ? all : all / repeats.size;
  });
}

/**
 * Per-problem unbiased pass@k (Chen et al. 2021): n = the problem's answers, c = those scoring 1
 * on `of` (an errored answer fails). Null when some problem has fewer than k answers: pass@k is
 * not estimable there, and leaving that problem out would bias the mean towards easy problems.
 */
export function passAtKValues(task: string, metric: string, aggregate: Extract<MetricAggregate, { kind: 'pass-at-k' }>, samples: readonly SampleResult[]): number[] | null {
  const values: number[] = [];
  for (const answers of groupByProblem(samples)) {
    if (answers.length < aggregate.k) return null;
    let correct = 0;
    for (const s of answers) if (s.error === undefined && requiredValue(task, s, metric, aggregate.of) === 1) correct++;
    values.push(passAtK(answers.length, correct, aggregate.k));
  }
  return values;
}

function summarizeOne(task: string, m: MetricSpec, samples: readonly SampleResult[], clip: boolean, valueOf?: TermValue): MetricValue | null {
  const aggregate = m.aggregate;
  if (aggregate === undefined) return summarizeMetric(metricValues(task, m, samples), m.higherIsBetter, clip);
  if (aggregate.kind === 'all-in-group') return summarizeMetric(groupAllValues(task, m.name, aggregate, samples), m.higherIsBetter, true);
  if (aggregate.kind === 'weighted-sum') return valueOf === undefined ? null : summarizeWeightedSum(aggregate.terms, m.higherIsBetter, valueOf);
  if (aggregate.kind === 'pass-at-k') {
    const values = passAtKValues(task, m.name, aggregate, samples);
    return values === null ? null : summarizeMetric(values, m.higherIsBetter, true);
  }
  // One pair per problem, the sums over its answered answers: the same ratio of sums, with the
  // standard error over problems (a problem's repeated answers are not independent items).
  const pairs: (readonly [number, number])[] = [];
  for (const answers of groupByProblem(samples)) {
    let y = 0;
    let x = 0;
    let answered = 0;
    for (const s of answers) {
      if (s.error !== undefined) continue;
      y += requiredValue(task, s, m.name, aggregate.numerator);
      x += requiredValue(task, s, m.name, aggregate.denominator);
      answered++;
    }
    if (answered > 0) pairs.push([y, x]);
  }
  return summarizeRatio(pairs, m.higherIsBetter, clip);
}

/**
 * Whether a metric's interval is clipped to [0, 1]: for a mean, when every value is 0 or 1; for a
 * ratio, when every sample's numerator lies in [0, denominator] (then so does the ratio of sums);
 * a share of groups and a pass@k always lie in [0, 1].
 */
function clipsToUnit(task: string, m: MetricSpec, samples: readonly SampleResult[]): boolean {
  const aggregate = m.aggregate;
  // Per answer: if every answer is 0 or 1, so is every mean of them in [0, 1].
  if (aggregate === undefined) return isBinary(answerValues(task, m, samples));
  if (aggregate.kind === 'all-in-group' || aggregate.kind === 'pass-at-k') return true;
  if (aggregate.kind === 'weighted-sum') return false;
  return samples
    .filter((s) => s.error === undefined)
    .every((s) => {
      const y = requiredValue(task, s, m.name, aggregate.numerator);
      return y >= 0 && y <= requiredValue(task, s, m.name, aggregate.denominator);
    });
}

function summarizeAll(task: string, metrics: readonly MetricSpec[], samples: readonly SampleResult[], clip: ReadonlyMap<string, boolean>): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  // A weighted-sum term reads another metric over one subset of these samples (or all of them).
  const valueOf: TermValue = (name, subset) => {
    const spec = metrics.find((x) => x.name === name);
    if (spec === undefined || spec.aggregate?.kind === 'weighted-sum') {
      throw new HarnessError('INTERNAL', `${task}: weighted-sum term "${name}" is not a mean, ratio, all-in-group or pass-at-k metric of the task`);
    }
    const part = subset === undefined ? samples : samples.filter((s) => (s.subset ?? NO_SUBSET) === subset);
    return summarizeOne(task, spec, part, clip.get(name) ?? false);
  };
  for (const m of metrics) {
    const summary = summarizeOne(task, m, samples, clip.get(m.name) ?? false, valueOf);
    // A metric with no values (no samples, or all errored on a lower-is-better metric) is left
    // out rather than reported as 0 or NaN; coverage tells why.
    if (summary !== null) out[m.name] = summary;
  }
  return out;
}

/**
 * Aggregate the samples of one task. Metrics come from the task's MetricSpecs; subsets appear
 * when any sample has a `subset`, macro when the task asks for it and has subsets.
 */
export function aggregateTask(spec: MetricsTaskSpec, samples: readonly SampleResult[]): TaskMetrics {
  for (const s of samples) {
    if (s.task !== spec.id) throw new HarnessError('INTERNAL', `sample ${s.task}/${s.sampleId} passed to the aggregation of task ${spec.id}`);
  }
  // Clipping is decided once per metric over the whole task, so a subset whose values happen to
  // all be 0/1 of an otherwise continuous metric (ANLS, F1) is not clipped differently.
  const clip = new Map<string, boolean>();
  for (const m of spec.metrics) clip.set(m.name, clipsToUnit(spec.id, m, samples));

  const metrics = summarizeAll(spec.id, spec.metrics, samples, clip);
  const coverage = computeCoverage(samples, spec.primaryFilter);
  const base = { version: spec.version, primaryMetric: spec.primaryMetric, metrics };
  if (!samples.some((s) => s.subset !== undefined)) return { ...base, coverage };

  const groups = new Map<string, SampleResult[]>();
  for (const s of samples) {
    const key = s.subset ?? NO_SUBSET;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [s]);
    else group.push(s);
  }
  const subsets: Record<string, Record<string, MetricValue>> = {};
  for (const key of [...groups.keys()].sort()) {
    subsets[key] = summarizeAll(spec.id, spec.metrics, groups.get(key) ?? [], clip);
  }
  if (spec.macroOverSubsets !== true) return { ...base, subsets, coverage };

  const macro: Record<string, MetricValue> = {};
  for (const m of spec.metrics) {
    const parts = Object.values(subsets).flatMap((sub) => (sub[m.name] === undefined ? [] : [sub[m.name] as MetricValue]));
    const summary = macroAverage(parts, m.higherIsBetter, clip.get(m.name) ?? false);
    if (summary !== null) macro[m.name] = summary;
  }
  return { ...base, subsets, macro, coverage };
}
