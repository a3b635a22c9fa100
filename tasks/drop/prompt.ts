// DROP's 3-shot prompt. DeepSeek-V3 reports DROP as "3-shot F1" for its base and chat models
// (README tables; /work/shared/baselines/deepseek-v3-readme.json); simple-evals also runs it with
// 3 train examples per question. Neither publishes a base-model template, so ours is a plain
// completion layout: each shot "Passage: …\nQuestion: …\nAnswer: …", shots separated by a blank
// line, the test item ending in "Answer:"; generation stops at the end of the answer line.
// Shots: 3 train questions drawn per test question (simple-evals draws 3 random train examples
// per question too), seeded by the question's id so that requests are reproducible.
import type { GenerationParams, Sample } from '../../src/core/index.ts';
import { drawFewShot } from '../../src/task/index.ts';
import { goldsOf, renderAnswer } from './load.ts';

export const SHOTS = 3;
export const UNTIL = ['\n'];
/** lm-eval's default max_gen_toks; an answer line is a few tokens. */
export const MAX_TOKENS = 256;
/** Seed of the shot draw (lm-eval's default fewshot seed). */
export const FEWSHOT_SEED = 1234;

function block(sample: Sample): string {
  return `Passage: ${String(sample.metadata?.['passage'] ?? '')}\nQuestion: ${sample.input}\nAnswer:`;
}

export function shotsFor(sample: Sample, pool: readonly Sample[]): Sample[] {
  return drawFewShot(pool, SHOTS, sample.id, FEWSHOT_SEED, (shot) => shot.id === sample.id);
}

export function renderPrompt(sample: Sample, pool: readonly Sample[]): string {
  const shots = shotsFor(sample, pool).map((shot) => `${block(shot)} ${renderAnswer(goldsOf(shot)[0] ?? [])}\n\n`);
  return `${shots.join('')}${block(sample)}`;
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [...UNTIL] };
}
