// A long prompt's forward pass in chunks of columns, each chunk on the KV cache of the ones before
// (chunked prefill). Exports built from standard ONNX ops materialise every attention score, masked
// or not: one pass over S tokens computes heads × S² scores, chunks of C compute heads × C × (past +
// C), about half as many, and each chunk's scores stay small enough to be read from cache. On the
// bench's MMLU model a 4,095-token question took 2.27 s in one pass and 1.24 s in chunks of 512
// (the last position's logits bit-identical), and two workers running long questions side by side
// no longer fight over memory bandwidth. Only the last chunk's logits are kept, which is all a
// prompt pass needs (the logits that predict the next token) and bounds their memory too.
import type { Decoder, ForwardInput, ForwardOutput, KvCache } from './decoder-session.ts';
import type { PaddedBatch } from './padded-batch.ts';

/** Chunks shorter than this lose more in matmul efficiency than they save in attention. */
export const MIN_PREFILL_CHUNK = 256;

/** What bounds one forward pass: attention scores and logits held at once, in floats. */
export interface PassLimits {
  heads: number;
  vocab: number;
  attentionBudget: number;
  logitsBudget: number;
}

/**
 * The chunk length for `rows` rows of `length` tokens: the whole prompt when its attention scores
 * (rows × heads × length²) and logits (rows × length × vocab) fit their budgets, else the longest
 * chunk whose scores (rows × heads × chunk × length) and logits (rows × chunk × vocab) do, but not
 * under MIN_PREFILL_CHUNK. The logits bound matters for large vocabularies: ERNIE's 103,424 tokens
 * make a 700-token prompt's logits 290 MB in one pass.
 */
export function prefillChunkLength(rows: number, length: number, limits: PassLimits): number {
  const { heads, vocab, attentionBudget, logitsBudget } = limits;
  if (rows * heads * length * length <= attentionBudget && rows * length * vocab <= logitsBudget) return length;
  const byAttention = Math.floor(attentionBudget / (rows * heads * length));
  const byLogits = Math.floor(logitsBudget / (rows * vocab));
  return Math.min(length, Math.max(MIN_PREFILL_CHUNK, Math.min(byAttention, byLogits)));
}

/** The forward output of the last chunk: its logits ([batch, seq, vocab]) and the cache of the whole prompt. */
export interface PromptPass extends ForwardOutput {
  /** Columns of the last chunk, which `logits` covers; its last column is the prompt's last token. */
  seq: number;
}

function columns(source: BigInt64Array, batch: number, width: number, from: number, to: number): BigInt64Array {
  const out = new BigInt64Array(batch * (to - from));
  for (let b = 0; b < batch; b++) out.set(source.subarray(b * width + from, b * width + to), b * (to - from));
  return out;
}

/** Run a left-padded batch of prompts in chunks of `chunk` columns (one pass when it is not shorter). */
export async function forwardPrompt(session: Decoder, padded: PaddedBatch, chunk: number, extra: Pick<ForwardInput, 'imageFeatures'> = {}): Promise<PromptPass> {
  const { batch, seq } = padded;
  if (chunk >= seq || extra.imageFeatures !== undefined) {
    // Image features are placed by the order of image tokens in one pass: VL prompts are not chunked.
    return { ...(await session.forward({ ...padded, past: null, ...extra })), seq };
  }
  let past: KvCache | null = null;
  for (let from = 0; ; ) {
    const end = Math.min(seq, from + Math.max(1, chunk));
    const out = await session.forward({
      batch,
      seq: end - from,
      inputIds: columns(padded.inputIds, batch, seq, from, end),
      // The mask covers the cache and this chunk: every column up to `end`.
      attentionMask: columns(padded.attentionMask, batch, seq, 0, end),
      positionIds: columns(padded.positionIds, batch, seq, from, end),
      past,
    });
    if (end === seq) return { ...out, seq: end - from };
    past = out.present;
    from = end;
  }
}
