// How long a prompt pass's chunks are: the whole prompt while its attention scores fit the budget,
// else as long as fits, never under MIN_PREFILL_CHUNK (matmuls on fewer rows lose more than the
// smaller score matrix saves). The numerical equality of chunked passes is in onnx-consistency.test.ts.
import { describe, expect, it } from 'vitest';
import { MIN_PREFILL_CHUNK, prefillChunkLength } from '../../../../src/model/onnx/chunked-prefill.ts';

describe('prefillChunkLength', () => {
  const budget = 8 * 1024 * 1024;
  it('keeps one pass while rows × heads × length² fits the budget', () => {
    expect(prefillChunkLength(1, 6, 1000, budget)).toBe(1000); // 6M scores
    expect(prefillChunkLength(8, 6, 400, budget)).toBe(400); // 7.7M
  });
  it('cuts a long prompt into the longest chunks whose scores fit', () => {
    // 6 heads × 4,095 tokens: 8M / (6 × 4,095) = 341 columns per chunk.
    expect(prefillChunkLength(1, 6, 4095, budget)).toBe(341);
    expect(6 * 341 * 4095).toBeLessThanOrEqual(budget);
    expect(6 * 342 * 4095).toBeGreaterThan(budget);
  });
  it('never goes under the minimum chunk, nor over the prompt', () => {
    expect(prefillChunkLength(1, 64, 4096, budget)).toBe(MIN_PREFILL_CHUNK); // 32 would fit; too short to pay
    expect(prefillChunkLength(1, 64, 200, 1)).toBe(200);
  });
});
