// Batched generation on a decoder session: prefill the prompts (in groups, so long few-shot
// prompts do not blow up attention memory), merge their KV caches into one batch, then one token
// per step for every row, until EOS, a stop string or the token budget. Decoding is where
// batching pays: one pass over the weights serves every row.
import { forwardPrompt } from './chunked-prefill.ts';
import type { Decoder, ForwardOutput, KvCache } from './decoder-session.ts';
import { rowOffset } from './logits.ts';
import { leftPad } from './padded-batch.ts';
import { seededRandom } from '../../core/index.ts';
import { pickToken, type SamplingParams } from './sampler.ts';

export interface GenerationRow {
  prompt: number[];
  maxTokens: number;
  until: string[];
  sampling: SamplingParams;
  seed: number;
  /** Vision-language prompts: embeddings of the prompt's image tokens, in order ([tokens × hidden]). */
  imageFeatures?: Float32Array;
}

export interface GeneratedRow {
  tokens: number[];
  text: string;
  finishReason: 'stop' | 'length' | 'eos';
}

export interface GenerateOptions {
  padId: number;
  eosIds: number[];
  decode: (ids: number[]) => string;
  /** false recomputes the whole sequence every step: the reference the cached path is tested against. */
  useCache: boolean;
  /** Called once, when the first token of every row is known (time to first token). */
  onFirstToken?: () => void;
  /**
   * Called each time a row accepts a token, with the row's text so far (stop strings already cut):
   * what streaming needs. The text is the decode of all tokens, so it may end in U+FFFD while a
   * character spans tokens; streamers hold such tails back.
   */
  onToken?: (row: number, text: string, generated: number) => void;
  /** Row indices prefilled together; default: all rows in one pass. Decoding always runs them all at once. */
  prefillGroups?: number[][];
  /** A prefill group's chunk length for (rows, padded length) (chunked-prefill.ts); default: one pass. */
  prefillChunk?: (rows: number, length: number) => number;
}

interface RowState {
  tokens: number[];
  done: boolean;
  text: string;
  finishReason: GeneratedRow['finishReason'];
  random: () => number;
}

/** Cut the text at the earliest stop string; null when none occurs. */
export function cutAtStop(text: string, until: string[]): string | null {
  let cut = -1;
  for (const stop of until) {
    if (stop === '') continue;
    const at = text.indexOf(stop);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut < 0 ? null : text.slice(0, cut);
}

function accept(row: RowState, spec: GenerationRow, token: number, options: GenerateOptions, index: number): void {
  if (options.eosIds.includes(token)) {
    row.done = true;
    row.finishReason = 'eos';
    return;
  }
  acceptText(row, spec, token, options);
  options.onToken?.(index, row.text, row.tokens.length);
}

function acceptText(row: RowState, spec: GenerationRow, token: number, options: GenerateOptions): void {
  row.tokens.push(token);
  const text = options.decode(row.tokens);
  const cut = cutAtStop(text, spec.until);
  if (cut !== null) {
    row.text = cut;
    row.done = true;
    row.finishReason = 'stop';
    return;
  }
  row.text = text;
  if (row.tokens.length >= spec.maxTokens) {
    row.done = true;
    row.finishReason = 'length';
  }
}

/** A prefilled batch: its cache, mask and the logits row that predicts each row's first token. */
interface Prefilled {
  cache: KvCache;
  mask: BigInt64Array;
  firstToken: number[];
}

/** Prefill groups of rows separately, then place each row's cache right-aligned in one batch. */
async function prefill(session: Decoder, rows: GenerationRow[], states: RowState[], groups: number[][], options: GenerateOptions): Promise<Prefilled> {
  const { padId } = options;
  const { numLayers, numKvHeads, headDim } = session.config;
  const parts: { rows: number[]; length: number; cache: KvCache; mask: BigInt64Array }[] = [];
  const firstToken: number[] = new Array(rows.length).fill(padId);
  for (const group of groups) {
    const padded = leftPad(
      group.map((r) => (rows[r] as GenerationRow).prompt),
      padId,
    );
    const chunk = options.prefillChunk?.(padded.batch, padded.seq) ?? padded.seq;
    const out = await forwardPrompt(session, padded, chunk, imageFeaturesOf(group.map((r) => rows[r] as GenerationRow)));
    group.forEach((r, i) => {
      const row = rows[r] as GenerationRow;
      firstToken[r] = pickToken(out.logits, rowOffset(out.vocab, out.seq, i, out.seq - 1), out.vocab, row.sampling, (states[r] as RowState).random);
    });
    parts.push({ rows: group, length: padded.seq, cache: out.present, mask: padded.attentionMask });
  }
  if (parts.length === 1 && (parts[0] as { rows: number[] }).rows.every((r, i) => r === i)) {
    const only = parts[0] as (typeof parts)[number];
    return { cache: only.cache, mask: only.mask, firstToken };
  }
  // Right-align every row in the longest length: the extra columns on the left are masked out,
  // exactly as if the rows had been left-padded together.
  const length = Math.max(...parts.map((p) => p.length));
  const batch = rows.length;
  const keys = Array.from({ length: numLayers }, () => new Float32Array(batch * numKvHeads * length * headDim));
  const values = Array.from({ length: numLayers }, () => new Float32Array(batch * numKvHeads * length * headDim));
  const mask = new BigInt64Array(batch * length);
  for (const part of parts) {
    const shift = length - part.length;
    part.rows.forEach((r, i) => {
      mask.set(part.mask.subarray(i * part.length, (i + 1) * part.length), r * length + shift);
      for (let layer = 0; layer < numLayers; layer++) {
        for (let h = 0; h < numKvHeads; h++) {
          const from = ((i * numKvHeads + h) * part.length) * headDim;
          const to = ((r * numKvHeads + h) * length + shift) * headDim;
          const span = part.length * headDim;
          (keys[layer] as Float32Array).set((part.cache.keys[layer] as Float32Array).subarray(from, from + span), to);
          (values[layer] as Float32Array).set((part.cache.values[layer] as Float32Array).subarray(from, from + span), to);
        }
      }
    });
  }
  return { cache: { batch, length, keys, values }, mask, firstToken };
}

/** The forward input's image features for these rows; nothing for text-only batches. */
function imageFeaturesOf(rows: GenerationRow[]): { imageFeatures?: (Float32Array | undefined)[] } {
  return rows.some((r) => r.imageFeatures !== undefined) ? { imageFeatures: rows.map((r) => r.imageFeatures) } : {};
}

export async function generateBatch(session: Decoder, rows: GenerationRow[], options: GenerateOptions): Promise<GeneratedRow[]> {
  const states: RowState[] = rows.map((r) => ({ tokens: [], done: r.maxTokens <= 0, text: '', finishReason: 'length', random: seededRandom(r.seed) }));
  const groups = options.useCache ? (options.prefillGroups ?? [rows.map((_, i) => i)]) : [rows.map((_, i) => i)];
  const first = await prefill(session, rows, states, groups, options);
  states.forEach((state, b) => {
    if (!state.done) accept(state, rows[b] as GenerationRow, first.firstToken[b] as number, options, b);
  });
  options.onFirstToken?.();

  let out: ForwardOutput;
  let seq = 1;
  let mask = first.mask;
  let cache: KvCache = first.cache;
  const nextPosition = rows.map((r) => r.prompt.length);
  while (states.some((s) => !s.done)) {
    if (options.useCache) {
      const batch = rows.length;
      const total = cache.length + 1;
      const grown = new BigInt64Array(batch * total);
      for (let b = 0; b < batch; b++) {
        grown.set(mask.subarray(b * cache.length, (b + 1) * cache.length), b * total);
        grown[b * total + cache.length] = 1n;
      }
      mask = grown;
      // Finished rows keep stepping with a pad token so the batch stays rectangular; their output is ignored.
      const inputIds = BigInt64Array.from(states.map((s) => BigInt(s.done ? options.padId : (s.tokens.at(-1) as number))));
      const positionIds = BigInt64Array.from(nextPosition.map((p) => BigInt(p)));
      out = await session.forward({ batch, seq: 1, inputIds, attentionMask: mask, positionIds, past: cache });
      cache = out.present;
      seq = 1;
    } else {
      const full = leftPad(
        rows.map((r, b) => [...r.prompt, ...(states[b] as RowState).tokens]),
        options.padId,
      );
      out = await session.forward({ ...full, past: null, ...imageFeaturesOf(rows) });
      seq = full.seq;
    }
    states.forEach((state, b) => {
      nextPosition[b] = (nextPosition[b] as number) + 1;
      if (!state.done) accept(state, rows[b] as GenerationRow, pickToken(out.logits, rowOffset(out.vocab, seq, b, seq - 1), out.vocab, (rows[b] as GenerationRow).sampling, state.random), options, b);
    });
  }
  return states.map((s) => ({ tokens: s.tokens, text: s.text, finishReason: s.finishReason }));
}
