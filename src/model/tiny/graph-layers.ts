// Building blocks shared by the attention, FFN and MoE parts of the decoder graph. Each mirrors one
// transformers module of ERNIE 4.5 (which reuses Llama's): RMSNorm, bias-free Linear, SwiGLU MLP.

import type { OnnxGraphBuilder } from './onnx-graph-builder.ts';

/** LlamaRMSNorm: x · 1/√(mean(x²) + eps) · weight, over the last axis. */
export function rmsNorm(g: OnnxGraphBuilder, x: string, weight: string, eps: number): string {
  const meanSquare = g.op('ReduceMean', [g.op('Mul', [x, x])], { axes: [-1], keepdims: 1 });
  const rms = g.op('Sqrt', [g.op('Add', [meanSquare, g.float(eps)])]);
  return g.op('Mul', [g.op('Div', [x, rms]), weight]);
}

/** A bias-free nn.Linear whose weight is stored as [in, out]. */
export function linear(g: OnnxGraphBuilder, x: string, weight: string): string {
  return g.op('MatMul', [x, weight]);
}

export function silu(g: OnnxGraphBuilder, x: string): string {
  return g.op('Mul', [x, g.op('Sigmoid', [x])]);
}

/** The SwiGLU activation before down_proj: silu(gate(x)) · up(x). */
export function swigluHidden(g: OnnxGraphBuilder, x: string, gateWeight: string, upWeight: string): string {
  return g.op('Mul', [silu(g, linear(g, x, gateWeight)), linear(g, x, upWeight)]);
}

/** Ernie4_5MLP: down(silu(gate(x)) · up(x)); `prefix` is e.g. `model.layers.0.mlp`. */
export function swiglu(g: OnnxGraphBuilder, x: string, prefix: string): string {
  const hidden = swigluHidden(g, x, `${prefix}.gate_proj.weight`, `${prefix}.up_proj.weight`);
  return linear(g, hidden, `${prefix}.down_proj.weight`);
}

// The vision tower's building blocks (nn.LayerNorm, nn.Linear with bias), used by vision-encoder-graph.ts.

/** nn.LayerNorm over the last axis (ONNX LayerNormalization, opset 17). */
export function layerNorm(g: OnnxGraphBuilder, x: string, prefix: string, eps: number): string {
  return g.op('LayerNormalization', [x, `${prefix}.weight`, `${prefix}.bias`], { axis: -1, epsilon: { float: eps } });
}

/** nn.Linear with bias; weight stored [in, out]. */
export function linearWithBias(g: OnnxGraphBuilder, x: string, prefix: string): string {
  return g.op('Add', [g.op('MatMul', [x, `${prefix}.weight`]), `${prefix}.bias`]);
}
