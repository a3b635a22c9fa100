// Reading one row of a [batch, seq, vocab] logits tensor in double precision.

export interface TokenLogprob {
  logprob: number;
  /** The token is the row's argmax (lm-evaluation-harness's is_greedy, token by token). */
  greedy: boolean;
}

export function rowOffset(vocab: number, seq: number, batchIndex: number, position: number): number {
  return (batchIndex * seq + position) * vocab;
}

/** log-sum-exp and argmax of one logits row, in double precision. */
export function rowStats(logits: Float32Array, offset: number, vocab: number): { lse: number; argmax: number } {
  let max = -Infinity;
  let best = 0;
  for (let v = 0; v < vocab; v++) {
    const x = logits[offset + v] as number;
    if (x > max) {
      max = x;
      best = v;
    }
  }
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += Math.exp((logits[offset + v] as number) - max);
  return { lse: max + Math.log(sum), argmax: best };
}

export function tokenLogprob(logits: Float32Array, offset: number, vocab: number, token: number): TokenLogprob {
  const { lse, argmax: best } = rowStats(logits, offset, vocab);
  return { logprob: (logits[offset + token] as number) - lse, greedy: best === token };
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
