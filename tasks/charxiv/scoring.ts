// Scoring one CharXiv response with the rule-based grader (grading.ts): the rubric is chosen by the
// descriptive template id or the reasoning answer type the loader stored in metadata.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { descriptiveRule, finalAnswer, grade, reasoningRule } from './grading.ts';

export const METRIC = 'acc';
export const FILTER = 'final_answer';

export function scoreCharXiv(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const answer = finalAnswer(completion.text);
  const qid = sample.metadata?.['qid'];
  const inst = sample.metadata?.['instCategory'];
  const rule = typeof qid === 'number' ? descriptiveRule(qid) : reasoningRule(typeof inst === 'number' ? inst : 2);
  return { values: { [METRIC]: answer === '' ? 0 : grade(answer, sample.target, rule) }, extracted: { [FILTER]: answer === '' ? null : answer }, explanation: `rule: ${rule}` };
}
