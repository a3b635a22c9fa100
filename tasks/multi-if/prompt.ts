// Multi-IF's conversation (multi_turn_instruct_following_eval_*.py): turn 1 sends the first user
// message alone; turn k sends the whole conversation so far, the model's own earlier answers as
// assistant messages, then the k-th user message. No system message.
import type { GenerationParams, Message, Sample } from '../../src/core/index.ts';
import { turnsOf } from './load.ts';

/** Multi-IF's API script default (--max_new_tokens 1024); greedy here. */
export const MAX_TOKENS = 1024;

/** The messages of turn `previous.length + 1`, or null when the conversation has no such turn. */
export function turnMessages(sample: Sample, previous: readonly string[]): Message[] | null {
  const turns = turnsOf(sample);
  const next = turns[previous.length];
  if (next === null || next === undefined) return null;
  const messages: Message[] = [];
  previous.forEach((answer, i) => {
    messages.push({ role: 'user', content: turns[i]?.prompt ?? '' }, { role: 'assistant', content: answer });
  });
  messages.push({ role: 'user', content: next.prompt });
  return messages;
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [] };
}
