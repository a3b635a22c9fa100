// Response bodies and stream chunks in the exact shapes of the OpenAI API reference
// (chat.completion, chat.completion.chunk, text_completion), field for field, so that any
// OpenAI-compatible client, ours included, reads our answers as it reads FastDeploy's or vLLM's.
import { randomUUID } from 'node:crypto';
import type { GenerateAnswer, TokenLogprobsAnswer } from '../core/index.ts';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export type FinishReason = 'stop' | 'length';

export interface ResponseHeader {
  id: string;
  created: number;
  model: string;
}

export function responseHeader(prefix: 'chatcmpl' | 'cmpl', model: string): ResponseHeader {
  return { id: `${prefix}-${randomUUID().replaceAll('-', '')}`, created: Math.floor(Date.now() / 1000), model };
}

export function usage(prompt: number, completion: number): Usage {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** End of sequence and stop strings are both "stop" to OpenAI. */
export function finishReason(reason: GenerateAnswer['finishReason']): FinishReason {
  return reason === 'length' ? 'length' : 'stop';
}

export function chatCompletion(head: ResponseHeader, answer: { text: string; reasoning?: string }, finish: FinishReason, counts: Usage) {
  return {
    ...head,
    object: 'chat.completion' as const,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content: answer.text, ...(answer.reasoning === undefined ? {} : { reasoning_content: answer.reasoning }) },
        logprobs: null,
        finish_reason: finish,
      },
    ],
    usage: counts,
  };
}

export function chatChunk(head: ResponseHeader, delta: { role?: 'assistant'; content?: string; reasoning_content?: string }, finish: FinishReason | null, withUsage: boolean) {
  return {
    ...head,
    object: 'chat.completion.chunk' as const,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(withUsage ? { usage: null } : {}),
  };
}

export function chatUsageChunk(head: ResponseHeader, counts: Usage) {
  return { ...head, object: 'chat.completion.chunk' as const, choices: [], usage: counts };
}

export interface CompletionLogprobs {
  tokens: string[];
  token_logprobs: (number | null)[];
  top_logprobs: (Record<string, number> | null)[];
  text_offset: number[];
}

/** The legacy completions `logprobs` object; top_logprobs holds the top-1 alternative when asked for. */
export function completionLogprobs(answer: TokenLogprobsAnswer, top: number): CompletionLogprobs {
  return {
    tokens: answer.tokenTexts,
    token_logprobs: answer.logprobs,
    top_logprobs: answer.topTokens.map((token, i) => {
      const logprob = answer.topLogprobs[i];
      return token === null || logprob === null || logprob === undefined || top === 0 ? null : { [token]: logprob };
    }),
    text_offset: answer.textOffsets,
  };
}

export interface CompletionChoice {
  text: string;
  logprobs: CompletionLogprobs | null;
  finish: FinishReason | null;
}

export function textCompletion(head: ResponseHeader, choices: CompletionChoice[], counts: Usage) {
  return {
    ...head,
    object: 'text_completion' as const,
    choices: choices.map((c, index) => ({ index, text: c.text, logprobs: c.logprobs, finish_reason: c.finish })),
    usage: counts,
  };
}

export function textChunk(head: ResponseHeader, text: string, finish: FinishReason | null, withUsage: boolean) {
  return {
    ...head,
    object: 'text_completion' as const,
    choices: [{ index: 0, text, logprobs: null, finish_reason: finish }],
    ...(withUsage ? { usage: null } : {}),
  };
}

export function textUsageChunk(head: ResponseHeader, counts: Usage) {
  return { ...head, object: 'text_completion' as const, choices: [], usage: counts };
}
