// MBPP's 3-shot prompt (Austin et al. 2021 §2.1; lm-evaluation-harness tasks/mbpp/mbpp.yaml): each
// problem as "You are an expert Python programmer, and here is your task: {text} Your code should
// pass these tests:\n\n{tests}\n[BEGIN]\n", each shot followed by its code and "\n[DONE]", shots
// separated by a blank line. The shots are task_ids 2, 3, 4, as in the paper and lm-eval.
import type { GenerationParams, Sample } from '../../src/core/index.ts';

export const STOP = '[DONE]';
/** Our budget: mbpp.yaml sets none; MBPP reference solutions are a few lines long. */
export const MAX_TOKENS = 512;

function testsOf(sample: Sample): string {
  return String(sample.metadata?.['tests'] ?? '');
}

export function renderProblem(sample: Sample): string {
  return `You are an expert Python programmer, and here is your task: ${sample.input} Your code should pass these tests:\n\n${testsOf(sample)}\n[BEGIN]\n`;
}

export function renderPrompt(sample: Sample, fewshot: readonly Sample[]): string {
  const shots = fewshot.map((shot) => `${renderProblem(shot)}${shot.target}\n${STOP}`);
  return [...shots, renderProblem(sample)].join('\n\n');
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [STOP] };
}
