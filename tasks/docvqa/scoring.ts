// DocVQA's official metric: ANLS with τ = 0.5 against every gold answer of the question (Mathew et
// al., WACV 2021, §4; RRC evaluation script; src/scoring/anls.ts). The prediction is the whole
// answer (the prompt asks for a single word or phrase), thinking removed.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { anls, answerText } from '../../src/scoring/index.ts';

export const METRIC = 'anls';
export const FILTER = 'answer';

/** All gold answers of a sample, as the loader stored them (the target alone when absent). */
export function goldAnswers(sample: Sample): string[] {
  const raw = sample.metadata?.['answers'];
  if (typeof raw !== 'string') return [sample.target];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((a) => typeof a === 'string')) return parsed as string[];
  } catch {
    // Not written by this task's loader: fall back to the target.
  }
  return [sample.target];
}

export function scoreDocVqa(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const prediction = answerText(completion.text, []).trim();
  return { values: { [METRIC]: anls(prediction, goldAnswers(sample)) }, extracted: { [FILTER]: prediction === '' ? null : prediction } };
}
