// End to end through the runner: MMLU (log-likelihood) and GSM8K (generation) on their bundled
// samples against the fake server, fault-free and with every kind of fault injected. The faulty run
// must complete with the same scores, count each retry on its sample, and never have a request
// answered twice.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SampleResult } from '../../../../src/core/index.ts';
import { openOpenAiBackend, type OpenAiBackend } from '../../../../src/model/openai/index.ts';
import { runEvaluation, type Progress } from '../../../../src/runner/index.ts';
import { buildManifest, readRecord, RecordWriter } from '../../../../src/store/index.ts';
import { loadTask, prepareTask, type PreparedTask } from '../../../../src/task/index.ts';
import { FAKE_MODEL, startFakeOpenAiServer, type Fault, type FakeOpenAiServer, type FakeServerOptions } from '../../../support/fake-openai-server.ts';
import { freshTempDir } from '../../../support/tiny-models.ts';

const quiet: Progress = { start() {}, advance() {}, finish() {} };
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function tasks(): Promise<PreparedTask[]> {
  return [(await prepareTask(await loadTask('mmlu'), {})) as PreparedTask, (await prepareTask(await loadTask('gsm8k'), {})) as PreparedTask];
}

async function run(serverOptions: FakeServerOptions, backendOptions: { timeoutMs?: number; concurrency?: number } = {}) {
  const server = await startFakeOpenAiServer(serverOptions);
  const backend: OpenAiBackend = await openOpenAiBackend({ baseUrl: server.url, model: FAKE_MODEL, env: {}, sleep: async () => {}, ...backendOptions });
  cleanup.push(async () => {
    await backend.close();
    await server.close();
  });
  const prepared = await tasks();
  const outDir = freshTempDir();
  const manifest = await buildManifest({ runSpec: { tasks: ['mmlu', 'gsm8k'], model: `openai:${server.url}`, dtype: 'fp32', seed: 0, workers: 1, outDir }, model: backend.info, datasets: {}, tasks: {} });
  const runDir = join(outDir, manifest.runId);
  const writer = await RecordWriter.open(runDir, manifest);
  const output = await runEvaluation({ tasks: prepared, backend, writer, progress: quiet });
  await writer.close();
  return { server, output, record: await readRecord(runDir), items: prepared.reduce((n, t) => n + t.items.length, 0) };
}

const byId = (samples: SampleResult[]) => new Map(samples.map((s) => [`${s.task}/${s.sampleId}`, s]));

/** How many complete answers each distinct request got. */
function answersPerRequest(server: FakeOpenAiServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of server.requests) if (r.answered && r.path !== '/models') counts.set(r.identity, (counts.get(r.identity) ?? 0) + 1);
  return counts;
}

const KINDS: Fault[] = [{ kind: 'http-429', retryAfter: '1' }, { kind: 'http-500' }, { kind: 'http-503', retryAfter: '2' }, { kind: 'drop' }, { kind: 'cut' }, { kind: 'hang' }];

describe('runEvaluation through the openai backend', () => {
  it('writes a complete record for mmlu and gsm8k', async () => {
    const { output, record, items } = await run({});
    expect(record.results?.status).toBe('complete');
    expect(record.samples).toHaveLength(items);
    expect(record.samples.filter((s) => s.error !== undefined)).toEqual([]);
    expect(record.manifest.model).toMatchObject({ kind: 'openai', modelName: FAKE_MODEL });
    const mmlu = record.samples.filter((s) => s.task === 'mmlu');
    expect(mmlu.every((s) => s.completion?.logprobs?.length === 4)).toBe(true);
    const gsm8k = record.samples.filter((s) => s.task === 'gsm8k');
    expect(gsm8k.every((s) => typeof s.completion?.text === 'string' && s.score?.extracted !== undefined)).toBe(true);
    expect(Object.keys(output.results.tasks).sort()).toEqual(['gsm8k', 'mmlu']);
  });

  it('completes with the same scores when requests fail, counting every retry and duplicating nothing', async () => {
    const clean = await run({});
    let armed = 0;
    // The first receipt of about half the scoring requests fails, each with one of the fault kinds.
    const faults = (r: { path: string; identity: string; seen: number; body: Record<string, unknown> }): Fault | undefined => {
      if (r.path === '/models' || String(r.body.prompt ?? '').startsWith('The capital of France')) return undefined;
      const h = createHash('sha256').update(r.identity).digest().readUInt32BE(0);
      if (r.seen > 0 || h % 2 !== 0) return undefined;
      return KINDS[armed++ % KINDS.length];
    };
    const faulty = await run({ faults }, { timeoutMs: 1_000 });
    expect(faulty.record.results?.status).toBe('complete');
    expect(armed).toBeGreaterThanOrEqual(KINDS.length); // every kind was injected at least once

    const before = byId(clean.record.samples);
    const after = byId(faulty.record.samples);
    expect(after.size).toBe(before.size);
    for (const [id, sample] of after) {
      expect(sample.error, id).toBeUndefined();
      expect(sample.score, id).toEqual(before.get(id)?.score);
      expect(sample.completion, id).toEqual(before.get(id)?.completion);
    }
    // Each injected fault is one retry, recorded on the sample whose request it hit.
    const faulted = faulty.server.requests.filter((r) => r.fault !== undefined).length;
    expect(faulted).toBe(armed);
    expect(faulty.record.samples.reduce((n, s) => n + (s.retries ?? 0), 0)).toBe(faulted);
    expect(clean.record.samples.some((s) => s.retries !== undefined)).toBe(false);
    // Nothing answered twice: every request got as many complete answers as in the fault-free run.
    expect(answersPerRequest(faulty.server)).toEqual(answersPerRequest(clean.server));
  });

  it('refuses log-likelihood tasks before any scoring request when the server cannot echo log-probabilities', async () => {
    const server = await startFakeOpenAiServer({ logprobs: 'none' });
    const backend = await openOpenAiBackend({ baseUrl: server.url, model: FAKE_MODEL, env: {} });
    cleanup.push(async () => {
      await backend.close();
      await server.close();
    });
    const probeRequests = server.requests.length;
    const prepared = await tasks();
    const outDir = freshTempDir();
    const manifest = await buildManifest({ runSpec: { tasks: ['mmlu'], model: 'openai', dtype: 'fp32', seed: 0, workers: 1, outDir }, model: backend.info, datasets: {}, tasks: {} });
    const writer = await RecordWriter.open(join(outDir, manifest.runId), manifest);
    const refusal = await runEvaluation({ tasks: prepared, backend, writer, progress: quiet }).catch((e: unknown) => e);
    await writer.close();
    expect(refusal).toMatchObject({ code: 'CAPABILITY' });
    expect((refusal as Error).message).toMatch(/mmlu needs prompt log-probabilities.*: .*cannot return prompt log-probabilities \(echo \+ logprobs, max_tokens 0: .*echo and logprobs are not supported/su);
    expect(server.requests.length).toBe(probeRequests); // nothing sent after the probe
  });
});
