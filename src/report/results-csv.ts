// results.csv: the results.json numbers as one flat table for spreadsheets and CI jobs that
// would rather not walk JSON. One row per (task, scope, subset, metric); scope is `overall`,
// `macro` or `subset`. Coverage and efficiency are task-level facts, so they fill the overall
// rows only and are empty elsewhere (repeating them would invite summing them).
import { stringify } from 'csv-stringify/sync';
import type { Efficiency, MetricValue, ResultsFile, TaskResults } from '../core/index.ts';
import { writeFileAtomic } from '../store/index.ts';

export const RESULTS_CSV_COLUMNS = [
  'run_id',
  'task',
  'task_version',
  'scope',
  'subset',
  'metric',
  'primary',
  'higher_is_better',
  'value',
  'stderr',
  'ci_low',
  'ci_high',
  'n',
  'coverage_total',
  'coverage_answered',
  'coverage_extracted',
  'coverage_errored',
  'samples_per_s',
  'prompt_tokens_per_s',
  'generated_tokens_per_s',
  'latency_p50_ms',
  'latency_p90_ms',
  'latency_p99_ms',
  'ttft_p50_ms',
  'ttft_p90_ms',
  'ttft_p99_ms',
  'tpot_p50_ms',
  'mean_batch_size',
  'itl_p50_ms',
  'prefill_p50_ms',
  'decode_p50_ms',
  'warmup_excluded',
  'model_flops',
  'achieved_flops_per_s',
  'mfu_status',
  'mfu_vs_theoretical_peak',
  'mfu_vs_calibrated_peak',
] as const;

export type ResultsCsvColumn = (typeof RESULTS_CSV_COLUMNS)[number];
type Row = Partial<Record<ResultsCsvColumn, string | number | boolean | null>>;

function metricRow(results: ResultsFile, task: string, r: TaskResults, scope: 'overall' | 'macro' | 'subset', subset: string, metric: string, m: MetricValue): Row {
  return {
    run_id: results.runId,
    task,
    task_version: r.version,
    scope,
    subset,
    metric,
    primary: metric === r.primaryMetric,
    higher_is_better: m.higherIsBetter,
    value: m.value,
    stderr: m.stderr,
    ci_low: m.ci95[0],
    ci_high: m.ci95[1],
    n: m.n,
  };
}

function taskLevelColumns(r: TaskResults): Row {
  const e: Efficiency = r.efficiency;
  return {
    coverage_total: r.coverage.total,
    coverage_answered: r.coverage.answered,
    coverage_extracted: r.coverage.extracted,
    coverage_errored: r.coverage.errored,
    samples_per_s: e.samplesPerSecond,
    prompt_tokens_per_s: e.promptTokensPerSecond,
    generated_tokens_per_s: e.generatedTokensPerSecond,
    latency_p50_ms: e.latencyMs?.p50 ?? null,
    latency_p90_ms: e.latencyMs?.p90 ?? null,
    latency_p99_ms: e.latencyMs?.p99 ?? null,
    ttft_p50_ms: e.ttftMs?.p50 ?? null,
    ttft_p90_ms: e.ttftMs?.p90 ?? null,
    ttft_p99_ms: e.ttftMs?.p99 ?? null,
    tpot_p50_ms: e.tpotMs?.p50 ?? null,
    mean_batch_size: e.meanBatchSize,
    // Fields added with the FLOPs model; records written before it lack them (empty cells).
    itl_p50_ms: e.itlMs?.p50 ?? null,
    prefill_p50_ms: e.prefillMs?.p50 ?? null,
    decode_p50_ms: e.decodeMs?.p50 ?? null,
    warmup_excluded: e.warmupExcluded ?? null,
    model_flops: e.flops?.totalFlops ?? null,
    achieved_flops_per_s: e.flops?.achievedFlopsPerSecond ?? null,
    mfu_status: e.mfu?.status ?? null,
    mfu_vs_theoretical_peak: e.mfu?.vsTheoreticalPeak ?? null,
    mfu_vs_calibrated_peak: e.mfu?.vsCalibratedPeak ?? null,
  };
}

/** Rows in a stable order: tasks by id; per task overall, then macro, then subsets by name. */
export function resultsCsvRows(results: ResultsFile): Row[] {
  const rows: Row[] = [];
  for (const task of Object.keys(results.tasks).sort()) {
    const r = results.tasks[task] as TaskResults;
    const taskLevel = taskLevelColumns(r);
    for (const [metric, m] of Object.entries(r.metrics)) rows.push({ ...metricRow(results, task, r, 'overall', '', metric, m), ...taskLevel });
    for (const [metric, m] of Object.entries(r.macro ?? {})) rows.push(metricRow(results, task, r, 'macro', '', metric, m));
    for (const subset of Object.keys(r.subsets ?? {}).sort()) {
      for (const [metric, m] of Object.entries(r.subsets?.[subset] ?? {})) rows.push(metricRow(results, task, r, 'subset', subset, metric, m));
    }
  }
  return rows;
}

export function resultsCsv(results: ResultsFile): string {
  return stringify(resultsCsvRows(results), {
    header: true,
    columns: [...RESULTS_CSV_COLUMNS],
    // csv-stringify writes booleans as 1/"" by default; spell them out for readers.
    cast: { boolean: (v: boolean) => (v ? 'true' : 'false') },
  });
}

/** Write results.csv atomically (a half-written CSV would parse as a shorter, wrong table). */
export async function writeResultsCsv(file: string, results: ResultsFile): Promise<void> {
  await writeFileAtomic(file, resultsCsv(results));
}
