// config.json and generation_config.json with the key names of the real ERNIE 4.5 checkpoints
// (baidu/ERNIE-4.5-0.3B-PT, baidu/ERNIE-4.5-21B-A3B-PT) and transformers' Ernie4_5Config /
// Ernie4_5_MoeConfig, so that code reading a real model directory reads these the same way.

import { isMoeLayer, MOE_NORM_MIN, RMS_NORM_EPS, ROPE_THETA, VISION_IN_CHANNELS, VISION_MERGE_SIZE, VISION_PATCH_SIZE, type TinySpec } from './tiny-sizes.ts';
import type { SpecialTokenIds, VlTokenIds } from './tokenizer-files.ts';

export function configJson(spec: TinySpec, ids: SpecialTokenIds, externalData: boolean): Record<string, unknown> {
  const { arch, sizes, vocabSize } = spec;
  const config: Record<string, unknown> = {
    architectures: [arch === 'ernie4_5' ? 'Ernie4_5ForCausalLM' : 'Ernie4_5_MoeForCausalLM'],
    model_type: arch,
    bos_token_id: ids.bos,
    eos_token_id: ids.eos,
    pad_token_id: ids.pad,
    hidden_act: 'silu',
    hidden_size: sizes.hiddenSize,
    intermediate_size: sizes.intermediateSize,
    num_hidden_layers: sizes.numLayers,
    num_attention_heads: sizes.numHeads,
    num_key_value_heads: sizes.numKvHeads,
    head_dim: sizes.headDim,
    max_position_embeddings: sizes.maxPositionEmbeddings,
    rms_norm_eps: RMS_NORM_EPS,
    rope_theta: ROPE_THETA,
    rope_scaling: null,
    tie_word_embeddings: true,
    use_bias: false,
    use_cache: true,
    vocab_size: vocabSize,
    initializer_range: 0.02,
    torch_dtype: 'float32',
  };
  if (arch === 'ernie4_5_moe') {
    Object.assign(config, {
      moe_num_experts: sizes.moeNumExperts,
      moe_k: sizes.moeK,
      moe_intermediate_size: sizes.moeIntermediateSize,
      moe_num_shared_experts: sizes.moeNumSharedExperts,
      moe_layer_start_index: sizes.moeLayerStartIndex,
      moe_layer_end_index: sizes.numLayers - 1,
      moe_layer_interval: sizes.moeLayerInterval,
      moe_norm_min: MOE_NORM_MIN,
      output_router_logits: false,
      router_aux_loss_coef: 0.001,
    });
    // A config whose MoE keys select no MoE layer would make the "MoE" fixture silently dense.
    if (!Array.from({ length: sizes.numLayers }, (_, i) => isMoeLayer(arch, sizes, i)).some(Boolean)) {
      throw new RangeError('the MoE tiny model has no MoE layer: check numLayers, moeLayerStartIndex and moeLayerInterval');
    }
  }
  // Transformers.js looks here to know that the weights live in onnx/model.onnx_data.
  if (externalData) config['transformers.js_config'] = { use_external_data_format: true };
  return config;
}

/**
 * ERNIE 4.5's published sampling defaults. eos_token_id lists both </s> and <|end_of_sentence|>:
 * the chat template ends assistant turns with the latter, so generation must stop on either.
 */
export function generationConfigJson(ids: SpecialTokenIds): Record<string, unknown> {
  return {
    bos_token_id: ids.bos,
    eos_token_id: [ids.eos, ids.sep],
    pad_token_id: ids.pad,
    do_sample: true,
    temperature: 0.8,
    top_p: 0.8,
    repetition_penalty: 1.0,
    frequency_penalty: 0.0,
    presence_penalty: 0.0,
  };
}

/**
 * config.json of the tiny VL model: the flat layout of baidu's ERNIE-4.5-VL release
 * (baidu/ERNIE-4.5-VL-28B-A3B-PT, model_type "ernie4_5_moe_vl"), where the per-modality MoE keys are
 * [text, vision] lists, plus `vision_config`. `rope_3d` is false: unlike the real model (3-D RoPE over
 * t/h/w for image tokens) the tiny decoder takes 1-D position_ids.
 */
export function vlConfigJson(spec: TinySpec, ids: SpecialTokenIds, vlIds: VlTokenIds): Record<string, unknown> {
  const base = configJson({ ...spec, arch: 'ernie4_5_moe' }, ids, false);
  const { sizes } = spec;
  const last = sizes.numLayers - 1;
  return {
    ...base,
    architectures: ['Ernie4_5_VLMoeForConditionalGeneration'],
    model_type: 'ernie4_5_moe_vl',
    rope_3d: false,
    moe_num_experts: [sizes.moeNumExperts, sizes.moeNumExperts],
    moe_intermediate_size: [sizes.moeIntermediateSize, sizes.moeVisionIntermediateSize],
    moe_layer_start_index: [sizes.moeLayerStartIndex, sizes.moeLayerStartIndex],
    moe_layer_end_index: [last, last],
    im_patch_id: vlIds.imagePlaceholder,
    image_start_token_id: vlIds.imageStart,
    image_end_token_id: vlIds.imageEnd,
    spatial_conv_size: VISION_MERGE_SIZE,
    vision_config: {
      depth: sizes.visionDepth,
      embed_dim: sizes.visionWidth,
      hidden_size: sizes.visionWidth,
      hidden_act: 'quick_gelu',
      mlp_ratio: sizes.visionMlpRatio,
      num_heads: sizes.visionNumHeads,
      in_channels: VISION_IN_CHANNELS,
      patch_size: VISION_PATCH_SIZE,
      spatial_merge_size: VISION_MERGE_SIZE,
    },
  };
}

// CLIP's mean/std, as in ERNIE-4.5-VL's (and Qwen2-VL's) image processor.
const IMAGE_MEAN = [0.48145466, 0.4578275, 0.40821073];
const IMAGE_STD = [0.26862954, 0.26130258, 0.27577711];

/**
 * preprocessor_config.json with the keys of transformers' Ernie4_5_VLImageProcessor (Qwen2-VL's). The
 * pixel bounds are tiny: at most 28·28·16 pixels = 64 patches = 16 image tokens per image, at least
 * 28·28·4 (4 tokens). resample 3 = bicubic.
 */
export function preprocessorConfigJson(): Record<string, unknown> {
  const factor = VISION_PATCH_SIZE * VISION_MERGE_SIZE;
  return {
    image_processor_type: 'Ernie4_5_VLImageProcessor',
    do_convert_rgb: true,
    do_resize: true,
    resample: 3,
    do_rescale: true,
    rescale_factor: 1 / 255,
    do_normalize: true,
    image_mean: IMAGE_MEAN,
    image_std: IMAGE_STD,
    patch_size: VISION_PATCH_SIZE,
    merge_size: VISION_MERGE_SIZE,
    min_pixels: factor * factor * 4,
    max_pixels: factor * factor * 16,
  };
}

/** JSON file text: 2-space indent, trailing newline (key order as built, so files are byte-stable). */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
