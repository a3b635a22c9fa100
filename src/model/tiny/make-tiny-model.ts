// Writes a complete tiny ERNIE model directory — the layout of an Optimum / Transformers.js export:
//   config.json  generation_config.json  tokenizer.json  tokenizer_config.json
//   onnx/model.onnx  [onnx/model.onnx_data]
// or, for `ernie4_5_vl`, the Transformers.js multimodal layout (see make-tiny-vl-model.ts):
//   config.json  generation_config.json  preprocessor_config.json  tokenizer.json  tokenizer_config.json
//   onnx/vision_encoder.onnx  onnx/embed_tokens.onnx  onnx/decoder_model_merged.onnx
// Same options ⇒ byte-identical files (seeded weights, fixed key orders, deterministic node names).

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configJson, generationConfigJson, json } from './config-files.ts';
import { buildDecoderGraph } from './decoder-graph.ts';
import { resolveSizes, type TinyArch, type TinySizes, type TinySpec } from './tiny-sizes.ts';
import { tinyTokenizer } from './tokenizer-files.ts';
import { makeWeights } from './weights.ts';
import { tinyVlModelFiles } from './make-tiny-vl-model.ts';

export interface TinyModelOptions {
  arch: TinyArch;
  outDir: string;
  /** Seeds the weights (the tokenizer does not depend on it). Default 1234. */
  seed?: number;
  /** Put the weights in onnx/model.onnx_data, as exports of models over 2 GB must. Default false (and unsupported for ernie4_5_vl). */
  externalData?: boolean;
  sizes?: Partial<TinySizes>;
}

export interface TinyModelResult {
  outDir: string;
  /** Paths relative to outDir, '/'-separated, sorted. */
  files: string[];
}

export const DEFAULT_TINY_SEED = 1234;
const EXTERNAL_DATA_FILE = 'model.onnx_data';

export async function makeTinyModel(opts: TinyModelOptions): Promise<TinyModelResult> {
  const seed = opts.seed ?? DEFAULT_TINY_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  const sizes = resolveSizes(opts.arch, opts.sizes);
  if (opts.arch === 'ernie4_5_vl') {
    if (opts.externalData === true) throw new RangeError('externalData is not supported for the tiny ernie4_5_vl model');
    return writeModelFiles(opts.outDir, tinyVlModelFiles(sizes, seed));
  }
  const tokenizer = tinyTokenizer(sizes.maxPositionEmbeddings);
  const spec: TinySpec = { arch: opts.arch, sizes, vocabSize: tokenizer.vocabSize };
  const externalData = opts.externalData ?? false;

  const graph = buildDecoderGraph(spec, makeWeights(spec.arch, sizes, spec.vocabSize, seed));
  const onnx = graph.serialize({
    ...(externalData ? { externalDataFile: EXTERNAL_DATA_FILE } : {}),
    docString: `tiny ${spec.arch} decoder built by ernie-eval (seed ${seed}); not a trained model`,
  });

  const files = new Map<string, string | Uint8Array>([
    ['config.json', json(configJson(spec, tokenizer.ids, externalData))],
    ['generation_config.json', json(generationConfigJson(tokenizer.ids))],
    ['tokenizer.json', json(tokenizer.tokenizerJson)],
    ['tokenizer_config.json', json(tokenizer.tokenizerConfig)],
    ['onnx/model.onnx', onnx.model],
  ]);
  if (onnx.externalData !== undefined) files.set(`onnx/${EXTERNAL_DATA_FILE}`, onnx.externalData);
  return writeModelFiles(opts.outDir, files);
}

// Files of one layout that a build of the other would leave behind, contradicting it (a data file of an
// earlier external-data build, or a text model's onnx/model.onnx next to a VL model's decoder).
const LAYOUT_FILES = ['onnx/model.onnx', `onnx/${EXTERNAL_DATA_FILE}`, 'preprocessor_config.json', 'onnx/vision_encoder.onnx', 'onnx/embed_tokens.onnx', 'onnx/decoder_model_merged.onnx'];

async function writeModelFiles(outDir: string, files: Map<string, string | Uint8Array>): Promise<TinyModelResult> {
  await mkdir(join(outDir, 'onnx'), { recursive: true });
  for (const stale of LAYOUT_FILES.filter((f) => !files.has(f))) await rm(join(outDir, stale), { force: true });
  for (const [path, content] of files) await writeFile(join(outDir, path), content);
  return { outDir, files: [...files.keys()].sort() };
}
