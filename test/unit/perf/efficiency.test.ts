import { describe, expect, it } from 'vitest';
import { computeEfficiency } from '../../../src/perf/index.ts';
import { errored, scored } from '../store/record-fixture.ts';

describe('computeEfficiency', () => {
  it('divides by the active window: two concurrent 1 s requests are 2 samples/s, not 1', () => {
    const e = computeEfficiency([
      scored('a', 1, { timing: { startedAt: 10_000, queuedMs: 0, ttftMs: 200, totalMs: 1_000, batchSize: 1 } }),
      scored('b', 0, { timing: { startedAt: 10_000, queuedMs: 5, ttftMs: 300, totalMs: 1_000, batchSize: 1 } }),
    ]);
    expect(e.activeWindowMs).toBe(1_000);
    expect(e.samplesPerSecond).toBe(2);
    expect(e.promptTokensPerSecond).toBe(20);
    expect(e.generatedTokensPerSecond).toBe(10);
    expect(e.latencyMs?.p50).toBe(1_000);
    expect(e.ttftMs?.p50).toBe(250);
  });

  it('spans first start to last end for staggered requests', () => {
    const e = computeEfficiency([
      scored('a', 1, { timing: { startedAt: 0, queuedMs: 0, ttftMs: 100, totalMs: 1_000, batchSize: 1 } }),
      scored('b', 1, { timing: { startedAt: 500, queuedMs: 0, ttftMs: 100, totalMs: 1_500, batchSize: 1 } }),
      scored('c', 1, { timing: { startedAt: 1_000, queuedMs: 0, ttftMs: 100, totalMs: 200, batchSize: 1 } }),
    ]);
    expect(e.activeWindowMs).toBe(2_000);
    expect(e.samplesPerSecond).toBeCloseTo(1.5, 12);
  });

  it('computes TPOT as (E2E - TTFT) / (n_out - 1) and batch-weighted mean batch size', () => {
    const e = computeEfficiency([
      scored('a', 1, { timing: { startedAt: 0, queuedMs: 0, ttftMs: 100, totalMs: 500, batchSize: 1 }, tokens: { prompt: 3, generated: 5 } }),
      ...['b', 'c', 'd'].map((id) => scored(id, 1, { timing: { startedAt: 0, queuedMs: 0, ttftMs: 100, totalMs: 500, batchSize: 3 } })),
    ]);
    expect(e.tpotMs?.p50).toBe(100);
    // One batch of 1 and one batch of 3: 4 requests in 2 batches.
    expect(e.meanBatchSize).toBeCloseTo(2, 12);
  });

  it('ignores samples without timing and reports nulls when nothing was timed', () => {
    const e = computeEfficiency([errored('x')]);
    expect(e).toMatchObject({ timedSamples: 0, activeWindowMs: 0, samplesPerSecond: null, latencyMs: null, ttftMs: null, tpotMs: null, meanBatchSize: null });
  });
});
