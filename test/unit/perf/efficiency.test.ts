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

  it('counts each turn of a multi-turn sample as its own request, so the time between turns is no latency or TPOT', () => {
    const turn = (startedAt: number, batchSize: number, generated: number) => ({ requestKey: `k${startedAt}`, prompt: 'p', completion: { text: 'a' }, timing: { startedAt, queuedMs: 0, ttftMs: 100, totalMs: 500, batchSize }, tokens: { prompt: 10, generated } });
    // Three turns of 500 ms, 2 s apart: the line spans 4.5 s and sums the tokens (as the runner writes it).
    const conversation = scored('c', 1, {
      timing: { startedAt: 0, queuedMs: 0, ttftMs: 100, totalMs: 4_500, batchSize: 1 },
      tokens: { prompt: 30, generated: 15 },
      turns: [turn(0, 1, 5), turn(2_000, 2, 5), turn(4_000, 2, 5)],
    });
    const single = scored('s', 1, { timing: { startedAt: 1_000, queuedMs: 0, ttftMs: 300, totalMs: 1_000, batchSize: 1 }, tokens: { prompt: 10, generated: 5 } });
    const e = computeEfficiency([conversation, single]);
    expect(e.timedSamples).toBe(2);
    expect(e.activeWindowMs).toBe(4_500);
    expect(e.samplesPerSecond).toBeCloseTo(2 / 4.5, 12);
    expect({ prompt: e.promptTokens, generated: e.generatedTokens }).toEqual({ prompt: 40, generated: 20 });
    expect(e.generatedTokensPerSecond).toBeCloseTo(20 / 4.5, 12);
    // Four requests: latencies 500, 500, 500, 1000; TPOT (500-100)/4 = 100 per turn, (1000-300)/4 = 175.
    expect(e.latencyMs).toMatchObject({ p50: 500, mean: 625 });
    expect(e.ttftMs?.mean).toBe(150);
    expect(e.tpotMs).toMatchObject({ p50: 100, mean: 118.75 });
    expect(e.decodeMs?.mean).toBe((400 * 3 + 700) / 4);
    // Batches of 1, 2, 2, 1: 4 requests in 1 + 1/2 + 1/2 + 1 = 3 batches.
    expect(e.meanBatchSize).toBeCloseTo(4 / 3, 12);
  });

  it('leaves a failed turn out, and takes a line whose turns have no timing as one request', () => {
    const failed = scored('f', 0, {
      timing: { startedAt: 0, queuedMs: 0, ttftMs: 50, totalMs: 300, batchSize: 1 },
      tokens: { prompt: 4, generated: 3 },
      turns: [
        { requestKey: 'k1', prompt: 'p', completion: { text: 'a' }, timing: { startedAt: 0, queuedMs: 0, ttftMs: 50, totalMs: 300, batchSize: 1 }, tokens: { prompt: 4, generated: 3 } },
        { requestKey: 'k2', prompt: 'p', error: { code: 'BACKEND', message: 'HTTP 500', retryable: true } },
      ],
    });
    const untimedTurns = scored('u', 1, { timing: { startedAt: 0, queuedMs: 0, ttftMs: 100, totalMs: 900, batchSize: 1 }, tokens: { prompt: 5, generated: 5 }, turns: [{ requestKey: 'k', prompt: 'p', completion: { text: 'a' } }] });
    const e = computeEfficiency([failed, untimedTurns]);
    expect(e.latencyMs).toMatchObject({ p50: 600, mean: 600 });
    expect(e.tpotMs?.mean).toBe((125 + 200) / 2);
    expect({ prompt: e.promptTokens, generated: e.generatedTokens, window: e.activeWindowMs }).toEqual({ prompt: 9, generated: 8, window: 900 });
  });
});

describe('computeEfficiency on a vision-language model', () => {
  it('adds the vision encoder FLOPs of each image the local backend resized, and nothing for server-side images', async () => {
    const { makeFlopsModel, parseModelShape, visionFlopsPerImage, forwardFlops } = await import('../../../src/perf/index.ts');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tinyModelDir } = await import('../../support/tiny-models.ts');
    const config = JSON.parse(readFileSync(join(await tinyModelDir('ernie4_5_vl'), 'config.json'), 'utf8')) as Record<string, unknown>;
    const model = makeFlopsModel(parseModelShape(config));
    const vision = model.shape.vision;
    if (vision === undefined) throw new Error('the tiny VL config has a vision_config');
    const timing = { startedAt: 0, queuedMs: 0, ttftMs: 100, totalMs: 500, batchSize: 1 };
    const tokens = { prompt: 40, generated: 1 };
    const pixels = { sha256: 'a'.repeat(64), of: 'pixels' as const, width: 100, height: 60, resizedWidth: 112, resizedHeight: 56, tokens: 8 };
    const bytes = { sha256: 'b'.repeat(64), of: 'bytes' as const, width: 100, height: 60 };
    const local = computeEfficiency([scored('a', 1, { timing, tokens, images: [pixels] })], { flopsModel: model });
    const remote = computeEfficiency([scored('a', 1, { timing, tokens, images: [bytes] })], { flopsModel: model });
    const perImage = visionFlopsPerImage(vision, (112 / 14) * (56 / 14));
    expect(perImage).toBeGreaterThan(0);
    expect(remote.flops?.prefillFlops).toBe(forwardFlops(model, 40));
    expect(local.flops?.prefillFlops).toBeCloseTo((remote.flops?.prefillFlops ?? 0) + perImage, 0);
  });
});
