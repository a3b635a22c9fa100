// Batched generation on a decoder session: prefill all prompts left-padded, then one token per
// step for every row on the KV cache, until EOS, a stop string or the token budget.
import type { DecoderSession, KvCache } from './decoder-session.ts';
import { rowOffset } from './logits.ts';
import { leftPad } from './padded-batch.ts';
import { pickToken, seededRandom, type SamplingParams } from './sampler.ts';

export interface GenerationRow {
  prompt: number[];
  maxTokens: number;
  until: string[];
  sampling: SamplingParams;
  seed: number;
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

function accept(row: RowState, spec: GenerationRow, token: number, options: GenerateOptions): void {
  if (options.eosIds.includes(token)) {
    row.done = true;
    row.finishReason = 'eos';
    return;
  }
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

export async function generateBatch(session: DecoderSession, rows: GenerationRow[], options: GenerateOptions): Promise<GeneratedRow[]> {
  const states: RowState[] = rows.map((r) => ({ tokens: [], done: r.maxTokens <= 0, text: '', finishReason: 'length', random: seededRandom(r.seed) }));
  const prompts = leftPad(
    rows.map((r) => r.prompt),
    options.padId,
  );
  let out = await session.forward({ ...prompts, past: null });
  let seq = prompts.seq;
  states.forEach((state, b) => {
    if (!state.done) accept(state, rows[b] as GenerationRow, pickToken(out.logits, rowOffset(out.vocab, seq, b, seq - 1), out.vocab, (rows[b] as GenerationRow).sampling, state.random), options);
  });
  options.onFirstToken?.();

  let mask = prompts.attentionMask;
  let cache: KvCache = out.present;
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
      out = await session.forward({ ...full, past: null });
      seq = full.seq;
    }
    states.forEach((state, b) => {
      nextPosition[b] = (nextPosition[b] as number) + 1;
      if (!state.done) accept(state, rows[b] as GenerationRow, pickToken(out.logits, rowOffset(out.vocab, seq, b, seq - 1), out.vocab, (rows[b] as GenerationRow).sampling, state.random), options);
    });
  }
  return states.map((s) => ({ tokens: s.tokens, text: s.text, finishReason: s.finishReason }));
}
