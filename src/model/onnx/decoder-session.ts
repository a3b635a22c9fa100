// One onnxruntime session over a decoder with the Optimum / Transformers.js I/O convention:
// input_ids, attention_mask, position_ids, past_key_values.{i}.key|value → logits, present.{i}.key|value.
import * as ort from 'onnxruntime-node';
import { ModelError } from '../../core/index.ts';
import type { DecoderConfig } from '../model-config.ts';

/** Per-layer keys and values, each [batch, kvHeads, length, headDim] in row-major order. */
export interface KvCache {
  batch: number;
  length: number;
  keys: Float32Array[];
  values: Float32Array[];
}

export interface ForwardInput {
  batch: number;
  seq: number;
  /** [batch, seq] */
  inputIds: BigInt64Array;
  /** [batch, pastLength + seq] */
  attentionMask: BigInt64Array;
  /** [batch, seq] */
  positionIds: BigInt64Array;
  past: KvCache | null;
  /**
   * Vision-language decoders only: per row, the embeddings of that row's image tokens
   * ([imageTokens × hidden], in the order the image tokens occur), placed over those tokens.
   */
  imageFeatures?: (Float32Array | undefined)[];
}

export interface ForwardOutput {
  /** [batch, seq, vocab] */
  logits: Float32Array;
  vocab: number;
  present: KvCache;
}

/** What generation and scoring need of a decoder: the text-only session and the vision-language one. */
export interface Decoder {
  readonly config: DecoderConfig;
  forward(input: ForwardInput): Promise<ForwardOutput>;
  release(): Promise<void>;
}

export interface SessionOptions {
  /** onnxruntime intra-op threads; the pool splits the machine's cores between workers. */
  threads: number;
}

export class DecoderSession implements Decoder {
  readonly config: DecoderConfig;
  private readonly session: ort.InferenceSession;
  private readonly hasPositionIds: boolean;
  private readonly hasCacheBranch: boolean;

  private constructor(session: ort.InferenceSession, config: DecoderConfig) {
    this.session = session;
    this.config = config;
    this.hasPositionIds = session.inputNames.includes('position_ids');
    // Older Optimum "merged" decoders switch between their with- and without-past branches on this input.
    this.hasCacheBranch = session.inputNames.includes('use_cache_branch');
  }

  static async open(file: string, config: DecoderConfig, options: SessionOptions): Promise<DecoderSession> {
    const session = await openCheckedSession(file, options, ['input_ids', 'attention_mask', 'past_key_values.0.key'], ['logits'], 'a decoder with KV cache in the Optimum layout');
    return new DecoderSession(session, config);
  }

  emptyCache(batch: number): KvCache {
    return emptyKvCache(this.config, batch);
  }

  async forward(input: ForwardInput): Promise<ForwardOutput> {
    const past = input.past ?? this.emptyCache(input.batch);
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', input.inputIds, [input.batch, input.seq]),
      ...commonFeeds(this.config, input, past, this.hasPositionIds),
    };
    if (this.hasCacheBranch) feeds['use_cache_branch'] = new ort.Tensor('bool', [past.length > 0], [1]);
    return readForwardOutput(this.config, await this.session.run(feeds), input.batch, past.length + input.seq);
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/**
 * An onnxruntime session on `file` that has the named inputs and outputs; anything else is a
 * MODEL_CORRUPT error naming the file and what is missing (`layout` says what was expected).
 */
export async function openCheckedSession(file: string, options: SessionOptions, inputs: string[], outputs: string[], layout: string): Promise<ort.InferenceSession> {
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(file, {
      intraOpNumThreads: Math.max(1, options.threads),
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (err) {
    throw new ModelError('MODEL_CORRUPT', file, `onnxruntime cannot load it (${firstLine(err)})`);
  }
  const missing = [...inputs.filter((n) => !session.inputNames.includes(n)), ...outputs.filter((n) => !session.outputNames.includes(n)).map((n) => `${n} output`)];
  if (missing.length > 0) {
    await session.release();
    throw new ModelError('MODEL_CORRUPT', file, `not ${layout} (missing ${missing.join(', ')})`);
  }
  return session;
}

/** attention_mask, position_ids and past_key_values feeds, shared by every decoder layout. */
export function commonFeeds(config: DecoderConfig, input: ForwardInput, past: KvCache, withPositionIds: boolean): Record<string, ort.Tensor> {
  const { numLayers, numKvHeads, headDim } = config;
  const feeds: Record<string, ort.Tensor> = {
    attention_mask: new ort.Tensor('int64', input.attentionMask, [input.batch, past.length + input.seq]),
  };
  if (withPositionIds) feeds['position_ids'] = new ort.Tensor('int64', input.positionIds, [input.batch, input.seq]);
  const pastDims = [input.batch, numKvHeads, past.length, headDim];
  for (let i = 0; i < numLayers; i++) {
    feeds[`past_key_values.${i}.key`] = new ort.Tensor('float32', past.keys[i] ?? new Float32Array(0), pastDims);
    feeds[`past_key_values.${i}.value`] = new ort.Tensor('float32', past.values[i] ?? new Float32Array(0), pastDims);
  }
  return feeds;
}

/** logits and present.{i}.key|value of a decoder run. */
export function readForwardOutput(config: DecoderConfig, out: ort.InferenceSession.OnnxValueMapType, batch: number, length: number): ForwardOutput {
  const logits = out['logits'];
  if (logits === undefined) throw new ModelError('MODEL_CORRUPT', 'onnx', 'session returned no logits');
  const keys: Float32Array[] = [];
  const values: Float32Array[] = [];
  for (let i = 0; i < config.numLayers; i++) {
    keys.push(out[`present.${i}.key`]?.data as Float32Array);
    values.push(out[`present.${i}.value`]?.data as Float32Array);
  }
  const vocab = logits.dims[logits.dims.length - 1] ?? config.vocabSize;
  return { logits: logits.data as Float32Array, vocab, present: { batch, length, keys, values } };
}

export function emptyKvCache(config: DecoderConfig, batch: number): KvCache {
  return { batch, length: 0, keys: Array.from({ length: config.numLayers }, () => new Float32Array(0)), values: Array.from({ length: config.numLayers }, () => new Float32Array(0)) };
}

export function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? message;
}

/**
 * Build a cache whose row r is row `rows[r]` of `cache`: how the continuations of one multiple-choice
 * question share the KV cache of their common context.
 */
export function selectCacheRows(cache: KvCache, rows: number[], kvHeads: number, headDim: number): KvCache {
  const rowSize = kvHeads * cache.length * headDim;
  const pick = (source: Float32Array): Float32Array => {
    const target = new Float32Array(rows.length * rowSize);
    rows.forEach((row, r) => target.set(source.subarray(row * rowSize, (row + 1) * rowSize), r * rowSize));
    return target;
  };
  return { batch: rows.length, length: cache.length, keys: cache.keys.map(pick), values: cache.values.map(pick) };
}
