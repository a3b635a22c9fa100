// Reading one row of a [batch, seq, vocab] logits tensor in double precision.

export interface TokenLogprob {
  logprob: number;
  /** The token is the row's argmax (lm-evaluation-harness's is_greedy, token by token). */
  greedy: boolean;
}

export function rowOffset(vocab: number, seq: number, batchIndex: number, position: number): number {
  return (batchIndex * seq + position) * vocab;
}

export function tokenLogprob(logits: Float32Array, offset: number, vocab: number, token: number): TokenLogprob {
  let max = -Infinity;
  let argmax = 0;
  for (let v = 0; v < vocab; v++) {
    const x = logits[offset + v] as number;
    if (x > max) {
      max = x;
      argmax = v;
    }
  }
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += Math.exp((logits[offset + v] as number) - max);
  const logprob = (logits[offset + token] as number) - max - Math.log(sum);
  return { logprob, greedy: argmax === token };
}

export function argmax(logits: Float32Array, offset: number, vocab: number): number {
  let best = 0;
  let max = -Infinity;
  for (let v = 0; v < vocab; v++) {
    const x = logits[offset + v] as number;
    if (x > max) {
      max = x;
      best = v;
    }
  }
  return best;
}
