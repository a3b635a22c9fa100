// `--repeats N` through the task and runner layers with a fake backend whose answer depends on the
// seed: each generate sample is asked N times with seeds seed+i (own keys, own records with
// `repeat`), log-likelihood samples once; pass@k and per-problem means come out of the record;
// resume and the response cache work per repeat.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineTask, type Backend, type Completion, type Outcome, type Request, type SampleResult, type TaskSpec } from '../../../src/core/index.ts';
import { runEvaluation, type Progress } from '../../../src/runner/index.ts';
import { buildManifest, readRecord, RecordWriter, type ResponseLookup } from '../../../src/store/index.ts';
import { prepareTask, type PreparedTask } from '../../../src/task/index.ts';
import { freshTempDir } from '../../support/tiny-models.ts';

const quiet: Progress = { start() {}, advance() {}, finish() {} };
const fixtures = freshTempDir();
mkdirSync(join(fixtures, 'toy'), { recursive: true });

/** Problem p<i> passes when seed mod 3 < i: with seeds 1234..1236, p0 never, p1 once, p2 twice. */
const code: TaskSpec = defineTask({
  id: 'toy-code',
  version: '1',
  title: 'toy code',
  description: 'pass@k test task',
  protocol: { shots: 0, chainOfThought: false, requestKind: 'generate', source: 'test' },
  requires: ['generate'],
  metrics: [
    { name: 'pass@1', higherIsBetter: true, description: 'per problem share of passing answers' },
    { name: 'pass@2', higherIsBetter: true, description: 'unbiased pass@2', aggregate: { kind: 'pass-at-k', of: 'pass@1', k: 2 } },
    { name: 'pass@10', higherIsBetter: true, description: 'unbiased pass@10', aggregate: { kind: 'pass-at-k', of: 'pass@1', k: 10 } },
  ],
  primaryMetric: 'pass@1',
  data: { folder: 'toy', download: 'none', bundledDir: join(fixtures, 'toy') },
  load: async () => ({ samples: [0, 1, 2].map((i) => ({ id: `p${i}`, input: `problem ${i}`, target: String(i) })), fewshot: [], files: [] }),
  buildRequest: (sample) => ({ kind: 'generate', prompt: { kind: 'text', text: sample.input }, params: { maxTokens: 8, temperature: 0.8, until: [] } }),
  score: (sample, completion) => {
    const seed = completion.kind === 'generate' ? Number(completion.text.replace('seed=', '')) : NaN;
    return { values: { 'pass@1': seed % 3 < Number(sample.target) ? 1 : 0 } };
  },
});

const choice: TaskSpec = defineTask({
  ...code,
  id: 'toy-choice',
  protocol: { ...code.protocol, requestKind: 'loglikelihood' },
  requires: ['loglikelihood'],
  metrics: [{ name: 'acc', higherIsBetter: true, description: 'accuracy' }],
  primaryMetric: 'acc',
  buildRequest: (sample) => ({ kind: 'loglikelihood', context: sample.input, continuations: [' a', ' b'] }),
  score: () => ({ values: { acc: 1 } }),
});

class SeedEcho implements Backend {
  readonly info = { kind: 'openai' as const, location: 'fake', modelName: 'seed-echo', fingerprint: 'seed-echo' };
  readonly capabilities = { loglikelihood: true, generate: true, chat: true, images: false, thinking: false };
  readonly maxBatchSize = 4;
  readonly concurrency = 2;
  readonly asked: Request[] = [];
  async answer(batch: Request[]): Promise<Outcome[]> {
    this.asked.push(...batch);
    const timing = { startedAt: 1, queuedMs: 0, ttftMs: 1, totalMs: 2, batchSize: batch.length };
    return batch.map((r): Outcome => {
      const completion: Completion =
        r.kind === 'generate'
          ? { kind: 'generate', text: `seed=${String(r.params.seed)}`, finishReason: 'stop', timing, tokens: { prompt: 3, generated: 2 } }
          : { kind: 'loglikelihood', logprobs: [-1, -2], greedy: [true, false], continuationTokens: [1, 1], timing, tokens: { prompt: 3, generated: 0 } };
      return { ok: true, completion };
    });
  }
  async close(): Promise<void> {}
}

async function prepared(repeats: number): Promise<PreparedTask[]> {
  const tasks: PreparedTask[] = [];
  for (const spec of [code, choice]) {
    const t = await prepareTask(spec, { repeats, seed: 1234 });
    if (t.status !== 'ready') throw new Error('toy data missing');
    tasks.push(t);
  }
  return tasks;
}

async function evaluate(tasks: PreparedTask[], backend: Backend, extra: { resumed?: SampleResult[]; cache?: ResponseLookup } = {}) {
  const outDir = freshTempDir();
  const manifest = await buildManifest({ runSpec: { tasks: tasks.map((t) => t.spec.id), model: 'fake', dtype: 'fp32', seed: 1234, workers: 1, outDir, repeats: 3 }, model: backend.info, datasets: {}, tasks: {} });
  const dir = join(outDir, manifest.runId);
  const writer = await RecordWriter.open(dir, manifest);
  try {
    const output = await runEvaluation({ tasks, backend, writer, progress: quiet, ...extra });
    return { output, record: await readRecord(dir) };
  } finally {
    await writer.close();
  }
}

describe('--repeats N in the runner', () => {
  it('asks each generate request N times with seeds seed+i and each log-likelihood request once', async () => {
    const tasks = await prepared(3);
    const [codeItems, choiceItems] = tasks.map((t) => t.items) as [PreparedTask['items'], PreparedTask['items']];
    expect(codeItems.map((i) => [i.sample.id, i.repeat, i.request.kind === 'generate' ? i.request.params.seed : null])).toEqual(
      ['p0', 'p1', 'p2'].flatMap((id) => [0, 1, 2].map((r) => [id, r, 1234 + r])),
    );
    expect(new Set(codeItems.map((i) => i.request.key)).size).toBe(9); // the seed is part of the key
    expect(choiceItems.map((i) => i.repeat)).toEqual([undefined, undefined, undefined]);
    // Without --repeats nothing changes: no seed is added, so keys (and cached answers) stay those of before.
    const once = await prepareTask(code, { seed: 1234 });
    if (once.status !== 'ready') throw new Error('toy data missing');
    expect(once.items.map((i) => [i.repeat, i.request.kind === 'generate' ? i.request.params.seed : null])).toEqual([[undefined, undefined], [undefined, undefined], [undefined, undefined]]);
  });

  it('records one line per answer and aggregates per problem, with pass@k', async () => {
    const backend = new SeedEcho();
    const { output, record } = await evaluate(await prepared(3), backend);
    expect(backend.asked).toHaveLength(12);
    const lines = record.samples.filter((s) => s.task === 'toy-code');
    expect(lines.map((s) => `${s.sampleId}#${String(s.repeat)}`).sort()).toEqual(['p0#0', 'p0#1', 'p0#2', 'p1#0', 'p1#1', 'p1#2', 'p2#0', 'p2#1', 'p2#2']);
    expect(lines.find((s) => s.sampleId === 'p2' && s.repeat === 1)?.completion?.text).toBe('seed=1235');
    expect(record.samples.filter((s) => s.task === 'toy-choice').every((s) => s.repeat === undefined)).toBe(true);

    const metrics = output.results.tasks['toy-code']?.metrics;
    // Per problem c = 0, 1, 2 of n = 3: pass@1 = (0 + 1/3 + 2/3) / 3; pass@2 = (0 + (1 − 1/3) + 1) / 3.
    expect(metrics?.['pass@1']?.value).toBeCloseTo(1 / 3, 15);
    expect(metrics?.['pass@1']?.n).toBe(3);
    expect(metrics?.['pass@2']?.value).toBeCloseTo(5 / 9, 15);
    expect(metrics?.['pass@10']).toBeUndefined();
    expect(output.results.tasks['toy-code']?.coverage.total).toBe(9);
    expect(output.results.tasks['toy-choice']?.metrics['acc']?.n).toBe(3);
  });

  it('resumes per repeat: a missing repeat is the only request sent', async () => {
    const first = await evaluate(await prepared(3), new SeedEcho());
    const kept = first.record.samples.filter((s) => !(s.sampleId === 'p1' && s.repeat === 2));
    const backend = new SeedEcho();
    const resumed = await evaluate(await prepared(3), backend, { resumed: kept });
    expect(backend.asked.map((r) => (r.kind === 'generate' ? [r.origin?.sampleId, r.origin?.repeat, r.params.seed] : null))).toEqual([['p1', 2, 1236]]);
    expect(resumed.output.results.tasks['toy-code']?.metrics).toEqual(first.output.results.tasks['toy-code']?.metrics);
  });

  it('keeps every repeat in the response cache', async () => {
    const store = new Map<string, Completion>();
    const cache: ResponseLookup = { get: (key) => store.get(key), put: (key, c) => void store.set(key, c) };
    await evaluate(await prepared(3), new SeedEcho(), { cache });
    expect(store.size).toBe(12);
    const backend = new SeedEcho();
    const again = await evaluate(await prepared(3), backend, { cache });
    expect(backend.asked).toHaveLength(0);
    expect(again.output.results.resume?.fromCache).toBe(12);
    expect(again.output.results.tasks['toy-code']?.metrics['pass@2']?.value).toBeCloseTo(5 / 9, 15);
  });
});
