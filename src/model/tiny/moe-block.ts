// ERNIE 4.5's sparse MoE FFN (transformers' Ernie4_5_MoeSparseMoeBlock) as ONNX nodes:
//
//   probs    = softmax(router(x))                      fp32, over all experts
//   selected = top-k of (probs + e_score_correction_bias)   the bias only decides WHO is chosen ...
//   weights  = probs[selected] / max(Σ probs[selected], moe_norm_min)   ... never how much they weigh
//   out      = Σ_selected weight_e · expert_e(x) + shared_experts(x)
//
// Every expert is evaluated densely and unselected ones get weight 0. With the experts stacked side by
// side, Σ_e w_e · down_e(a_e) = [w_1·a_1 | … | w_E·a_E] @ [down_1; …; down_E], so the whole block is
// three MatMuls whatever the number of experts. Wasteful for big models, exact and simple for tiny ones.
//
// ERNIE-4.5-VL (transformers' Ernie4_5_VLMoeBlock) isolates modalities: text tokens are routed among
// the text experts by the text router, image tokens among the (narrower) vision experts by their own
// router, and the shared experts see every token. Here both pools run on every token and a Where on
// token_type_ids keeps, per token, the output of its own pool — a token's result is computed only from
// its own pool's weights, so the other pool cannot leak into it (the routing tests prove this).

import { linear, swiglu, swigluHidden } from './graph-layers.ts';
import type { OnnxGraphBuilder } from './onnx-graph-builder.ts';
import type { TinySizes } from './tiny-sizes.ts';

interface ExpertPool {
  /** Weight-name prefix, e.g. `model.layers.1.mlp` or `model.layers.1.mlp.text_moe`. */
  prefix: string;
  /** Node-name scope, e.g. `/model/layers.1/mlp`. */
  scope: string;
  experts: number;
  width: number;
  k: number;
}

/** Σ over the top-k experts of one pool (no shared experts). */
function routedExperts(g: OnnxGraphBuilder, x: string, pool: ExpertPool, normMin: number): string {
  const { prefix: p, experts, width } = pool;
  g.scope = `${pool.scope}/gate`;
  const probs = g.op('Softmax', [linear(g, x, `${p}.gate.weight`)], { axis: -1 });
  const selectionScores = g.op('Add', [probs, `${p}.moe_statics.e_score_correction_bias`]);
  const [, selected] = g.ops('TopK', [selectionScores, g.int64([pool.k])], { axis: -1, largest: 1, sorted: 1 }, 2);
  if (selected === undefined) throw new Error('unreachable: TopK without indices');
  const topProbs = g.op('GatherElements', [probs, selected], { axis: -1 });
  const total = g.op('ReduceSum', [topProbs, g.int64([-1])], { keepdims: 1 });
  const topWeights = g.op('Div', [topProbs, g.op('Max', [total, g.float(normMin)])]);
  // Scatter the k weights back to a dense [batch, seq, experts] row; unselected experts stay 0.
  const zeros = g.op('ConstantOfShape', [g.op('Shape', [probs])], { value: { tensor: { type: 'float32', dims: [1], values: [0] } } });
  const expertWeights = g.op('ScatterElements', [zeros, selected, topWeights], { axis: -1 });

  g.scope = `${pool.scope}/experts`;
  const hidden = swigluHidden(g, x, `${p}.experts.gate_proj.weight`, `${p}.experts.up_proj.weight`);
  const perExpert = g.op('Reshape', [hidden, g.int64([0, 0, experts, width])]);
  const weighted = g.op('Mul', [perExpert, g.op('Unsqueeze', [expertWeights, g.int64([3])])]);
  const flat = g.op('Reshape', [weighted, g.int64([0, 0, experts * width])]);
  return linear(g, flat, `${p}.experts.down_proj.weight`);
}

function withSharedExperts(g: OnnxGraphBuilder, x: string, routed: string, layer: number, sizes: TinySizes): string {
  if (sizes.moeNumSharedExperts === 0) return routed;
  g.scope = `/model/layers.${layer}/mlp/shared_experts`;
  return g.op('Add', [routed, swiglu(g, x, `model.layers.${layer}.mlp.shared_experts`)]);
}

export function moeBlock(g: OnnxGraphBuilder, x: string, layer: number, sizes: TinySizes, normMin: number): string {
  const pool = { prefix: `model.layers.${layer}.mlp`, scope: `/model/layers.${layer}/mlp`, experts: sizes.moeNumExperts, width: sizes.moeIntermediateSize, k: sizes.moeK };
  return withSharedExperts(g, x, routedExperts(g, x, pool, normMin), layer, sizes);
}

/** ERNIE-4.5-VL's modality-isolated MoE; `isImage` is bool [batch, seq, 1] (token_type_ids ≠ 0). */
export function modalityMoeBlock(g: OnnxGraphBuilder, x: string, layer: number, sizes: TinySizes, isImage: string, normMin: number): string {
  const pool = (name: string, width: number): ExpertPool => ({
    prefix: `model.layers.${layer}.mlp.${name}`,
    scope: `/model/layers.${layer}/mlp/${name}`,
    experts: sizes.moeNumExperts,
    width,
    k: sizes.moeK,
  });
  const text = routedExperts(g, x, pool('text_moe', sizes.moeIntermediateSize), normMin);
  const vision = routedExperts(g, x, pool('vision_moe', sizes.moeVisionIntermediateSize), normMin);
  g.scope = `/model/layers.${layer}/mlp`;
  return withSharedExperts(g, x, g.op('Where', [isImage, vision, text]), layer, sizes);
}
