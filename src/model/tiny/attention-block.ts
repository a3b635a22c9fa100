// ERNIE 4.5 self-attention as ONNX nodes: bias-free q/k/v projections, rotary embeddings applied
// GLM-style to interleaved pairs, grouped-query attention over the KV cache, and o_proj.
//
// RoPE: transformers' Ernie4_5 `apply_rotary_pos_emb` takes the first half of cos/sin (one angle per
// pair), repeat-interleaves it, and uses GLM's `rotate_half`, which maps each pair (x[2i], x[2i+1]) to
// (−x[2i+1], x[2i]). So pair i of a head is rotated by angle pos · θ^(−2i/head_dim):
//   out[2i]   = x[2i]·cos − x[2i+1]·sin
//   out[2i+1] = x[2i+1]·cos + x[2i]·sin
// which is NOT Llama's half split (pair i = dims i and i + head_dim/2).
//
// GQA: instead of materialising repeat_kv, queries are reshaped to [batch, kv_heads, group, seq, dim]
// and keys/values broadcast over the group axis in MatMul. Query head h uses KV head ⌊h / group⌋,
// exactly as repeat_kv's repeat-interleave does.

import { linear } from './graph-layers.ts';
import type { OnnxGraphBuilder } from './onnx-graph-builder.ts';
import type { TinySizes } from './tiny-sizes.ts';

// Masked scores are replaced by finite values, never −∞, so no softmax row can be NaN. Keys hidden by
// padding get −1e9 and keys in the future get the float32 minimum: a query whose every past key is
// padding (a left-padding position) then attends uniformly to its past — still causally — so that a
// prefix of a batch gives the same outputs on every row, padding rows included, as the whole batch.
export const PADDING_SCORE = -1e9;
export const FUTURE_SCORE = -3.4028234663852886e38;

export interface AttentionShared {
  /** bool [batch, 1, 1, seq, total]: may query i attend to key j (causal and not padding). */
  allowed: string;
  /** float [seq, total]: what a disallowed score becomes (PADDING_SCORE or FUTURE_SCORE). */
  maskedScore: string;
  /** float [batch, seq, 1, head_dim/2]: cos/sin of each pair's angle at each position. */
  cos: string;
  sin: string;
}

/**
 * The mask and rotary tables, computed once and shared by every layer. `tokens` is any
 * [batch, seq, ...] input (input_ids, or inputs_embeds in the VL decoder): only its seq length is read.
 */
export function attentionShared(g: OnnxGraphBuilder, ids: { tokens: string; attentionMask: string; positionIds: string }, sizes: TinySizes, theta: number): AttentionShared {
  g.scope = '/model/attention_mask';
  const seq = g.op('Gather', [g.op('Shape', [ids.tokens]), g.int64([1], true)], { axis: 0 });
  const total = g.op('Gather', [g.op('Shape', [ids.attentionMask]), g.int64([1], true)], { axis: 0 });
  const past = g.op('Sub', [total, seq]);
  const one = g.int64([1], true);
  const keyPos = g.op('Range', [g.int64([0], true), total, one]);
  // Queries sit at absolute cache positions past .. total−1, whatever their position_ids say.
  const queryPos = g.op('Unsqueeze', [g.op('Range', [past, total, one]), g.int64([1])]);
  const causal = g.op('LessOrEqual', [keyPos, queryPos]);
  const notPadding = g.op('Unsqueeze', [g.op('Cast', [ids.attentionMask], { to: 9 /* BOOL */ }), g.int64([1, 2, 3])]);
  const allowed = g.op('And', [notPadding, causal]);
  const maskedScore = g.op('Where', [causal, g.float(PADDING_SCORE), g.float(FUTURE_SCORE)]);

  g.scope = '/model/rotary_emb';
  const half = sizes.headDim / 2;
  const invFreq = new Float32Array(half);
  for (let i = 0; i < half; i++) invFreq[i] = 1 / Math.pow(theta, (2 * i) / sizes.headDim);
  const positions = g.op('Unsqueeze', [g.op('Cast', [ids.positionIds], { to: 1 /* FLOAT */ }), g.int64([2])]);
  const angles = g.op('Mul', [positions, g.floatTensor([half], invFreq)]);
  const cos = g.op('Unsqueeze', [g.op('Cos', [angles]), g.int64([2])]);
  const sin = g.op('Unsqueeze', [g.op('Sin', [angles]), g.int64([2])]);
  return { allowed, maskedScore, cos, sin };
}

/** Rotates x [batch, seq, heads, head_dim] pairwise (dims 2i, 2i+1). */
function applyRope(g: OnnxGraphBuilder, x: string, shared: AttentionShared, headDim: number): string {
  const pairs = g.op('Reshape', [x, g.int64([0, 0, 0, headDim / 2, 2])]);
  const even = g.op('Gather', [pairs, g.int64([0], true)], { axis: -1 });
  const odd = g.op('Gather', [pairs, g.int64([1], true)], { axis: -1 });
  const outEven = g.op('Sub', [g.op('Mul', [even, shared.cos]), g.op('Mul', [odd, shared.sin])]);
  const outOdd = g.op('Add', [g.op('Mul', [odd, shared.cos]), g.op('Mul', [even, shared.sin])]);
  const last = g.int64([-1]);
  const stacked = g.op('Concat', [g.op('Unsqueeze', [outEven, last]), g.op('Unsqueeze', [outOdd, last])], { axis: -1 });
  return g.op('Reshape', [stacked, g.int64([0, 0, 0, headDim])]);
}

export interface AttentionIo {
  pastKey: string;
  pastValue: string;
}

/** One layer's self-attention on normed hidden states; returns its output and the new cache entries. */
export function selfAttention(g: OnnxGraphBuilder, x: string, layer: number, sizes: TinySizes, shared: AttentionShared, io: AttentionIo): { out: string; presentKey: string; presentValue: string } {
  const p = `model.layers.${layer}.self_attn`;
  const { numHeads, numKvHeads, headDim } = sizes;
  const group = numHeads / numKvHeads;
  g.scope = `/model/layers.${layer}/self_attn`;

  const q = applyRope(g, g.op('Reshape', [linear(g, x, `${p}.q_proj.weight`), g.int64([0, 0, numHeads, headDim])]), shared, headDim);
  const k = applyRope(g, g.op('Reshape', [linear(g, x, `${p}.k_proj.weight`), g.int64([0, 0, numKvHeads, headDim])]), shared, headDim);
  const v = g.op('Reshape', [linear(g, x, `${p}.v_proj.weight`), g.int64([0, 0, numKvHeads, headDim])]);

  // [batch, seq, heads, dim] → [batch, kv_heads, group, seq, dim]
  const q5 = g.op('Transpose', [g.op('Reshape', [q, g.int64([0, 0, numKvHeads, group, headDim])])], { perm: [0, 2, 3, 1, 4] });
  const presentKey = g.op('Concat', [io.pastKey, g.op('Transpose', [k], { perm: [0, 2, 1, 3] })], { axis: 2 });
  const presentValue = g.op('Concat', [io.pastValue, g.op('Transpose', [v], { perm: [0, 2, 1, 3] })], { axis: 2 });

  const groupAxis = g.int64([2]);
  const keysT = g.op('Unsqueeze', [g.op('Transpose', [presentKey], { perm: [0, 1, 3, 2] }), groupAxis]);
  const scores = g.op('Mul', [g.op('MatMul', [q5, keysT]), g.float(1 / Math.sqrt(headDim))]);
  const masked = g.op('Where', [shared.allowed, scores, shared.maskedScore]);
  const probs = g.op('Softmax', [masked], { axis: -1 });
  const context = g.op('MatMul', [probs, g.op('Unsqueeze', [presentValue, groupAxis])]);
  // [batch, kv_heads, group, seq, dim] → [batch, seq, heads · dim]
  const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 3, 1, 2, 4] }), g.int64([0, 0, numHeads * headDim])]);
  return { out: linear(g, merged, `${p}.o_proj.weight`), presentKey, presentValue };
}
