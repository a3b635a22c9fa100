// results.json from samples: accuracy (scoring) and efficiency (perf) of the same requests put
// side by side (DESIGN.md §1.2). The runner writes results.json (DESIGN.md §4 step 7); re-scoring
// a saved record (the replay backend) goes through the runner too, so this lives here.
import { RESULTS_SCHEMA } from '../core/index.ts';
import type { ResultsFile, RunStatus, SampleResult, TaskResults } from '../core/index.ts';
import { computeEfficiency, type EfficiencyContext } from '../perf/index.ts';
import { aggregateTask } from '../scoring/index.ts';
import type { MetricsTaskSpec } from '../scoring/index.ts';

/** Record order: by task, sample id, then repeat (a sample's repeated answers in seed order). */
export function compareSampleOrder(a: SampleResult, b: SampleResult): number {
  return (a.task === b.task ? 0 : a.task < b.task ? -1 : 1) || (a.sampleId < b.sampleId ? -1 : a.sampleId > b.sampleId ? 1 : 0) || (a.repeat ?? 0) - (b.repeat ?? 0);
}

/**
 * Samples in a fixed order: floating-point sums depend on order, and a record must give the same
 * numbers however its samples finished, were sharded or were replayed.
 */
function inSampleOrder(samples: readonly SampleResult[]): SampleResult[] {
  return [...samples].sort(compareSampleOrder);
}

export function buildTaskResults(spec: MetricsTaskSpec, samples: readonly SampleResult[], efficiency: EfficiencyContext = {}): TaskResults {
  const ordered = inSampleOrder(samples);
  return { ...aggregateTask(spec, ordered), efficiency: computeEfficiency(ordered, efficiency) };
}

export interface BuildResultsInput {
  runId: string;
  status: RunStatus;
  startedAt: Date;
  endedAt: Date;
  /** Each task's spec with its samples (all samples of the run, split by `SampleResult.task`). */
  tasks: readonly { spec: MetricsTaskSpec; samples: readonly SampleResult[] }[];
  /** FLOPs model and hardware peaks for the FLOPs / MFU fields (runner/efficiency-context.ts); absent: n/a. */
  efficiency?: EfficiencyContext;
}

export function buildResultsFile(input: BuildResultsInput): ResultsFile {
  const tasks: Record<string, TaskResults> = {};
  for (const { spec, samples } of input.tasks) tasks[spec.id] = buildTaskResults(spec, samples, input.efficiency);
  return {
    schema: RESULTS_SCHEMA,
    runId: input.runId,
    status: input.status,
    startedAt: input.startedAt.toISOString(),
    endedAt: input.endedAt.toISOString(),
    tasks,
    efficiency: computeEfficiency(inSampleOrder(input.tasks.flatMap((t) => t.samples)), input.efficiency),
  };
}
