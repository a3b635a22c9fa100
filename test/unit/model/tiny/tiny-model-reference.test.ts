// The architecture proof: onnxruntime's logits for the built graph must equal an independent
// plain-TypeScript forward pass (reference-forward.ts) over the same weights, for a left-padded batch.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinySpecialTokenIds, type TinyArch } from '../../../../src/model/tiny/index.ts';
import { readOnnxWeights, type RefTensor } from './onnx-weights.ts';
import { leftPadded, maxAbsDiff, runStep } from './ort-decoder.ts';
import { referenceLogits } from './reference-forward.ts';
import { buildFixture, cleanupTempDirs } from './tiny-fixture.ts';

cleanupTempDirs();

const TOLERANCE = 1e-4;
const { pad } = tinySpecialTokenIds();
// Two prompts of different lengths: the second is left-padded by 4, so the batch exercises padding
// masks, fully masked query rows and per-row position ids.
const PROMPTS = [
  [1022, 300, 17, 512, 64, 900, 33, 8, 421, 77, 5],
  [1022, 640, 12, 999, 250, 3, 1000],
];

describe.each([
  { arch: 'ernie4_5' as TinyArch, externalData: false },
  { arch: 'ernie4_5_moe' as TinyArch, externalData: true },
])('tiny $arch against the reference forward pass', ({ arch, externalData }) => {
  it(`matches within ${TOLERANCE} on a left-padded batch of 2`, async () => {
    const { dir, config, session } = await buildFixture({ arch, externalData });
    const batch = leftPadded(PROMPTS, pad);
    const ort = await runStep(session, config, batch.inputIds, batch.attentionMask, batch.positionIds);
    const weights = await readOnnxWeights(join(dir, 'onnx', 'model.onnx'));
    const ref = referenceLogits(config, weights, batch.inputIds, batch.attentionMask, batch.positionIds);

    const delta = maxAbsDiff(ort.logits, ref);
    const scale = Math.max(...ref.flat(2).map(Math.abs));
    console.log(`${arch}: max |Δ| ORT vs reference = ${delta.toExponential(2)} (max |logit| ${scale.toFixed(2)})`);
    expect(delta).toBeLessThan(TOLERANCE);
    expect(ort.logits.flat(2).every(Number.isFinite)).toBe(true);
    // Not a degenerate model: logits vary across the vocabulary and across positions.
    const row = ort.logits[0]?.[5] ?? [];
    expect(Math.max(...row) - Math.min(...row)).toBeGreaterThan(1);
  });

  it('greedy decoding is not stuck on one token', async () => {
    const { config, session } = await buildFixture({ arch, externalData });
    let ids = [1022, 300, 17, 512];
    let result = await runStep(session, config, [ids], [ids.map(() => 1)], [ids.map((_, i) => i)]);
    const generated: number[] = [];
    for (let step = 0; step < 24; step++) {
      const last = result.logits[0]?.at(-1) ?? [];
      const next = last.indexOf(Math.max(...last));
      generated.push(next);
      ids = [...ids, next];
      result = await runStep(session, config, [[next]], [ids.map(() => 1)], [[ids.length - 1]], result.cache);
    }
    console.log(`${arch}: greedy continuation ${generated.join(' ')}`);
    expect(new Set(generated).size).toBeGreaterThanOrEqual(4);
  });
});

// Each of these rewrites the weights the reference sees so that it computes a plausible *wrong*
// architecture; the comparison must then fail. Without this, a tolerance check could pass vacuously.
describe('the reference comparison has teeth', () => {
  type Edit = (weights: Map<string, RefTensor>, config: { head_dim: number; num_attention_heads: number; num_key_value_heads: number }) => void;

  /** Rewrites columns (or rows) of a [rows, cols] weight: new[.., c] = old[.., source(c)]. */
  const permute = (t: RefTensor, axis: 0 | 1, source: (i: number) => number): RefTensor => {
    const [rows = 0, cols = 0] = t.dims;
    const out = new Float32Array(t.data.length);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) out[r * cols + c] = t.data[axis === 1 ? r * cols + source(c) : source(r) * cols + c] ?? NaN;
    }
    return { dims: t.dims, data: out };
  };
  const edit = (weights: Map<string, RefTensor>, pattern: RegExp, f: (t: RefTensor) => RefTensor) => {
    for (const [name, t] of weights) if (pattern.test(name)) weights.set(name, f(t));
  };

  const WRONG: { what: string; arch: TinyArch; apply: Edit }[] = [
    {
      // Interleaved → half-split column order within each head turns GLM-style RoPE into Llama's.
      what: 'Llama-style RoPE (pairs i, i + head_dim/2)',
      arch: 'ernie4_5',
      apply: (w, { head_dim: D }) => edit(w, /self_attn\.[qk]_proj/, (t) => permute(t, 1, (c) => {
        const j = c % D;
        return c - j + (j < D / 2 ? 2 * j : 2 * (j - D / 2) + 1);
      })),
    },
    {
      // Reordering query heads [0, 2, 1, 3] makes interleaved KV sharing (repeat_kv) compute what a
      // tiled mapping (query head h → KV head h mod kv_heads) would.
      what: 'tiled instead of repeat-interleaved KV heads',
      arch: 'ernie4_5',
      apply: (w, { head_dim: D, num_attention_heads: H, num_key_value_heads: KV }) => {
        const group = H / KV;
        const head = (h: number) => (h % group) * KV + Math.floor(h / group);
        edit(w, /q_proj/, (t) => permute(t, 1, (c) => head(Math.floor(c / D)) * D + (c % D)));
        edit(w, /o_proj/, (t) => permute(t, 0, (r) => head(Math.floor(r / D)) * D + (r % D)));
      },
    },
    {
      what: 'expert selection without e_score_correction_bias',
      arch: 'ernie4_5_moe',
      apply: (w) => edit(w, /e_score_correction_bias/, (t) => ({ dims: t.dims, data: new Float32Array(t.data.length) })),
    },
    {
      what: 'no shared experts',
      arch: 'ernie4_5_moe',
      apply: (w) => edit(w, /shared_experts\.down_proj/, (t) => ({ dims: t.dims, data: new Float32Array(t.data.length) })),
    },
  ];

  it.each(WRONG)('$what: the comparison fails', async ({ arch, apply }) => {
    const { dir, config, session } = await buildFixture({ arch });
    const batch = leftPadded(PROMPTS, pad);
    const ort = await runStep(session, config, batch.inputIds, batch.attentionMask, batch.positionIds);
    const weights = await readOnnxWeights(join(dir, 'onnx', 'model.onnx'));
    apply(weights, config);
    const delta = maxAbsDiff(ort.logits, referenceLogits(config, weights, batch.inputIds, batch.attentionMask, batch.positionIds));
    expect(delta).toBeGreaterThan(100 * TOLERANCE);
  });
});
