// POST /v1/completions body → requests. Echo with max_tokens 0 is how OpenAI-compatible clients
// (lm-evaluation-harness, our own HTTP backend) get prompt log-probabilities: it becomes a
// `token-logprobs` request, one forward pass. Otherwise the prompt is continued (`generate`, raw text).
import type { GenerateRequest, TokenLogprobsRequest } from '../core/index.ts';
import { invalidField } from './api-error.ts';
import { BodyFields, describe } from './body-fields.ts';
import { readGenerationParams, readStreamOptions, SAMPLING_FIELDS, type StreamOptions } from './sampling-fields.ts';

/** OpenAI's documented default for /v1/completions. */
export const COMPLETIONS_DEFAULT_MAX_TOKENS = 16;

export interface CompletionCall extends StreamOptions {
  prompts: string[];
  echo: boolean;
  /** Top log-probabilities asked for (0 or 1), or undefined when `logprobs` was not asked for. */
  logprobs: number | undefined;
  /** One per prompt: token-logprobs when nothing is generated, generate otherwise. */
  requests: (TokenLogprobsRequest | GenerateRequest)[];
}

const COMPLETION_FIELDS = [...SAMPLING_FIELDS, 'prompt', 'echo', 'logprobs'];

function readPrompts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((p): p is string => typeof p === 'string')) return value;
  if (value === undefined) throw invalidField('prompt', 'is required');
  throw invalidField('prompt', `must be a string or a non-empty list of strings (token-id prompts are not supported), got ${describe(value)}`);
}

export function readCompletionCall(value: unknown): CompletionCall {
  const body = new BodyFields(value).only(COMPLETION_FIELDS);
  const prompts = readPrompts(body.raw('prompt'));
  const echo = body.optionalBoolean('echo') ?? false;
  const logprobs = body.optionalNumber('logprobs', { min: 0, max: 5, integer: true });
  if (logprobs !== undefined && logprobs > 1) throw invalidField('logprobs', `this server returns the top-1 alternative only; ask for logprobs 0 or 1, got ${logprobs}`);
  const maxTokens = body.optionalNumber('max_tokens', { min: 0, max: 1e6, integer: true });
  const params = readGenerationParams(body, { value: maxTokens, fallback: COMPLETIONS_DEFAULT_MAX_TOKENS });
  const stream = readStreamOptions(body);
  if (params.maxTokens > 0 && logprobs !== undefined) {
    throw invalidField('logprobs', 'log-probabilities of generated tokens are not supported; for prompt log-probabilities send echo: true with max_tokens: 0');
  }
  if (stream.stream && prompts.length > 1) throw invalidField('prompt', 'streaming takes a single prompt');
  const requests = prompts.map((prompt): TokenLogprobsRequest | GenerateRequest =>
    params.maxTokens === 0 ? { kind: 'token-logprobs', key: '', text: prompt } : { kind: 'generate', key: '', prompt: { kind: 'text', text: prompt }, params },
  );
  return { ...stream, prompts, echo, logprobs, requests };
}
