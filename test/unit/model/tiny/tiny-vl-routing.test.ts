// Modality-isolated routing, proved on the built decoder by swapping weights:
//   - every `mlp.vision_moe.*` weight (router, correction bias, experts) replaced: a text-only input's
//     logits and KV cache are bit-identical; an input with image tokens changes.
//   - every `mlp.text_moe.*` weight replaced: with the image tokens at the very start of the sequence
//     (causal attention: they see only each other), their logits and KV entries are bit-identical,
//     while the text tokens after them change.
// A token's output thus never depends on the other modality's experts, and does depend on its own.
// Sessions are single-threaded so equal inputs give equal bits.

import { describe, expect, it } from 'vitest';
import { tinySpecialTokenIds } from '../../../../src/model/tiny/index.ts';
import { cleanupTempDirs } from './tiny-fixture.ts';
import { buildVlFixture, embedIds, fakePixels, onnxPath, readOnnxWeights, runVision, runVlDecoder, sessionWithReplacedWeights, type VlFixture, type VlStep } from './tiny-vl-fixture.ts';

cleanupTempDirs();

const { cls } = tinySpecialTokenIds();
const TEXT = [cls, 300, 17, 512, 64, 900, 33, 8];
const IMAGE_TOKENS = 4;

let fixture: VlFixture | undefined;
const built = async (): Promise<VlFixture> => (fixture ??= await buildVlFixture());

/** Other weights of the same shape: a seeded pattern unrelated to the originals. */
const scramble = (name: string, i: number) => Math.sin(i * 12.9898 + name.length * 78.233) * 0.3;

const bits = (step: VlStep, name: string, from = 0, to?: number): number[] => {
  const t = step.outputs[name];
  if (t === undefined) throw new Error(`no ${name}`);
  const [, heads = 0, seq = 0, dim = 0] = t.dims;
  const data = Array.from(t.data as Float32Array);
  // [1, heads, seq, dim] → the positions from .. to of every head
  return Array.from({ length: heads }, (_, h) => data.slice((h * seq + from) * dim, (h * seq + (to ?? seq)) * dim)).flat();
};
const presents = (layers: number) => Array.from({ length: layers }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat();

async function inputs(imageFirst: boolean) {
  const { dir, vision } = await built();
  const features = await runVision(vision, fakePixels(16, 11), 4, 4);
  const weights = await readOnnxWeights(onnxPath(dir, 'decoder_model_merged'));
  const text = embedIds(weights, [TEXT])[0] ?? [];
  const embeds = imageFirst ? [...features, ...text] : text;
  const types = imageFirst ? [...features.map(() => 1), ...text.map(() => 0)] : text.map(() => 0);
  return { embeds: [embeds], mask: [embeds.map(() => 1)], positions: [embeds.map((_, i) => i)], types: [types] };
}

describe('tiny ernie4_5_vl modality-isolated routing', () => {
  it('vision experts replaced: text-only logits and cache are bit-identical, image inputs change', async () => {
    const { dir, config, decoder } = await built();
    const { session, replaced } = await sessionWithReplacedWeights(onnxPath(dir, 'decoder_model_merged'), /\.mlp\.vision_moe\./, scramble);
    // Both MoE layers × (router, bias, gate/up/down experts).
    expect(replaced).toHaveLength(2 * 5);

    const text = await inputs(false);
    const original = await runVlDecoder(decoder, config, text.embeds, text.mask, text.positions, text.types);
    const swapped = await runVlDecoder(session, config, text.embeds, text.mask, text.positions, text.types);
    expect(swapped.logits).toEqual(original.logits);
    for (const name of presents(config.num_hidden_layers)) expect(bits(swapped, name), name).toEqual(bits(original, name));

    const image = await inputs(true);
    const withImage = await runVlDecoder(decoder, config, image.embeds, image.mask, image.positions, image.types);
    const withImageSwapped = await runVlDecoder(session, config, image.embeds, image.mask, image.positions, image.types);
    // The image tokens' own logits change, and so (through attention) do the text tokens' after them.
    for (const t of [0, IMAGE_TOKENS - 1, IMAGE_TOKENS + 2]) expect(withImageSwapped.logits[0]?.[t], `position ${t}`).not.toEqual(withImage.logits[0]?.[t]);
  });

  it('text experts replaced: leading image tokens are bit-identical (logits and cache), the text after them changes', async () => {
    const { dir, config, decoder } = await built();
    const { session, replaced } = await sessionWithReplacedWeights(onnxPath(dir, 'decoder_model_merged'), /\.mlp\.text_moe\./, scramble);
    expect(replaced).toHaveLength(2 * 5);

    const image = await inputs(true);
    const original = await runVlDecoder(decoder, config, image.embeds, image.mask, image.positions, image.types);
    const swapped = await runVlDecoder(session, config, image.embeds, image.mask, image.positions, image.types);
    expect(swapped.logits[0]?.slice(0, IMAGE_TOKENS)).toEqual(original.logits[0]?.slice(0, IMAGE_TOKENS));
    for (const name of presents(config.num_hidden_layers)) expect(bits(swapped, name, 0, IMAGE_TOKENS), name).toEqual(bits(original, name, 0, IMAGE_TOKENS));
    for (let t = IMAGE_TOKENS; t < IMAGE_TOKENS + TEXT.length; t++) expect(swapped.logits[0]?.[t], `position ${t}`).not.toEqual(original.logits[0]?.[t]);
  });

  it('token_type_ids decides the pool: the same embeddings typed as text or as image give different logits', async () => {
    const { config, decoder } = await built();
    const image = await inputs(true);
    const asImage = await runVlDecoder(decoder, config, image.embeds, image.mask, image.positions, image.types);
    const asText = await runVlDecoder(decoder, config, image.embeds, image.mask, image.positions, image.types.map((r) => r.map(() => 0)));
    expect(asText.logits[0]?.[0]).not.toEqual(asImage.logits[0]?.[0]);
    // Layer 0 is dense (moe_layer_start_index 1), so the caches of layers 0 and 1 (computed before the
    // first MoE FFN) do not depend on token types; layer 2's, after layer 1's MoE, does.
    for (const name of ['present.0.key', 'present.1.key', 'present.1.value']) expect(bits(asText, name), name).toEqual(bits(asImage, name));
    expect(bits(asText, 'present.2.key')).not.toEqual(bits(asImage, 'present.2.key'));
  });
});
