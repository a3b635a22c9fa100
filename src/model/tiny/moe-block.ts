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

import { linear, swiglu, swigluHidden } from './graph-layers.ts';
import type { OnnxGraphBuilder } from './onnx-graph-builder.ts';
import type { TinySizes } from './tiny-sizes.ts';

export function moeBlock(g: OnnxGraphBuilder, x: string, layer: number, sizes: TinySizes, normMin: number): string {
  const p = `model.layers.${layer}.mlp`;
  const experts = sizes.moeNumExperts;
  const width = sizes.moeIntermediateSize;

  g.scope = `/model/layers.${layer}/mlp/gate`;
  const probs = g.op('Softmax', [linear(g, x, `${p}.gate.weight`)], { axis: -1 });
  const selectionScores = g.op('Add', [probs, `${p}.moe_statics.e_score_correction_bias`]);
  const [, selected] = g.ops('TopK', [selectionScores, g.int64([sizes.moeK])], { axis: -1, largest: 1, sorted: 1 }, 2);
  if (selected === undefined) throw new Error('unreachable: TopK without indices');
  const topProbs = g.op('GatherElements', [probs, selected], { axis: -1 });
  const total = g.op('ReduceSum', [topProbs, g.int64([-1])], { keepdims: 1 });
  const topWeights = g.op('Div', [topProbs, g.op('Max', [total, g.float(normMin)])]);
  // Scatter the k weights back to a dense [batch, seq, experts] row; unselected experts stay 0.
  const zeros = g.op('ConstantOfShape', [g.op('Shape', [probs])], { value: { tensor: { type: 'float32', dims: [1], values: [0] } } });
  const expertWeights = g.op('ScatterElements', [zeros, selected, topWeights], { axis: -1 });

  g.scope = `/model/layers.${layer}/mlp/experts`;
  const hidden = swigluHidden(g, x, `${p}.experts.gate_proj.weight`, `${p}.experts.up_proj.weight`);
  const perExpert = g.op('Reshape', [hidden, g.int64([0, 0, experts, width])]);
  const weighted = g.op('Mul', [perExpert, g.op('Unsqueeze', [expertWeights, g.int64([3])])]);
  const flat = g.op('Reshape', [weighted, g.int64([0, 0, experts * width])]);
  const routed = linear(g, flat, `${p}.experts.down_proj.weight`);
  if (sizes.moeNumSharedExperts === 0) return routed;

  g.scope = `/model/layers.${layer}/mlp/shared_experts`;
  return g.op('Add', [routed, swiglu(g, x, `${p}.shared_experts`)]);
}
