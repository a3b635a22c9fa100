// What lm-evaluation-harness's `triviaqa` and `nq_open` tasks share: short answers generated
// after k shots from the train split, cut at the first "\n", "." or ",", stripped (filters
// remove_whitespace, take_first), and exact_match against every gold alias with case and ASCII
// punctuation ignored: the sample counts when any alias matches (lm_eval/api/task.py, multiple
// targets with metric exact_match).
//
// Shots are lm-eval's own: its default sampler draws `random.Random(1234).sample(train_docs, k)`
// once per evaluated document, one generator advancing through the documents in order. With the
// train rows in the published order, PythonRandom (CPython's Mersenne Twister) reproduces the
// draws, so the prompts are lm-eval's prompts document for document.
import type { Completion, GenerationParams, Sample, Score } from '../../src/core/index.ts';
import { answerText, exactMatch, type ExactMatchOptions } from '../../src/scoring/index.ts';
import { PythonRandom } from '../../src/task/index.ts';

export const UNTIL = ['\n', '.', ','];
/** lm-eval's default max_gen_toks for generate_until (neither yaml sets one). */
export const MAX_TOKENS = 256;
/** lm-eval's default --fewshot_random_seed. */
export const FEWSHOT_SEED = 1234;
export const METRIC = 'exact_match';
export const FILTER = 'remove_whitespace';

/** For each of `docs` evaluated documents in order, the train indices of its `k` shots. */
export function lmEvalShotIndices(docs: number, trainSize: number, k: number, seed = FEWSHOT_SEED): number[][] {
  const random = new PythonRandom(seed);
  const population = Array.from({ length: trainSize }, (_, i) => i);
  return Array.from({ length: docs }, () => random.sample(population, k));
}

/** The aliases a loaded sample carries (metadata.aliases, JSON). */
export function aliasesOf(sample: Sample): string[] {
  const raw = sample.metadata?.['aliases'];
  return typeof raw === 'string' ? (JSON.parse(raw) as string[]) : [];
}

/** The shots a loaded sample carries (metadata.shots, JSON train indices). */
export function shotsOf(sample: Sample, train: readonly Sample[]): Sample[] {
  const raw = sample.metadata?.['shots'];
  const indices = typeof raw === 'string' ? (JSON.parse(raw) as number[]) : [];
  return indices.map((i) => train[i]).filter((s): s is Sample => s !== undefined);
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [...UNTIL] };
}

/** remove_whitespace + take_first: the output cut at the first stop, thinking removed, stripped. */
export function extractAnswer(text: string): string {
  return answerText(text, UNTIL).trim();
}

/** 1 when the answer equals any alias under `options` (lm-eval: any of the multiple targets). */
export function scoreOpenQa(sample: Sample, completion: Completion, options: ExactMatchOptions): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const answer = extractAnswer(completion.text);
  const hit = aliasesOf(sample).some((alias) => exactMatch(answer, alias, options) === 1);
  return { values: { [METRIC]: hit ? 1 : 0 }, extracted: { [FILTER]: answer } };
}
