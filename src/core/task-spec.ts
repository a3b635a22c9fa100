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

export interface MetricSpec {
  name: string;
  higherIsBetter: boolean;
  description: string;
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
}

export function defineTask(spec: TaskSpec): TaskSpec {
  if (!spec.metrics.some((m) => m.name === spec.primaryMetric)) {
    throw new Error(`task ${spec.id}: primaryMetric "${spec.primaryMetric}" is not among its metrics`);
  }
  return spec;
}
