// The vision-language path of the ONNX backend on the tiny ERNIE-VL model: image tokens are
// expanded and filled with the vision encoder's features, the KV cache changes nothing, batching
// changes nothing, and one bad image fails only its own request.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateRequest, ImageSource } from '../../../src/core/index.ts';
import { generateBatch, OnnxModel } from '../../../src/model/index.ts';
import { splitReasoning } from '../../../src/model/onnx/generation-prompt.ts';
import { tinyModelDir } from '../../support/tiny-models.ts';

async function png(width: number, height: number, colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="${colour}"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function ask(key: string, images: ImageSource[], text: string, maxTokens = 10): GenerateRequest {
  return {
    kind: 'generate',
    key,
    prompt: { kind: 'chat', messages: [{ role: 'user', content: [...images.map((source) => ({ type: 'image' as const, source })), { type: 'text' as const, text }] }] },
    params: { maxTokens, temperature: 0, until: [] },
  };
}

describe('ONNX backend on the tiny ERNIE-VL model', () => {
  let model: OnnxModel;
  let red: ImageSource;
  let wide: ImageSource;
  let dir: string;
  beforeAll(async () => {
    model = await OnnxModel.open(await tinyModelDir('ernie4_5_vl'), { threads: 1 });
    dir = mkdtempSync(join(tmpdir(), 'ee-vl-'));
    writeFileSync(join(dir, 'red.png'), await png(40, 40, 'red'));
    red = { kind: 'path', path: join(dir, 'red.png') };
    wide = { kind: 'base64', data: (await png(90, 30, 'blue')).toString('base64') };
  });
  afterAll(async () => model.close());

  it('says it takes images', () => {
    expect(model.capabilities.images).toBe(true);
    expect(model.dir.vision?.imagePatchId).toBeGreaterThan(0);
  });

  it('expands each image to its image tokens and fills them with the encoder features', async () => {
    const rendered = await model.renderPrompt(ask('a', [red, wide], 'Compare the two pictures.'));
    const patchId = model.dir.vision?.imagePatchId as number;
    const imageTokens = rendered.ids.filter((id) => id === patchId).length;
    expect(rendered.images?.map((d) => d.tokens)).toHaveLength(2);
    expect(imageTokens).toBe((rendered.images ?? []).reduce((n, d) => n + (d.tokens ?? 0), 0));
    expect(rendered.imageFeatures?.length).toBe(imageTokens * model.dir.config.hiddenSize);
    // A wide image takes a wide grid: more columns than rows of patches.
    const [, wideDigest] = rendered.images ?? [];
    expect(wideDigest?.resizedWidth).toBeGreaterThan(wideDigest?.resizedHeight ?? Infinity);
  });

  it('generates the same tokens with the KV cache as with full recomputation, batched or alone', async () => {
    const requests = [ask('a', [red], 'What colour is the circle?', 12), ask('b', [wide, red], 'Which one is wider?', 12), ask('c', [], 'Text only.', 12)];
    const rendered = await Promise.all(requests.map((r) => model.renderPrompt(r)));
    const rows = rendered.map((r) => ({ prompt: r.ids, maxTokens: 12, until: [], sampling: { temperature: 0 }, seed: 0, ...(r.imageFeatures === undefined ? {} : { imageFeatures: r.imageFeatures }) }));
    const padId = model.dir.config.padTokenId ?? 0;
    const options = { padId, eosIds: [] as number[], decode: (ids: number[]) => model.dir.tokenizer.decode(ids, true) };
    const cached = await generateBatch(model.decoder, rows, { ...options, useCache: true });
    const recomputed = await generateBatch(model.decoder, rows, { ...options, useCache: false });
    const alone = await Promise.all(rows.map(async (row) => (await generateBatch(model.decoder, [row], { ...options, useCache: true }))[0]));
    expect(cached.map((r) => r.tokens)).toEqual(recomputed.map((r) => r.tokens));
    expect(cached.map((r) => r.tokens)).toEqual(alone.map((r) => r?.tokens));
    expect(cached.every((r) => r.tokens.length === 12)).toBe(true);
    // Chunked prefill (chunks of 3): the text-only group is cut into chunks, the groups with images
    // keep one pass (their features are placed in one pass); the tokens stay the same.
    const chunked = await generateBatch(model.decoder, rows, { ...options, useCache: true, prefillGroups: [[0, 1], [2]], prefillChunk: () => 3 });
    expect(chunked.map((r) => r.tokens)).toEqual(cached.map((r) => r.tokens));
  });

  it('answers depend on the pixels: another image gives other logits', async () => {
    const withRed = await model.renderPrompt(ask('a', [red], 'Describe.'));
    const withWide = await model.renderPrompt(ask('b', [{ kind: 'base64', data: (await png(40, 40, 'green')).toString('base64') }], 'Describe.'));
    expect(withWide.ids).toEqual(withRed.ids); // same size → same tokens
    expect(withWide.images?.[0]?.sha256).not.toBe(withRed.images?.[0]?.sha256);
    const row = (r: typeof withRed) => ({ prompt: r.ids, maxTokens: 1, until: [], sampling: { temperature: 0 }, seed: 0, imageFeatures: r.imageFeatures as Float32Array });
    const padId = model.dir.config.padTokenId ?? 0;
    const ids = withRed.ids.map((id) => BigInt(id));
    const forward = (features: Float32Array) =>
      model.decoder.forward({ batch: 1, seq: ids.length, inputIds: BigInt64Array.from(ids), attentionMask: new BigInt64Array(ids.length).fill(1n), positionIds: BigInt64Array.from(ids.map((_, i) => BigInt(i))), past: null, imageFeatures: [features] });
    const a = await forward(row(withRed).imageFeatures);
    const b = await forward(row(withWide).imageFeatures);
    const last = (out: typeof a) => out.logits.subarray((ids.length - 1) * out.vocab, ids.length * out.vocab);
    expect(Math.max(...last(a).map((v, i) => Math.abs(v - (last(b)[i] as number))))).toBeGreaterThan(1e-4);
    expect(padId).toBeGreaterThanOrEqual(0);
  });

  it('fails only the request whose image is missing, corrupt or broken base64, and records digests of the others', async () => {
    writeFileSync(join(dir, 'corrupt.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]));
    const outcomes = await model.answer([
      ask('ok', [red], 'Colour?'),
      ask('missing', [{ kind: 'path', path: join(dir, 'nope.png') }], 'Colour?'),
      ask('corrupt', [{ kind: 'path', path: join(dir, 'corrupt.jpg') }], 'Colour?'),
      ask('base64', [{ kind: 'base64', data: 'not*base64' }], 'Colour?'),
    ]);
    expect(outcomes[0]).toMatchObject({ ok: true });
    const ok = outcomes[0];
    if (ok?.ok !== true) throw new Error('unreachable');
    expect(ok.completion.images?.[0]).toMatchObject({ of: 'pixels', width: 40, height: 40 });
    expect(ok.completion.images?.[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const [i, pattern] of [[1, /nope\.png: image file not found/], [2, /corrupt\.jpg/], [3, /not valid base64/]] as const) {
      expect(outcomes[i]).toMatchObject({ ok: false, error: { code: 'IMAGE' } });
      const failed = outcomes[i];
      if (failed?.ok !== false) throw new Error('unreachable');
      expect(failed.error.message).toMatch(pattern);
    }
  });
});

describe('splitReasoning (a prompt that opened <think>)', () => {
  it('keeps what precedes </think> as reasoning and the rest as the answer; no </think>, no answer', () => {
    expect(splitReasoning('Let me count: 3.</think>\n\nThe answer is 3.')).toEqual({ reasoning: 'Let me count: 3.', text: 'The answer is 3.' });
    expect(splitReasoning('still thinking about 42')).toEqual({ reasoning: 'still thinking about 42', text: '' });
  });
});
