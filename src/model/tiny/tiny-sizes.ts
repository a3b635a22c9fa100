// The shape of a tiny ERNIE-architecture model. Defaults are small enough that the whole test suite
// can build fresh models many times, yet keep every structural quirk of the real ERNIE 4.5 models:
// GQA (4 Q heads over 2 KV heads) and num_heads × head_dim (128) ≠ hidden_size (64), as in the real
// 0.3B model (16 × 128 ≠ 1024), so nothing downstream can silently assume they are equal.
// `ernie4_5_vl` is the MoE decoder with ERNIE-4.5-VL's modality-isolated experts plus a small ViT.

export type TinyArch = 'ernie4_5' | 'ernie4_5_moe' | 'ernie4_5_vl';

export interface TinySizes {
  hiddenSize: number;
  /** Width of the dense SwiGLU FFN (every layer of the dense model; the non-MoE layers of the MoE model). */
  intermediateSize: number;
  numLayers: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  maxPositionEmbeddings: number;
  /** MoE only (ignored for `ernie4_5`). */
  moeNumExperts: number;
  moeK: number;
  moeIntermediateSize: number;
  moeNumSharedExperts: number;
  moeLayerStartIndex: number;
  moeLayerInterval: number;
  /** VL only: the vision experts image tokens are routed to (same count and top-k as the text experts, narrower). */
  moeVisionIntermediateSize: number;
  /** VL only: the ViT (width, layers, heads, MLP width = width × mlpRatio). Patch 14, 2 × 2 merge. */
  visionWidth: number;
  visionDepth: number;
  visionNumHeads: number;
  visionMlpRatio: number;
}

const COMMON = {
  hiddenSize: 64,
  numHeads: 4,
  numKvHeads: 2,
  headDim: 32,
  maxPositionEmbeddings: 4096,
  moeNumExperts: 8,
  moeK: 2,
  moeIntermediateSize: 32,
  moeNumSharedExperts: 2,
  moeLayerStartIndex: 1,
  moeLayerInterval: 1,
  moeVisionIntermediateSize: 16,
  visionWidth: 32,
  visionDepth: 2,
  visionNumHeads: 2,
  visionMlpRatio: 2,
} as const;

export const TINY_DEFAULTS: Readonly<Record<TinyArch, Readonly<TinySizes>>> = {
  ernie4_5: { ...COMMON, intermediateSize: 128, numLayers: 2 },
  ernie4_5_moe: { ...COMMON, intermediateSize: 192, numLayers: 3 },
  ernie4_5_vl: { ...COMMON, intermediateSize: 192, numLayers: 3 },
};

/** Every ERNIE-4.5-VL image processor and ViT: 14-pixel patches, 2 × 2 patches per image token. */
export const VISION_PATCH_SIZE = 14;
export const VISION_MERGE_SIZE = 2;
export const VISION_IN_CHANNELS = 3;

export function hasExperts(arch: TinyArch): boolean {
  return arch === 'ernie4_5_moe' || arch === 'ernie4_5_vl';
}

export function resolveSizes(arch: TinyArch, overrides: Partial<TinySizes> = {}): TinySizes {
  const sizes: TinySizes = { ...TINY_DEFAULTS[arch], ...overrides };
  for (const [key, value] of Object.entries(sizes)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`tiny model size ${key} must be a non-negative integer, got ${String(value)}`);
  }
  if (sizes.hiddenSize < 1 || sizes.numLayers < 1 || sizes.numHeads < 1 || sizes.numKvHeads < 1) {
    throw new RangeError('tiny model hiddenSize, numLayers, numHeads and numKvHeads must be at least 1');
  }
  if (sizes.numHeads % sizes.numKvHeads !== 0) throw new RangeError(`numHeads (${sizes.numHeads}) must be a multiple of numKvHeads (${sizes.numKvHeads})`);
  // RoPE rotates pairs of dimensions, so head_dim must be even.
  if (sizes.headDim < 2 || sizes.headDim % 2 !== 0) throw new RangeError(`headDim must be even and ≥ 2, got ${sizes.headDim}`);
  if (hasExperts(arch)) {
    if (sizes.moeK < 1 || sizes.moeK > sizes.moeNumExperts) throw new RangeError(`moeK (${sizes.moeK}) must be in 1..moeNumExperts (${sizes.moeNumExperts})`);
    if (sizes.moeLayerInterval < 1) throw new RangeError('moeLayerInterval must be at least 1');
  }
  if (arch === 'ernie4_5_vl') {
    if (sizes.moeVisionIntermediateSize < 1 || sizes.visionWidth < 1 || sizes.visionDepth < 1 || sizes.visionNumHeads < 1 || sizes.visionMlpRatio < 1) {
      throw new RangeError('tiny VL model vision sizes must be at least 1');
    }
    // The ViT's 2-D RoPE gives a quarter of each head's dims to rows, a quarter to columns.
    const headDim = sizes.visionWidth / sizes.visionNumHeads;
    if (!Number.isInteger(headDim) || headDim % 4 !== 0) throw new RangeError(`visionWidth / visionNumHeads must be a multiple of 4, got ${headDim}`);
  }
  return sizes;
}

/**
 * Whether decoder layer `layer` has a routed-expert FFN. Mirrors transformers' Ernie4_5_MoeDecoderLayer:
 * `(i + 1) % moe_layer_interval == 0 and moe_layer_start_index <= i <= moe_layer_end_index`, with the end
 * index defaulting to the last layer.
 */
export function isMoeLayer(arch: TinyArch, sizes: TinySizes, layer: number): boolean {
  if (!hasExperts(arch)) return false;
  const end = sizes.numLayers - 1;
  return (layer + 1) % sizes.moeLayerInterval === 0 && layer >= sizes.moeLayerStartIndex && layer <= end;
}

// Fixed hyper-parameters of every ERNIE 4.5 text model (config.json of baidu/ERNIE-4.5-0.3B-PT and
// -21B-A3B-PT; moe_norm_min is transformers' default for Ernie4_5_MoeConfig).
export const RMS_NORM_EPS = 1e-5;
export const ROPE_THETA = 500000;
export const MOE_NORM_MIN = 1e-12;
// ERNIE-4.5-VL's ViT: LayerNorm eps (vision_rms_norm_eps in transformers) and the 2-D RoPE base.
export const VISION_NORM_EPS = 1e-6;
export const VISION_ROPE_THETA = 10000;

/** Everything the graph and the config files are built from. */
export interface TinySpec {
  arch: TinyArch;
  sizes: TinySizes;
  vocabSize: number;
}
