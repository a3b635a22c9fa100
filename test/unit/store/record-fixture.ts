// Small hand-made run records shared by the store, report and metrics tests.
import { MANIFEST_SCHEMA, SAMPLE_RESULT_SCHEMA } from '../../../src/core/index.ts';
import type { Manifest, MetricSpec, SampleResult } from '../../../src/core/index.ts';
import type { MetricsTaskSpec } from '../../../src/scoring/metrics.ts';

export function sample(over: Partial<SampleResult> & { sampleId: string }): SampleResult {
  return {
    schema: SAMPLE_RESULT_SCHEMA,
    task: 'toy',
    taskVersion: '1',
    requestKey: `key-${over.sampleId}`,
    requestKind: 'generate',
    prompt: 'Q: 1+1?\nA:',
    target: '2',
    ...over,
  };
}

/** A scored generate sample: acc 0|1, extracted answer, timing and tokens. */
export function scored(sampleId: string, acc: number, extra: Partial<SampleResult> = {}): SampleResult {
  return sample({
    sampleId,
    completion: { text: acc === 1 ? 'The answer is 2' : 'no idea', finishReason: 'stop' },
    score: { values: { acc }, extracted: { 'strict-match': acc === 1 ? '2' : null } },
    timing: { startedAt: 1_000, queuedMs: 0, ttftMs: 100, totalMs: 1_000, batchSize: 1 },
    tokens: { prompt: 10, generated: 5 },
    ...extra,
  });
}

export function errored(sampleId: string, extra: Partial<SampleResult> = {}): SampleResult {
  return sample({ sampleId, error: { code: 'BACKEND', message: 'HTTP 500', retryable: true }, ...extra });
}

export const accMetric: MetricSpec = { name: 'acc', higherIsBetter: true, description: 'accuracy' };

export const toySpec: MetricsTaskSpec = {
  id: 'toy',
  version: '1',
  metrics: [accMetric],
  primaryMetric: 'acc',
  primaryFilter: 'strict-match',
};

export function manifest(runId = '20261128-203015-smoke-1a2b3c'): Manifest {
  return {
    schema: MANIFEST_SCHEMA,
    runId,
    createdAt: '2026-11-28T20:30:15.000Z',
    harness: { name: 'ernie-eval', version: '0.1.0', gitCommit: null, gitDirty: null },
    runSpec: { tasks: ['toy'], model: 'onnx:/models/tiny', dtype: 'fp32', seed: 1234, workers: 2, outDir: 'reports' },
    runSpecHash: '1a2b3c'.padEnd(64, '0'),
    model: { kind: 'onnx', location: '/models/tiny', modelName: 'tiny-ernie', fingerprint: 'abc123' },
    datasets: { toy: { source: 'bundled', dir: '/repo/tasks/toy/fixtures', files: [{ path: 'test.jsonl', sha256: 'f'.repeat(64), bytes: 120 }] } },
    tasks: { toy: { version: '1', protocol: { shots: 0, chainOfThought: false, requestKind: 'generate', source: 'test' } } },
    hardware: { platform: 'linux', arch: 'x64', cpuModel: 'Test CPU', cpuCount: 4, memoryBytes: 8e9, node: 'v20.0.0' },
  };
}
