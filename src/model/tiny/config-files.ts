// config.json and generation_config.json with the key names of the real ERNIE 4.5 checkpoints
// (baidu/ERNIE-4.5-0.3B-PT, baidu/ERNIE-4.5-21B-A3B-PT) and transformers' Ernie4_5Config /
// Ernie4_5_MoeConfig, so that code reading a real model directory reads these the same way.

import { isMoeLayer, MOE_NORM_MIN, RMS_NORM_EPS, ROPE_THETA, type TinySpec } from './tiny-sizes.ts';
import type { SpecialTokenIds } from './tokenizer-files.ts';

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
