// Parameter counts from a ModelShape: the total a checkpoint stores and the part one token
// actually multiplies through (active), split so that the published "21B total / 3B active"
// style figures can be checked term by term (docs/efficiency.md has the derivation).
import type { ExpertPool, ModelShape, VisionShape } from './model-shape.ts';

/** How routed experts are counted for a token. */
export type ExpertCounting =
  /** The k experts the router picks: what the model needs (MFU numerator). */
  | 'active'
  /** Every expert, as graphs that evaluate all experts densely and mask them (the tiny MoE) execute. */
  | 'all-experts';

export interface ParamBreakdown {
  /** q, k, v, o projections (+ biases) of every layer. */
  attention: number;
  /** Dense SwiGLU FFNs. */
  denseFfn: number;
  /** Routed experts (all of them for `total`; the routed ones for `active`). */
  routedExperts: number;
  sharedExperts: number;
  /** Router weights (and ERNIE's expert score-correction bias in `total`). */
  router: number;
  /** RMSNorm weights. */
  norms: number;
  /** Input embedding table. */
  embedding: number;
  /** Output projection; 0 when tied to the embedding (one table, counted once in `total`). */
  lmHead: number;
  /** ViT encoder (patch embedding and blocks; the resampler is not modelled). */
  vision: number;
}

export interface ParamCount {
  total: number;
  totalBreakdown: ParamBreakdown;
  /** Per text token, with experts counted as `counting` says; embedding lookup excluded, LM head included. */
  active: number;
  activeBreakdown: ParamBreakdown;
  /** The weights a text token is multiplied by (active minus norms): what 2 × N FLOPs counts. */
  activeMatmul: number;
}

function sum(b: ParamBreakdown): number {
  return Object.values(b).reduce((a, v) => a + v, 0);
}

/** Weights of one SwiGLU MLP: gate, up and down projections. */
export function swigluParams(hidden: number, width: number): number {
  return 3 * hidden * width;
}

export function attentionParams(s: ModelShape): number {
  const q = s.numHeads * s.headDim;
  const kv = s.numKvHeads * s.headDim;
  const weights = s.hiddenSize * q + 2 * s.hiddenSize * kv + q * s.hiddenSize;
  return weights + (s.attentionBias ? q + 2 * kv : 0);
}

/** A ViT block: qkv + proj with biases, fc1/fc2 with biases, two LayerNorms (weight + bias). */
export function visionBlockParams(v: VisionShape): number {
  const d = v.hiddenSize;
  return 3 * d * d + 3 * d + d * d + d + 2 * d * v.mlpWidth + v.mlpWidth + d + 4 * d;
}

export function visionParams(v: VisionShape): number {
  return v.inChannels * v.patchSize * v.patchSize * v.hiddenSize + v.depth * visionBlockParams(v) + 2 * v.hiddenSize;
}

function expertWeights(s: ModelShape, pool: ExpertPool, experts: number): number {
  return experts * swigluParams(s.hiddenSize, pool.width);
}

export function countParameters(s: ModelShape, counting: ExpertCounting = 'active'): ParamCount {
  const moeLayers = s.moe?.moeLayers.filter(Boolean).length ?? 0;
  const denseLayers = s.numLayers - moeLayers;
  const embedding = s.vocabSize * s.hiddenSize;
  const lmHead = s.tiedEmbeddings ? 0 : embedding;
  const norms = (2 * s.numLayers + 1) * s.hiddenSize;
  const attention = s.numLayers * attentionParams(s);
  const denseFfn = denseLayers * swigluParams(s.hiddenSize, s.denseWidth);
  const moe = s.moe;
  const pools = moe === undefined ? [] : [moe.text, ...(moe.vision === undefined ? [] : [moe.vision])];

  const total: ParamBreakdown = {
    attention,
    denseFfn,
    routedExperts: moeLayers * pools.reduce((a, p) => a + expertWeights(s, p, p.experts), 0),
    sharedExperts: moe === undefined ? 0 : moeLayers * swigluParams(s.hiddenSize, moe.sharedWidth),
    // A linear router per pool, plus ERNIE's per-expert score-correction bias.
    router: moeLayers * pools.reduce((a, p) => a + s.hiddenSize * p.experts + p.experts, 0),
    norms,
    embedding,
    lmHead,
    vision: s.vision === undefined ? 0 : visionParams(s.vision),
  };
  // A text token goes through the text pool only; the output head is a matmul even when tied.
  const routedPerToken = moe === undefined ? 0 : counting === 'active' ? moe.text.topK : moe.text.experts;
  const active: ParamBreakdown = {
    attention,
    denseFfn,
    routedExperts: moe === undefined ? 0 : moeLayers * expertWeights(s, moe.text, routedPerToken),
    sharedExperts: total.sharedExperts,
    router: moe === undefined ? 0 : moeLayers * s.hiddenSize * moe.text.experts,
    norms,
    embedding: 0,
    lmHead: embedding,
    vision: 0,
  };
  const activeSum = sum(active);
  return { total: sum(total), totalBreakdown: total, active: activeSum, activeBreakdown: active, activeMatmul: activeSum - norms };
}
