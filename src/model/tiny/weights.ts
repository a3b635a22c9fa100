// The parameters of a tiny ERNIE model, drawn deterministically from a seed.
//
// Names follow the Hugging Face checkpoint (`model.layers.{i}.self_attn.q_proj.weight`, ...), but every
// linear weight is stored as [in, out] — the transpose of PyTorch's [out, in] — because that is what an
// ONNX MatMul consumes, and it is how torch.onnx exports nn.Linear. Routed experts are stacked side by
// side ([hidden, experts × moe_intermediate] for gate/up, [experts × moe_intermediate, hidden] for
// down) so that the whole MoE block is three MatMuls; expert e owns columns/rows e·I .. (e+1)·I − 1.
// The VL model has two such pools per MoE layer, `mlp.text_moe.*` and `mlp.vision_moe.*` (its ViT and
// resampler weights are in vision-weights.ts).

import { SeededRandom } from './seeded-random.ts';
import { isMoeLayer, type TinyArch, type TinySizes } from './tiny-sizes.ts';

export interface WeightTensor {
  name: string;
  dims: number[];
  data: Float32Array;
}

export interface TinyWeights {
  /** In creation order, which is also the order of the ONNX initializers. */
  tensors: WeightTensor[];
  get(name: string): WeightTensor;
}

// Embedding scale sets the logit scale through the tied head (|final norm output| ≈ √hidden, so logits
// have std ≈ 0.25·√hidden ≈ 2 at hidden 64): peaked enough that greedy decoding is not flat noise,
// not so peaked that it always repeats one token.
const EMBED_STD = 0.25;
const NORM_NOISE_STD = 0.05;
// The correction bias only reorders experts whose probabilities are close, as in the real checkpoints;
// non-zero so that the "select with bias, weight without it" rule is actually exercised.
const E_SCORE_BIAS_STD = 0.03;
// Linear weights have std GAIN/√fan_in. At gain 1 the residual stream is dominated by the token's own
// embedding and greedy decoding of a random model locks onto one token; at 2 the context matters and
// greedy continuations vary (checked over several seeds and prompts).
const LINEAR_GAIN = 2;

export interface WeightStore {
  /** Adds a tensor whose values come from its own (seed, name) stream, in creation order. */
  add(name: string, dims: number[], fill: (rng: SeededRandom) => number): void;
  weights(): TinyWeights;
}

export function weightStore(seed: number): WeightStore {
  const tensors: WeightTensor[] = [];
  const byName = new Map<string, WeightTensor>();
  return {
    add(name, dims, fill) {
      const rng = SeededRandom.forName(seed, name);
      const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
      for (let i = 0; i < data.length; i++) data[i] = fill(rng);
      const tensor = { name, dims, data };
      tensors.push(tensor);
      byName.set(name, tensor);
    },
    weights: () => ({
      tensors,
      get(name: string): WeightTensor {
        const tensor = byName.get(name);
        if (tensor === undefined) throw new Error(`tiny model has no weight named ${name}`);
        return tensor;
      },
    }),
  };
}

/** Linear weights have std LINEAR_GAIN/√fan_in, so activations keep their scale whatever the sizes. */
export function linearStd(fanIn: number): number {
  return LINEAR_GAIN / Math.sqrt(fanIn);
}

export function makeWeights(arch: TinyArch, sizes: TinySizes, vocabSize: number, seed: number): TinyWeights {
  const store = weightStore(seed);
  const add = store.add;
  const linear = (name: string, fanIn: number, fanOut: number): void => {
    const std = linearStd(fanIn);
    add(name, [fanIn, fanOut], (rng) => rng.normal() * std);
  };
  const norm = (name: string): void => add(name, [sizes.hiddenSize], (rng) => 1 + rng.normal() * NORM_NOISE_STD);
  const swiglu = (prefix: string, width: number): void => {
    linear(`${prefix}.gate_proj.weight`, sizes.hiddenSize, width);
    linear(`${prefix}.up_proj.weight`, sizes.hiddenSize, width);
    linear(`${prefix}.down_proj.weight`, width, sizes.hiddenSize);
  };

  const h = sizes.hiddenSize;
  add('model.embed_tokens.weight', [vocabSize, h], (rng) => rng.normal() * EMBED_STD);
  for (let i = 0; i < sizes.numLayers; i++) {
    const p = `model.layers.${i}`;
    norm(`${p}.input_layernorm.weight`);
    linear(`${p}.self_attn.q_proj.weight`, h, sizes.numHeads * sizes.headDim);
    linear(`${p}.self_attn.k_proj.weight`, h, sizes.numKvHeads * sizes.headDim);
    linear(`${p}.self_attn.v_proj.weight`, h, sizes.numKvHeads * sizes.headDim);
    linear(`${p}.self_attn.o_proj.weight`, sizes.numHeads * sizes.headDim, h);
    norm(`${p}.post_attention_layernorm.weight`);
    if (isMoeLayer(arch, sizes, i)) {
      const experts = sizes.moeNumExperts;
      const width = sizes.moeIntermediateSize;
      const pool = (prefix: string, poolWidth: number): void => {
        linear(`${prefix}.gate.weight`, h, experts);
        add(`${prefix}.moe_statics.e_score_correction_bias`, [1, experts], (rng) => rng.normal() * E_SCORE_BIAS_STD);
        // Stacked experts: each expert's block is drawn at its own 1/√fan_in scale.
        add(`${prefix}.experts.gate_proj.weight`, [h, experts * poolWidth], (rng) => rng.normal() * linearStd(h));
        add(`${prefix}.experts.up_proj.weight`, [h, experts * poolWidth], (rng) => rng.normal() * linearStd(h));
        add(`${prefix}.experts.down_proj.weight`, [experts * poolWidth, h], (rng) => rng.normal() * linearStd(poolWidth));
      };
      if (arch === 'ernie4_5_vl') {
        // ERNIE-4.5-VL (transformers' Ernie4_5_VLMoeBlock): one router + expert pool per modality.
        pool(`${p}.mlp.text_moe`, width);
        pool(`${p}.mlp.vision_moe`, sizes.moeVisionIntermediateSize);
      } else {
        pool(`${p}.mlp`, width);
      }
      // Shared experts are as wide as moe_num_shared_experts text experts, in both models.
      if (sizes.moeNumSharedExperts > 0) swiglu(`${p}.mlp.shared_experts`, width * sizes.moeNumSharedExperts);
    } else {
      swiglu(`${p}.mlp`, sizes.intermediateSize);
    }
  }
  norm('model.norm.weight');
  return store.weights();
}
