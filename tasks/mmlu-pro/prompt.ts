// The prompt of the official MMLU-Pro evaluation (TIGER-AI-Lab/MMLU-Pro evaluate_from_local.py,
// generate_cot_prompt + format_cot_example, and cot_prompt_lib/initial_prompt.txt):
//   initial_prompt.txt with {$} → category, then "\n" (the file already ends in three newlines);
//   each of the first 5 validation questions of the category:
//     "Question:\n{question}\nOptions:\nA. {opt}\n...J. {opt}\n" + cot_content with its leading
//     "A: Let's think step by step." turned into "Answer: Let's think step by step.", then "\n\n";
//   the test question the same way, ending in "Answer: Let's think step by step."
// Options are printed as they are (the official code does not strip them; lm-eval's mmlu_pro
// does). Raw text, base-model style, as the official script runs vLLM completions.
import type { GenerationParams, Sample } from '../../src/core/index.ts';
import { LETTERS, SHOTS } from './load.ts';

const INITIAL_PROMPT =
  'The following are multiple choice questions (with answers) about {$}. Think step by step and then finish your answer with "the answer is (X)" where X is the correct letter choice.\n\n\n';
export const COT_TRIGGER = "Answer: Let's think step by step.";
/** The official script's vLLM settings: greedy, 2,048 new tokens, stop at the next "Question:". */
export const MAX_TOKENS = 2048;
export const UNTIL = ['Question:'] as const;

function questionBlock(sample: Sample): string {
  const options = (sample.choices ?? []).map((opt, i) => `${LETTERS[i]}. ${opt}\n`).join('');
  return `Question:\n${sample.input}\nOptions:\n${options}`;
}

export function renderShot(shot: Sample): string {
  const cot = String(shot.metadata?.['cot_content'] ?? '').replace("A: Let's think step by step.", COT_TRIGGER);
  return `${questionBlock(shot)}${cot}\n\n`;
}

/** The first SHOTS validation items of the sample's category, in file order. */
export function shotsFor(sample: Sample, fewshot: readonly Sample[]): Sample[] {
  return fewshot.filter((s) => s.subset === sample.subset).slice(0, SHOTS);
}

export function renderPrompt(sample: Sample, fewshot: readonly Sample[]): string {
  const head = `${INITIAL_PROMPT.replace('{$}', sample.subset ?? '')}\n`;
  return head + shotsFor(sample, fewshot).map(renderShot).join('') + questionBlock(sample) + COT_TRIGGER;
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [...UNTIL] };
}
