// What a benchmark is to the harness (DESIGN.md §3 TaskSpec). Tasks live in tasks/<id>/task.ts
// and default-export `defineTask({...})`; the registry in src/task/ finds them.
import type { Capabilities, Completion, GenerationParams, Message, Sample, Score, TaskRequestKind } from './types.ts';

/** A dataset file that was read, for the manifest's checksums. */
export interface DatasetFile {
  /** Path relative to the task's data folder. */
  path: string;
  sha256: string;
  bytes: number;
}

/** What a task's loader returns: the evaluation items, the few-shot pool and the files read. */
export interface TaskData {
  samples: Sample[];
  /** Items shots are drawn from (MMLU: the dev split). Empty for zero-shot or fixed exemplars. */
  fewshot: Sample[];
  files: DatasetFile[];
}

/** A request as a task builds it; the task layer adds the stable key. */
export type RequestBody =
  | { kind: 'loglikelihood'; context: string; continuations: string[] }
  | {
      kind: 'generate';
      prompt: { kind: 'text'; text: string } | { kind: 'chat'; messages: Message[] };
      params: GenerationParams;
    };

/**
 * How a metric's per-sample values become the task's value, for metrics that are not a mean of one
 * value per sample (scoring/metrics.ts computes them):
 * - `ratio`: corpus-level Σ numerator / Σ denominator over the answered samples, each a named
 *   `Score.values` entry (POPE's precision TP/(TP+FP), recall, F1 = 2TP / (2TP+FP+FN)). An errored
 *   sample has no prediction to put in a confusion cell, so it is left out (coverage shows it).
 * - `all-in-group`: the share of groups whose every sample scored 1 on the value `of`
 *   (HallusionBench's question-pair and figure accuracy). `groupOf` derives the group from the
 *   sample id, so that an errored sample (which has no score) still fails its group; null leaves
 *   the sample out of this metric.
 * - `weighted-sum`: Σ weight × another metric of the task read over a named subset (CV-Bench's
 *   ¼ ADE20K + ¼ COCO + ½ Omni3D; MME's perception total, Σ of 100 × (acc + acc+) over its
 *   subtasks); a term without a subset reads the samples at hand (each subset in turn, then all).
 *   Absent when a term's subset has no samples: a partial sum is not the benchmark's number.
 * - `pass-at-k`: the unbiased pass@k of Chen et al. 2021 per problem (n = the problem's answers
 *   in the run, `--repeats`; c = those scoring 1 on the 0/1 value `of`; an errored answer fails),
 *   then the mean over problems with its standard error over problems. Absent when a problem has
 *   fewer than k answers: pass@k is not estimable from n < k samples.
 *
 * Every aggregate, and the plain mean, first groups a sample's repeated answers (same sampleId)
 * into one problem: n is the number of problems, not of answers.
 */
export type MetricAggregate =
  | { kind: 'ratio'; numerator: string; denominator: string }
  | { kind: 'all-in-group'; of: string; groupOf: (sampleId: string) => string | null }
  | { kind: 'weighted-sum'; terms: readonly WeightedTerm[] }
  | { kind: 'pass-at-k'; of: string; k: number };

/** One term of a `weighted-sum` metric. */
export interface WeightedTerm {
  /** Another metric of the same task (a mean, ratio, all-in-group or pass-at-k metric). */
  metric: string;
  weight: number;
  /** Subset the metric is read over; absent: the samples being aggregated. */
  subset?: string;
}

export interface MetricSpec {
  name: string;
  higherIsBetter: boolean;
  description: string;
  /** Absent: the mean of this metric's own per-sample value. */
  aggregate?: MetricAggregate;
}

export interface Protocol {
  /** Number of in-context examples. */
  shots: number;
  chainOfThought: boolean;
  requestKind: TaskRequestKind;
  /** Where the protocol comes from (harness config, paper table), shown by `list` and READMEs. */
  source: string;
}

export interface TaskSpec {
  /** Registry id, kebab-case: `mmlu`, `gsm8k`. */
  id: string;
  /** Bumped whenever prompts, parsing or scoring change, so records from before are not compared blindly. */
  version: string;
  title: string;
  description: string;
  protocol: Protocol;
  /** Capabilities a backend needs for this task; checked before the first request. */
  requires: (keyof Capabilities)[];
  metrics: MetricSpec[];
  /** The metric a summary shows first. */
  primaryMetric: string;
  /** Which `Score.extracted` entry counts for coverage "extracted" (generation tasks). */
  primaryFilter?: string;
  /** Also report the unweighted mean over subsets (MMLU's macro average over subjects). */
  macroOverSubsets?: boolean;
  data: {
    /** Folder under `--data-dir` holding the official files, e.g. `mmlu`. */
    folder: string;
    /** One line: where a user downloads the official files and how to lay them out. */
    download: string;
    /** Absolute path of the bundled sample items (official layout), used without --data-dir. */
    bundledDir: string;
  };
  /** Read the official files under `dir`. Throws DataError naming file and line on bad input. */
  load(dir: string): Promise<TaskData>;
  /** Build the request for one sample. Pure and deterministic: the request key hashes its output. */
  buildRequest(sample: Sample, data: TaskData): RequestBody;
  /** Pure: score one completion. Must not throw on odd model output; that is a wrong answer. */
  score(sample: Sample, completion: Completion): Score;
  /**
   * Optional asynchronous scorer, used instead of `score` when present. Code tasks (HumanEval,
   * MBPP) must run the completion in a sandboxed subprocess, which cannot be done synchronously
   * without blocking the event loop (and with it every request in flight). Same rules as `score`:
   * odd model output is a wrong answer, not a rejection; a rejection is a SCORING error on the sample.
   */
  scoreAsync?(sample: Sample, completion: Completion): Promise<Score>;
  /**
   * Optional, for multi-turn benchmarks (Multi-IF): the request of the next turn, given the text of
   * every answer so far (answers[k] answers turn k+1; turn 1 is `buildRequest`), or null when the
   * conversation is over. The runner asks turn k+1 once turn k is answered and records the whole
   * conversation as one sample; a failed turn ends it with that error. Pure and deterministic, as
   * `buildRequest`; the run's settings (thinking, token cap, the repeat's seed) are applied to it.
   */
  followUp?(sample: Sample, data: TaskData, answers: readonly string[]): RequestBody | null;
  /**
   * Optional with `followUp`: score a finished conversation from every turn's completion, in
   * order. Without it the last turn's completion is scored with `score`. Same rules as `score`.
   */
  scoreConversation?(sample: Sample, completions: readonly Completion[]): Score;
}

export function defineTask(spec: TaskSpec): TaskSpec {
  if (!spec.metrics.some((m) => m.name === spec.primaryMetric)) {
    throw new Error(`task ${spec.id}: primaryMetric "${spec.primaryMetric}" is not among its metrics`);
  }
  return spec;
}
