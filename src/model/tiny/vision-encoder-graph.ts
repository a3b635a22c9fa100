// The tiny VL model's onnx/vision_encoder.onnx and onnx/embed_tokens.onnx.
//
// vision_encoder: one image per call.
//   pixel_values   float32 [num_patches, 3·14·14]  each patch channel-major (c, then row, then column),
//                  patches in merge-block order (Qwen2-VL / ERNIE-4.5-VL processors): for each 2 × 2 block,
//                  row-major over the block grid, its 4 patches row-major inside the block
//   image_grid_thw int64 [1, 3] = (1, patch rows, patch columns)
//   image_features float32 [num_patches / 4, text hidden]
// The structure is transformers' Ernie4_5_VL vision tower + resampler, shrunk:
//   patch_embed (Linear, no bias) → depth × pre-norm block [LayerNorm → attention over all the image's
//   patches with 2-D RoPE → LayerNorm → fc1, quick_gelu, fc2] → LayerNorm →
//   merge 4 consecutive patches (one 2 × 2 block) → spatial_linear [fc1, GELU, fc2, LayerNorm] →
//   mlp (Linear to the text width) → RMSNorm (after_norm).
// 2-D RoPE (Qwen2-VL's VisionRotaryEmbedding + apply_rotary_pos_emb_vision): each patch's row and column
// are derived in-graph from its index and the grid width; a head's first quarter of rotary angles
// follows the row, the second quarter the column, θ_i = 10000^(−4i/head_dim); the angles are repeated
// once (emb = [a, a]) and applied Llama-style (dim j pairs with j + head_dim/2).
//
// embed_tokens: input_ids int64 [batch, seq] → inputs_embeds float32 [batch, seq, hidden], the rows of
// model.embed_tokens.weight — the same matrix the decoder's tied LM head uses.

import { DIM } from './decoder-graph.ts';
import { layerNorm, linear, linearWithBias, rmsNorm } from './graph-layers.ts';
import { OnnxGraphBuilder } from './onnx-graph-builder.ts';
import { RMS_NORM_EPS, VISION_IN_CHANNELS, VISION_MERGE_SIZE, VISION_NORM_EPS, VISION_PATCH_SIZE, VISION_ROPE_THETA, type TinySizes } from './tiny-sizes.ts';
import { RESAMPLER, VISION_TOWER } from './vision-weights.ts';
import type { TinyWeights } from './weights.ts';

export const VISION_DIM = { patches: 'num_patches', tokens: 'num_image_tokens' } as const;

interface Rotary {
  cos: string;
  sin: string;
}

/** cos/sin [num_patches, head_dim] of every patch's 2-D rotary angles. */
function patchRotary(g: OnnxGraphBuilder, pixels: string, grid: string, headDim: number): Rotary {
  g.scope = '/vision_tower/rotary_pos_emb';
  const m = VISION_MERGE_SIZE;
  const count = g.op('Gather', [g.op('Shape', [pixels]), g.int64([0], true)], { axis: 0 });
  const index = g.op('Range', [g.int64([0], true), count, g.int64([1], true)]);
  const gridWidth = g.op('Gather', [g.op('Reshape', [grid, g.int64([3])]), g.int64([2], true)], { axis: 0 });
  const blocksPerRow = g.op('Div', [gridWidth, g.int64([m], true)]);
  const block = g.op('Div', [index, g.int64([m * m], true)]);
  const inBlock = g.op('Mod', [index, g.int64([m * m], true)]);
  const row = g.op('Add', [g.op('Mul', [g.op('Div', [block, blocksPerRow]), g.int64([m], true)]), g.op('Div', [inBlock, g.int64([m], true)])]);
  const col = g.op('Add', [g.op('Mul', [g.op('Mod', [block, blocksPerRow]), g.int64([m], true)]), g.op('Mod', [inBlock, g.int64([m], true)])]);

  const quarter = headDim / 4;
  const invFreq = new Float32Array(quarter);
  for (let i = 0; i < quarter; i++) invFreq[i] = 1 / Math.pow(VISION_ROPE_THETA, (4 * i) / headDim);
  const freqs = g.floatTensor([quarter], invFreq);
  const angles = (pos: string) => g.op('Mul', [g.op('Unsqueeze', [g.op('Cast', [pos], { to: 1 /* FLOAT */ }), g.int64([1])]), freqs]);
  const half = g.op('Concat', [angles(row), angles(col)], { axis: 1 });
  const emb = g.op('Concat', [half, half], { axis: 1 });
  return { cos: g.op('Cos', [emb]), sin: g.op('Sin', [emb]) };
}

/** x [heads, patches, head_dim] rotated: x·cos + rotate_half(x)·sin, rotate_half(x) = [−x₂, x₁]. */
function applyVisionRope(g: OnnxGraphBuilder, x: string, rotary: Rotary, headDim: number): string {
  const axis = g.int64([-1]);
  const first = g.op('Slice', [x, g.int64([0]), g.int64([headDim / 2]), axis]);
  const second = g.op('Slice', [x, g.int64([headDim / 2]), g.int64([headDim]), axis]);
  const rotated = g.op('Concat', [g.op('Neg', [second]), first], { axis: -1 });
  return g.op('Add', [g.op('Mul', [x, rotary.cos]), g.op('Mul', [rotated, rotary.sin])]);
}

function visionBlock(g: OnnxGraphBuilder, x: string, layer: number, sizes: TinySizes, rotary: Rotary): string {
  const p = `${VISION_TOWER}.blocks.${layer}`;
  const width = sizes.visionWidth;
  const heads = sizes.visionNumHeads;
  const headDim = width / heads;

  g.scope = `/vision_tower/blocks.${layer}/attn`;
  const qkv = linearWithBias(g, layerNorm(g, x, `${p}.norm1`, VISION_NORM_EPS), `${p}.attn.qkv`);
  // [patches, 3·width] → [3, heads, patches, head_dim], as qkv.reshape(seq, 3, heads, -1).permute(1, 0, 2, 3)
  const split = g.op('Transpose', [g.op('Reshape', [qkv, g.int64([-1, 3, heads, headDim])])], { perm: [1, 2, 0, 3] });
  const part = (i: number) => g.op('Gather', [split, g.int64([i], true)], { axis: 0 });
  const q = applyVisionRope(g, part(0), rotary, headDim);
  const k = applyVisionRope(g, part(1), rotary, headDim);
  const scores = g.op('Mul', [g.op('MatMul', [q, g.op('Transpose', [k], { perm: [0, 2, 1] })]), g.float(1 / Math.sqrt(headDim))]);
  const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), part(2)]);
  const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [1, 0, 2] }), g.int64([-1, width])]);
  const afterAttention = g.op('Add', [x, linearWithBias(g, merged, `${p}.attn.proj`)]);

  g.scope = `/vision_tower/blocks.${layer}/mlp`;
  const up = linearWithBias(g, layerNorm(g, afterAttention, `${p}.norm2`, VISION_NORM_EPS), `${p}.mlp.fc1`);
  // quick_gelu (the ViT's hidden_act): x · sigmoid(1.702 x)
  const activated = g.op('Mul', [up, g.op('Sigmoid', [g.op('Mul', [up, g.float(1.702)])])]);
  return g.op('Add', [afterAttention, linearWithBias(g, activated, `${p}.mlp.fc2`)]);
}

export function buildVisionEncoderGraph(sizes: TinySizes, weights: TinyWeights): OnnxGraphBuilder {
  const g = new OnnxGraphBuilder('ernie4_5_vl_tiny_vision_encoder');
  const patchLength = VISION_IN_CHANNELS * VISION_PATCH_SIZE * VISION_PATCH_SIZE;
  const pixels = g.input('pixel_values', 'float32', [VISION_DIM.patches, patchLength]);
  const grid = g.input('image_grid_thw', 'int64', [1, 3]);
  for (const w of weights.tensors) g.initializer(w.name, w.dims, w.data);

  const rotary = patchRotary(g, pixels, grid, sizes.visionWidth / sizes.visionNumHeads);
  g.scope = '/vision_tower/patch_embed';
  let x = linear(g, pixels, `${VISION_TOWER}.patch_embed.proj.weight`);
  for (let i = 0; i < sizes.visionDepth; i++) x = visionBlock(g, x, i, sizes, rotary);
  g.scope = '/vision_tower/ln';
  x = layerNorm(g, x, `${VISION_TOWER}.ln`, VISION_NORM_EPS);

  g.scope = '/resampler_model';
  const mergedWidth = sizes.visionWidth * VISION_MERGE_SIZE * VISION_MERGE_SIZE;
  // Merge-block order makes each 2 × 2 block 4 consecutive patches: one row of the reshape.
  const blocks = g.op('Reshape', [x, g.int64([-1, mergedWidth])]);
  const fc1 = linearWithBias(g, blocks, `${RESAMPLER}.spatial_linear.fc1`);
  // nn.GELU() (exact): 0.5 · x · (1 + erf(x / √2))
  const gelu = g.op('Mul', [g.op('Mul', [fc1, g.float(0.5)]), g.op('Add', [g.op('Erf', [g.op('Mul', [fc1, g.float(Math.SQRT1_2)])]), g.float(1)])]);
  const spatial = layerNorm(g, linearWithBias(g, gelu, `${RESAMPLER}.spatial_linear.fc2`), `${RESAMPLER}.spatial_linear.ln`, VISION_NORM_EPS);
  const features = rmsNorm(g, linearWithBias(g, spatial, `${RESAMPLER}.mlp`), `${RESAMPLER}.after_norm.weight`, RMS_NORM_EPS);

  g.scope = '';
  g.output('image_features', features, 'float32', [VISION_DIM.tokens, sizes.hiddenSize]);
  return g;
}

export function buildEmbedTokensGraph(embedding: { dims: number[]; data: Float32Array }): OnnxGraphBuilder {
  const g = new OnnxGraphBuilder('ernie4_5_vl_tiny_embed_tokens');
  const ids = g.input('input_ids', 'int64', [DIM.batch, DIM.seq]);
  g.initializer('model.embed_tokens.weight', embedding.dims, embedding.data);
  g.scope = '/model/embed_tokens';
  const embeds = g.op('Gather', ['model.embed_tokens.weight', ids], { axis: 0 });
  g.scope = '';
  g.output('inputs_embeds', embeds, 'float32', [DIM.batch, DIM.seq, embedding.dims[1] ?? 0]);
  return g;
}
