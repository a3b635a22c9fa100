// simple-evals' zero-shot chain-of-thought prompt for multiple choice (common.py
// QUERY_TEMPLATE_MULTICHOICE), one user message, no system prompt.
import type { GenerationParams, Message, Sample } from '../../src/core/index.ts';
import { qwen3ThinkingParams } from '../../src/task/index.ts';
import { LETTERS } from './load.ts';

export function renderQuestion(sample: Sample): string {
  const choices = sample.choices ?? [];
  return [
    "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.",
    '',
    sample.input,
    '',
    ...LETTERS.map((letter, i) => `${letter}) ${choices[i] ?? ''}`),
  ].join('\n');
}

export function renderMessages(sample: Sample): Message[] {
  return [{ role: 'user', content: renderQuestion(sample) }];
}

/**
 * Qwen3's GPQA-Diamond setting (report Sec. 4.6, thinking mode): temperature 0.6, top-p 0.95,
 * 32,768 output tokens; Qwen3 averages 10 such samples, one sample is an unbiased estimate of that
 * mean. No stop strings: the answer line comes last.
 */
export const MAX_TOKENS = 32_768;

export function generationParams(): GenerationParams {
  return qwen3ThinkingParams(MAX_TOKENS);
}
