// The architecture proof of the tiny ERNIE-4.5-VL model: onnxruntime's vision encoder and decoder must
// equal the independent plain-TypeScript forward passes (reference-vision.ts, reference-forward.ts)
// over the same weights; the KV cache must give the one-pass logits; and plausible wrong
// architectures must fail the comparison (so it is not vacuous).

import { describe, expect, it } from 'vitest';
import { tinySpecialTokenIds, tinyVlTokenIds } from '../../../../src/model/tiny/index.ts';
import { referenceLogitsFromEmbeds } from './reference-forward.ts';
import { referenceImageFeatures } from './reference-vision.ts';
import { cleanupTempDirs } from './tiny-fixture.ts';
import { buildVlFixture, embedIds, fakePixels, maxDiff, onnxPath, readOnnxWeights, runVision, runVlDecoder, type VlFixture } from './tiny-vl-fixture.ts';

cleanupTempDirs();

const TOLERANCE = 1e-4;
const { pad, cls } = tinySpecialTokenIds();
const { imagePlaceholder: IMG, imageStart, imageEnd } = tinyVlTokenIds();

let fixture: VlFixture | undefined;
const built = async (): Promise<VlFixture> => (fixture ??= await buildVlFixture());

// Two rows: an image of 4 tokens between text (left-padded by 2), and text only.
const ROWS = [
  [pad, pad, cls, 300, 17, imageStart, IMG, IMG, IMG, IMG, imageEnd, 512, 64, 900],
  [cls, 640, 12, 999, 250, 3, 1000, 41, 77, 8, 421, 5, 33, 7],
];
const MASK = ROWS.map((row, b) => row.map((_, s) => (b === 0 && s < 2 ? 0 : 1)));
const POSITIONS = MASK.map((m) => {
  let seen = 0;
  return m.map((bit) => (bit === 1 ? seen++ : 1));
});
const TYPES = ROWS.map((row) => row.map((id) => (id === IMG ? 1 : 0)));

/** Embeddings of ROWS with the image tokens' rows replaced by `features` (in order). */
function inputsEmbeds(embeds: number[][][], features: number[][]): number[][][] {
  let next = 0;
  return embeds.map((row, b) => row.map((e, s) => (ROWS[b]?.[s] === IMG ? (features[next++] ?? []) : e)));
}

async function decoderCase() {
  const { dir, config, vision, decoder } = await built();
  const features = await runVision(vision, fakePixels(16, 7), 4, 4);
  const weights = await readOnnxWeights(onnxPath(dir, 'decoder_model_merged'));
  const embeds = inputsEmbeds(embedIds(weights, ROWS), features);
  return { config, decoder, weights, embeds };
}

describe('tiny ernie4_5_vl vision encoder against the reference', () => {
  it.each([
    { gridH: 4, gridW: 4 },
    { gridH: 2, gridW: 6 },
    { gridH: 6, gridW: 2 },
  ])(`matches within ${TOLERANCE} on a $gridH × $gridW patch grid`, async ({ gridH, gridW }) => {
    const { dir, config, vision } = await built();
    const pixels = fakePixels(gridH * gridW, gridH * 10 + gridW);
    const ort = await runVision(vision, pixels, gridH, gridW);
    const weights = await readOnnxWeights(onnxPath(dir, 'vision_encoder'));
    const ref = referenceImageFeatures(config, weights, pixels, gridH, gridW);
    const delta = maxDiff(ort, ref);
    console.log(`vision ${gridH}×${gridW}: max |Δ| ORT vs reference = ${delta.toExponential(2)}`);
    expect(ort).toHaveLength((gridH * gridW) / 4);
    expect(delta).toBeLessThan(TOLERANCE);
    // Not degenerate: different tokens get different features.
    expect(maxDiff([ort[0]], [ort[1]])).toBeGreaterThan(0.1);
  });

  it('the comparison has teeth: transposed patch positions, or patches merged in raster order, fail it', async () => {
    const { dir, config, vision } = await built();
    const pixels = fakePixels(12, 26);
    const ort = await runVision(vision, pixels, 2, 6);
    const weights = await readOnnxWeights(onnxPath(dir, 'vision_encoder'));
    // Same patches, a 6 × 2 grid: each patch gets other (row, column) angles.
    expect(maxDiff(ort, referenceImageFeatures(config, weights, pixels, 6, 2))).toBeGreaterThan(100 * TOLERANCE);
    // Encoder fed raster-ordered patches: its 2 × 2 merges group the wrong patches.
    const raster = Array.from({ length: 12 }, (_, i) => pixels[[0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 10, 11][i] ?? 0] ?? []);
    expect(maxDiff(await runVision(vision, raster, 2, 6), ort)).toBeGreaterThan(100 * TOLERANCE);
  });
});

describe('tiny ernie4_5_vl decoder against the reference', () => {
  it(`matches within ${TOLERANCE} on a left-padded batch with image tokens`, async () => {
    const { config, decoder, weights, embeds } = await decoderCase();
    const ort = await runVlDecoder(decoder, config, embeds, MASK, POSITIONS, TYPES);
    const ref = referenceLogitsFromEmbeds(config, weights, embeds, MASK, POSITIONS, TYPES);
    const delta = maxDiff(ort.logits, ref);
    console.log(`VL decoder: max |Δ| ORT vs reference = ${delta.toExponential(2)}`);
    expect(delta).toBeLessThan(TOLERANCE);
    const row = ort.logits[0]?.[8] ?? [];
    expect(Math.max(...row) - Math.min(...row)).toBeGreaterThan(1);
  });

  it('the comparison has teeth: image tokens through the text experts fail it', async () => {
    const { config, decoder, weights, embeds } = await decoderCase();
    const ort = await runVlDecoder(decoder, config, embeds, MASK, POSITIONS, TYPES);
    const textOnly = referenceLogitsFromEmbeds(config, weights, embeds, MASK, POSITIONS, TYPES.map((r) => r.map(() => 0)));
    expect(maxDiff(ort.logits, textOnly)).toBeGreaterThan(100 * TOLERANCE);
  });

  it(`prefix + rest through the KV cache equals one pass (within ${TOLERANCE}), the cut inside the image`, async () => {
    const { config, decoder, embeds } = await decoderCase();
    const whole = await runVlDecoder(decoder, config, embeds, MASK, POSITIONS, TYPES);
    const cut = 8;
    const cols = <T>(rows: T[][], from: number, to?: number) => rows.map((r) => r.slice(from, to));
    const head = await runVlDecoder(decoder, config, cols(embeds, 0, cut), cols(MASK, 0, cut), cols(POSITIONS, 0, cut), cols(TYPES, 0, cut));
    let step = head;
    let delta = maxDiff(head.logits, cols(whole.logits, 0, cut));
    for (let t = cut; t < (ROWS[0]?.length ?? 0); t++) {
      step = await runVlDecoder(decoder, config, cols(embeds, t, t + 1), cols(MASK, 0, t + 1), cols(POSITIONS, t, t + 1), cols(TYPES, t, t + 1), step.cache);
      delta = Math.max(delta, maxDiff(step.logits, cols(whole.logits, t, t + 1)));
    }
    console.log(`VL decoder: max |Δ| one pass vs cached steps = ${delta.toExponential(2)}`);
    expect(delta).toBeLessThan(TOLERANCE);
  });
});
