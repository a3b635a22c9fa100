// FLOPs and MFU in the efficiency block: model FLOPs of the same timed requests, over the active
// window, against the peaks given; "n/a, hardware unknown" without peaks; split of prefill/decode.
import { describe, expect, it } from 'vitest';
import { computeEfficiency, decodeFlops, forwardFlops, makeFlopsModel, parseModelShape } from '../../../src/perf/index.ts';
import { scored } from '../store/record-fixture.ts';
import { ERNIE_0_3B } from './ernie-configs.ts';

const model = makeFlopsModel(parseModelShape(ERNIE_0_3B));
const samples = [
  scored('a', 1, { requestKind: 'generate', timing: { startedAt: 0, queuedMs: 0, ttftMs: 200, totalMs: 1_000, batchSize: 2, itlMs: [10, 30] }, tokens: { prompt: 12, generated: 4 } }),
  scored('b', 1, { requestKind: 'generate', timing: { startedAt: 0, queuedMs: 0, ttftMs: 200, totalMs: 2_000, batchSize: 2, itlMs: [20] }, tokens: { prompt: 7, generated: 9 } }),
];

describe('efficiency with the FLOPs model', () => {
  it('sums prefill and decode FLOPs of the timed samples and divides by the active window', () => {
    const e = computeEfficiency(samples, { flopsModel: model, peaks: { theoretical: { flopsPerSecond: 1e12, source: 'test' } }, warmupExcluded: true });
    const prefill = forwardFlops(model, 12) + forwardFlops(model, 7);
    const decode = decodeFlops(model, 12, 4) + decodeFlops(model, 7, 9);
    expect(e.flops?.prefillFlops).toBe(prefill);
    expect(e.flops?.decodeFlops).toBe(decode);
    expect(e.flops?.achievedFlopsPerSecond).toBeCloseTo((prefill + decode) / 2, 6);
    expect(e.mfu?.status).toBe('estimate');
    expect(e.mfu?.vsTheoreticalPeak).toBeCloseTo((prefill + decode) / 2 / 1e12, 12);
    expect(e.mfu?.vsCalibratedPeak).toBeNull();
    expect(e.mfu?.note).toMatch(/^estimate/);
    expect(e.warmupExcluded).toBe(true);
    expect(e.prefillMs?.p50).toBe(200);
    expect(e.decodeMs?.mean).toBe(1_300);
    expect(e.itlMs?.p50).toBe(20);
  });

  it('says "n/a, hardware unknown" without peaks, and gives no FLOPs without a model', () => {
    const noPeaks = computeEfficiency(samples, { flopsModel: model });
    expect(noPeaks.flops?.totalFlops).toBeGreaterThan(0);
    expect(noPeaks.mfu).toMatchObject({ status: 'n/a', note: 'n/a, hardware unknown', vsTheoreticalPeak: null });
    const nothing = computeEfficiency(samples);
    expect(nothing.flops).toBeNull();
    expect(nothing.mfu?.note).toBe('n/a, hardware unknown');
    expect(nothing.warmupExcluded).toBe(false);
  });
});
