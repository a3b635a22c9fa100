// Test helpers for the tiny ERNIE-4.5-VL model: builds it into a temp folder, opens its three ONNX
// sessions (single-threaded, so equal inputs give bit-equal outputs) and runs them with plain arrays.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { makeTinyModel } from '../../../../src/model/tiny/index.ts';
import { SeededRandom } from '../../../../src/model/tiny/seeded-random.ts';
import { readOnnxWeights, type RefTensor } from './onnx-weights.ts';
import type { RefConfig } from './reference-forward.ts';
import type { RefVisionConfig } from './reference-vision.ts';
import { tempDir } from './tiny-fixture.ts';

const { onnx } = onnxProto;

export type VlConfig = RefConfig & RefVisionConfig & { im_patch_id: number } & Record<string, unknown>;

export interface VlFixture {
  dir: string;
  files: string[];
  config: VlConfig;
  vision: ort.InferenceSession;
  embed: ort.InferenceSession;
  decoder: ort.InferenceSession;
}

export const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' };

export const onnxPath = (dir: string, part: 'vision_encoder' | 'embed_tokens' | 'decoder_model_merged') => join(dir, 'onnx', `${part}.onnx`);

export async function buildVlFixture(seed?: number): Promise<VlFixture> {
  const dir = await tempDir();
  const { files } = await makeTinyModel({ arch: 'ernie4_5_vl', outDir: dir, ...(seed === undefined ? {} : { seed }) });
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as VlConfig;
  const open = (part: Parameters<typeof onnxPath>[1]) => ort.InferenceSession.create(onnxPath(dir, part), SESSION_OPTIONS);
  return { dir, files, config, vision: await open('vision_encoder'), embed: await open('embed_tokens'), decoder: await open('decoder_model_merged') };
}

/** Normalised-looking pixel values for `patches` patches (roughly the range CLIP normalisation gives). */
export function fakePixels(patches: number, seed: number): number[][] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: patches }, () => Array.from({ length: 3 * 14 * 14 }, () => rng.next() * 3.6 - 1.8));
}

export async function runVision(session: ort.InferenceSession, pixels: number[][], gridH: number, gridW: number): Promise<number[][]> {
  const out = await session.run({
    pixel_values: new ort.Tensor('float32', Float32Array.from(pixels.flat()), [pixels.length, pixels[0]?.length ?? 0]),
    image_grid_thw: new ort.Tensor('int64', BigInt64Array.from([1n, BigInt(gridH), BigInt(gridW)]), [1, 3]),
  });
  const t = out['image_features'];
  if (t === undefined) throw new Error('no image_features output');
  const [rows = 0, cols = 0] = t.dims;
  const data = t.data as Float32Array;
  return Array.from({ length: rows }, (_, r) => Array.from(data.subarray(r * cols, (r + 1) * cols)));
}

/** Rows of the embedding matrix, [batch][seq][hidden]. */
export function embedIds(weights: Map<string, RefTensor>, ids: number[][]): number[][][] {
  const embed = weights.get('model.embed_tokens.weight');
  if (embed === undefined) throw new Error('no embedding matrix');
  const h = embed.dims[1] ?? 0;
  return ids.map((row) => row.map((id) => Array.from(embed.data.subarray(id * h, (id + 1) * h))));
}

export type Cache = Record<string, ort.Tensor>;

export interface VlStep {
  logits: number[][][];
  cache: Cache;
  outputs: ort.InferenceSession.ReturnType;
}

const int64 = (rows: number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat(), (v) => BigInt(v)), [rows.length, rows[0]?.length ?? 0]);

/** One decoder call: `embeds`/`positions`/`types` cover the new tokens, `mask` past + new. */
export async function runVlDecoder(session: ort.InferenceSession, config: VlConfig, embeds: number[][][], mask: number[][], positions: number[][], types: number[][], past?: Cache): Promise<VlStep> {
  const batch = embeds.length;
  const seq = embeds[0]?.length ?? 0;
  const cache: Cache = past ?? {};
  if (past === undefined) {
    for (let i = 0; i < config.num_hidden_layers; i++) {
      for (const kind of ['key', 'value']) cache[`past_key_values.${i}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [batch, config.num_key_value_heads, 0, config.head_dim]);
    }
  }
  const outputs = await session.run({
    inputs_embeds: new ort.Tensor('float32', Float32Array.from(embeds.flat(2)), [batch, seq, config.hidden_size]),
    attention_mask: int64(mask),
    position_ids: int64(positions),
    token_type_ids: int64(types),
    ...cache,
  });
  const t = outputs['logits'];
  if (t === undefined) throw new Error('no logits output');
  const v = t.dims[2] ?? 0;
  const data = t.data as Float32Array;
  const logits = Array.from({ length: batch }, (_, b) => Array.from({ length: seq }, (_, s) => Array.from(data.subarray((b * seq + s) * v, (b * seq + s + 1) * v))));
  const next: Cache = {};
  for (let i = 0; i < config.num_hidden_layers; i++) {
    for (const kind of ['key', 'value']) next[`past_key_values.${i}.${kind}`] = outputs[`present.${i}.${kind}`] as ort.Tensor;
  }
  return { logits, cache: next, outputs };
}

/** A session over a copy of `modelPath` whose float initializers matching `pattern` are replaced by `fill`. */
export async function sessionWithReplacedWeights(modelPath: string, pattern: RegExp, fill: (name: string, index: number) => number): Promise<{ session: ort.InferenceSession; replaced: string[] }> {
  const model = onnx.ModelProto.decode(await readFile(modelPath));
  const replaced: string[] = [];
  for (const init of model.graph?.initializer ?? []) {
    const name = init.name ?? '';
    if (!pattern.test(name) || init.dataType !== onnx.TensorProto.DataType.FLOAT) continue;
    const count = (init.dims ?? []).map(Number).reduce((a, b) => a * b, 1);
    const bytes = new Uint8Array(count * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < count; i++) view.setFloat32(i * 4, fill(name, i), true);
    init.rawData = bytes;
    replaced.push(name);
  }
  const session = await ort.InferenceSession.create(onnx.ModelProto.encode(model).finish(), SESSION_OPTIONS);
  return { session, replaced };
}

export { readOnnxWeights };

/** Largest |a − b| over equally shaped nested arrays (NaN if shapes differ). */
export function maxDiff(a: unknown[], b: unknown[]): number {
  const fa = (a as number[]).flat(3) as number[];
  const fb = (b as number[]).flat(3) as number[];
  if (fa.length !== fb.length) return NaN;
  return fa.reduce((m, v, i) => Math.max(m, Math.abs(v - (fb[i] ?? NaN))), 0);
}
