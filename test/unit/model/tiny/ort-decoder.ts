// Test helpers around an onnxruntime session of a tiny model: feeds in the Optimum decoder layout,
// left-padded batches with HF-style position ids, and plain-array views of the outputs.

import * as ort from 'onnxruntime-node';

export interface TinyConfig {
  num_hidden_layers: number;
  num_key_value_heads: number;
  head_dim: number;
  vocab_size: number;
}

export interface Batch {
  inputIds: number[][];
  attentionMask: number[][];
  positionIds: number[][];
}

/** Left-pads token sequences to one length; position ids = cumsum(mask) − 1, padding at 1 (as HF generate does). */
export function leftPadded(sequences: number[][], padId: number): Batch {
  const width = Math.max(...sequences.map((s) => s.length));
  const inputIds = sequences.map((s) => [...Array<number>(width - s.length).fill(padId), ...s]);
  const attentionMask = sequences.map((s) => [...Array<number>(width - s.length).fill(0), ...Array<number>(s.length).fill(1)]);
  const positionIds = attentionMask.map((m) => {
    let seen = 0;
    return m.map((bit) => (bit === 1 ? seen++ : 1));
  });
  return { inputIds, attentionMask, positionIds };
}

const int64 = (rows: number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat(), (v) => BigInt(v)), [rows.length, rows[0]?.length ?? 0]);

export type Cache = Record<string, ort.Tensor>;

export function emptyCache(config: TinyConfig, batch: number): Cache {
  const cache: Cache = {};
  for (let i = 0; i < config.num_hidden_layers; i++) {
    for (const kind of ['key', 'value']) cache[`past_key_values.${i}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [batch, config.num_key_value_heads, 0, config.head_dim]);
  }
  return cache;
}

export interface StepResult {
  /** [batch][seq][vocab] */
  logits: number[][][];
  /** present.{i}.* renamed to past_key_values.{i}.*, ready to feed back. */
  cache: Cache;
  outputs: ort.InferenceSession.ReturnType;
}

/** Runs one decoder call: `ids`/`positions` are the new tokens, `mask` covers past + new. */
export async function runStep(session: ort.InferenceSession, config: TinyConfig, ids: number[][], mask: number[][], positions: number[][], past?: Cache): Promise<StepResult> {
  const feeds: Record<string, ort.Tensor> = { input_ids: int64(ids), attention_mask: int64(mask), position_ids: int64(positions), ...(past ?? emptyCache(config, ids.length)) };
  const outputs = await session.run(feeds);
  const logitsTensor = outputs['logits'];
  if (logitsTensor === undefined) throw new Error('no logits output');
  const data = logitsTensor.data as Float32Array;
  const [b = 0, s = 0, v = 0] = logitsTensor.dims;
  const logits = Array.from({ length: b }, (_, bi) => Array.from({ length: s }, (_, si) => Array.from(data.subarray((bi * s + si) * v, (bi * s + si + 1) * v))));
  const cache: Cache = {};
  for (let i = 0; i < config.num_hidden_layers; i++) {
    for (const kind of ['key', 'value']) {
      const t = outputs[`present.${i}.${kind}`];
      if (t === undefined) throw new Error(`no present.${i}.${kind} output`);
      cache[`past_key_values.${i}.${kind}`] = t as ort.Tensor;
    }
  }
  return { logits, cache, outputs };
}

/** Largest absolute difference over two nested arrays of equal shape (NaN if the shapes differ). */
export function maxAbsDiff(a: number[][][], b: number[][][]): number {
  const fa = a.flat(2);
  const fb = b.flat(2);
  if (fa.length !== fb.length) return NaN;
  let max = 0;
  fa.forEach((v, i) => (max = Math.max(max, Math.abs(v - (fb[i] ?? NaN)))));
  return max;
}
