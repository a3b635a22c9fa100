// A run's scores beside the published numbers for the same tasks. Every published number mapped
// to a task is listed with how well its setting matches the run's protocol; per (task, model,
// benchmark) the best-matching entry is marked `preferred`, so where sources disagree (DeepSeek's
// 8-shot vs Qwen's 4-shot CoT GSM8K for DeepSeek-V3-Base) the run's own protocol decides.
import type { Manifest, MetricValue, ResultsFile } from '../core/index.ts';
import { matchSetting, settingRank, type RunSetting } from './baseline-setting.ts';
import type { BaselineComparison, BaselineEntry, BaselineScale } from './report-model.ts';

function onScale(v: number, scale: BaselineScale): number | null {
  if (scale === 'percent') return v * 100;
  if (scale === 'fraction') return v;
  if (scale === 'permille') return v * 1000;
  return null;
}

/** The protocol the run used for a task, from its manifest. */
export function runSettingOf(manifest: Manifest, taskId: string): RunSetting | null {
  const p = manifest.tasks[taskId]?.protocol;
  return p === undefined ? null : { shots: p.shots, chainOfThought: p.chainOfThought };
}

export interface BaselineComparisonOptions {
  /** Task id → the metric published numbers are compared with (task-map.json); default the primary metric. */
  metricFor?: (taskId: string) => string | undefined;
}

export function compareWithBaselines(manifest: Manifest, results: ResultsFile, baselines: readonly BaselineEntry[], options: BaselineComparisonOptions = {}): BaselineComparison[] {
  const out: BaselineComparison[] = [];
  for (const taskId of Object.keys(results.tasks).sort()) {
    const task = results.tasks[taskId];
    const setting = runSettingOf(manifest, taskId);
    if (task === undefined || setting === null) continue;
    const wanted = options.metricFor?.(taskId);
    const metric = wanted !== undefined && task.metrics[wanted] !== undefined ? wanted : task.primaryMetric;
    const rows: BaselineComparison[] = [];
    for (const b of baselines) {
      if (b.taskId !== taskId) continue;
      // A number about one subset (AIME'24) is compared with that subset's score, not the task's.
      const ours: MetricValue | undefined = b.subset === undefined ? task.metrics[metric] : task.subsets?.[b.subset]?.[metric];
      if (ours === undefined) continue;
      const { match, reason } = matchSetting(setting, b.parsedSetting);
      const oursScaled = onScale(ours.value, b.scale);
      const lo = onScale(ours.ci95[0], b.scale);
      const hi = onScale(ours.ci95[1], b.scale);
      rows.push({
        taskId,
        metric,
        ours,
        baseline: b,
        delta: oursScaled === null ? null : oursScaled - b.value,
        oursCi95OnBaselineScale: lo === null || hi === null ? null : [lo, hi],
        settingMatch: match,
        reason,
        preferred: false,
      });
    }
    markPreferred(rows);
    out.push(...rows);
  }
  return out;
}

/**
 * Per model and benchmark, the entry whose setting matches best (ties: the first loaded, i.e.
 * the model developer's file before others' reprints when names sort that way) is preferred;
 * an entry whose setting contradicts the run is never preferred.
 */
function markPreferred(rows: BaselineComparison[]): void {
  const best = new Map<string, BaselineComparison>();
  for (const r of rows) {
    if (r.settingMatch === 'different' || r.delta === null) continue;
    const key = `${r.baseline.model}\u0000${r.taskId}\u0000${r.baseline.subset ?? ''}`;
    const prior = best.get(key);
    if (prior === undefined || settingRank(r.settingMatch) > settingRank(prior.settingMatch)) best.set(key, r);
  }
  for (const r of best.values()) r.preferred = true;
}
