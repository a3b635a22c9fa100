// Forward FLOPs from the model shape (DESIGN.md §6): 2 × the weights a token is multiplied by
// (attention projections, dense FFN, shared and routed experts, router, LM head; embedding lookup
// excluded) plus the attention matmuls over the actual context, 4 × layers × heads × head_dim ×
// context (QKᵀ and PV, one multiply-add each). Norms, softmax, RoPE and activations are not
// counted, as in PaLM's appendix B. Derivation and residuals: docs/efficiency.md.
import { countParameters, type ExpertCounting } from './param-count.ts';
import type { ModelShape, VisionShape } from './model-shape.ts';

/** How the attention matmuls of a prompt are counted. */
export type AttentionCounting =
  /** Query i attends to i keys (causal): what the model needs. */
  | 'causal'
  /** Every query scores every key and a mask hides the future: what a plain (non-flash) graph executes. */
  | 'full-square';

export interface FlopsOptions {
  experts?: ExpertCounting;
  attention?: AttentionCounting;
}

export interface FlopsModel {
  shape: ModelShape;
  /** 2 × matmul weights per token, without attention. */
  flopsPerTokenNoAttention: number;
  /** FLOPs of the attention matmuls per (query, key) pair: 4 × layers × heads × head_dim. */
  attentionFlopsPerPair: number;
  activeParameters: number;
  totalParameters: number;
  experts: ExpertCounting;
  attention: AttentionCounting;
}

export function makeFlopsModel(shape: ModelShape, options: FlopsOptions = {}): FlopsModel {
  const experts = options.experts ?? 'active';
  const counted = countParameters(shape, experts);
  return {
    shape,
    flopsPerTokenNoAttention: 2 * counted.activeMatmul,
    attentionFlopsPerPair: 4 * shape.numLayers * shape.numHeads * shape.headDim,
    activeParameters: counted.active,
    totalParameters: counted.total,
    experts,
    attention: options.attention ?? 'causal',
  };
}

/** Forward FLOPs of one token that attends to `context` keys (itself included). */
export function flopsPerToken(m: FlopsModel, context: number): number {
  return m.flopsPerTokenNoAttention + m.attentionFlopsPerPair * context;
}

/**
 * Forward FLOPs of `tokens` new tokens run in one pass after `past` cached ones (a prefill when
 * past = 0, one decode step when tokens = 1). Causal: token i sees past + i keys; full-square:
 * every token scores all past + tokens keys, as the graph computes before masking.
 */
export function forwardFlops(m: FlopsModel, tokens: number, past = 0): number {
  if (tokens <= 0) return 0;
  const pairs = m.attention === 'full-square' ? tokens * (past + tokens) : tokens * past + (tokens * (tokens + 1)) / 2;
  return m.flopsPerTokenNoAttention * tokens + m.attentionFlopsPerPair * pairs;
}

/** FLOPs to generate `generated` tokens one step at a time after a prompt of `prompt` tokens. */
export function decodeFlops(m: FlopsModel, prompt: number, generated: number): number {
  // Step j (1-based) feeds one token that attends to prompt + j keys.
  if (generated <= 0) return 0;
  const pairs = generated * prompt + (generated * (generated + 1)) / 2;
  return m.flopsPerTokenNoAttention * generated + m.attentionFlopsPerPair * pairs;
}

/** Patches of an image after resizing to multiples of the patch size (before the spatial merge). */
export function imagePatches(v: VisionShape, width: number, height: number): number {
  return Math.ceil(width / v.patchSize) * Math.ceil(height / v.patchSize);
}

/**
 * Vision encoder FLOPs of one image of `patches` patches: patch embedding and every block's
 * matmuls per patch, plus full (bidirectional) attention among the image's patches. The
 * resampler that merges 2×2 patches into LM tokens is not modelled (docs/efficiency.md).
 */
export function visionFlopsPerImage(v: VisionShape, patches: number): number {
  const d = v.hiddenSize;
  const perPatch = 2 * (v.inChannels * v.patchSize * v.patchSize * d + v.depth * (4 * d * d + 2 * d * v.mlpWidth));
  return perPatch * patches + v.depth * 4 * d * patches * patches;
}
