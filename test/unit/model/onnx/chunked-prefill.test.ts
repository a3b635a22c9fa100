// How long a prompt pass's chunks are: the whole prompt while its attention scores and logits fit
// their budgets, else as long as fits, never under MIN_PREFILL_CHUNK (matmuls on fewer rows lose
// more than the smaller score matrix saves). The numerical equality of chunked passes is in
// onnx-consistency.test.ts and onnx-vision.test.ts.
import { describe, expect, it } from 'vitest';
import { MIN_PREFILL_CHUNK, prefillChunkLength } from '../../../../src/model/onnx/chunked-prefill.ts';

const M = 1024 * 1024;
// The bench's MMLU model: 6 heads, 1,024-token vocabulary; the backend's default budgets.
const small = { heads: 6, vocab: 1024, attentionBudget: 8 * M, logitsBudget: 64 * M };
// ERNIE-4.5-0.3B's shape: 16 heads, 103,424-token vocabulary.
const ernie03 = { heads: 16, vocab: 103_424, attentionBudget: 8 * M, logitsBudget: 64 * M };

describe('prefillChunkLength', () => {
  it('keeps one pass while scores and logits fit', () => {
    expect(prefillChunkLength(1, 1000, small)).toBe(1000); // 6M scores
    expect(prefillChunkLength(8, 400, small)).toBe(400); // 7.7M scores
    expect(prefillChunkLength(1, 600, ernie03)).toBe(600); // 5.8M scores, 62M logits
  });

  it('cuts a long prompt into the longest chunks whose scores fit', () => {
    // 6 heads × 4,095 tokens: 8M / (6 × 4,095) = 341 columns per chunk.
    expect(prefillChunkLength(1, 4095, small)).toBe(341);
    expect(6 * 341 * 4095).toBeLessThanOrEqual(8 * M);
    expect(6 * 342 * 4095).toBeGreaterThan(8 * M);
  });

  it('cuts a prompt whose logits alone would not fit', () => {
    // 700 tokens: scores 7.8M fit, logits 72M floats do not; 64M / 103,424 = 648 columns.
    expect(16 * 700 * 700).toBeLessThanOrEqual(8 * M);
    expect(prefillChunkLength(1, 700, ernie03)).toBe(648);
    expect(prefillChunkLength(2, 700, ernie03)).toBe(324); // two rows: half the columns
  });

  it('never goes under the minimum chunk, nor over the prompt', () => {
    expect(prefillChunkLength(1, 4096, { ...small, heads: 64 })).toBe(MIN_PREFILL_CHUNK); // 32 would fit; too short to pay
    expect(prefillChunkLength(1, 200, { ...small, attentionBudget: 1 })).toBe(200);
  });
});
