// The FLOPs model's arithmetic: prefill and decode decompose into per-token FLOPs at their actual
// context; Llama/Qwen-style configs parse; MoE counting modes differ by exactly the unrouted experts.
import { describe, expect, it } from 'vitest';
import { countParameters, decodeFlops, flopsPerToken, forwardFlops, imagePatches, makeFlopsModel, parseModelShape, visionFlopsPerImage } from '../../../src/perf/index.ts';
import { ERNIE_21B_A3B, ERNIE_VL_28B_A3B } from './ernie-configs.ts';

describe('FLOPs model', () => {
  const m = makeFlopsModel(parseModelShape(ERNIE_21B_A3B));

  it('a causal prefill is the sum of its tokens at contexts 1..P, and decode continues from P', () => {
    const P = 37;
    let sum = 0;
    for (let i = 1; i <= P; i++) sum += flopsPerToken(m, i);
    expect(forwardFlops(m, P)).toBe(sum);
    let steps = 0;
    for (let j = 1; j <= 5; j++) steps += flopsPerToken(m, P + j);
    expect(decodeFlops(m, P, 5)).toBe(steps);
    // One pass of P tokens after `past` cached ones equals the same tokens at their contexts.
    expect(forwardFlops(m, 5, P)).toBe(steps);
  });

  it('full-square attention (what a masked graph executes) counts every (query, key) pair', () => {
    const square = makeFlopsModel(m.shape, { attention: 'full-square' });
    expect(forwardFlops(square, 10) - forwardFlops(m, 10)).toBe(m.attentionFlopsPerPair * (100 - 55));
  });

  it('all-experts counting adds exactly the unrouted experts', () => {
    const active = countParameters(m.shape, 'active');
    const all = countParameters(m.shape, 'all-experts');
    expect(all.activeMatmul - active.activeMatmul).toBe(27 * (64 - 6) * 3 * 2560 * 1536);
  });

  it('reads Llama/Qwen-style configs: GQA, untied head, q/k/v biases for qwen2, head_dim from hidden/heads', () => {
    const llama = parseModelShape({ model_type: 'llama', hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32, num_attention_heads: 32, vocab_size: 32000, tie_word_embeddings: false });
    expect(llama.headDim).toBe(128);
    expect(llama.numKvHeads).toBe(32);
    const p = countParameters(llama);
    expect(p.totalBreakdown.lmHead).toBe(32000 * 4096);
    const qwen = parseModelShape({ model_type: 'qwen2', hidden_size: 896, intermediate_size: 4864, num_hidden_layers: 24, num_attention_heads: 14, num_key_value_heads: 2, vocab_size: 151936 });
    expect(qwen.attentionBias).toBe(true);
    const mixtral = parseModelShape({ model_type: 'mixtral', hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, num_local_experts: 8, num_experts_per_tok: 2, vocab_size: 32000, tie_word_embeddings: false });
    expect(mixtral.moe?.text).toEqual({ experts: 8, topK: 2, width: 14336 });
    expect(mixtral.moe?.moeLayers.every(Boolean)).toBe(true);
  });

  it('refuses attention it does not model, with a coded error', () => {
    expect(() => parseModelShape({ hidden_size: 8, num_attention_heads: 2, num_hidden_layers: 1, vocab_size: 10, kv_lora_rank: 4 })).toThrow(/latent attention/);
    expect(() => parseModelShape({ hidden_size: 8, num_hidden_layers: 1, vocab_size: 10 })).toThrow(/num_attention_heads/);
  });

  it('vision encoder FLOPs per image grow with its patches: linear matmuls plus quadratic attention', () => {
    const v = parseModelShape(ERNIE_VL_28B_A3B).vision;
    expect(v).toBeDefined();
    if (v === undefined) return;
    const p = imagePatches(v, 448, 448);
    expect(p).toBe(32 * 32);
    const f1 = visionFlopsPerImage(v, p);
    const f2 = visionFlopsPerImage(v, 2 * p);
    expect(f2 - 2 * f1).toBe(v.depth * 4 * v.hiddenSize * (4 * p * p - 2 * p * p));
  });
});
