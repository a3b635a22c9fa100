// Synthetic run records of many 0/1-scored samples for the compare tests, written through the real
// RecordWriter and buildResultsFile so they are records like any other.
import { join } from 'node:path';
import { MANIFEST_SCHEMA, SAMPLE_RESULT_SCHEMA } from '../../../src/core/index.ts';
import type { Manifest, SampleResult } from '../../../src/core/index.ts';
import { seededRandom } from '../../../src/core/index.ts';
import { buildResultsFile } from '../../../src/runner/index.ts';
import { RecordWriter } from '../../../src/store/index.ts';

export const SYN_TASK = 'syn-qa';

/** Per-sample outcomes: base correct w.p. p; `variant` re-draws a share of them (same true accuracy). */
export function outcomes(n: number, p: number, seed: number): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => (r() < p ? 1 : 0));
}

/** A second run of the same model with independent noise on a `noise` share of the items. */
export function rerun(base: readonly number[], p: number, noise: number, seed: number): number[] {
  const r = seededRandom(seed);
  return base.map((v) => (r() < noise ? (r() < p ? 1 : 0) : v));
}

/** Lower accuracy by `points` (of 100): that many right answers per 100 samples turn wrong. */
export function plantDrop(values: readonly number[], points: number, seed: number): number[] {
  const out = [...values];
  const right = out.flatMap((v, i) => (v === 1 ? [i] : []));
  const r = seededRandom(seed);
  for (let i = right.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [right[i], right[j]] = [right[j] as number, right[i] as number];
  }
  for (const i of right.slice(0, Math.round((points / 100) * values.length))) out[i] = 0;
  return out;
}

function manifestFor(runId: string, version: string): Manifest {
  return {
    schema: MANIFEST_SCHEMA,
    runId,
    createdAt: '2026-11-28T20:30:15.000Z',
    harness: { name: 'ernie-eval', version: '0.1.0', gitCommit: null, gitDirty: null },
    runSpec: { tasks: [SYN_TASK], model: 'openai:http://127.0.0.1/v1', dtype: 'fp32', seed: 1234, workers: 1, outDir: 'reports' },
    runSpecHash: '0'.repeat(64),
    model: { kind: 'openai', location: 'http://127.0.0.1/v1', modelName: 'synthetic', fingerprint: 'syn' },
    datasets: { [SYN_TASK]: { source: 'bundled', dir: '/nowhere', files: [] } },
    tasks: { [SYN_TASK]: { version, protocol: { shots: 0, chainOfThought: false, requestKind: 'generate', source: 'synthetic' } } },
    hardware: { platform: 'linux', arch: 'x64', cpuModel: 'Test CPU', cpuCount: 2, memoryBytes: 8e9, node: 'v20.0.0' },
  };
}

/** Write a record whose sample i scores values[i]; `msPerSample` sets its latency (efficiency deltas). */
export async function writeSyntheticRecord(root: string, name: string, values: readonly number[], options: { version?: string; msPerSample?: number } = {}): Promise<string> {
  const dir = join(root, name);
  const version = options.version ?? '1.0';
  const manifest = manifestFor(name, version);
  const writer = await RecordWriter.open(dir, manifest);
  const ms = options.msPerSample ?? 100;
  const samples: SampleResult[] = values.map((v, i) => ({
    schema: SAMPLE_RESULT_SCHEMA,
    task: SYN_TASK,
    taskVersion: version,
    sampleId: String(i).padStart(5, '0'),
    requestKey: `k${i}`,
    requestKind: 'generate',
    prompt: `Q${i}`,
    target: 'a',
    completion: { text: v === 1 ? 'a' : 'b', finishReason: 'stop' },
    score: { values: { acc: v }, extracted: { first: v === 1 ? 'a' : 'b' } },
    timing: { startedAt: 1_000 + i * ms, queuedMs: 0, ttftMs: ms / 4, totalMs: ms, batchSize: 1 },
    tokens: { prompt: 10, generated: 4 },
  }));
  for (const s of samples) await writer.append(s);
  const spec = { id: SYN_TASK, version, metrics: [{ name: 'acc', higherIsBetter: true, description: 'accuracy' }], primaryMetric: 'acc' };
  await writer.finish(buildResultsFile({ runId: name, status: 'complete', startedAt: new Date(0), endedAt: new Date(1000), tasks: [{ spec, samples }] }));
  await writer.close();
  return dir;
}
