// The report's charts as chart.js configurations: plain data (no callbacks), so the same object
// is rendered to PNG by chartjs-node-canvas and embedded as JSON in report.html, where the
// inlined chart.js draws it interactively. Both views therefore show the same numbers.
import type { ChartConfiguration } from 'chart.js';
import type { ResultsFile, SampleResult } from '../../core/index.ts';
import type { BaselineComparison } from '../report-model.ts';

export type ChartKind = 'task-bars' | 'accuracy-throughput' | 'latency' | 'mfu';

export interface ChartSpec {
  kind: ChartKind;
  /** File stem of the PNG and id of the canvas in report.html. */
  name: string;
  title: string;
  config: ChartConfiguration;
}

/** Colour-blind-safe palette (Okabe–Ito); this run is always the first colour. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const colour = (i: number): string => PALETTE[i % PALETTE.length] ?? '#000000';

/** At most this many baselines per bar chart; the HTML tables list every one. */
const MAX_BASELINE_SERIES = 7;
const LATENCY_BINS = 24;

function baseOptions(title: string, xTitle: string, yTitle: string): NonNullable<ChartConfiguration['options']> {
  return {
    animation: false,
    plugins: { title: { display: true, text: title }, legend: { position: 'bottom' } },
    scales: { x: { title: { display: true, text: xTitle } }, y: { title: { display: true, text: yTitle }, beginAtZero: true } },
  };
}

/** A published number on our fraction scale, in percent; null when its scale is not comparable. */
export function baselinePercent(c: BaselineComparison): number | null {
  if (c.baseline.scale === 'percent') return c.baseline.value;
  if (c.baseline.scale === 'fraction') return c.baseline.value * 100;
  if (c.baseline.scale === 'permille') return c.baseline.value / 10;
  return null;
}

export function baselineLabel(c: BaselineComparison): string {
  return `${c.baseline.model} (${c.baseline.source.title})`;
}

/** This run's primary metric per task beside each published baseline. */
export function taskBarsSpec(results: ResultsFile, comparisons: BaselineComparison[]): ChartSpec {
  const tasks = Object.keys(results.tasks).sort();
  const ours = tasks.map((t) => {
    const r = results.tasks[t];
    const m = r?.metrics[r.primaryMetric];
    return m === undefined ? null : m.value * 100;
  });
  // One series per baseline model; the preferred entry (best setting match) wins within a task.
  const series = new Map<string, (number | null)[]>();
  const ordered = [...comparisons].sort((a, b) => Number(b.preferred) - Number(a.preferred));
  for (const c of ordered) {
    const value = baselinePercent(c);
    const i = tasks.indexOf(c.taskId);
    // Bars are whole tasks: a number about one subset (AIME'24) is not a bar beside the task's score.
    if (value === null || i < 0 || c.baseline.subset !== undefined) continue;
    const label = baselineLabel(c);
    let data = series.get(label);
    if (data === undefined) {
      if (series.size >= MAX_BASELINE_SERIES) continue;
      data = tasks.map(() => null);
      series.set(label, data);
    }
    if (data[i] === null) data[i] = value;
  }
  const datasets = [{ label: `this run (${results.runId})`, data: ours, backgroundColor: colour(0) }];
  let k = 1;
  for (const [label, data] of series) datasets.push({ label, data, backgroundColor: colour(k++) });
  const title = 'Primary metric per task: this run vs published baselines';
  return { kind: 'task-bars', name: 'task-bars', title, config: { type: 'bar', data: { labels: tasks, datasets }, options: { ...baseOptions(title, 'task', 'primary metric (%)') } } };
}

/** One point per task: samples/s against the primary metric. */
export function accuracyThroughputSpec(results: ResultsFile): ChartSpec {
  const datasets = Object.keys(results.tasks)
    .sort()
    .map((t, i) => {
      const r = results.tasks[t];
      const m = r?.metrics[r.primaryMetric];
      const x = r?.efficiency.samplesPerSecond ?? null;
      const points = m === undefined || x === null ? [] : [{ x, y: m.value * 100 }];
      return { label: t, data: points, backgroundColor: colour(i), borderColor: colour(i), pointRadius: 7 };
    });
  const title = 'Accuracy vs throughput (per task)';
  return { kind: 'accuracy-throughput', name: 'accuracy-throughput', title, config: { type: 'scatter', data: { datasets }, options: baseOptions(title, 'samples/s', 'primary metric (%)') } };
}

/**
 * End-to-end latency histogram per task on shared log-spaced bins: tasks differ by orders of
 * magnitude (a log-likelihood pass vs a 256-token generation), which linear bins would hide.
 */
export function latencySpec(samples: Iterable<SampleResult>): ChartSpec {
  const perTask = new Map<string, number[]>();
  let min = Infinity;
  let max = -Infinity;
  for (const s of samples) {
    const ms = s.timing?.totalMs;
    if (ms === undefined || !Number.isFinite(ms) || ms <= 0) continue;
    let list = perTask.get(s.task);
    if (list === undefined) perTask.set(s.task, (list = []));
    list.push(ms);
    if (ms < min) min = ms;
    if (ms > max) max = ms;
  }
  const title = 'End-to-end latency distribution (samples per bin)';
  if (perTask.size === 0) {
    return { kind: 'latency', name: 'latency', title, config: { type: 'bar', data: { labels: [], datasets: [] }, options: baseOptions(`${title}: no timed samples`, 'latency (ms)', 'samples') } };
  }
  const lo = Math.log(min);
  const span = Math.max(Math.log(max) - lo, 1e-9);
  const edges = Array.from({ length: LATENCY_BINS + 1 }, (_, i) => Math.exp(lo + (span * i) / LATENCY_BINS));
  const labels = edges.slice(0, -1).map((e, i) => `${formatMs(e)}–${formatMs(edges[i + 1] ?? e)}`);
  const datasets = [...perTask.keys()].sort().map((task, i) => {
    const counts = new Array<number>(LATENCY_BINS).fill(0);
    for (const ms of perTask.get(task) ?? []) {
      const bin = Math.min(LATENCY_BINS - 1, Math.floor(((Math.log(ms) - lo) / span) * LATENCY_BINS));
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    return { label: task, data: counts, backgroundColor: colour(i) };
  });
  return { kind: 'latency', name: 'latency', title, config: { type: 'bar', data: { labels, datasets }, options: baseOptions(title, 'latency (ms, log-spaced bins)', 'samples') } };
}

function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** MFU per task (and the whole run) against the theoretical and the calibrated peak. */
export function mfuSpec(results: ResultsFile): ChartSpec {
  const rows = [...Object.keys(results.tasks).sort().map((t) => [t, results.tasks[t]?.efficiency] as const), ['whole run', results.efficiency] as const];
  const labels = rows.map(([t]) => t);
  const pct = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v * 100);
  const datasets = [
    { label: 'vs theoretical peak', data: rows.map(([, e]) => pct(e?.mfu?.vsTheoreticalPeak)), backgroundColor: colour(0) },
    { label: 'vs calibrated peak (GEMM)', data: rows.map(([, e]) => pct(e?.mfu?.vsCalibratedPeak)), backgroundColor: colour(1) },
  ];
  const title = 'Model FLOPs utilization (estimate)';
  return { kind: 'mfu', name: 'mfu', title, config: { type: 'bar', data: { labels, datasets }, options: baseOptions(title, 'task', 'MFU (%)') } };
}

/** Every chart the record supports: the bars, scatter and MFU need results.json; latency needs samples only. */
export function chartSpecs(results: ResultsFile | null, samples: Iterable<SampleResult>, comparisons: BaselineComparison[] = []): ChartSpec[] {
  const specs: ChartSpec[] = [];
  if (results !== null) specs.push(taskBarsSpec(results, comparisons), accuracyThroughputSpec(results));
  specs.push(latencySpec(samples));
  if (results !== null) specs.push(mfuSpec(results));
  return specs;
}
