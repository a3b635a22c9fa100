// The BBH CoT prompt exactly as the official repository ran Codex: the cot-prompts file (without
// its canary lines), then "\n\nQ: {input}\nA: Let's think step by step." — checked character for
// character against the `input` field of the official code-davinci-002 outputs
// (test/tasks/bbh.test.ts). lm-eval's bbh_cot_fewshot (v4.0) builds the same text plus one
// trailing "\n" after "step by step."; we keep the official form.
// A raw text prompt (base-model style): the 3-shot CoT baselines (DeepSeek-V3 and Qwen3 base
// tables) are base-model numbers.
import { DataError, type GenerationParams, type Sample, type TaskData } from '../../src/core/index.ts';
import { COT_TRIGGER, EXEMPLAR_SEPARATOR } from './load.ts';

/**
 * lm-eval's generation settings (greedy, max_gen_toks 1024) with one change to its stop list
 * ["</s>", "Q", "\n\n"]: "Q" becomes "Q:". lm-eval's bare "Q" ends generation at any capital Q,
 * so the gold answer "(Q)" of reasoning_about_colored_objects (option Q is "purple") can never
 * be produced, and reasoning that mentions "Qarabağ FK" is cut before its answer. "Q:" still
 * stops a base model that starts a new exemplar; so does "\n\n".
 */
export const UNTIL = ['</s>', 'Q:', '\n\n'] as const;
export const MAX_TOKENS = 1024;

export function docToText(input: string): string {
  return `Q: ${input}\n${COT_TRIGGER}`;
}

/** The full prompt for one sample: description, the task's 3 exemplars, the question. */
export function renderPrompt(sample: Sample, data: TaskData): string {
  const shots = data.fewshot.filter((s) => s.subset === sample.subset);
  const description = shots[0]?.metadata?.['description'];
  if (typeof description !== 'string') {
    throw new DataError(sample.origin?.file ?? sample.id, sample.origin?.line, `no CoT prompt loaded for task ${sample.subset ?? '?'}`);
  }
  return [description, ...shots.map((s) => s.input), docToText(sample.input)].join(EXEMPLAR_SEPARATOR);
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [...UNTIL] };
}
