// The parameters of the tiny VL model's vision side: the ViT (transformers'
// Ernie4_5_VLVisionTransformerPretrainedModel, the DFN-RoPE ViT of baidu's release) and the resampler
// that merges 2 × 2 patches into one text-width image token (Ernie4_5_VLVariableResolutionResamplerModel).
// Names follow transformers' converted checkpoint (`model.vision_tower.*`, `model.resampler_model.*`);
// linear weights are stored [in, out] like the decoder's (see weights.ts). The resampler's video path
// (`temporal_linear`) is left out: this model only ever sees single images.

import { VISION_IN_CHANNELS, VISION_MERGE_SIZE, VISION_PATCH_SIZE, type TinySizes } from './tiny-sizes.ts';
import { linearStd, weightStore, type TinyWeights } from './weights.ts';

const NORM_NOISE_STD = 0.05;
// Biases are small but non-zero, so that a graph forgetting one disagrees with the reference.
const BIAS_STD = 0.05;

export const VISION_TOWER = 'model.vision_tower';
export const RESAMPLER = 'model.resampler_model';

export function makeVisionWeights(sizes: TinySizes, seed: number): TinyWeights {
  const store = weightStore(seed);
  const linear = (prefix: string, fanIn: number, fanOut: number, bias = true): void => {
    const std = linearStd(fanIn);
    store.add(`${prefix}.weight`, [fanIn, fanOut], (rng) => rng.normal() * std);
    if (bias) store.add(`${prefix}.bias`, [fanOut], (rng) => rng.normal() * BIAS_STD);
  };
  const layerNorm = (prefix: string, width: number): void => {
    store.add(`${prefix}.weight`, [width], (rng) => 1 + rng.normal() * NORM_NOISE_STD);
    store.add(`${prefix}.bias`, [width], (rng) => rng.normal() * NORM_NOISE_STD);
  };

  const w = sizes.visionWidth;
  const patch = VISION_IN_CHANNELS * VISION_PATCH_SIZE * VISION_PATCH_SIZE;
  const mlp = w * sizes.visionMlpRatio;
  linear(`${VISION_TOWER}.patch_embed.proj`, patch, w, false);
  for (let i = 0; i < sizes.visionDepth; i++) {
    const p = `${VISION_TOWER}.blocks.${i}`;
    layerNorm(`${p}.norm1`, w);
    linear(`${p}.attn.qkv`, w, 3 * w);
    linear(`${p}.attn.proj`, w, w);
    layerNorm(`${p}.norm2`, w);
    linear(`${p}.mlp.fc1`, w, mlp);
    linear(`${p}.mlp.fc2`, mlp, w);
  }
  layerNorm(`${VISION_TOWER}.ln`, w);

  const merged = w * VISION_MERGE_SIZE * VISION_MERGE_SIZE;
  linear(`${RESAMPLER}.spatial_linear.fc1`, merged, merged);
  linear(`${RESAMPLER}.spatial_linear.fc2`, merged, merged);
  layerNorm(`${RESAMPLER}.spatial_linear.ln`, merged);
  linear(`${RESAMPLER}.mlp`, merged, sizes.hiddenSize);
  store.add(`${RESAMPLER}.after_norm.weight`, [sizes.hiddenSize], (rng) => 1 + rng.normal() * NORM_NOISE_STD);
  return store.weights();
}
