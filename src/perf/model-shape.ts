// The shape of a decoder (and its vision encoder) read from config.json: just the numbers the
// parameter count and the FLOPs model need. Reads ERNIE 4.5's keys (dense, MoE, and VL-MoE with
// per-modality lists) and the Llama / Qwen2 / Qwen2-MoE / Mixtral names users also bring.
// Derivations and sources: docs/efficiency.md.
import { HarnessError } from '../core/index.ts';

/** Routed experts of one modality pool. */
export interface ExpertPool {
  experts: number;
  /** Experts each token is routed to. */
  topK: number;
  /** SwiGLU width of one expert. */
  width: number;
}

export interface MoeShape {
  /** Per decoder layer: whether its FFN is a routed MoE (else dense, `denseWidth`). */
  moeLayers: boolean[];
  /** Text tokens' experts (the only pool of a text model). */
  text: ExpertPool;
  /** ERNIE 4.5 VL: the experts image tokens are routed to instead. */
  vision?: ExpertPool;
  /** Total SwiGLU width of the shared experts every token goes through (0: none). */
  sharedWidth: number;
}

/** A ViT encoder (ERNIE 4.5 VL's DFN-style ViT: patch embed, pre-norm blocks, no resampler). */
export interface VisionShape {
  depth: number;
  hiddenSize: number;
  mlpWidth: number;
  numHeads: number;
  patchSize: number;
  inChannels: number;
  /** ERNIE VL merges 2×2 patches into one LM token. */
  spatialMergeSize: number;
}

export interface ModelShape {
  modelType: string;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  vocabSize: number;
  /** Width of the dense SwiGLU FFN (dense layers). */
  denseWidth: number;
  tiedEmbeddings: boolean;
  /** q/k/v (and o for ERNIE's use_bias) carry biases: Qwen2, or `use_bias`/`attention_bias`. */
  attentionBias: boolean;
  moe?: MoeShape;
  vision?: VisionShape;
}

type Raw = Record<string, unknown>;

function configError(key: string, problem: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', `config.json: field "${key}" ${problem}`);
}

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first present key among `keys`, as a non-negative integer (or the first of a per-modality list). */
function intOf(raw: Raw, keys: readonly string[], fallback?: number, index = 0): number {
  for (const key of keys) {
    let v = raw[key];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v = v[Math.min(index, v.length - 1)];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw configError(key, `must be a non-negative integer, got ${JSON.stringify(raw[key])}`);
    return v;
  }
  if (fallback !== undefined) return fallback;
  throw configError(keys[0] ?? '?', 'is missing');
}

function hasKey(raw: Raw, keys: readonly string[]): boolean {
  return keys.some((k) => raw[k] !== undefined && raw[k] !== null);
}

/** Which layers are MoE, following each family's rule. */
function moeLayerMask(raw: Raw, layers: number): boolean[] {
  const mask = (f: (i: number) => boolean) => Array.from({ length: layers }, (_, i) => f(i));
  if (Array.isArray(raw['mlp_layer_types'])) return mask((i) => (raw['mlp_layer_types'] as unknown[])[i] === 'sparse');
  if (hasKey(raw, ['moe_layer_start_index', 'moe_layer_interval'])) {
    // transformers' Ernie4_5_Moe: (i + 1) % interval == 0 and start <= i <= end (end defaults to the last layer).
    const start = intOf(raw, ['moe_layer_start_index'], 0);
    const end = intOf(raw, ['moe_layer_end_index'], layers - 1);
    const interval = Math.max(1, intOf(raw, ['moe_layer_interval'], 1));
    return mask((i) => (i + 1) % interval === 0 && i >= start && i <= end);
  }
  if (hasKey(raw, ['first_k_dense_replace'])) {
    const k = intOf(raw, ['first_k_dense_replace']);
    return mask((i) => i >= k);
  }
  // Qwen2-MoE: every `decoder_sparse_step`-th layer except `mlp_only_layers`; Mixtral: every layer.
  const step = Math.max(1, intOf(raw, ['decoder_sparse_step'], 1));
  const denseOnly = new Set(Array.isArray(raw['mlp_only_layers']) ? (raw['mlp_only_layers'] as unknown[]) : []);
  return mask((i) => !denseOnly.has(i) && (i + 1) % step === 0);
}

function parseMoe(raw: Raw, layers: number, denseWidth: number): MoeShape | undefined {
  const expertsKeys = ['moe_num_experts', 'num_experts', 'num_local_experts', 'n_routed_experts'];
  if (!hasKey(raw, expertsKeys)) return undefined;
  const experts = intOf(raw, expertsKeys);
  if (experts === 0) return undefined;
  const topKKeys = ['moe_k', 'num_experts_per_tok', 'moe_topk'];
  // Mixtral's experts use intermediate_size; everyone else names the expert width.
  const widthKeys = ['moe_intermediate_size', 'expert_intermediate_size'];
  const width = intOf(raw, widthKeys, denseWidth);
  const text: ExpertPool = { experts, topK: intOf(raw, topKKeys), width };
  let sharedWidth = 0;
  if (hasKey(raw, ['shared_expert_intermediate_size'])) sharedWidth = intOf(raw, ['shared_expert_intermediate_size']);
  else if (hasKey(raw, ['moe_num_shared_experts', 'n_shared_experts'])) {
    // ERNIE 4.5 (and DeepSeek) build the shared experts as one MLP of width shared × expert width.
    sharedWidth = intOf(raw, ['moe_num_shared_experts', 'n_shared_experts']) * width;
  }
  const moe: MoeShape = { moeLayers: moeLayerMask(raw, layers), text, sharedWidth };
  // ERNIE 4.5 VL lists [text, vision] for experts, top-k and widths.
  const perModality = expertsKeys.concat(widthKeys).some((k) => Array.isArray(raw[k]) && (raw[k] as unknown[]).length > 1);
  if (perModality) moe.vision = { experts: intOf(raw, expertsKeys, undefined, 1), topK: intOf(raw, topKKeys, undefined, 1), width: intOf(raw, widthKeys, undefined, 1) };
  if (text.topK < 1 || text.topK > experts) throw configError('moe_k', `(${text.topK}) must be in 1..${experts}`);
  return moe;
}

function parseVision(raw: Raw): VisionShape | undefined {
  const v = raw['vision_config'];
  if (!isRecord(v)) return undefined;
  const hiddenSize = intOf(v, ['embed_dim', 'hidden_size']);
  const mlpRatio = v['mlp_ratio'];
  const mlpWidth = hasKey(v, ['intermediate_size']) ? intOf(v, ['intermediate_size']) : typeof mlpRatio === 'number' ? Math.round(hiddenSize * mlpRatio) : 4 * hiddenSize;
  return {
    depth: intOf(v, ['depth', 'num_hidden_layers']),
    hiddenSize,
    mlpWidth,
    numHeads: intOf(v, ['num_heads', 'num_attention_heads']),
    patchSize: intOf(v, ['patch_size'], 14),
    inChannels: intOf(v, ['in_channels', 'in_chans', 'num_channels'], 3),
    spatialMergeSize: intOf(v, ['spatial_merge_size'], 1),
  };
}

/** The model shape of a config.json (its parsed object). Refuses attention it does not model (MLA). */
export function parseModelShape(config: Raw): ModelShape {
  // transformers' native ERNIE VL nests the decoder under text_config.
  const raw: Raw = isRecord(config['text_config']) ? { ...config, ...config['text_config'] } : config;
  if (hasKey(raw, ['kv_lora_rank', 'q_lora_rank'])) {
    throw new HarnessError('CONFIG_INVALID', 'config.json: multi-head latent attention (kv_lora_rank) is not in the FLOPs model; see docs/efficiency.md');
  }
  const modelType = typeof raw['model_type'] === 'string' ? raw['model_type'] : 'unknown';
  const hiddenSize = intOf(raw, ['hidden_size', 'd_model', 'n_embd']);
  const numHeads = intOf(raw, ['num_attention_heads', 'n_head']);
  const numLayers = intOf(raw, ['num_hidden_layers', 'n_layer', 'num_layers']);
  const numKvHeads = intOf(raw, ['num_key_value_heads'], numHeads);
  if (numHeads === 0 || numHeads % Math.max(1, numKvHeads) !== 0) throw configError('num_key_value_heads', `(${numKvHeads}) must divide num_attention_heads (${numHeads})`);
  const headDim = intOf(raw, ['head_dim'], Math.floor(hiddenSize / numHeads));
  const denseWidth = intOf(raw, ['intermediate_size', 'ffn_hidden_size'], 4 * hiddenSize);
  const shape: ModelShape = {
    modelType,
    hiddenSize,
    numLayers,
    numHeads,
    numKvHeads,
    headDim,
    vocabSize: intOf(raw, ['vocab_size']),
    denseWidth,
    // transformers' PretrainedConfig default is tied.
    tiedEmbeddings: raw['tie_word_embeddings'] !== false,
    attentionBias: raw['use_bias'] === true || raw['attention_bias'] === true || modelType === 'qwen2' || modelType === 'qwen2_moe',
  };
  const moe = parseMoe(raw, numLayers, denseWidth);
  if (moe !== undefined) shape.moe = moe;
  const vision = parseVision(config);
  if (vision !== undefined) shape.vision = vision;
  return shape;
}
