// Log-likelihood of a continuation through /v1/completions, as lm-evaluation-harness does it
// (lm_eval/models/openai_completions.py): send context + continuation with `echo` and `logprobs`,
// read back the log-probability of every prompt token, and sum those of the continuation. The
// continuation is found by character offsets rather than by a local tokenizer, so the client needs
// none: its tokens are those that end past the context (lm-eval moves the context's trailing
// whitespace into the continuation, and so does this boundary). Greedy, as lm-eval's is_greedy:
// every continuation token's log-probability is the largest of its position's top log-probabilities.
//
// Two response forms: the OpenAI legacy `logprobs` object (tokens, token_logprobs, top_logprobs,
// text_offset), which FastDeploy, vLLM and `ernie-eval serve` return with echo; and vLLM's
// `prompt_logprobs` (a list of {token id: {logprob, rank, decoded_token}}), which carries no offsets,
// so offsets are rebuilt from the end of the prompt backwards with the decoded token lengths.
import { HarnessError } from '../../core/index.ts';

export type LoglikelihoodMode = { form: 'echo'; maxTokens: 0 | 1 } | { form: 'prompt_logprobs' };

/** Per prompt token: where it starts and ends in the prompt, its log-probability, and whether it was the top-1. */
export interface PromptTokenLogprobs {
  starts: number[];
  ends: number[];
  logprobs: (number | null)[];
  greedy: boolean[];
}

export interface ContinuationScore {
  logprob: number;
  greedy: boolean;
  tokens: number;
}

export function loglikelihoodBody(model: string, prompt: string, mode: LoglikelihoodMode): Record<string, unknown> {
  if (mode.form === 'prompt_logprobs') return { model, prompt, max_tokens: 1, temperature: 0, prompt_logprobs: 1 };
  return { model, prompt, echo: true, max_tokens: mode.maxTokens, temperature: 0, logprobs: 1 };
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function fail(problem: string): never {
  throw new HarnessError('BACKEND', `completions response ${problem}`);
}

function firstChoice(response: unknown): Json {
  const choices = asObject(response)?.choices;
  const choice = Array.isArray(choices) ? asObject(choices[0]) : undefined;
  return choice ?? fail('has no choices');
}

function maxOf(values: Iterable<unknown>): number | undefined {
  let best: number | undefined;
  for (const v of values) if (typeof v === 'number' && (best === undefined || v > best)) best = v;
  return best;
}

function fromEcho(choice: Json, prompt: string): PromptTokenLogprobs {
  const logprobs = asObject(choice.logprobs) ?? fail('has no logprobs (the server ignored echo/logprobs)');
  const offsets = logprobs.text_offset;
  const tokenLogprobs = logprobs.token_logprobs;
  const tops = logprobs.top_logprobs;
  if (!Array.isArray(offsets) || !Array.isArray(tokenLogprobs)) fail('logprobs lack text_offset or token_logprobs');
  const out: PromptTokenLogprobs = { starts: [], ends: [], logprobs: [], greedy: [] };
  for (let i = 0; i < offsets.length; i++) {
    const start = offsets[i];
    if (typeof start !== 'number') fail(`text_offset[${i}] is not a number`);
    if (start >= prompt.length) break; // generated tokens (max_tokens 1) start at the prompt's end
    const next = offsets[i + 1];
    const end = typeof next === 'number' ? Math.min(next, prompt.length) : prompt.length;
    const lp = tokenLogprobs[i];
    const logprob = typeof lp === 'number' ? lp : null;
    const top = Array.isArray(tops) ? asObject(tops[i]) : undefined;
    const best = top === undefined ? undefined : maxOf(Object.values(top));
    out.starts.push(start);
    out.ends.push(Math.max(start, end));
    out.logprobs.push(logprob);
    out.greedy.push(logprob !== null && best !== undefined && logprob >= best);
  }
  return out;
}

function fromPromptLogprobs(choice: Json, response: unknown, prompt: string): PromptTokenLogprobs {
  const list = Array.isArray(choice.prompt_logprobs) ? choice.prompt_logprobs : asObject(response)?.prompt_logprobs;
  if (!Array.isArray(list)) fail('has no prompt_logprobs (the server does not support them)');
  // The prompt token's own entry is always present; with prompt_logprobs=1 a second entry is the
  // top-1 when the prompt token is not it. So the prompt token is the entry with the largest rank.
  const entries = list.map((position) => {
    const candidates = Object.values(asObject(position) ?? {}).map(asObject).filter((c): c is Json => c !== undefined);
    if (candidates.length === 0) return undefined;
    const own = candidates.reduce((a, b) => (Number(b.rank ?? 1) > Number(a.rank ?? 1) ? b : a));
    const best = maxOf(candidates.map((c) => c.logprob));
    const logprob = typeof own.logprob === 'number' ? own.logprob : null;
    return { text: typeof own.decoded_token === 'string' ? own.decoded_token : '', logprob, greedy: logprob !== null && best !== undefined && logprob >= best };
  });
  const out: PromptTokenLogprobs = { starts: [], ends: [], logprobs: [], greedy: [] };
  let end = prompt.length;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    const start = entry === undefined ? 0 : Math.max(0, end - entry.text.length);
    out.starts.unshift(start);
    out.ends.unshift(end);
    out.logprobs.unshift(entry?.logprob ?? null);
    out.greedy.unshift(entry?.greedy ?? false);
    end = start;
  }
  return out;
}

export function parsePromptLogprobs(response: unknown, prompt: string, mode: LoglikelihoodMode): PromptTokenLogprobs {
  const choice = firstChoice(response);
  return mode.form === 'echo' ? fromEcho(choice, prompt) : fromPromptLogprobs(choice, response, prompt);
}

/** lm-eval's split point: the context without its trailing whitespace (that goes with the continuation). */
export function continuationBoundary(context: string): number {
  return context.replace(/\s+$/u, '').length;
}

/**
 * Sum the log-probabilities of the continuation's tokens: those starting at or after `boundary`, and
 * one straddling it (a merge across the boundary holds continuation text). A token holding part of a
 * character has no width of its own, so "starts at or after" is what places it.
 */
export function scoreContinuation(tokens: PromptTokenLogprobs, boundary: number): ContinuationScore {
  let logprob = 0;
  let greedy = true;
  let count = 0;
  tokens.ends.forEach((end, i) => {
    if ((tokens.starts[i] ?? 0) < boundary && end <= boundary) return;
    const lp = tokens.logprobs[i];
    if (lp === null || lp === undefined) fail(`has no log-probability for prompt token ${i}, which belongs to the continuation`);
    logprob += lp;
    greedy &&= tokens.greedy[i] ?? false;
    count++;
  });
  if (count === 0) fail('has no tokens after the context (empty continuation?)');
  return { logprob, greedy, tokens: count };
}

/** Prompt tokens the server reports (usage), else the tokens it returned log-probabilities for. */
export function promptTokenCount(response: unknown, tokens: PromptTokenLogprobs): number {
  const usage = asObject(asObject(response)?.usage);
  return typeof usage?.prompt_tokens === 'number' ? usage.prompt_tokens : tokens.starts.length;
}
