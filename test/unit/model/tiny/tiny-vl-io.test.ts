// The tiny ERNIE-4.5-VL model's contract with the VL ONNX backend: files, I/O names/types/shapes,
// config keys, preprocessor config, tied embeddings, and byte-identical builds per seed.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { makeTinyModelCommand } from '../../../../src/cli/make-tiny-model-command.ts';
import { makeTinyModel, TINY_VL_VOCAB_SIZE, tinySpecialTokenIds, tinyVlTokenIds } from '../../../../src/model/tiny/index.ts';
import { parsePreprocessorConfig } from '../../../../src/model/vision/preprocessor-config.ts';
import { smartResize } from '../../../../src/model/vision/smart-resize.ts';
import { readOnnxModel, readOnnxWeights } from './onnx-weights.ts';
import { cleanupTempDirs, tempDir } from './tiny-fixture.ts';
import { buildVlFixture, fakePixels, onnxPath, runVision, runVlDecoder, type VlFixture } from './tiny-vl-fixture.ts';

cleanupTempDirs();

type Meta = { name: string; type: string; shape: (string | number)[] };
const meta = (list: readonly { name: string; isTensor: boolean; type?: unknown; shape?: readonly (string | number)[] }[]): Meta[] =>
  list.map((m) => ({ name: m.name, type: m.isTensor ? String(m.type) : 'non-tensor', shape: m.isTensor ? [...(m.shape ?? [])] : [] }));

let fixture: VlFixture | undefined;
const built = async (): Promise<VlFixture> => (fixture ??= await buildVlFixture());

describe('tiny ernie4_5_vl model files', () => {
  it('writes exactly the Transformers.js multimodal layout (no onnx/model.onnx)', async () => {
    const { files, dir } = await built();
    expect(files).toEqual([
      'config.json',
      'generation_config.json',
      'onnx/decoder_model_merged.onnx',
      'onnx/embed_tokens.onnx',
      'onnx/vision_encoder.onnx',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    for (const file of files) expect((await stat(join(dir, file))).size).toBeGreaterThan(0);
  });

  it('vision_encoder: pixel_values [num_patches, 588], image_grid_thw [1, 3] → image_features [num_image_tokens, 64]', async () => {
    const { vision } = await built();
    expect(meta(vision.inputMetadata)).toEqual([
      { name: 'pixel_values', type: 'float32', shape: ['num_patches', 588] },
      { name: 'image_grid_thw', type: 'int64', shape: [1, 3] },
    ]);
    expect(meta(vision.outputMetadata)).toEqual([{ name: 'image_features', type: 'float32', shape: ['num_image_tokens', 64] }]);
  });

  it('embed_tokens: input_ids [batch, seq] → inputs_embeds [batch, seq, 64]', async () => {
    const { embed } = await built();
    expect(meta(embed.inputMetadata)).toEqual([{ name: 'input_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] }]);
    expect(meta(embed.outputMetadata)).toEqual([{ name: 'inputs_embeds', type: 'float32', shape: ['batch_size', 'sequence_length', 64] }]);
  });

  it('decoder_model_merged: inputs_embeds, attention_mask, position_ids, token_type_ids, past → logits, present', async () => {
    const { decoder, config } = await built();
    const kv = (seq: string) => ['batch_size', config.num_key_value_heads, seq, config.head_dim];
    const inputs: Meta[] = [
      { name: 'inputs_embeds', type: 'float32', shape: ['batch_size', 'sequence_length', 64] },
      { name: 'attention_mask', type: 'int64', shape: ['batch_size', 'total_sequence_length'] },
      { name: 'position_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
      { name: 'token_type_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
    ];
    const outputs: Meta[] = [{ name: 'logits', type: 'float32', shape: ['batch_size', 'sequence_length', TINY_VL_VOCAB_SIZE] }];
    for (let i = 0; i < 3; i++) {
      for (const kind of ['key', 'value']) {
        inputs.push({ name: `past_key_values.${i}.${kind}`, type: 'float32', shape: kv('past_sequence_length') });
        outputs.push({ name: `present.${i}.${kind}`, type: 'float32', shape: kv('total_sequence_length') });
      }
    }
    expect(meta(decoder.inputMetadata)).toEqual(inputs);
    expect(meta(decoder.outputMetadata)).toEqual(outputs);
  });

  it('runs: 4 × 4 and 2 × 6 patch grids give 4 and 3 image tokens; the decoder takes past 0 and 3', async () => {
    const { vision, decoder, config } = await built();
    expect((await runVision(vision, fakePixels(16, 1), 4, 4)).map((r) => r.length)).toEqual([64, 64, 64, 64]);
    expect(await runVision(vision, fakePixels(12, 2), 2, 6)).toHaveLength(3);
    const embeds = [0, 1].map((b) => [0, 1, 2].map((s) => Array.from({ length: 64 }, (_, i) => Math.sin(b + s * 7 + i) / 4)));
    const first = await runVlDecoder(decoder, config, embeds, [[1, 1, 1], [1, 1, 1]], [[0, 1, 2], [0, 1, 2]], [[0, 1, 1], [0, 0, 0]]);
    expect(first.outputs['logits']?.dims).toEqual([2, 3, TINY_VL_VOCAB_SIZE]);
    const next = await runVlDecoder(decoder, config, embeds.map((r) => r.slice(0, 1)), [[1, 1, 1, 1], [1, 1, 1, 1]], [[3], [3]], [[0], [0]], first.cache);
    expect(next.outputs['present.2.value']?.dims).toEqual([2, config.num_key_value_heads, 4, config.head_dim]);
  });
});

describe('tiny ernie4_5_vl config files', () => {
  it('config.json has baidu ERNIE-4.5-VL key names, per-modality [text, vision] MoE lists and vision_config', async () => {
    const { config, dir } = await built();
    const ids = tinySpecialTokenIds();
    const vl = tinyVlTokenIds();
    expect(config).toMatchObject({
      architectures: ['Ernie4_5_VLMoeForConditionalGeneration'],
      model_type: 'ernie4_5_moe_vl',
      hidden_size: 64,
      intermediate_size: 192,
      num_hidden_layers: 3,
      num_attention_heads: 4,
      num_key_value_heads: 2,
      head_dim: 32,
      vocab_size: TINY_VL_VOCAB_SIZE,
      rope_theta: 500000,
      rms_norm_eps: 1e-5,
      tie_word_embeddings: true,
      bos_token_id: ids.bos,
      eos_token_id: ids.eos,
      pad_token_id: ids.pad,
      moe_num_experts: [8, 8],
      moe_intermediate_size: [32, 16],
      moe_k: 2,
      moe_num_shared_experts: 2,
      moe_layer_start_index: [1, 1],
      moe_layer_end_index: [2, 2],
      moe_layer_interval: 1,
      rope_3d: false,
      im_patch_id: vl.imagePlaceholder,
      image_start_token_id: vl.imageStart,
      image_end_token_id: vl.imageEnd,
      vision_config: { depth: 2, hidden_size: 32, embed_dim: 32, num_heads: 2, mlp_ratio: 2, patch_size: 14, spatial_merge_size: 2, in_channels: 3, hidden_act: 'quick_gelu' },
    });
    const generation = JSON.parse(await readFile(join(dir, 'generation_config.json'), 'utf8')) as Record<string, unknown>;
    expect(generation).toMatchObject({ eos_token_id: [ids.eos, ids.sep] });
  });

  it('preprocessor_config.json parses with the harness reader and caps an image at 16 tokens (≥ 4)', async () => {
    const { dir } = await built();
    const raw = JSON.parse(await readFile(join(dir, 'preprocessor_config.json'), 'utf8')) as Record<string, unknown>;
    expect(raw).toMatchObject({ do_resize: true, do_rescale: true, do_normalize: true, resample: 3, patch_size: 14, merge_size: 2, min_pixels: 28 * 28 * 4, max_pixels: 28 * 28 * 16 });
    expect(raw['rescale_factor']).toBeCloseTo(1 / 255, 12);
    const parsed = parsePreprocessorConfig('preprocessor_config.json', raw);
    expect(parsed.mean).toEqual([0.48145466, 0.4578275, 0.40821073]);
    // (smart_resize keeps at least one 28-pixel block per side, so an extreme strip, e.g. 30 × 900, can
    // exceed max_pixels: 21 tokens. That is the real processor's behaviour too.)
    for (const [h, w] of [[1000, 1000], [480, 640], [300, 900], [20, 20]] as const) {
      const size = smartResize(h, w, 28, parsed.minPixels, parsed.maxPixels);
      const tokens = (size.height / 28) * (size.width / 28);
      expect(tokens, `${h} × ${w}`).toBeLessThanOrEqual(16);
      expect(tokens, `${h} × ${w}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('embed_tokens.onnx is the decoder\'s (tied) embedding matrix, row for row', async () => {
    const { dir, embed } = await built();
    const decoderWeights = await readOnnxWeights(onnxPath(dir, 'decoder_model_merged'));
    const embedWeights = await readOnnxWeights(onnxPath(dir, 'embed_tokens'));
    const matrix = decoderWeights.get('model.embed_tokens.weight');
    expect(matrix?.dims).toEqual([TINY_VL_VOCAB_SIZE, 64]);
    expect(Buffer.compare(Buffer.from(embedWeights.get('model.embed_tokens.weight')?.data.buffer ?? new ArrayBuffer(0)), Buffer.from(matrix?.data.buffer ?? new ArrayBuffer(1)))).toBe(0);
    const ids = [0, 5, 1024, 1028];
    const out = (await embed.run({ input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, 4]) }))['inputs_embeds'];
    const data = out?.data as Float32Array;
    ids.forEach((id, i) => expect(Array.from(data.subarray(i * 64, (i + 1) * 64))).toEqual(Array.from(matrix?.data.subarray(id * 64, (id + 1) * 64) ?? [])));
    const decoderModel = await readOnnxModel(onnxPath(dir, 'decoder_model_merged'));
    expect((decoderModel.graph?.initializer ?? []).some((t) => /lm_head/.test(t.name ?? ''))).toBe(false);
    for (const part of ['vision_encoder', 'embed_tokens', 'decoder_model_merged'] as const) {
      const model = await readOnnxModel(onnxPath(dir, part));
      expect(Number(model.opsetImport?.[0]?.version)).toBe(17);
      expect(new Set((model.graph?.node ?? []).map((n) => n.domain ?? ''))).toEqual(new Set(['']));
    }
  });
});

describe('tiny ernie4_5_vl builds', () => {
  const build = async (seed: number): Promise<Map<string, Buffer>> => {
    const outDir = await tempDir();
    const { files } = await makeTinyModel({ arch: 'ernie4_5_vl', outDir, seed });
    return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(outDir, f))] as const)));
  };

  it('are byte-identical per seed; another seed changes the ONNX weights and nothing else', async () => {
    const [a, b, c] = [await build(1234), await build(1234), await build(99)];
    for (const [file, bytes] of a) {
      expect(Buffer.compare(bytes, b.get(file) ?? Buffer.alloc(0)), file).toBe(0);
      expect(Buffer.compare(bytes, c.get(file) ?? Buffer.alloc(0)) === 0, file).toBe(!file.startsWith('onnx/'));
    }
  });

  it('replace a text model built in the same folder (no stale onnx/model.onnx), and refuse external data', async () => {
    const outDir = await tempDir();
    await makeTinyModel({ arch: 'ernie4_5_moe', outDir, externalData: true });
    await makeTinyModel({ arch: 'ernie4_5_vl', outDir });
    await expect(stat(join(outDir, 'onnx', 'model.onnx'))).rejects.toThrow();
    await expect(stat(join(outDir, 'onnx', 'model.onnx_data'))).rejects.toThrow();
    await expect(makeTinyModel({ arch: 'ernie4_5_vl', outDir, externalData: true })).rejects.toThrow(RangeError);
  });

  it('make-tiny-model --arch ernie4_5_vl builds the same files as the API', async () => {
    const viaCli = await tempDir();
    const log = console.log;
    console.log = () => undefined;
    try {
      expect(await makeTinyModelCommand(['--arch', 'ernie4_5_vl', '--out', viaCli, '--seed', '1234'])).toBe(0);
    } finally {
      console.log = log;
    }
    const api = await build(1234);
    for (const [file, bytes] of api) expect(Buffer.compare(bytes, await readFile(join(viaCli, file))), file).toBe(0);
    await expect(makeTinyModelCommand(['--arch', 'ernie4_5_vl', '--out', viaCli, '--external-data'])).rejects.toThrow(/external-data/);
  });
});
