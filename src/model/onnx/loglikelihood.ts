// Log-likelihood of continuations given a context, as lm-evaluation-harness defines it:
// sum of log P(continuation token | everything before it), and whether each token is the argmax.
//
// The fast path runs every context of a batch once (left-padded), scores each continuation's first
// token from the context's last logits, and feeds only the remaining continuation tokens on top of
// a copy of their context's KV cache. Single-token continuations (MMLU's " A".." D") need no
// second pass at all. Long contexts are run in chunks (chunked-prefill.ts).
import { forwardPrompt } from './chunked-prefill.ts';
import type { Decoder } from './decoder-session.ts';
import { selectCacheRows } from './decoder-session.ts';
import { rowOffset, tokenLogprob } from './logits.ts';
import { leftPad } from './padded-batch.ts';

/** A multiple-choice request in token ids: one context, several continuations. */
export interface EncodedChoices {
  context: number[];
  continuations: number[][];
}

export interface ChoiceScores {
  logprobs: number[];
  greedy: boolean[];
  continuationTokens: number[];
}

function emptyScores(request: EncodedChoices): ChoiceScores {
  return {
    logprobs: request.continuations.map(() => 0),
    greedy: request.continuations.map(() => true),
    continuationTokens: request.continuations.map((c) => c.length),
  };
}

/**
 * Context once, continuations on its KV cache; all requests of the batch padded together.
 * `chunkLength` gives the context pass's chunk for (rows, padded length); default: one pass.
 */
export async function scoreChoicesCached(session: Decoder, requests: EncodedChoices[], padId: number, chunkLength: (rows: number, length: number) => number = (_, length) => length): Promise<ChoiceScores[]> {
  const { numKvHeads, headDim } = session.config;
  const contexts = leftPad(
    requests.map((r) => r.context),
    padId,
  );
  const prefill = await forwardPrompt(session, contexts, chunkLength(contexts.batch, contexts.seq));
  const scores = requests.map(emptyScores);

  // First continuation token: predicted by the last context position.
  requests.forEach((request, r) => {
    const offset = rowOffset(prefill.vocab, prefill.seq, r, prefill.seq - 1);
    request.continuations.forEach((continuation, j) => {
      const first = tokenLogprob(prefill.logits, offset, prefill.vocab, continuation[0] as number);
      (scores[r] as ChoiceScores).logprobs[j] = first.logprob;
      (scores[r] as ChoiceScores).greedy[j] = first.greedy;
    });
  });

  const pairs: { request: number; choice: number; tokens: number[] }[] = [];
  requests.forEach((request, r) =>
    request.continuations.forEach((continuation, j) => {
      if (continuation.length > 1) pairs.push({ request: r, choice: j, tokens: continuation.slice(0, -1) });
    }),
  );
  if (pairs.length === 0) return scores;

  const cache = selectCacheRows(
    prefill.present,
    pairs.map((p) => p.request),
    numKvHeads,
    headDim,
  );
  const seq = Math.max(...pairs.map((p) => p.tokens.length));
  const total = contexts.seq + seq;
  const inputIds = new BigInt64Array(pairs.length * seq).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(pairs.length * total);
  const positionIds = new BigInt64Array(pairs.length * seq);
  pairs.forEach((pair, p) => {
    // The context part of the mask is the context row's own (left padding included).
    attentionMask.set(contexts.attentionMask.subarray(pair.request * contexts.seq, (pair.request + 1) * contexts.seq), p * total);
    const contextLength = (requests[pair.request] as EncodedChoices).context.length;
    pair.tokens.forEach((token, i) => {
      inputIds[p * seq + i] = BigInt(token);
      attentionMask[p * total + contexts.seq + i] = 1n;
      positionIds[p * seq + i] = BigInt(contextLength + i);
    });
    // Right padding after the real tokens: causal attention means real tokens never see it.
  });
  const rest = await session.forward({ batch: pairs.length, seq, inputIds, attentionMask, positionIds, past: cache });
  pairs.forEach((pair, p) => {
    const continuation = (requests[pair.request] as EncodedChoices).continuations[pair.choice] as number[];
    const target = scores[pair.request] as ChoiceScores;
    for (let i = 1; i < continuation.length; i++) {
      const offset = rowOffset(rest.vocab, seq, p, i - 1);
      const token = tokenLogprob(rest.logits, offset, rest.vocab, continuation[i] as number);
      target.logprobs[pair.choice] = (target.logprobs[pair.choice] as number) + token.logprob;
      target.greedy[pair.choice] = (target.greedy[pair.choice] as boolean) && token.greedy;
    }
  });
  return scores;
}

/**
 * The plain way: one full forward pass over context + continuation per choice, no cache, no
 * batching. Kept as the reference that tests and the benchmark compare the fast path with.
 */
export async function scoreChoicesOneByOne(session: Decoder, requests: EncodedChoices[]): Promise<ChoiceScores[]> {
  const scores: ChoiceScores[] = [];
  for (const request of requests) {
    const result = emptyScores(request);
    for (const [j, continuation] of request.continuations.entries()) {
      const tokens = [...request.context, ...continuation.slice(0, -1)];
      const row = leftPad([tokens], 0);
      const out = await session.forward({ ...row, past: null });
      let sum = 0;
      let greedy = true;
      continuation.forEach((token, i) => {
        const position = request.context.length - 1 + i;
        const scored = tokenLogprob(out.logits, rowOffset(out.vocab, row.seq, 0, position), out.vocab, token);
        sum += scored.logprob;
        greedy &&= scored.greedy;
      });
      result.logprobs[j] = sum;
      result.greedy[j] = greedy;
    }
    scores.push(result);
  }
  return scores;
}
