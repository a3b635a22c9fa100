// An independent, naive forward pass of the tiny ERNIE-4.5-VL vision encoder in float64, written from
// transformers' modeling_ernie4_5_vl.py (vision tower = Qwen2.5-VL's ViT blocks with LayerNorm, no
// windows; resampler without its video path) and Qwen2-VL's rot_pos_emb. The test compares
// onnxruntime's image_features with it. Nothing here is shared with the graph builder.
//
// Patch positions are built the way Qwen2-VL's rot_pos_emb builds them (a row-index grid reshaped to
// (h/2, 2, w/2, 2), permuted to block order and flattened); the graph derives them arithmetically.

import type { RefTensor } from './onnx-weights.ts';

export interface RefVisionConfig {
  hidden_size: number;
  rms_norm_eps: number;
  vision_config: { depth: number; hidden_size: number; num_heads: number; mlp_ratio: number; patch_size: number; in_channels: number; spatial_merge_size: number };
}

const LN_EPS = 1e-6;
const ROPE_THETA = 10000;

type Vec = number[];

function tensor(weights: Map<string, RefTensor>, name: string, dims: number[]): RefTensor {
  const t = weights.get(name);
  if (t === undefined) throw new Error(`missing weight ${name}`);
  if (t.dims.join(',') !== dims.join(',')) throw new Error(`${name}: dims [${t.dims.join(',')}], expected [${dims.join(',')}]`);
  return t;
}

/** x [in] @ W [in, out] (+ b). */
function affine(x: Vec, w: RefTensor, b?: RefTensor): Vec {
  const out = w.dims[1] ?? 0;
  const y = Array.from({ length: out }, (_, j) => b?.data[j] ?? 0);
  x.forEach((xi, i) => {
    for (let j = 0; j < out; j++) y[j] = (y[j] ?? 0) + xi * (w.data[i * out + j] ?? NaN);
  });
  return y;
}

function layerNorm(x: Vec, w: RefTensor, b: RefTensor, eps: number): Vec {
  const mean = x.reduce((a, v) => a + v, 0) / x.length;
  const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + eps)) * (w.data[i] ?? NaN) + (b.data[i] ?? NaN));
}

/** erf by its everywhere-positive series 2/√π · e^(−x²) · Σ (2x²)ⁿ x / (1·3·…·(2n+1)) (no cancellation). */
export function erf(x: number): number {
  if (Math.abs(x) > 6) return Math.sign(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

/** (row, column) of each patch in merge-block order, as Qwen2-VL's rot_pos_emb lays them out. */
export function patchPositions(gridH: number, gridW: number, merge: number): [number, number][] {
  const out: [number, number][] = [];
  for (let br = 0; br < gridH / merge; br++) {
    for (let bc = 0; bc < gridW / merge; bc++) {
      for (let r = 0; r < merge; r++) for (let c = 0; c < merge; c++) out.push([br * merge + r, bc * merge + c]);
    }
  }
  return out;
}

/** image_features [patches / 4][hidden] for one image's patches [patches][3·14·14] and grid (h, w). */
export function referenceImageFeatures(config: RefVisionConfig, weights: Map<string, RefTensor>, pixels: number[][], gridH: number, gridW: number): number[][] {
  const v = config.vision_config;
  const width = v.hidden_size;
  const heads = v.num_heads;
  const hd = width / heads;
  const mlp = width * v.mlp_ratio;
  const get = (name: string, dims: number[]) => tensor(weights, name, dims);
  const vt = 'model.vision_tower';

  // Angles per patch: [row·f_0 .. row·f_{hd/4−1}, col·f_0 .. col·f_{hd/4−1}], then repeated.
  const inv = Array.from({ length: hd / 4 }, (_, i) => 1 / ROPE_THETA ** ((2 * i) / (hd / 2)));
  const angles = patchPositions(gridH, gridW, v.spatial_merge_size).map(([row, col]) => {
    const half = [...inv.map((f) => row * f), ...inv.map((f) => col * f)];
    return [...half, ...half];
  });
  const rope = (x: Vec, t: number): Vec =>
    x.map((value, j) => {
      const a = angles[t]?.[j] ?? NaN;
      const rotated = j < hd / 2 ? -(x[j + hd / 2] ?? NaN) : (x[j - hd / 2] ?? NaN);
      return value * Math.cos(a) + rotated * Math.sin(a);
    });

  let xs = pixels.map((p) => affine(p, get(`${vt}.patch_embed.proj.weight`, [v.in_channels * v.patch_size ** 2, width])));
  for (let l = 0; l < v.depth; l++) {
    const b = `${vt}.blocks.${l}`;
    const qkv = xs.map((x) => affine(layerNorm(x, get(`${b}.norm1.weight`, [width]), get(`${b}.norm1.bias`, [width]), LN_EPS), get(`${b}.attn.qkv.weight`, [width, 3 * width]), get(`${b}.attn.qkv.bias`, [3 * width])));
    const part = (t: number, which: number, head: number) => (qkv[t] ?? []).slice(which * width + head * hd, which * width + (head + 1) * hd);
    const attended = xs.map((x, t) => {
      const context: number[] = [];
      for (let head = 0; head < heads; head++) {
        const q = rope(part(t, 0, head), t);
        const scores = xs.map((_, s) => rope(part(s, 1, head), s).reduce((acc, kv, d) => acc + kv * (q[d] ?? NaN), 0) / Math.sqrt(hd));
        const max = Math.max(...scores);
        const exps = scores.map((sc) => Math.exp(sc - max));
        const total = exps.reduce((a, e) => a + e, 0);
        for (let d = 0; d < hd; d++) context.push(exps.reduce((acc, e, s) => acc + (e / total) * (part(s, 2, head)[d] ?? NaN), 0));
      }
      const proj = affine(context, get(`${b}.attn.proj.weight`, [width, width]), get(`${b}.attn.proj.bias`, [width]));
      return x.map((value, i) => value + (proj[i] ?? NaN));
    });
    xs = attended.map((x) => {
      const up = affine(layerNorm(x, get(`${b}.norm2.weight`, [width]), get(`${b}.norm2.bias`, [width]), LN_EPS), get(`${b}.mlp.fc1.weight`, [width, mlp]), get(`${b}.mlp.fc1.bias`, [mlp]));
      const act = up.map((u) => u / (1 + Math.exp(-1.702 * u))); // quick_gelu
      const down = affine(act, get(`${b}.mlp.fc2.weight`, [mlp, width]), get(`${b}.mlp.fc2.bias`, [width]));
      return x.map((value, i) => value + (down[i] ?? NaN));
    });
  }
  xs = xs.map((x) => layerNorm(x, get(`${vt}.ln.weight`, [width]), get(`${vt}.ln.bias`, [width]), LN_EPS));

  const rs = 'model.resampler_model';
  const group = v.spatial_merge_size ** 2;
  const merged = width * group;
  const h = config.hidden_size;
  return Array.from({ length: xs.length / group }, (_, token) => {
    const block = xs.slice(token * group, (token + 1) * group).flat();
    const fc1 = affine(block, get(`${rs}.spatial_linear.fc1.weight`, [merged, merged]), get(`${rs}.spatial_linear.fc1.bias`, [merged]));
    const gelu = fc1.map((u) => 0.5 * u * (1 + erf(u / Math.SQRT2)));
    const fc2 = affine(gelu, get(`${rs}.spatial_linear.fc2.weight`, [merged, merged]), get(`${rs}.spatial_linear.fc2.bias`, [merged]));
    const normed = layerNorm(fc2, get(`${rs}.spatial_linear.ln.weight`, [merged]), get(`${rs}.spatial_linear.ln.bias`, [merged]), LN_EPS);
    const out = affine(normed, get(`${rs}.mlp.weight`, [merged, h]), get(`${rs}.mlp.bias`, [h]));
    const rms = Math.sqrt(out.reduce((a, o) => a + o * o, 0) / h + config.rms_norm_eps);
    const after = get(`${rs}.after_norm.weight`, [h]);
    return out.map((o, i) => (o / rms) * (after.data[i] ?? NaN));
  });
}
