// Types of the run record's files (DESIGN.md §1 "one run, one record"): manifest.json and
// results.json. samples.jsonl lines are `SampleResult` (types.ts). CI jobs parse these files,
// so each carries a `schema` tag and is described by a JSON Schema under schema/ (see
// schema/README.md for how versions evolve). Keep this file, the schemas and the store's reader
// checks in step: a field added here is a field added there.
import type { BackendInfo, MetricValue, RunSpec } from './types.ts';
import type { DatasetFile, Protocol } from './task-spec.ts';

/** Schema tags: `ernie-eval/<file kind>@<major version>`. */
export const MANIFEST_SCHEMA = 'ernie-eval/manifest@1';
export const RESULTS_SCHEMA = 'ernie-eval/results@1';
export const SAMPLE_RESULT_SCHEMA = 'ernie-eval/sample-result@1';

/** Where a task's dataset was read from. */
export interface DatasetRecord {
  /** `data-dir`: the official files under --data-dir; `bundled`: the sample items shipped with the task. */
  source: 'data-dir' | 'bundled';
  /** Absolute folder the files were read from. */
  dir: string;
  files: DatasetFile[];
}

export interface TaskRecord {
  version: string;
  protocol: Protocol;
}

export interface HardwareInfo {
  /** `process.platform` (linux, darwin, win32). */
  platform: string;
  /** `process.arch` (x64, arm64). */
  arch: string;
  cpuModel: string;
  /** Logical CPUs available to the process. */
  cpuCount: number;
  memoryBytes: number;
  /** Node.js version, e.g. `v20.20.2`. */
  node: string;
  /** onnxruntime-node version when the ONNX backend ran. */
  onnxruntime?: string;
}

export interface HarnessInfo {
  name: string;
  /** package.json version of the harness that wrote the record. */
  version: string;
  /** HEAD commit when the harness runs from a git checkout, else null. */
  gitCommit: string | null;
  /** Whether the checkout had uncommitted changes; null when not a git checkout. */
  gitDirty: boolean | null;
}

/** manifest.json: what ran, on what, from which data. Written before the first request. */
export interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  runId: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  harness: HarnessInfo;
  runSpec: RunSpec;
  /** sha256 (hex) of the canonical JSON (sorted keys) of `runSpec` without `outDir`. */
  runSpecHash: string;
  model: BackendInfo;
  /** Task id → dataset provenance. */
  datasets: Record<string, DatasetRecord>;
  /** Task id → version and protocol. */
  tasks: Record<string, TaskRecord>;
  hardware: HardwareInfo;
  /** Run ids of the shard records `ernie-eval merge` combined into this one, in shard order. */
  mergedFrom?: string[];
}

/** p50/p90/p99 as numpy's default (linear) percentile, plus the mean. Milliseconds. */
export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

/**
 * Throughput and latency of the requests that were scored (DESIGN.md §2, §6). Rates are over the
 * active window, not a sum of latencies, so concurrent requests are not double counted.
 * Null where nothing was measured (no timed samples, zero-length window, no generation).
 */
export interface Efficiency {
  /** Samples that carry timing (were served by a backend). */
  timedSamples: number;
  /** First `startedAt` to the last `startedAt + totalMs`, in ms. */
  activeWindowMs: number;
  samplesPerSecond: number | null;
  promptTokens: number;
  generatedTokens: number;
  promptTokensPerSecond: number | null;
  generatedTokensPerSecond: number | null;
  /** End-to-end latency (`timing.totalMs`). */
  latencyMs: LatencySummary | null;
  /** Time to first token (`timing.ttftMs`). */
  ttftMs: LatencySummary | null;
  /** Time per output token, vLLM's (E2E − TTFT)/(n_out − 1), over samples with ≥ 2 generated tokens. */
  tpotMs: LatencySummary | null;
  /** Requests per forward batch (batch-weighted mean of `timing.batchSize`). */
  meanBatchSize: number | null;
  /**
   * True when model loading and session warm-up happened before the first timed request (the
   * ONNX pool opens its sessions first; HTTP backends have none), so no figure here includes them.
   */
  warmupExcluded?: boolean;
  /** Gaps between streamed tokens (vLLM's ITL), over every gap of every streamed sample. */
  itlMs?: LatencySummary | null;
  /** Prefill time of generate samples (their `ttftMs`: the batch's prompt pass on the local backend). */
  prefillMs?: LatencySummary | null;
  /** Decode time of generate samples (`totalMs − ttftMs`). */
  decodeMs?: LatencySummary | null;
  /** Model FLOPs of these requests, from config.json; null when the model's shape is unknown (remote, replay). */
  flops?: FlopsSummary | null;
  /** Model FLOPs utilization estimate, or why there is none. */
  mfu?: MfuSummary;
}

/** Forward FLOPs of the timed requests from the FLOPs model (docs/efficiency.md). */
export interface FlopsSummary {
  /** How FLOPs were counted, in words. */
  method: string;
  /** Parameters one text token multiplies through (routed experts: top-k), embedding excluded, LM head included. */
  activeParameters: number;
  totalParameters: number;
  /** FLOPs of the prompt tokens (causal attention over the prompt). */
  prefillFlops: number;
  /** FLOPs of the generated tokens (each attends to the prompt and the tokens before it). */
  decodeFlops: number;
  totalFlops: number;
  /** totalFlops over the active window; null when the window is empty. */
  achievedFlopsPerSecond: number | null;
}

/** A peak FLOP/s and where it came from. */
export interface PeakFlops {
  flopsPerSecond: number;
  /** Datasheet URL, the CPU formula, or the calibration that measured it. */
  source: string;
}

export interface MfuSummary {
  /** `estimate`: computed against at least one peak; `n/a`: not computable, `note` says why. */
  status: 'estimate' | 'n/a';
  /** What the figures mean, or why there are none (e.g. "n/a, hardware unknown"). */
  note: string;
  /** Achieved model FLOP/s ÷ theoretical peak (datasheet, or cores × clock × SIMD width). */
  vsTheoreticalPeak: number | null;
  /** Achieved model FLOP/s ÷ the peak a large GEMM reached on this machine (`ernie-eval calibrate`). */
  vsCalibratedPeak: number | null;
  theoreticalPeak: PeakFlops | null;
  calibratedPeak: PeakFlops | null;
}

export interface Coverage {
  total: number;
  /** Samples the backend answered (no error). */
  answered: number;
  /** Answered samples whose primary filter extracted an answer (all answered when the task has none). */
  extracted: number;
  /** Samples whose request or scoring failed (`SampleResult.error`). */
  errored: number;
}

/** Accuracy side of a task's results: what `scoring` computes from its samples. */
export interface TaskMetrics {
  /** Task version the samples were produced with. */
  version: string;
  primaryMetric: string;
  /** Metric name → aggregate over all samples of the task. */
  metrics: Record<string, MetricValue>;
  /** Subset → metric name → aggregate over the subset's samples. */
  subsets?: Record<string, Record<string, MetricValue>>;
  /** Metric name → unweighted mean over subsets (MMLU's macro average). */
  macro?: Record<string, MetricValue>;
  coverage: Coverage;
}

export interface TaskResults extends TaskMetrics {
  efficiency: Efficiency;
}

export type RunStatus = 'complete' | 'interrupted' | 'aborted';

/** results.json: written once, when the run ends. */
export interface ResultsFile {
  schema: typeof RESULTS_SCHEMA;
  runId: string;
  /** `interrupted`: stopped by a signal; `aborted`: exceeded --max-errors or failed. */
  status: RunStatus;
  /** ISO 8601 UTC. */
  startedAt: string;
  endedAt: string;
  tasks: Record<string, TaskResults>;
  /** Efficiency over every sample of the run. */
  efficiency: Efficiency;
  /** Where the run's samples came from (resume and response cache); absent in records written before resume existed. */
  resume?: ResumeCounts;
}

/** How many of the run's samples were taken from where, so a resumed run shows nothing was recomputed. */
export interface ResumeCounts {
  /** Samples already in the record when `--resume` re-opened it (not run again). */
  fromRecord: number;
  /** Samples answered from the response cache (no request sent in this run). */
  fromCache: number;
  /** Samples whose request was sent to the backend in this run (errors included). */
  computed: number;
}
