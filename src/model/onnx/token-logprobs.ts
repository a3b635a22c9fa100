// Per-token log-probabilities of whole texts from one forward pass: what an OpenAI
// `/v1/completions` call with `echo` + `logprobs` returns (tokens, token_logprobs, top_logprobs,
// text_offset). `serve` answers those calls with it.
//
// Character offsets come from incremental detokenization (the scheme of Hugging Face TGI and
// vLLM): each token's text is what decoding a small window ending at it adds to decoding the window
// without it. A byte-level BPE token that holds only part of a character decodes to U+FFFD; it adds
// nothing until the token completing the character arrives, so it gets the offset of the character
// it starts, and offsets never go backwards or past the text.
import type { Decoder } from './decoder-session.ts';
import { rowOffset, rowStats } from './logits.ts';
import { leftPad } from './padded-batch.ts';

export interface TokenLogprobs {
  ids: number[];
  tokenTexts: string[];
  textOffsets: number[];
  logprobs: (number | null)[];
  topTokens: (string | null)[];
  topLogprobs: (number | null)[];
}

/** Tokens of context kept before the one being decoded: enough for decoders that strip a leading space. */
const DETOKENIZE_WINDOW = 6;
const REPLACEMENT = '\uFFFD';

/** Character offset in `text` where each token starts. */
export function tokenTextOffsets(ids: number[], text: string, decode: (ids: number[]) => string): number[] {
  const offsets: number[] = [];
  let emitted = 0; // characters of the text accounted for by tokens so far
  let prefixStart = 0; // window start: tokens already emitted, decoded again for context
  let readStart = 0; // first token whose text has not been emitted yet
  for (let i = 0; i < ids.length; i++) {
    offsets.push(Math.min(emitted, text.length));
    const before = readStart > prefixStart ? decode(ids.slice(prefixStart, readStart)) : ''; // tokenizers refuse to decode []
    const after = decode(ids.slice(prefixStart, i + 1));
    if (after.length > before.length && !after.endsWith(REPLACEMENT)) {
      emitted += after.length - before.length;
      readStart = i + 1;
      prefixStart = Math.max(0, readStart - DETOKENIZE_WINDOW);
    }
  }
  return offsets;
}

/**
 * Score already-encoded texts in one left-padded forward pass. The first token of each text has no
 * context, so its logprob and top token are null (as OpenAI's echo reports it).
 */
export async function scoreTokenLogprobs(
  session: Decoder,
  rows: { ids: number[]; text: string }[],
  padId: number,
  decode: (ids: number[]) => string,
): Promise<TokenLogprobs[]> {
  const padded = leftPad(
    rows.map((r) => r.ids),
    padId,
  );
  const out = await session.forward({ ...padded, past: null });
  return rows.map((row, b) => {
    const pad = padded.padding[b] as number;
    const logprobs: (number | null)[] = [null];
    const topTokens: (string | null)[] = [null];
    const topLogprobs: (number | null)[] = [null];
    for (let i = 1; i < row.ids.length; i++) {
      const offset = rowOffset(out.vocab, padded.seq, b, pad + i - 1);
      const { lse, argmax } = rowStats(out.logits, offset, out.vocab);
      logprobs.push((out.logits[offset + (row.ids[i] as number)] as number) - lse);
      topTokens.push(decode([argmax]));
      topLogprobs.push((out.logits[offset + argmax] as number) - lse);
    }
    return {
      ids: row.ids,
      tokenTexts: row.ids.map((id) => decode([id])),
      textOffsets: tokenTextOffsets(row.ids, row.text, decode),
      logprobs,
      topTokens,
      topLogprobs,
    };
  });
}
