// An independent, deliberately naive forward pass of ERNIE 4.5 (dense and MoE) in plain TypeScript
// loops with float64 accumulation, written from transformers' modeling_ernie4_5(_moe).py. It reads the
// sizes from config.json and the weights from the ONNX initializers; the test checks that
// onnxruntime's logits match it. Nothing here is shared with the graph builder.
// The ERNIE-4.5-VL decoder (modeling_ernie4_5_vl.py's Ernie4_5_VLMoeBlock) is the same with inputs
// embeddings given and, in MoE layers, a text or a vision expert pool chosen per token by its token type.
//
// Weight layout (documented in src/model/tiny/weights.ts): linear weights are [in, out]; routed
// experts are stacked, expert e owning columns (gate/up) or rows (down) e·I .. (e+1)·I − 1.

import type { RefTensor } from './onnx-weights.ts';

export interface RefConfig {
  model_type: string;
  hidden_size: number;
  intermediate_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  num_key_value_heads: number;
  head_dim: number;
  vocab_size: number;
  rms_norm_eps: number;
  rope_theta: number;
  /** VL: [text, vision] lists. */
  moe_num_experts?: number | number[];
  moe_k?: number;
  moe_intermediate_size?: number | number[];
  moe_num_shared_experts?: number;
  moe_layer_start_index?: number | number[];
  moe_layer_end_index?: number | number[];
  moe_layer_interval?: number;
  moe_norm_min?: number;
}

type Vec = Float64Array<ArrayBuffer>;

class Weights {
  constructor(private readonly map: Map<string, RefTensor>) {}
  get(name: string, dims: number[]): RefTensor {
    const t = this.map.get(name);
    if (t === undefined) throw new Error(`missing weight ${name}`);
    if (t.dims.join(',') !== dims.join(',')) throw new Error(`${name}: dims [${t.dims.join(',')}], expected [${dims.join(',')}]`);
    return t;
  }
}

function rmsNorm(x: Vec, w: RefTensor, eps: number): Vec {
  let ss = 0;
  for (const v of x) ss += v * v;
  const inv = 1 / Math.sqrt(ss / x.length + eps);
  return x.map((v, i) => v * inv * (w.data[i] ?? NaN));
}

/** x [in] @ W [in, out] restricted to output columns col0 .. col0+width−1. */
function matvec(x: Vec, w: RefTensor, col0 = 0, width = w.dims[1] ?? 0): Vec {
  const out = w.dims[1] ?? 0;
  const y = new Float64Array(width);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? 0;
    for (let j = 0; j < width; j++) y[j] = (y[j] ?? 0) + xi * (w.data[i * out + col0 + j] ?? NaN);
  }
  return y;
}

/** x [width] @ rows row0 .. row0+width−1 of W [rows, out]. */
function matvecRows(x: Vec, w: RefTensor, row0: number): Vec {
  const out = w.dims[1] ?? 0;
  const y = new Float64Array(out);
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < out; j++) y[j] = (y[j] ?? 0) + (x[i] ?? 0) * (w.data[(row0 + i) * out + j] ?? NaN);
  }
  return y;
}

const silu = (v: number) => v / (1 + Math.exp(-v));

function add(a: Vec, b: Vec): Vec {
  return a.map((v, i) => v + (b[i] ?? NaN));
}

function softmax(xs: number[]): number[] {
  const max = Math.max(...xs);
  const exps = xs.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
}

function swiglu(x: Vec, gate: RefTensor, up: RefTensor, down: RefTensor, col0: number, width: number): Vec {
  const g = matvec(x, gate, col0, width);
  const u = matvec(x, up, col0, width);
  return matvecRows(g.map((v, i) => silu(v) * (u[i] ?? NaN)), down, col0);
}

const VL_MODEL_TYPE = 'ernie4_5_moe_vl';
/** A per-modality config value: index 0 text, 1 vision (a plain number serves both). */
const modality = (v: number | number[] | undefined, i: 0 | 1): number => (Array.isArray(v) ? (v[i] ?? NaN) : (v ?? 0));

function isMoeLayer(c: RefConfig, i: number): boolean {
  if (c.model_type !== 'ernie4_5_moe' && c.model_type !== VL_MODEL_TYPE) return false;
  // transformers' VL conversion: MoE from min(start indices) to max(end indices).
  const start = Array.isArray(c.moe_layer_start_index) ? Math.min(...c.moe_layer_start_index) : (c.moe_layer_start_index ?? 1);
  const endRaw = Array.isArray(c.moe_layer_end_index) ? Math.max(...c.moe_layer_end_index) : c.moe_layer_end_index;
  const end = endRaw === undefined || endRaw === -1 ? c.num_hidden_layers - 1 : endRaw;
  return (i + 1) % (c.moe_layer_interval ?? 1) === 0 && i >= start && i <= end;
}

/** One MoE FFN; in the VL model `image` picks the vision pool (router + experts) instead of the text one. */
function moe(c: RefConfig, w: Weights, mlp: string, x: Vec, image: boolean): Vec {
  const vl = c.model_type === VL_MODEL_TYPE;
  const pool = vl ? (image ? 1 : 0) : 0;
  const p = vl ? `${mlp}.${image ? 'vision_moe' : 'text_moe'}` : mlp;
  const h = c.hidden_size;
  const E = modality(c.moe_num_experts, pool);
  const I = modality(c.moe_intermediate_size, pool);
  const k = c.moe_k ?? 0;
  const probs = softmax(Array.from(matvec(x, w.get(`${p}.gate.weight`, [h, E]))));
  const bias = w.get(`${p}.moe_statics.e_score_correction_bias`, [1, E]).data;
  // Selection uses probs + bias; weights use the plain probs, renormalised over the chosen k.
  const order = probs.map((v, e) => ({ e, score: v + (bias[e] ?? NaN) })).sort((a, b) => b.score - a.score || a.e - b.e);
  const chosen = order.slice(0, k).map(({ e }) => e);
  const total = chosen.reduce((s, e) => s + (probs[e] ?? NaN), 0);
  const denom = Math.max(total, c.moe_norm_min ?? 1e-12);
  let out = new Float64Array(h);
  const gate = w.get(`${p}.experts.gate_proj.weight`, [h, E * I]);
  const up = w.get(`${p}.experts.up_proj.weight`, [h, E * I]);
  const down = w.get(`${p}.experts.down_proj.weight`, [E * I, h]);
  for (const e of chosen) {
    const y = swiglu(x, gate, up, down, e * I, I);
    const weight = (probs[e] ?? NaN) / denom;
    out = out.map((v, i) => v + weight * (y[i] ?? NaN));
  }
  // Shared experts: moe_num_shared_experts × the TEXT expert width, for every token.
  const shared = (c.moe_num_shared_experts ?? 0) * modality(c.moe_intermediate_size, 0);
  if (shared > 0) {
    const s = `${mlp}.shared_experts`;
    out = add(out, swiglu(x, w.get(`${s}.gate_proj.weight`, [h, shared]), w.get(`${s}.up_proj.weight`, [h, shared]), w.get(`${s}.down_proj.weight`, [shared, h]), 0, shared));
  }
  return out;
}

/** GLM-style RoPE on interleaved pairs of one head (in place): pair i turns by pos · θ^(−2i/D). */
function rope(v: Vec, offset: number, headDim: number, pos: number, theta: number): void {
  for (let i = 0; i < headDim / 2; i++) {
    const angle = pos * Math.pow(theta, (-2 * i) / headDim);
    const a = v[offset + 2 * i] ?? NaN;
    const b = v[offset + 2 * i + 1] ?? NaN;
    v[offset + 2 * i] = a * Math.cos(angle) - b * Math.sin(angle);
    v[offset + 2 * i + 1] = b * Math.cos(angle) + a * Math.sin(angle);
  }
}

/**
 * Logits [batch][seq][vocab] for a batch without a KV cache. A query whose every past key is padding
 * (a left-padding position; its logits are never used) attends uniformly to its causal past — the
 * convention of the tiny graph, which keeps even padding rows causal.
 */
export function referenceLogits(c: RefConfig, weightMap: Map<string, RefTensor>, inputIds: number[][], attentionMask: number[][], positionIds: number[][]): number[][][] {
  const { hidden_size: h, vocab_size: V } = c;
  const embed = new Weights(weightMap).get('model.embed_tokens.weight', [V, h]);
  const embeds = inputIds.map((ids) => ids.map((id) => Array.from(embed.data.subarray(id * h, (id + 1) * h))));
  return referenceLogitsFromEmbeds(c, weightMap, embeds, attentionMask, positionIds);
}

/**
 * The same from input embeddings [batch][seq][hidden] (the VL decoder's input); `tokenTypes`
 * [batch][seq] (non-zero: image token, routed to the vision experts) is read by the VL model only.
 */
export function referenceLogitsFromEmbeds(c: RefConfig, weightMap: Map<string, RefTensor>, embeds: number[][][], attentionMask: number[][], positionIds: number[][], tokenTypes?: number[][]): number[][][] {
  const w = new Weights(weightMap);
  const { hidden_size: h, num_attention_heads: H, num_key_value_heads: KV, head_dim: D, vocab_size: V } = c;
  const embed = w.get('model.embed_tokens.weight', [V, h]);
  return embeds.map((rows, b) => {
    const mask = attentionMask[b] ?? [];
    const pos = positionIds[b] ?? [];
    const types = tokenTypes?.[b] ?? [];
    const S = rows.length;
    let xs: Vec[] = rows.map((row) => Float64Array.from(row));
    for (let l = 0; l < c.num_hidden_layers; l++) {
      const p = `model.layers.${l}`;
      const normed = xs.map((x) => rmsNorm(x, w.get(`${p}.input_layernorm.weight`, [h]), c.rms_norm_eps));
      const q = normed.map((x) => matvec(x, w.get(`${p}.self_attn.q_proj.weight`, [h, H * D])));
      const k = normed.map((x) => matvec(x, w.get(`${p}.self_attn.k_proj.weight`, [h, KV * D])));
      const v = normed.map((x) => matvec(x, w.get(`${p}.self_attn.v_proj.weight`, [h, KV * D])));
      for (let t = 0; t < S; t++) {
        for (let hd = 0; hd < H; hd++) rope(q[t] ?? new Float64Array(), hd * D, D, pos[t] ?? 0, c.rope_theta);
        for (let hd = 0; hd < KV; hd++) rope(k[t] ?? new Float64Array(), hd * D, D, pos[t] ?? 0, c.rope_theta);
      }
      const wo = w.get(`${p}.self_attn.o_proj.weight`, [H * D, h]);
      xs = xs.map((x, t) => {
        const context = new Float64Array(H * D);
        for (let hd = 0; hd < H; hd++) {
          const kvh = Math.floor(hd / (H / KV)); // repeat_kv: query head hd reads KV head ⌊hd / group⌋
          const allowed = Array.from({ length: S }, (_, j) => j <= t && mask[j] === 1);
          const anyAllowed = allowed.some(Boolean);
          const scores = Array.from({ length: S }, (_, j) => {
            if (j > t) return -Infinity;
            if (!anyAllowed) return 0;
            if (!allowed[j]) return -Infinity;
            let dot = 0;
            for (let d = 0; d < D; d++) dot += (q[t]?.[hd * D + d] ?? NaN) * (k[j]?.[kvh * D + d] ?? NaN);
            return dot / Math.sqrt(D);
          });
          const probs = softmax(scores);
          for (let j = 0; j < S; j++) {
            for (let d = 0; d < D; d++) context[hd * D + d] = (context[hd * D + d] ?? 0) + (probs[j] ?? NaN) * (v[j]?.[kvh * D + d] ?? NaN);
          }
        }
        return add(x, matvec(context, wo));
      });
      xs = xs.map((x, t) => {
        const n = rmsNorm(x, w.get(`${p}.post_attention_layernorm.weight`, [h]), c.rms_norm_eps);
        if (isMoeLayer(c, l)) return add(x, moe(c, w, `${p}.mlp`, n, (types[t] ?? 0) !== 0));
        const I = c.intermediate_size;
        const m = `${p}.mlp`;
        return add(x, swiglu(n, w.get(`${m}.gate_proj.weight`, [h, I]), w.get(`${m}.up_proj.weight`, [h, I]), w.get(`${m}.down_proj.weight`, [I, h]), 0, I));
      });
    }
    return xs.map((x) => {
      const n = rmsNorm(x, w.get('model.norm.weight', [h]), c.rms_norm_eps);
      // Tied head: logits = normed · embed_tokens[v] for every vocabulary row v.
      return Array.from({ length: V }, (_, vi) => {
        let dot = 0;
        for (let i = 0; i < h; i++) dot += (n[i] ?? NaN) * (embed.data[vi * h + i] ?? NaN);
        return dot;
      });
    });
  });
}
