// Completions as a backend would return them, for scorer tests: no timing or token counts matter.
import type { Completion } from '../../src/core/index.ts';

export const timing = { startedAt: 0, queuedMs: 0, ttftMs: 0, totalMs: 0, batchSize: 1 };

/** Log-likelihoods of each choice, one token each. */
export const loglik = (logprobs: number[]): Completion => ({
  kind: 'loglikelihood',
  logprobs,
  greedy: logprobs.map(() => false),
  continuationTokens: logprobs.map(() => 1),
  timing,
  tokens: { prompt: 0, generated: 0 },
});

/** Generated text that stopped at a stop sequence. */
export const generated = (text: string): Completion => ({ kind: 'generate', text, finishReason: 'stop', timing, tokens: { prompt: 0, generated: 0 } });

/** Run `fn` over `items`, `limit` at a time: the machine is shared, and sandboxed programs spawn processes. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return out;
}
