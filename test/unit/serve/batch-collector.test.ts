// The collector batches requests that arrive together, keeps at most one batch per worker in
// flight, and turns a backend failure into error outcomes (the server never crashes on it).
import { describe, expect, it } from 'vitest';
import type { Outcome, Request } from '../../../src/core/index.ts';
import { BatchCollector, type StreamingBackend, type TokenProgress } from '../../../src/serve/batch-collector.ts';

/** A backend whose batches finish when the test says so. */
function fakeBackend(concurrency: number, maxBatchSize: number) {
  const calls: { keys: string[]; finish: (fail?: boolean) => void }[] = [];
  const backend: StreamingBackend = {
    concurrency,
    maxBatchSize,
    answerStreaming(batch: Request[], onToken: (e: TokenProgress & { index: number }) => void) {
      return new Promise<Outcome[]>((resolve, reject) => {
        calls.push({
          keys: batch.map((r) => r.key),
          finish: (fail = false) => {
            if (fail) return reject(new Error('worker died'));
            batch.forEach((_, index) => onToken({ index, text: 'hi', generated: 1, at: 1 }));
            resolve(batch.map((r) => ({ ok: true, completion: { kind: 'generate', text: `answer ${r.key}`, finishReason: 'stop', timing: { startedAt: 0, queuedMs: 0, ttftMs: 0, totalMs: 0, batchSize: batch.length }, tokens: { prompt: 1, generated: 1 } } })));
          },
        });
      });
    },
  };
  return { backend, calls };
}

const request = (key: string): Request => ({ kind: 'generate', key, prompt: { kind: 'text', text: key }, params: { maxTokens: 1, temperature: 0, until: [] } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BatchCollector', () => {
  it('sends a full batch at once and queues the rest until a worker is free', async () => {
    const { backend, calls } = fakeBackend(1, 2);
    const collector = new BatchCollector(backend, { windowMs: 60_000 }); // only a full batch or a free worker sends
    const tokens: string[] = [];
    const answers = ['a', 'b', 'c', 'd', 'e'].map((k) => collector.submit(request(k), (p) => tokens.push(`${k}:${p.text}`)));
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b']]);
    calls[0]?.finish();
    await tick();
    // The worker freed up: everything that waited leaves at once, up to the batch size.
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b'], ['c', 'd']]);
    calls[1]?.finish();
    await tick();
    calls[2]?.finish();
    const results = await Promise.all(answers);
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(results.map((r) => r.outcome.ok && r.outcome.completion.kind === 'generate' && r.outcome.completion.text)).toEqual(['answer a', 'answer b', 'answer c', 'answer d', 'answer e']);
    expect(results.map((r) => r.batchSize)).toEqual([2, 2, 2, 2, 1]);
    expect(tokens).toEqual(['a:hi', 'b:hi', 'c:hi', 'd:hi', 'e:hi']);
    await collector.drained();
  });

  it('sends a partial batch once the window has passed', async () => {
    const { backend, calls } = fakeBackend(2, 8);
    const collector = new BatchCollector(backend, { windowMs: 1 });
    const pending = [collector.submit(request('x')), collector.submit(request('y'))];
    while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(calls[0]?.keys).toEqual(['x', 'y']);
    calls[0]?.finish();
    expect((await Promise.all(pending)).every((r) => r.outcome.ok)).toBe(true);
  });

  it('answers a batch whose backend call failed with a BACKEND error on each request', async () => {
    const { backend, calls } = fakeBackend(1, 2);
    const collector = new BatchCollector(backend, { windowMs: 60_000 });
    const pending = [collector.submit(request('a')), collector.submit(request('b'))];
    await tick();
    calls[0]?.finish(true);
    for (const answered of await Promise.all(pending)) expect(answered.outcome).toMatchObject({ ok: false, error: { code: 'BACKEND', message: 'worker died' } });
  });
});
