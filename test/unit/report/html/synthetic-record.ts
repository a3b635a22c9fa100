// A synthetic run record of any size, built in memory without a model: MMLU-like log-likelihood
// samples (57 subjects, a shared 5-shot prefix per subject) and GSM8K-like generations, with a
// seeded mix of right, wrong and errored samples. Aggregates are computed from the samples the
// same way for every size, so tests compare the page with the samples, not with fixed numbers.
// Used by the HTML unit tests and by bench/report-100k.ts.
import { seededRandom, type Efficiency, type Manifest, type MetricValue, type ResultsFile, type SampleResult, type TaskResults } from '../../../../src/core/index.ts';
import type { RunRecord } from '../../../../src/store/index.ts';

export const HOSTILE = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', '</textarea><b>x</b>'];


function metric(values: number[]): MetricValue {
  const n = values.length;
  const mean = n === 0 ? 0 : values.reduce((a, b) => a + b, 0) / n;
  const stderr = n < 2 ? 0 : Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) / n);
  return { value: mean, stderr, ci95: [Math.max(0, mean - 1.96 * stderr), Math.min(1, mean + 1.96 * stderr)], n, higherIsBetter: true };
}

function efficiency(samples: SampleResult[], samplesPerSecond: number, mfu: number): Efficiency {
  const lat = samples.map((s) => s.timing?.totalMs ?? 0).sort((a, b) => a - b);
  const at = (q: number): number => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))] ?? 0;
  const summary = { p50: at(0.5), p90: at(0.9), p99: at(0.99), mean: lat.reduce((a, b) => a + b, 0) / Math.max(1, lat.length) };
  const peak = { flopsPerSecond: 3.3e11, source: 'synthetic peak <b>not bold</b>' };
  return {
    timedSamples: samples.length,
    activeWindowMs: (samples.length / samplesPerSecond) * 1000,
    samplesPerSecond,
    promptTokens: 0,
    generatedTokens: 0,
    promptTokensPerSecond: null,
    generatedTokensPerSecond: null,
    latencyMs: summary,
    ttftMs: summary,
    tpotMs: null,
    meanBatchSize: 4,
    mfu: { status: 'estimate', note: 'synthetic', vsTheoreticalPeak: mfu, vsCalibratedPeak: mfu * 1.5, theoreticalPeak: peak, calibratedPeak: peak },
  };
}

export interface SyntheticOptions {
  samples: number;
  seed?: number;
  /** Put the hostile strings into outputs, a target, a sample id and the model name. */
  hostile?: boolean;
}

export function syntheticRecord(options: SyntheticOptions): RunRecord {
  const rand = seededRandom(options.seed ?? 42);
  const subjects = Array.from({ length: 57 }, (_, i) => `subject_${i}`);
  const prefixes = subjects.map((s) => `The following are multiple choice questions (with answers) about ${s}.\n\n${'Which of these is an example question? A. one B. two C. three D. four\nAnswer: B\n\n'.repeat(5)}`);
  const gsmPrefix = 'Q: There are 15 trees in the grove. How many trees did the grove workers plant today?\nA: There are 15 trees originally. The answer is 6.\n\n'.repeat(8);
  const samples: SampleResult[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < options.samples; i++) {
    const mmlu = i % 2 === 0;
    const hostile = options.hostile === true && i < HOSTILE.length * 2 ? HOSTILE[i % HOSTILE.length] : undefined;
    const timing = { startedAt: start + i * 10, queuedMs: 1, ttftMs: 5 + rand() * 20, totalMs: mmlu ? 20 + rand() * 80 : 300 + rand() * 900, batchSize: 4 };
    const errored = rand() < 0.01;
    const base = { schema: 'ernie-eval/sample-result@1' as const, taskVersion: '1.0', requestKey: `k${i}`, timing, tokens: { prompt: 500, generated: mmlu ? 0 : 200 } };
    if (mmlu) {
      const subset = subjects[i % subjects.length] ?? 'x';
      const logprobs = [0, 1, 2, 3].map(() => -1 - rand() * 10);
      const best = logprobs.indexOf(Math.max(...logprobs));
      const target = 'ABCD'[Math.floor(rand() * 4)] ?? 'A';
      const acc = 'ABCD'[best] === target ? 1 : 0;
      samples.push({
        ...base,
        task: 'mmlu',
        sampleId: `${subset}/${i}`,
        subset,
        requestKind: 'loglikelihood',
        prompt: `${prefixes[i % subjects.length] ?? ''}Question ${i}: which option is right?\nA. alpha\nB. beta\nC. gamma\nD. delta\nAnswer:`,
        target,
        choices: ['alpha', 'beta', 'gamma', hostile ?? 'delta'],
        ...(errored ? { error: { code: 'BACKEND', message: `worker crashed on sample ${i}`, retryable: false } } : { completion: { logprobs, greedy: [true, false, false, false], continuationTokens: [1, 1, 1, 1] }, score: { values: { acc, acc_norm: acc } } }),
      });
    } else {
      const answer = String(Math.floor(rand() * 100));
      const target = rand() < 0.4 ? answer : String(Math.floor(rand() * 100));
      const text = `${hostile ?? ''}Let me think step by step. ${'We add the numbers and carry the remainder. '.repeat(8)}The answer is ${answer}.`;
      const em = answer === target ? 1 : 0;
      samples.push({
        ...base,
        task: 'gsm8k',
        sampleId: hostile === undefined ? String(i) : `${i}${hostile}`,
        requestKind: 'generate',
        prompt: `${gsmPrefix}Q: Problem number ${i}: a train leaves at ${i % 24}:00. When does it arrive?\nA:`,
        target: hostile === undefined ? target : `${target} ${hostile}`,
        ...(errored
          ? { error: { code: 'BACKEND', message: `HTTP 500 ${hostile ?? ''}`, retryable: true } }
          : { completion: { text, ...(i % 3 === 0 ? { reasoning: `Thinking about problem ${i}: ${hostile ?? 'carefully'}` } : {}), finishReason: 'stop' as const }, score: { values: { 'exact_match,strict-match': em, 'exact_match,flexible-extract': em }, extracted: { 'strict-match': answer, 'flexible-extract': answer } } }),
      });
    }
  }
  const tasks: Record<string, TaskResults> = {};
  for (const [task, primary, extra, sps, mfu] of [['mmlu', 'acc', 'acc_norm', 120, 0.06], ['gsm8k', 'exact_match,strict-match', 'exact_match,flexible-extract', 6, 0.02]] as const) {
    const mine = samples.filter((s) => s.task === task);
    const errored = mine.filter((s) => s.error !== undefined).length;
    tasks[task] = {
      version: '1.0',
      primaryMetric: primary,
      metrics: { [primary]: metric(mine.map((s) => s.score?.values[primary] ?? 0)), [extra]: metric(mine.map((s) => s.score?.values[extra] ?? 0)) },
      coverage: { total: mine.length, answered: mine.length - errored, extracted: mine.length - errored, errored },
      efficiency: efficiency(mine, sps, mfu),
    };
  }
  const runId = '20260101-000000-synthetic-abcdef';
  const manifest: Manifest = {
    schema: 'ernie-eval/manifest@1',
    runId,
    createdAt: new Date(start).toISOString(),
    harness: { name: 'ernie-eval', version: '0.1.0', gitCommit: null, gitDirty: null },
    runSpec: { tasks: ['mmlu', 'gsm8k'], model: 'synthetic', dtype: 'fp32', seed: 0, workers: 1, outDir: '/tmp' },
    runSpecHash: '0'.repeat(64),
    model: { kind: 'replay', location: '/nowhere', modelName: options.hostile === true ? `model ${HOSTILE[0] ?? ''}` : 'synthetic-model', fingerprint: 'f'.repeat(64) },
    datasets: { mmlu: { source: 'bundled', dir: '/data/mmlu', files: [{ path: 'data/test/x.csv', sha256: 'a'.repeat(64), bytes: 10 }] } },
    tasks: { mmlu: { version: '1.0', protocol: { shots: 5, chainOfThought: false, requestKind: 'loglikelihood', source: 'lm-eval' } }, gsm8k: { version: '1.0', protocol: { shots: 8, chainOfThought: true, requestKind: 'generate', source: 'lm-eval' } } },
    hardware: { platform: 'linux', arch: 'x64', cpuModel: 'synthetic CPU', cpuCount: 2, memoryBytes: 8 * 2 ** 30, node: process.version },
  };
  const all = samples;
  const results: ResultsFile = { schema: 'ernie-eval/results@1', runId, status: 'complete', startedAt: manifest.createdAt, endedAt: manifest.createdAt, tasks, efficiency: efficiency(all, 12, 0.03) };
  return { dir: '/nowhere', manifest, samples, results, warnings: [] };
}
