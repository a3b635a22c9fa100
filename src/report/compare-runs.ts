// `compare`: two records, task by task, on the samples both have (matched by task + sampleId; a
// sample answered several times, `run --repeats`, counts once with the mean of its answers).
// The difference of the primary metric is tested paired (McNemar for 0/1 scores, paired bootstrap
// otherwise); a task regresses only when the drop is both larger than the threshold and
// significant, so noise of the size of the runs' own intervals does not fail a nightly job.
import { join } from 'node:path';
import { DataError } from '../core/index.ts';
import type { Efficiency, SampleResult } from '../core/index.ts';
import type { RunRecord } from '../store/index.ts';
import { pairedTest } from '../scoring/index.ts';
import type { CompareResult, CompareRunInfo, CompareThresholds, EfficiencyDelta, FlippedSample, TaskComparison, Verdict } from './report-model.ts';

export const DEFAULT_THRESHOLDS: CompareThresholds = { maxDropPoints: 1.0, alpha: 0.05, seed: 1234, bootstrapResamples: 2000 };
/** compare.json lists at most this many flipped samples per task; the HTML diff needs no more. */
export const MAX_FLIPPED = 2000;

function info(r: RunRecord): CompareRunInfo {
  return { runId: r.manifest.runId, dir: r.dir, model: r.manifest.model.modelName, createdAt: r.manifest.createdAt };
}

/** Task → sampleId → the sample's answers (one, or one per repeat). */
function byTask(samples: readonly SampleResult[]): Map<string, Map<string, SampleResult[]>> {
  const out = new Map<string, Map<string, SampleResult[]>>();
  for (const s of samples) {
    let m = out.get(s.task);
    if (m === undefined) out.set(s.task, (m = new Map()));
    const answers = m.get(s.sampleId);
    if (answers === undefined) m.set(s.sampleId, [s]);
    else answers.push(s);
  }
  return out;
}

/**
 * A sample's value of the metric as aggregation counts it (scoring/metrics.ts): an errored sample
 * scores 0 on a higher-is-better metric, so a run that starts failing requests regresses; repeated
 * answers are averaged, as the task's metric averages them per problem.
 */
function valueOf(answers: readonly SampleResult[], metric: string, higherIsBetter: boolean): number | null {
  const values: number[] = [];
  for (const s of answers) {
    if (s.error !== undefined) {
      if (higherIsBetter) values.push(0);
      continue;
    }
    const v = s.score?.values[metric];
    if (v !== undefined && Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return null;
  return values.length === 1 ? (values[0] as number) : values.reduce((a, x) => a + x, 0) / values.length;
}

const EFFICIENCY_FIELDS: { name: EfficiencyDelta['name']; higherIsBetter: boolean; get: (e: Efficiency) => number | null | undefined }[] = [
  { name: 'samplesPerSecond', higherIsBetter: true, get: (e) => e.samplesPerSecond },
  { name: 'generatedTokensPerSecond', higherIsBetter: true, get: (e) => e.generatedTokensPerSecond },
  { name: 'promptTokensPerSecond', higherIsBetter: true, get: (e) => e.promptTokensPerSecond },
  { name: 'latencyP50Ms', higherIsBetter: false, get: (e) => e.latencyMs?.p50 },
  { name: 'latencyP90Ms', higherIsBetter: false, get: (e) => e.latencyMs?.p90 },
  { name: 'latencyP99Ms', higherIsBetter: false, get: (e) => e.latencyMs?.p99 },
  { name: 'ttftP50Ms', higherIsBetter: false, get: (e) => e.ttftMs?.p50 },
  { name: 'mfuVsTheoreticalPeak', higherIsBetter: true, get: (e) => e.mfu?.vsTheoreticalPeak },
];

export function efficiencyDeltas(base: Efficiency | undefined, next: Efficiency | undefined): EfficiencyDelta[] {
  return EFFICIENCY_FIELDS.map(({ name, higherIsBetter, get }) => {
    const b = base === undefined ? null : (get(base) ?? null);
    const n = next === undefined ? null : (get(next) ?? null);
    const diff = b === null || n === null ? null : n - b;
    return { name, higherIsBetter, base: b, new: n, diff, relative: diff === null || b === null || b === 0 ? null : diff / b };
  });
}

function verdictOf(diff: number, pValue: number, higherIsBetter: boolean, t: CompareThresholds): { verdict: Verdict; reason: string } {
  const gainPts = (higherIsBetter ? diff : -diff) * 100;
  const significant = pValue < t.alpha;
  const sig = `p=${pValue.toPrecision(3)} ${significant ? '<' : '>='} alpha ${t.alpha}`;
  if (gainPts < -t.maxDropPoints && significant) return { verdict: 'regressed', reason: `dropped ${(-gainPts).toFixed(2)} pts > max drop ${t.maxDropPoints} and ${sig}` };
  if (gainPts > 0 && significant) return { verdict: 'improved', reason: `gained ${gainPts.toFixed(2)} pts, ${sig}` };
  if (gainPts < -t.maxDropPoints) return { verdict: 'unchanged', reason: `dropped ${(-gainPts).toFixed(2)} pts but not significant (${sig})` };
  return { verdict: 'unchanged', reason: `change ${gainPts.toFixed(2)} pts within max drop ${t.maxDropPoints}${significant ? '' : ` or not significant (${sig})`}` };
}

/**
 * The metric samples are paired on: the primary one when samples carry it. A corpus-level primary
 * metric (POPE's F1, MME's total, MMBench's circular accuracy, Multi-IF's overall) has no value per
 * sample, so the first of the task's metrics that the samples do carry stands in; the comparison
 * names the metric it used.
 */
function pairedMetric(primary: string | undefined, metrics: readonly string[], samples: readonly SampleResult[]): string | undefined {
  const scored = samples.filter((s) => s.score !== undefined);
  const carried = (m: string) => scored.length > 0 && scored.every((s) => s.score?.values[m] !== undefined);
  if (primary !== undefined && (scored.length === 0 || carried(primary))) return primary;
  // No metric of the task has a per-sample value (a record without results.json: any value).
  return metrics.length === 0 ? Object.keys(scored[0]?.score?.values ?? {})[0] : metrics.find(carried);
}

/** Why a task in both runs cannot be paired, or null when it can. */
function unpairable(taskId: string, base: RunRecord, next: RunRecord, samples: readonly SampleResult[]): string | null {
  const r = next.results?.tasks[taskId] ?? base.results?.tasks[taskId];
  if (r === undefined || pairedMetric(r.primaryMetric, Object.keys(r.metrics), samples) !== undefined) return null;
  return `every metric of ${taskId} is corpus-level (${r.primaryMetric} and the others are ratios or aggregates over samples), so no sample-by-sample test applies; compare its results.json values`;
}

function compareTask(taskId: string, base: RunRecord, next: RunRecord, baseSamples: Map<string, SampleResult[]>, newSamples: Map<string, SampleResult[]>, t: CompareThresholds): TaskComparison {
  const baseVersion = base.manifest.tasks[taskId]?.version ?? [...baseSamples.values()][0]?.[0]?.taskVersion ?? '?';
  const newVersion = next.manifest.tasks[taskId]?.version ?? [...newSamples.values()][0]?.[0]?.taskVersion ?? '?';
  if (baseVersion !== newVersion) {
    throw new DataError(join(next.dir, 'manifest.json'), undefined, `task ${taskId} is version ${newVersion} here but ${baseVersion} in ${base.dir}; records of different task versions are not comparable (re-run the base with this harness)`, { code: 'DATA_MALFORMED' });
  }
  const nr = next.results?.tasks[taskId];
  const br = base.results?.tasks[taskId];
  const metric = pairedMetric(nr?.primaryMetric ?? br?.primaryMetric, Object.keys((nr ?? br)?.metrics ?? {}), [...newSamples.values()].flat());
  if (metric === undefined) throw new DataError(join(next.dir, 'samples.jsonl'), undefined, `task ${taskId}: no scored samples to compare`);
  const higherIsBetter = (nr ?? br)?.metrics[metric]?.higherIsBetter ?? true;

  const ids = [...baseSamples.keys()].filter((id) => newSamples.has(id)).sort();
  const bv: number[] = [];
  const nv: number[] = [];
  const usedIds: string[] = [];
  for (const id of ids) {
    const b = valueOf(baseSamples.get(id) as SampleResult[], metric, higherIsBetter);
    const n = valueOf(newSamples.get(id) as SampleResult[], metric, higherIsBetter);
    if (b === null || n === null) continue;
    bv.push(b);
    nv.push(n);
    usedIds.push(id);
  }
  if (bv.length === 0) throw new DataError(join(next.dir, 'samples.jsonl'), undefined, `task ${taskId}: no shared scored samples with ${base.dir}`);
  const test = pairedTest(bv, nv, { seed: t.seed, resamples: t.bootstrapResamples });
  const mean = (v: number[]): number => v.reduce((a, x) => a + x, 0) / v.length;
  const flippedAll: FlippedSample[] = [];
  if (test.method === 'mcnemar') {
    usedIds.forEach((id, i) => {
      const b = bv[i] as number;
      const n = nv[i] as number;
      if (b !== n) flippedAll.push({ sampleId: id, direction: n > b ? 'fixed' : 'broken', base: b, new: n });
    });
  }
  const { verdict, reason } = verdictOf(test.diff, test.pValue, higherIsBetter, t);
  return {
    taskId,
    taskVersion: newVersion,
    metric,
    higherIsBetter,
    nShared: bv.length,
    onlyInBase: baseSamples.size - ids.length,
    onlyInNew: newSamples.size - ids.length,
    base: mean(bv),
    new: mean(nv),
    diff: test.diff,
    ci95: test.ci95,
    pValue: test.pValue,
    method: test.method,
    verdict,
    reason,
    flipped: flippedAll.slice(0, MAX_FLIPPED),
    flippedOmitted: Math.max(0, flippedAll.length - MAX_FLIPPED),
    efficiency: efficiencyDeltas(br?.efficiency, nr?.efficiency),
  };
}

export function compareRuns(base: RunRecord, next: RunRecord, thresholds: Partial<CompareThresholds> = {}): CompareResult {
  const t: CompareThresholds = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const b = byTask(base.samples);
  const n = byTask(next.samples);
  const tasks: TaskComparison[] = [];
  const unmatchedTasks: CompareResult['unmatchedTasks'] = [];
  const notPaired: CompareResult['notPaired'] = [];
  for (const id of [...new Set([...b.keys(), ...n.keys()])].sort()) {
    const bs = b.get(id);
    const ns = n.get(id);
    if (bs === undefined) unmatchedTasks.push({ taskId: id, in: 'new' });
    else if (ns === undefined) unmatchedTasks.push({ taskId: id, in: 'base' });
    else {
      const why = unpairable(id, base, next, [...ns.values()].flat());
      if (why === null) tasks.push(compareTask(id, base, next, bs, ns, t));
      else notPaired.push({ taskId: id, reason: why });
    }
  }
  return {
    schema: 'ernie-eval/compare@1',
    base: info(base),
    new: info(next),
    thresholds: t,
    tasks,
    unmatchedTasks,
    notPaired,
    efficiency: efficiencyDeltas(base.results?.efficiency, next.results?.efficiency),
    regressed: tasks.some((x) => x.verdict === 'regressed'),
  };
}
