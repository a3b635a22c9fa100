// The ERNIE 4.5 configs the FLOPs model is checked against, with where each value was read.
// Published totals are the names' rounded figures ("21B total / 3B active"); the residual each
// test allows is derived in docs/efficiency.md §2.
//
// Sources:
// [S1] DESIGN.md §5 (0.3B / 21B-A3B / VL-28B-A3B columns) and apxml.com/models/ernie-45-03b-base
//      (secondary: 18 layers, hidden 1024, 16 Q / 2 KV heads, head dim 128, FFN 3072, vocab 103424,
//      "360 million parameters").
// [S2] github.com/PaddlePaddle/ERNIE examples/pre-training/model_configs/ERNIE-4p5-21B-A3B/model_config.json
//      (commit 2985deca): hidden 2560, intermediate 12288, 20/4 heads, 64 experts, moe_k 6, expert width
//      1536, 2 shared experts, moe_layer_start_index 1, tie_word_embeddings true, vocab 103424;
//      num_hidden_layers 30 with remove_tail_layer 2 → 28 released layers (= DESIGN.md §5).
// [S3] github.com/PaddlePaddle/ERNIE .../ERNIE-4p5-300B-A47B/model_config.json (same commit): hidden 8192,
//      intermediate 28672, 64/8 heads, 64 experts, moe_k 8, width 3584, 0 shared, moe_layer_start_index 3,
//      56 layers − remove_tail_layer 2 = 54; and the inference config in MindIE's ernie_moe router test
//      (54 layers, moe_layer_end_index 53, vocab 103424, tie_word_embeddings true).
// [S4] ERNIE-4.5-VL-28B-A3B text config as quoted in a public test (moe_num_experts [64, 64],
//      moe_intermediate_size [1536, 512], moe_k 6, moe_layer_start_index [1, 1], end [29, 28], 2 shared) and
//      NVIDIA Megatron-Bridge docs (docs.nvidia.com/nemo/megatron-bridge/.../modeling_ernie45_vl.vision_transformer_config):
//      ViT embed_dim 1280, depth 32, 16 heads, mlp_ratio 4, patch 14, spatial_merge_size 2.
// [P1] Published sizes: transformers docs, model_doc/ernie4_5_moe ("21B total, 3B active ... 300B total,
//      47B active"); Baidu model names ERNIE-4.5-VL-28B-A3B and ERNIE-4.5-VL-424B-A47B
//      (huggingface.co/baidu); "360 million parameters" for 0.3B [S1].

const COMMON = { vocab_size: 103424, tie_word_embeddings: true, head_dim: 128, use_bias: false } as const;

export const ERNIE_0_3B = { ...COMMON, model_type: 'ernie4_5', hidden_size: 1024, intermediate_size: 3072, num_hidden_layers: 18, num_attention_heads: 16, num_key_value_heads: 2 };

export const ERNIE_21B_A3B = {
  ...COMMON,
  model_type: 'ernie4_5_moe',
  hidden_size: 2560,
  intermediate_size: 12288,
  num_hidden_layers: 28,
  num_attention_heads: 20,
  num_key_value_heads: 4,
  moe_num_experts: 64,
  moe_k: 6,
  moe_intermediate_size: 1536,
  moe_num_shared_experts: 2,
  moe_layer_start_index: 1,
  moe_layer_interval: 1,
};

export const ERNIE_300B_A47B = {
  ...COMMON,
  model_type: 'ernie4_5_moe',
  hidden_size: 8192,
  intermediate_size: 28672,
  num_hidden_layers: 54,
  num_attention_heads: 64,
  num_key_value_heads: 8,
  moe_num_experts: 64,
  moe_k: 8,
  moe_intermediate_size: 3584,
  moe_num_shared_experts: 0,
  moe_layer_start_index: 3,
  moe_layer_end_index: 53,
  moe_layer_interval: 1,
};

const ERNIE_VL_VISION = { depth: 32, embed_dim: 1280, mlp_ratio: 4, num_heads: 16, patch_size: 14, in_channels: 3, spatial_merge_size: 2 };

export const ERNIE_VL_28B_A3B = {
  ...ERNIE_21B_A3B,
  model_type: 'ernie4_5_moe_vl',
  moe_num_experts: [64, 64],
  moe_intermediate_size: [1536, 512],
  moe_layer_start_index: [1, 1],
  moe_layer_end_index: [29, 28],
  vision_config: ERNIE_VL_VISION,
};

/**
 * VL-424B-A47B: its text stack is the 300B-A47B one (54 layers, 64/8 heads, 64 text experts, 8 per
 * token: apxml.com/models/ernie-45-vl-424b-a47b, secondary). The width of its vision experts was NOT
 * found in a source, so only the active (text-token) count is checked; see docs/efficiency.md §2.
 * Its LM head is NOT tied to the embedding: huggingface/transformers @32ef56a38818,
 * src/transformers/models/ernie4_5_vl/convert_ernie4_5_vl_to_hf.py, TIED_MAPPING
 * ["baidu/ERNIE-4.5-VL-424B-A47B-PT"] = False (the 28B is True).
 */
export const ERNIE_VL_424B_A47B_TEXT = { ...ERNIE_300B_A47B, model_type: 'ernie4_5_moe_vl', tie_word_embeddings: false, vision_config: ERNIE_VL_VISION };

export const PUBLISHED = {
  '0.3B': { total: 0.36e9 },
  '21B-A3B': { total: 21e9, active: 3e9 },
  '300B-A47B': { total: 300e9, active: 47e9 },
  'VL-28B-A3B': { total: 28e9, active: 3e9 },
  'VL-424B-A47B': { total: 424e9, active: 47e9 },
} as const;
