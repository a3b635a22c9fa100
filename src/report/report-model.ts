// The data the report layer computes from run records, shared by every writer (CSV, Markdown,
// JUnit, HTML, charts) so that each renders the same numbers: published baselines beside a run's
// scores, and the paired comparison of two runs. Plain data only (written to compare.json).
import type { Efficiency, MetricValue } from '../core/index.ts';

/** Where a published number was read (a baseline file's `source`, plus the entry's table). */
export interface BaselineSource {
  title: string;
  /** URL or repository of the document. */
  url: string;
  /** File or section inside it. */
  path: string;
  /** Table (or prose section) the number was printed in. */
  table: string;
  /** `primary`, `primary content via mirror`, `SECONDARY ...`, or `user` for a user's own file. */
  status: string;
  /** Baseline file the entry was loaded from (absolute path), so every number can be traced. */
  file: string;
}

/**
 * Scale a published number is printed on. Our metrics are fractions (0..1); `permille` is
 * OCRBench's score, the number of correct answers out of its 1,000 questions.
 */
export type BaselineScale = 'percent' | 'fraction' | 'permille' | 'other';

/** What a setting says about the protocol, parsed from its free text; undefined = not stated. */
export interface ParsedSetting {
  shots?: number;
  chainOfThought?: boolean;
  thinking?: boolean;
}

/** One published number with its provenance. */
export interface BaselineEntry {
  model: string;
  /** Benchmark name as the source prints it ("GSM8K", "MMLU-Pro"). */
  benchmark: string;
  /** Task id the benchmark maps onto (baselines/task-map.json or the entry's own `task`); null: not one of ours. */
  taskId: string | null;
  /** The task's subset the number is about (AIME'24 → aime24 of task aime); absent: the whole task. */
  subset?: string;
  metric: string;
  /** Shots, CoT, thinking or decoding as the source states it (free text). */
  setting: string;
  parsedSetting: ParsedSetting;
  /** The number exactly as printed, on the source's own scale. */
  value: number;
  scale: BaselineScale;
  source: BaselineSource;
  notes: string;
}

export type SettingMatch = 'exact' | 'close' | 'different';

/** A run's score on a task beside one published number. */
export interface BaselineComparison {
  taskId: string;
  /** Our metric that was compared (the task's primary metric). */
  metric: string;
  ours: MetricValue;
  baseline: BaselineEntry;
  /** ours − baseline on the baseline's scale (points for percent); null when the scale is `other`. */
  delta: number | null;
  /** ours' 95% interval on the baseline's scale; null when the scale is `other`. */
  oursCi95OnBaselineScale: [number, number] | null;
  settingMatch: SettingMatch;
  /** Why the setting matches or not, in words ("8-shot = 8-shot; CoT not stated"). */
  reason: string;
  /** Whether this entry is the one the run is compared with for its model (best setting match). */
  preferred: boolean;
}

export type CompareMethod = 'mcnemar' | 'paired-bootstrap';
export type Verdict = 'improved' | 'unchanged' | 'regressed';

/** Efficiency of one side and new − base (null where either side has no figure). */
export interface EfficiencyDelta {
  name: 'samplesPerSecond' | 'generatedTokensPerSecond' | 'promptTokensPerSecond' | 'latencyP50Ms' | 'latencyP90Ms' | 'latencyP99Ms' | 'ttftP50Ms' | 'mfuVsTheoreticalPeak';
  higherIsBetter: boolean;
  base: number | null;
  new: number | null;
  /** new − base. */
  diff: number | null;
  /** (new − base) / base; null when base is 0 or missing. */
  relative: number | null;
}

/** A sample whose 0/1 outcome differs between the two runs (what a reviewer reads first). */
export interface FlippedSample {
  sampleId: string;
  /** `fixed`: wrong in base, right in new; `broken`: right in base, wrong in new. */
  direction: 'fixed' | 'broken';
  base: number;
  new: number;
}

/** The paired comparison of one task between two runs, on the samples both runs have. */
export interface TaskComparison {
  taskId: string;
  taskVersion: string;
  /** The compared metric (the task's primary metric). */
  metric: string;
  higherIsBetter: boolean;
  /** Samples present in both runs (matched by task + sampleId). */
  nShared: number;
  /** Samples only in one run (not compared). */
  onlyInBase: number;
  onlyInNew: number;
  /** Mean of the metric over the shared samples. */
  base: number;
  new: number;
  /** new − base (fraction scale: 0.05 = 5 points). */
  diff: number;
  ci95: [number, number];
  pValue: number;
  method: CompareMethod;
  verdict: Verdict;
  /** Why the verdict, in words. */
  reason: string;
  flipped: FlippedSample[];
  /** Flipped samples beyond `flipped` (the list is capped to keep compare.json small). */
  flippedOmitted: number;
  efficiency: EfficiencyDelta[];
}

export interface CompareThresholds {
  /** A drop larger than this many points (percent scale) can be a regression. */
  maxDropPoints: number;
  /** ...and only when significant at this level. */
  alpha: number;
  /** Seed of the paired bootstrap, so a comparison is reproducible. */
  seed: number;
  bootstrapResamples: number;
}

export interface CompareRunInfo {
  runId: string;
  dir: string;
  model: string;
  createdAt: string;
}

/** compare.json. */
export interface CompareResult {
  schema: 'ernie-eval/compare@1';
  base: CompareRunInfo;
  new: CompareRunInfo;
  thresholds: CompareThresholds;
  tasks: TaskComparison[];
  /** Tasks present in only one run. */
  unmatchedTasks: { taskId: string; in: 'base' | 'new' }[];
  /** Tasks in both runs that cannot be paired sample by sample: every metric is corpus-level (Multi-IF's ratios). */
  notPaired: { taskId: string; reason: string }[];
  /** Run-level efficiency (all samples). */
  efficiency: EfficiencyDelta[];
  regressed: boolean;
}

/** A gate a run must pass (nightly profile): the task's primary metric ≥ minimum, coverage, ... */
export interface GateResult {
  name: string;
  taskId: string | null;
  passed: boolean;
  message: string;
}

export type { Efficiency, MetricValue };
