// The fields /v1/chat/completions and /v1/completions share: sampling, stop strings, streaming.
// Defaults are OpenAI's (temperature 1, top_p 1), so a client that sets nothing gets what it
// would get from the real API; greedy decoding is temperature 0.
import type { GenerationParams } from '../core/index.ts';
import { invalidField } from './api-error.ts';
import type { BodyFields } from './body-fields.ts';

export const SAMPLING_FIELDS = ['model', 'max_tokens', 'temperature', 'top_p', 'seed', 'stop', 'n', 'stream', 'stream_options', 'user'] as const;

export interface StreamOptions {
  stream: boolean;
  /** `stream_options.include_usage`: one last chunk with token counts and no choices. */
  includeUsage: boolean;
}

export function readStreamOptions(body: BodyFields): StreamOptions {
  const stream = body.optionalBoolean('stream') ?? false;
  const options = body.optionalObject('stream_options');
  if (options !== undefined && !stream) throw invalidField('stream_options', 'is only allowed when stream is true');
  options?.only(['include_usage']);
  return { stream, includeUsage: options?.optionalBoolean('include_usage') ?? false };
}

/** Sampling parameters; `maxTokensKey` is `max_tokens` or, for chat, whichever of the two names the client used. */
export function readGenerationParams(body: BodyFields, maxTokens: { value: number | undefined; fallback: number }): GenerationParams {
  body.optionalString('model');
  body.optionalString('user');
  const n = body.optionalNumber('n', { min: 1, max: 1, integer: true });
  if (n !== undefined && n !== 1) throw invalidField('n', 'only n = 1 is supported');
  const temperature = body.optionalNumber('temperature', { min: 0, max: 2 }) ?? 1;
  const topP = body.optionalNumber('top_p', { min: 0, max: 1 });
  if (topP === 0) throw invalidField('top_p', 'must be greater than 0');
  const seed = body.optionalNumber('seed', { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true });
  const until = (body.optionalStringOrList('stop') ?? []).filter((s) => s !== '');
  return {
    maxTokens: maxTokens.value ?? maxTokens.fallback,
    temperature,
    ...(topP === undefined ? {} : { topP }),
    ...(seed === undefined ? {} : { seed }),
    until,
  };
}
