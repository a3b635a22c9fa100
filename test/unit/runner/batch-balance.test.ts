// With several lanes, a batch is the unit a worker takes: no batch may hold so much of the work that
// the other lanes run dry while it finishes (MMLU's few 12,000-character questions made one batch of
// 8 half of an 80-question run). Short requests keep full batches; one lane keeps plain batching.
import { describe, expect, it } from 'vitest';
import type { Backend, TaskRequest } from '../../../src/core/index.ts';
import { BATCH_SHARE_OF_WORK, makeBatches } from '../../../src/runner/index.ts';
import type { PreparedTask } from '../../../src/task/index.ts';

function backend(concurrency: number, maxBatchSize = 8): Backend {
  return {
    info: { kind: 'onnx', location: 'test', modelName: 'test', fingerprint: 'x' },
    capabilities: { loglikelihood: true, generate: true, chat: false, images: false, thinking: false },
    maxBatchSize,
    concurrency,
    answer: async () => [],
    close: async () => {},
  };
}

function taskOf(lengths: number[]): PreparedTask {
  const items = lengths.map((n, i) => {
    const request: TaskRequest = { kind: 'loglikelihood', key: String(i), context: 'x'.repeat(n), continuations: [' A'] };
    return { sample: { id: String(i), input: '', target: '' }, request, promptText: request.context };
  });
  return { spec: { id: 't' }, items } as unknown as PreparedTask;
}

const costOf = (batch: { items: { item: { request: TaskRequest } }[] }) =>
  batch.items.reduce((sum, w) => sum + (w.item.request.kind === 'loglikelihood' ? w.item.request.context.length + 2 : 0), 0);

// 4 long questions among 76 of ordinary length, as in an MMLU sample.
const LENGTHS = [12_700, 12_450, 10_080, 8_080, ...Array.from({ length: 76 }, (_, i) => 1_000 + ((i * 37) % 1_500))];

describe('batches on several lanes', () => {
  it('splits the long requests so that no batch holds more than its share of the work', () => {
    const lanes = 2;
    const batches = makeBatches([taskOf(LENGTHS)], backend(lanes));
    const total = LENGTHS.reduce((a, n) => a + n + 2, 0);
    const cap = total / (BATCH_SHARE_OF_WORK * lanes);
    for (const b of batches) if (b.items.length > 1) expect(costOf(b)).toBeLessThanOrEqual(cap);
    // Without the cap the first batch (the 8 longest) would hold more than a quarter of the work.
    const plain = makeBatches([taskOf(LENGTHS)], backend(1));
    expect(costOf(plain[0] as (typeof plain)[number])).toBeGreaterThan(total / 4);
    expect(costOf(batches[0] as (typeof batches)[number])).toBeLessThan(total / 6);
    // Still longest first, every request once.
    expect(batches.flatMap((b) => b.items.map((w) => w.item.sample.id)).sort()).toEqual(LENGTHS.map((_, i) => String(i)).sort());
    expect(batches[0]?.items[0]?.item.sample.id).toBe('0');
  });

  it('keeps full batches of ordinary requests', () => {
    const batches = makeBatches([taskOf(LENGTHS)], backend(2));
    const ordinary = batches.filter((b) => b.items.every((w) => Number(w.item.sample.id) >= 4));
    expect(ordinary.filter((b) => b.items.length === 8).length).toBeGreaterThanOrEqual(8);
  });

  it('batches by count alone on one lane', () => {
    const batches = makeBatches([taskOf(LENGTHS)], backend(1));
    expect(batches.map((b) => b.items.length)).toEqual(Array.from({ length: 10 }, () => 8));
  });
});
